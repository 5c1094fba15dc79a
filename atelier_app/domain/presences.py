"""Attendance rules: who must be phoned, what a person attended, which calls were forgotten.

Why here and pure: the home screen, the person's file and the statistics must agree on these
counts, and they are easy to get subtly wrong (a cancelled session is not an absence).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from atelier_app.domain.seances import Seance

#: Two absences in a row flag the person for a phone call (DESIGN.md, workflow 3).
ABSENCES_A_RAPPELER = 2


def _tenues(seances: Iterable[Seance]) -> list[Seance]:
    """Sessions whose attendance was taken, oldest first (cancelled ones never count)."""
    return sorted((s for s in seances if s.etat == "realisee" and s.appel_fait), key=lambda s: (s.date, s.debut))


def absences_consecutives(seances: Iterable[Seance], personne: str) -> int:
    """How many of the person's latest held sessions in a row they missed (excused does not count)."""
    n = 0
    for s in reversed(_tenues(seances)):
        statut = next((p.statut for p in s.presences if p.personne == personne), None)
        if statut is None:
            continue
        if statut == "absent":
            n += 1
        elif statut == "excuse":
            continue
        else:
            break
    return n


def a_rappeler(seances: Iterable[Seance], inscrits: Iterable[str]) -> dict[str, int]:
    """Enrolled people whose latest absences in a row reach the threshold, with the count."""
    seances = list(seances)
    out = {}
    for pid in inscrits:
        n = absences_consecutives(seances, pid)
        if n >= ABSENCES_A_RAPPELER:
            out[pid] = n
    return out


@dataclass(frozen=True)
class Assiduite:
    """A person's attendance over some sessions (a group, a year…)."""

    prevues: int = 0       # held sessions where the person was expected (enrolled) or came
    venues: int = 0        # present or late
    absences: int = 0
    excuses: int = 0
    heures: float = 0.0    # hours of held sessions attended

    @property
    def taux(self) -> float | None:
        """Share of held sessions attended, excused ones left out; None when nothing to count."""
        base = self.prevues - self.excuses
        return None if base <= 0 else self.venues / base

    @property
    def taux_texte(self) -> str:
        t = self.taux
        return "—" if t is None else f"{round(t * 100)} %"


def assiduite(seances: Iterable[Seance], personne: str) -> Assiduite:
    """Count only held sessions; a cancelled one counts neither hours nor absence."""
    prevues = venues = absences = excuses = 0
    heures = 0.0
    for s in _tenues(seances):
        p = next((p for p in s.presences if p.personne == personne), None)
        if p is None:
            continue
        prevues += 1
        if p.est_venue:
            venues += 1
            heures += s.heures
        elif p.statut == "absent":
            absences += 1
        else:
            excuses += 1
    return Assiduite(prevues, venues, absences, excuses, round(heures, 2))


def appels_oublies(seances: Iterable[Seance], aujourd_hui: date) -> list[Seance]:
    """Past sessions neither cancelled nor marked: someone forgot to take the attendance."""
    return sorted((s for s in seances if s.date < aujourd_hui and s.etat != "annulee" and not s.appel_fait),
                  key=lambda s: (s.date, s.debut))


def heures_realisees(seances: Iterable[Seance]) -> float:
    return round(sum(s.heures for s in seances), 2)
