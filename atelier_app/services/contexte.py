"""Who is acting, and the checks every service makes before acting.

Why in the services and not the menus: a volunteer's screen hides the export button, but the
rule must hold even if a screen forgets (issue: accounts and roles).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from atelier_app.domain.francais import de
from atelier_app.domain.roles import ROLES_LIBELLES, Permission, Role, autorise
from atelier_app.errors import AccesRefuse


@dataclass(frozen=True)
class Utilisateur:
    identifiant: str
    role: Role

    @property
    def libelle(self) -> str:
        return self.identifiant


#: The `atelier` command acts for whoever administers the PC, with direction rights.
ADMINISTRATEUR_POSTE = Utilisateur("administrateur du poste", Role.DIRECTION)

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
            raise AccesRefuse(f"Votre compte ({ROLES_LIBELLES[self.role].lower()}) ne permet pas {de(quoi)}.")

    def signaler(self, quoi: str) -> None:
        """Tell the screens that data changed (they refresh); never raises."""
        for f in list(self.ecouteurs):
            f(quoi)
