"""Who is acting, and the checks every service makes before acting.

Why in the services and not the menus: a volunteer's screen hides the export button, but the
rule must hold even if a screen forgets (issue: accounts and roles).
"""

from __future__ import annotations

import getpass
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from atelier_app.domain.francais import de
from atelier_app.domain.roles import ROLES_LIBELLES, Permission, Role, autorise
from atelier_app.errors import AccesRefuse

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Utilisateur:
    identifiant: str
    role: Role

    @property
    def libelle(self) -> str:
        if self.identifiant.startswith("poste:"):
            return f"administrateur du poste ({self.identifiant.removeprefix('poste:')})"
        return self.identifiant


def _utilisateur_du_poste() -> Utilisateur:
    """The system user running the command, so the journal says who acted (« poste:marie »)."""
    try:
        nom = getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name in this environment
        nom = "inconnu"
    return Utilisateur(f"poste:{nom}", Role.DIRECTION)


#: The `atelier` command acts for whoever administers the PC, with direction rights.
ADMINISTRATEUR_POSTE = _utilisateur_du_poste()

_MESSAGES = {
    Permission.EXPORTER: "exporter des données",
    Permission.IMPORTER: "importer des données",
    Permission.VOIR_COORDONNEES: "voir les coordonnées des personnes",
    Permission.MODIFIER_PERSONNES: "modifier les fiches des personnes",
    Permission.VOIR_PERSONNES: "consulter les fiches des personnes",
    Permission.GERER_COMPTES: "gérer les comptes",
    Permission.ANONYMISER: "anonymiser des personnes",
    Permission.IMPRIMER: "imprimer des documents",
    Permission.STATISTIQUES: "consulter les statistiques",
}


#: Set to an ISO date (``ATELIER_DATE_FIXE=2028-02-29``) to run Atelier, or the whole test suite with
#: its CLI subprocesses, as if today were that day (the time of day stays the real one).
DATE_FIXE = "ATELIER_DATE_FIXE"


def _date_fixe() -> date | None:
    texte = os.environ.get(DATE_FIXE, "").strip()
    return date.fromisoformat(texte) if texte else None


def horloge_aujourd_hui() -> date:
    """Today: the one place that reads the system's date (or the fixed one)."""
    return _date_fixe() or date.today()


def horloge_maintenant() -> datetime:
    """Now: the one place that reads the system's clock (on the fixed day if one is set)."""
    maintenant = datetime.now()
    fixe = _date_fixe()
    return datetime.combine(fixe, maintenant.time()) if fixe else maintenant


@dataclass
class Contexte:
    """Who acts, what day it is, and who listens for changes.

    Why the clock lives here: every "today" of the application comes from ``aujourd_hui`` and
    ``maintenant``, so a test (or ``ATELIER_DATE_FIXE``) fixes the date for everything at once.
    """

    utilisateur: Utilisateur = ADMINISTRATEUR_POSTE
    aujourd_hui: Callable[[], date] = horloge_aujourd_hui
    maintenant: Callable[[], datetime] = horloge_maintenant
    ecouteurs: list[Callable[[str], None]] = field(default_factory=list)

    @property
    def role(self) -> Role:
        return self.utilisateur.role

    def peut(self, permission: Permission) -> bool:
        return autorise(self.utilisateur.role, permission)

    def exiger(self, permission: Permission) -> None:
        if not self.peut(permission):
            quoi = _MESSAGES.get(permission, permission.value.replace("_", " "))
            raise AccesRefuse(f"Votre compte ({ROLES_LIBELLES[self.role].lower()}) ne permet pas {de(quoi)}.")

    def signaler(self, quoi: str) -> None:
        """Tell the listeners that data changed (screens refresh, on the Tk thread: the window's
        listener queues the call when a background task signals). Never raises: the change is
        already saved, a listener's failure is logged and must not turn it into an error."""
        for f in list(self.ecouteurs):
            try:
                f(quoi)
            except Exception:
                log.exception("Écouteur de « %s »", quoi)
