"""Attendance rules: who must be phoned, what a person attended, which calls were forgotten.

Why here and pure: the home screen, the person's file and the statistics must agree on these
counts, and they are easy to get subtly wrong (a cancelled session is not an absence). What
"held", "came" and a person's attendance mean is written once in ``domain/comptage.py``; this
module adds the phone-call rule and the forgotten roll calls on top of it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from atelier_app.domain import comptage
from atelier_app.domain.comptage import Assiduite, assiduite
from atelier_app.domain.etats import StatutPresence
from atelier_app.domain.seances import Seance

__all__ = ["ABSENCES_A_RAPPELER", "Assiduite", "a_rappeler", "absences_consecutives", "appels_oublies",
           "assiduite", "heures_realisees"]

#: Two absences in a row flag the person for a phone call (DESIGN.md, workflow 3).
ABSENCES_A_RAPPELER = 2


def _tenues(seances: Iterable[Seance]) -> list[Seance]:
    """Held sessions (``comptage.est_tenue``), oldest first (cancelled ones never count)."""
    return sorted((s for s in seances if comptage.est_tenue(s.etat)), key=lambda s: (s.date, s.debut))


def absences_consecutives(seances: Iterable[Seance], personne: str) -> int:
    """How many of the person's latest held sessions in a row they missed (excused does not count)."""
    n = 0
    for s in reversed(_tenues(seances)):
        marque = comptage.marque_de(s, personne)
        if marque is None:
            continue
        if comptage.est_absence(marque.statut):
            n += 1
        elif marque.statut != StatutPresence.EXCUSE:
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


def appels_oublies(seances: Iterable[Seance], aujourd_hui: date) -> list[Seance]:
    """Past sessions neither cancelled nor marked: someone forgot to take the attendance."""
    return sorted((s for s in seances if comptage.appel_a_faire(s.etat, s.appel_fait, s.date, aujourd_hui)),
                  key=lambda s: (s.date, s.debut))


def heures_realisees(seances: Iterable[Seance]) -> float:
    """*H*: ``comptage.heures_tenues``."""
    return comptage.heures_tenues(seances)
