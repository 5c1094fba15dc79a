"""The states of sessions, attendance marks, pre-list entries and repair projects, as enums.

Why ``StrEnum``: the stored files and the interchange format keep the plain codes (``"realisee"``),
and an enum member compares equal to its code, so data read back as strings and code written with
the enum agree; a typo in a member name fails at import, a typo in a string literal never did.
The French labels stay in ``codes.py`` (one table per state, shown on screens and in documents).
"""

from __future__ import annotations

from enum import StrEnum


class EtatSeance(StrEnum):
    PREVUE = "prevue"
    REALISEE = "realisee"
    ANNULEE = "annulee"


class StatutPresence(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    EXCUSE = "excuse"
    RETARD = "retard"


class EtatPreliste(StrEnum):
    A_INVITER = "a_inviter"
    INVITE = "invite"
    VENU = "venu"
    INSCRIT = "inscrit"
    DESISTE = "desiste"


class EtatProjet(StrEnum):
    EN_COURS = "en_cours"
    REPARE = "repare"
    REPARABLE = "reparable"
    FIN_DE_VIE = "fin_de_vie"
    TERMINE = "termine"
    ABANDONNE = "abandonne"


#: A person "came" to a session when marked present or late (DESIGN.md, counting rules).
VENUS: frozenset[str] = frozenset({StatutPresence.PRESENT, StatutPresence.RETARD})
