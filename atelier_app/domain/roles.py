"""Who may do what. Checked by the services, so no screen can get round it.

Why a table of permissions rather than role checks scattered in code: the privacy rules
(a volunteer sees first names and marks attendance, nothing more) must be readable in one place.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    DIRECTION = "direction"
    ANIMATEUR = "animateur"
    BENEVOLE = "benevole"


ROLES_LIBELLES: dict[str, str] = {
    Role.DIRECTION: "Direction",
    Role.ANIMATEUR: "Animateur·rice",
    Role.BENEVOLE: "Bénévole",
}


class Permission(StrEnum):
    VOIR_SEANCES_DU_JOUR = "voir_seances_du_jour"
    NOTER_PRESENCES = "noter_presences"
    VOIR_PERSONNES = "voir_personnes"
    VOIR_COORDONNEES = "voir_coordonnees"
    MODIFIER_PERSONNES = "modifier_personnes"
    GERER_ACTIVITES = "gerer_activites"
    IMPRIMER = "imprimer"
    EXPORTER = "exporter"
    IMPORTER = "importer"
    STATISTIQUES = "statistiques"
    ANONYMISER = "anonymiser"
    SAUVEGARDER = "sauvegarder"
    PARAMETRES = "parametres"
    GERER_COMPTES = "gerer_comptes"
    VOIR_JOURNAL = "voir_journal"


_BENEVOLE = {Permission.VOIR_SEANCES_DU_JOUR, Permission.NOTER_PRESENCES}
_ANIMATEUR = set(Permission) - {Permission.GERER_COMPTES, Permission.VOIR_JOURNAL}

PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.DIRECTION: frozenset(Permission),
    Role.ANIMATEUR: frozenset(_ANIMATEUR),
    Role.BENEVOLE: frozenset(_BENEVOLE),
}


def autorise(role: Role, permission: Permission) -> bool:
    return permission in PERMISSIONS[role]
