"""Sessions and attendance: what the annual report rests on.

Why demographics are copied onto each attendance mark: anonymising a person later must never
change the figures of past years (DESIGN.md, counting rules).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar

from atelier_app.domain import comptage
from atelier_app.domain.codes import ETATS_SEANCE, STATUTS_PRESENCE, THEMATIQUES
from atelier_app.domain.etats import EtatSeance, StatutPresence
from atelier_app.errors import Probleme

_HEURE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@dataclass(frozen=True)
class Presence:
    personne: str
    statut: str = StatutPresence.PRESENT
    inscrit: bool = True
    tranche_age: str = "non_communique"
    genre: str = "non_communique"
    statut_social: str = "non_communique"
    commune: str = ""
    code_postal: str = ""

    @property
    def est_venue(self) -> bool:
        """Present or late: ``comptage.est_venue``."""
        return comptage.est_venue(self.statut)


@dataclass(frozen=True)
class Seance:
    TABLE: ClassVar[str] = "seances"
    RANGEMENT: ClassVar[str] = "mois"

    id: str
    groupe: str
    date: date
    debut: str = "09:00"
    duree: int = 120
    etat: str = EtatSeance.PREVUE
    thematiques: tuple[str, ...] = ()
    contenu: str = ""
    anonymes: int = 0
    presences: tuple[Presence, ...] = ()
    motif_annulation: str = ""
    appel_fait: bool = False
    saisie_par: str = ""
    saisie_le: datetime | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def date_rangement(self) -> dt.date:  # dt.: in this class body, ``date`` names the field
        return self.date

    @property
    def nb_venus(self) -> int:
        """People who came, anonymous head-count included (``comptage.venus``: none unless held)."""
        return comptage.venus(self)

    @property
    def est_tenue(self) -> bool:
        return comptage.est_tenue(self.etat)

    @property
    def heures(self) -> float:
        """A cancelled or not-yet-held session counts no hours (``comptage.heures``)."""
        return comptage.heures(self.etat, self.duree)


def valider_seance(s: Seance, ou: str) -> list[Probleme]:
    problemes = []
    if s.etat not in ETATS_SEANCE:
        problemes.append(Probleme(ou, "etat", f"état inconnu : « {s.etat} »"))
    if not _HEURE.match(s.debut or ""):
        problemes.append(Probleme(ou, "debut", f"heure invalide : « {s.debut} » (HH:MM)"))
    if not 0 < s.duree <= 12 * 60:
        problemes.append(Probleme(ou, "duree", f"durée impossible : {s.duree} minutes"))
    if s.anonymes < 0:
        problemes.append(Probleme(ou, "anonymes", "le nombre d'anonymes ne peut pas être négatif"))
    for t in s.thematiques:
        if t not in THEMATIQUES:
            problemes.append(Probleme(ou, "thematiques", f"thématique inconnue : « {t} »"))
    vus: set[str] = set()
    for p in s.presences:
        if p.statut not in STATUTS_PRESENCE:
            problemes.append(Probleme(ou, "presences", f"statut de présence inconnu : « {p.statut} »"))
        if p.personne in vus:
            problemes.append(Probleme(ou, "presences", f"personne « {p.personne} » notée deux fois"))
        vus.add(p.personne)
    return problemes
