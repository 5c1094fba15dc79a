"""Who is acting, and the checks every service makes before acting.

Why in the services and not the menus: a volunteer's screen hides the export button, but the
rule must hold even if a screen forgets (issue: accounts and roles).
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from atelier_app.domain.roles import Permission, Role, autorise
from atelier_app.errors import AccesRefuse


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


@dataclass
class Contexte:
    utilisateur: Utilisateur = ADMINISTRATEUR_POSTE
    aujourd_hui: Callable[[], date] = date.today
    maintenant: Callable[[], datetime] = datetime.now
    ecouteurs: list[Callable[[str], None]] = field(default_factory=list)

    @property
    def role(self) -> Role:
        return self.utilisateur.role

    def peut(self, permission: Permission) -> bool:
        return autorise(self.utilisateur.role, permission)

    def exiger(self, permission: Permission) -> None:
        if not self.peut(permission):
            quoi = _MESSAGES.get(permission, permission.value.replace("_", " "))
            raise AccesRefuse(f"Votre compte ({self.utilisateur.role.value}) ne permet pas de {quoi}.")

    def signaler(self, quoi: str) -> None:
        """Tell the screens that data changed (they refresh); never raises."""
        for f in list(self.ecouteurs):
            f(quoi)
