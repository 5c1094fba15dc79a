"""Individual help-desk records: one person, one question, counted to show the demand."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from atelier_app.domain.codes import SUITES_ACCOMPAGNEMENT, THEMATIQUES
from atelier_app.domain.limites import verifier_textes
from atelier_app.errors import Probleme


@dataclass(frozen=True)
class Accompagnement:
    TABLE: ClassVar[str] = "accompagnements"
    RANGEMENT: ClassVar[str] = "annee"

    id: str
    date: date
    duree: int = 30
    personne: str | None = None
    thematiques: tuple[str, ...] = ()
    suite: str = "autre"
    notes: str = ""
    tranche_age: str = "non_communique"
    genre: str = "non_communique"
    statut_social: str = "non_communique"
    commune: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def date_rangement(self) -> dt.date:  # dt.: in this class body, ``date`` names the field
        return self.date


def valider_accompagnement(a: Accompagnement, ou: str) -> list[Probleme]:
    problemes = verifier_textes(ou, {"notes": a.notes, "commune": a.commune})
    if a.suite not in SUITES_ACCOMPAGNEMENT:
        problemes.append(Probleme(ou, "suite", f"suite inconnue : « {a.suite} »"))
    for t in a.thematiques:
        if t not in THEMATIQUES:
            problemes.append(Probleme(ou, "thematiques", f"thématique inconnue : « {t} »"))
    if not 0 < a.duree <= 12 * 60:
        problemes.append(Probleme(ou, "duree", f"durée impossible : {a.duree} minutes"))
    return problemes
