"""The centre's activity-report sheet: its labels in the centre's order and the year's edited text.

Why a record per activity and year: the animateur rewrites the *Chiffres* paragraph or the
"points positifs" of 2025 without touching the activity itself nor the 2024 sheet already sent to
the funders; ``chiffres=None`` means "the text computed from the data".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar

#: (key, label) in the centre's order, with the centre's own capitals (DESIGN.md).
LIBELLES: tuple[tuple[str, str], ...] = (
    ("nom", "NOM de l'ATELIER, ACTIVITE, ACTION, SERVICE, MANIFESTATION"),
    ("animateur", "Animatrice(eur) / Coordinatrice(eur) :"),
    ("lieu", "Lieu :"),
    ("objectifs", "Objectifs :"),
    ("objectifs_contrat", " - du contrat de projet :"),
    ("objectif_pedagogique", "Objectif pédagogique :"),
    ("description", "Description de l'activité :"),
    ("public", "Public :"),
    ("chiffres", "Chiffres :"),
    ("partenaires", "Partenaires :"),
    ("points_positifs", "Les points positifs et les points d'amélioration :"),
    ("perspectives", "Perspectives {suivante} :"),
)

#: Fields of the sheet the animateur may rewrite for one year (the activity keeps its defaults).
CHAMPS_MODIFIABLES: tuple[str, ...] = (
    "animateur", "lieu", "objectif_pedagogique", "description", "public", "partenaires",
    "points_positifs", "perspectives",
)


def libelle(cle: str, annee: int) -> str:
    texte = dict(LIBELLES)[cle]
    return texte.format(suivante=annee + 1)


@dataclass(frozen=True)
class FicheTexte:
    """What was edited on one sheet (activity, year); empty means "as computed / as the activity says"."""

    TABLE: ClassVar[str] = "fiches"
    RANGEMENT: ClassVar[str] = "noyau"

    id: str
    activite: str
    annee: int
    chiffres: str | None = None
    champs: dict[str, str] = field(default_factory=dict)
    modifie_le: datetime | None = None
    modifie_par: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def date_rangement(self) -> date:
        return date(2000, 1, 1)

    @staticmethod
    def identifiant(activite: str, annee: int) -> str:
        return f"{activite}-{annee}"


@dataclass(frozen=True)
class LigneFiche:
    cle: str
    libelle: str
    valeur: str


@dataclass(frozen=True)
class Fiche:
    """A sheet ready to show or print: every label in order with its value."""

    activite: str
    annee: int
    titre: str
    lignes: tuple[LigneFiche, ...]
    chiffres_calcules: str
    chiffres_modifies: bool

    def valeur(self, cle: str) -> str:
        return next(lg.valeur for lg in self.lignes if lg.cle == cle)
