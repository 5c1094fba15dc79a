"""The centre's identity and the app's settings: single records, filed with the core data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar


@dataclass(frozen=True)
class PeriodeVacances:
    """A holiday period typed by hand when packaged data runs out."""

    debut: date
    fin: date
    nom: str = ""


@dataclass(frozen=True)
class Centre:
    TABLE: ClassVar[str] = "centre"
    RANGEMENT: ClassVar[str] = "noyau"
    ID: ClassVar[str] = "centre"

    id: str = "centre"
    nom: str = ""
    adresse: str = ""
    code_postal: str = ""
    commune: str = ""
    telephone: str = ""
    email: str = ""
    logo: str = ""
    objectifs_contrat_projet: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    def date_rangement(self) -> date:
        return date(2000, 1, 1)

    @property
    def configure(self) -> bool:
        return bool(self.nom.strip())


@dataclass(frozen=True)
class Parametres:
    TABLE: ClassVar[str] = "parametres"
    RANGEMENT: ClassVar[str] = "noyau"
    ID: ClassVar[str] = "parametres"

    id: str = "parametres"
    taille_texte: int = 100
    theme: str = "clair"
    zone_scolaire: str = "A"
    vacances_manuelles: tuple[PeriodeVacances, ...] = ()
    mode_benevole: bool = False
    verrouillage_minutes: int = 10
    retention_annees: int = 3
    extra: dict[str, Any] = field(default_factory=dict)

    def date_rangement(self) -> date:
        return date(2000, 1, 1)
