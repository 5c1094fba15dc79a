"""Level placement records: the answers, score and level of one questionnaire, at entry or exit.

``disponibilites`` holds the ids of the weekly slots of ``activite`` the person can attend
(``Creneau.id``, « jeudi-09:00 »); empty means any. Older files hold « jeudi 09:00 » or a bare day
« jeudi »: ``domain.activites.creneau_convient`` reads all three.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from atelier_app.domain.codes import NIVEAUX
from atelier_app.errors import Probleme


@dataclass(frozen=True)
class Positionnement:
    TABLE: ClassVar[str] = "positionnements"
    RANGEMENT: ClassVar[str] = "annee"

    id: str
    personne: str
    date: date
    reponses: dict[str, Any] = field(default_factory=dict)
    score: int = 0
    niveau: str = "debutant"
    moment: str = "entree"
    cycle: str | None = None
    disponibilites: tuple[str, ...] = ()
    activite: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def date_rangement(self) -> dt.date:  # dt.: in this class body, ``date`` names the field
        return self.date


def valider_positionnement(p: Positionnement, ou: str) -> list[Probleme]:
    if p.niveau not in NIVEAUX:
        return [Probleme(ou, "niveau", f"niveau inconnu : « {p.niveau} »")]
    return []
