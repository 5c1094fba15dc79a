"""Pre-lists: people waiting for a course, from their request to their enrolment."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from atelier_app.domain.codes import ETATS_PRELISTE, ORIGINES
from atelier_app.errors import Probleme


@dataclass(frozen=True)
class ChangementEtat:
    etat: str
    le: date


@dataclass(frozen=True)
class EntreePreliste:
    TABLE: ClassVar[str] = "preliste"
    RANGEMENT: ClassVar[str] = "annee"

    id: str
    personne: str
    activite: str
    demande_le: date
    origine: str = "accueil"
    etat: str = "a_inviter"
    reunion: date | None = None
    notes: str = ""
    historique: tuple[ChangementEtat, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    def date_rangement(self) -> date:
        return self.demande_le

    def attente_jours(self, aujourd_hui: date) -> int:
        return max(0, (aujourd_hui - self.demande_le).days)


def valider_preliste(e: EntreePreliste, ou: str) -> list[Probleme]:
    problemes = []
    if e.origine not in ORIGINES:
        problemes.append(Probleme(ou, "origine", f"origine inconnue : « {e.origine} »"))
    if e.etat not in ETATS_PRELISTE:
        problemes.append(Probleme(ou, "etat", f"état inconnu : « {e.etat} »"))
    return problemes
