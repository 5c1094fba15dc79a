"""A group's session dates: its weekly slot, minus public holidays and the zone's school holidays.

Why the end of the packaged data matters: `vacances_scolaires_france` only knows the holidays the
ministry has published (until summer 2028). Past that date a calendar generated silently would put
sessions in the middle of the holidays, so the app says so and uses the periods typed by hand
(`Parametres.vacances_manuelles`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays
import vacances_scolaires_france as vsf

from atelier_app.domain.centre import PeriodeVacances
from atelier_app.domain.codes import JOURS
from atelier_app.domain.francais import compte

ZONES = ("A", "B", "C")
#: A generation never looks further than this many weeks (a typing error must not loop for ever).
SEMAINES_MAX = 200


@dataclass(frozen=True)
class Calendrier:
    dates: tuple[date, ...]
    #: dates skipped, with the reason (shown to the animateur)
    sautees: tuple[tuple[date, str], ...] = ()
    #: message when some dates lie past the packaged school-holiday data
    avertissement: str = ""


@lru_cache(maxsize=1)
def _donnees_scolaires() -> vsf.SchoolHolidayDates:
    return vsf.SchoolHolidayDates()


@lru_cache(maxsize=1)
def fin_donnees_scolaires() -> date:
    """The last day the packaged school-holiday data knows (end of its last school year)."""
    return max(_donnees_scolaires().data.keys())


def _feries(annee: int) -> dict[date, str]:
    return dict(holidays.France(years=annee, language="fr"))


@lru_cache(maxsize=64)
def _feries_cache(annee: int) -> dict[date, str]:
    return _feries(annee)


def jour_ferie(d: date) -> str | None:
    """The name of the French public holiday on that day, or None."""
    return _feries_cache(d.year).get(d)


def vacances_scolaires(d: date, zone: str, manuelles: Iterable[PeriodeVacances] = ()) -> str | None:
    """The name of the school holiday of ``zone`` on that day (packaged or typed by hand), or None."""
    for p in manuelles:
        if p.debut <= d <= p.fin:
            return p.nom or "vacances (saisies à la main)"
    if d > fin_donnees_scolaires():
        return None
    info = _donnees_scolaires().data.get(d)
    if info and info.get(f"vacances_zone_{zone.lower()}"):
        return info.get("nom_vacances") or "vacances scolaires"
    return None


def raison_sautee(d: date, zone: str, manuelles: Iterable[PeriodeVacances] = ()) -> str | None:
    ferie = jour_ferie(d)
    if ferie:
        return f"jour férié ({ferie})"
    vac = vacances_scolaires(d, zone, manuelles)
    return vac and f"{vac} (zone {zone})"


def premier_jour(debut: date, jour: str) -> date:
    """The first date on or after ``debut`` falling on ``jour`` (lundi…dimanche)."""
    cible = JOURS.index(jour)
    return debut + timedelta(days=(cible - debut.weekday()) % 7)


def generer(debut: date, jour: str, nb_seances: int, zone: str = "A",
            manuelles: Iterable[PeriodeVacances] = ()) -> Calendrier:
    """``nb_seances`` dates on ``jour`` from ``debut``, skipping public and school holidays."""
    if jour not in JOURS:
        raise ValueError(f"jour inconnu : « {jour} »")
    if zone not in ZONES:
        raise ValueError(f"zone scolaire inconnue : « {zone} » (A, B ou C)")
    manuelles = tuple(manuelles)
    dates: list[date] = []
    sautees: list[tuple[date, str]] = []
    d = premier_jour(debut, jour)
    for _ in range(SEMAINES_MAX):
        if len(dates) >= nb_seances:
            break
        raison = raison_sautee(d, zone, manuelles)
        if raison:
            sautees.append((d, raison))
        else:
            dates.append(d)
        d += timedelta(days=7)
    return Calendrier(tuple(dates), tuple(sautees), avertissement_fin_donnees(dates, manuelles))


def avertissement_fin_donnees(dates: Iterable[date], manuelles: Iterable[PeriodeVacances] = ()) -> str:
    """Say so when dates lie past the packaged school holidays and no period typed by hand covers them."""
    fin = fin_donnees_scolaires()
    apres = [d for d in dates if d > fin]
    if not apres:
        return ""
    couvert = max((p.fin for p in manuelles), default=None)
    if couvert is not None and couvert >= max(apres):
        return ""
    return (f"Les vacances scolaires connues d'Atelier s'arrêtent le {fin:%d/%m/%Y}. "
            f"{compte(len(apres), 'séance tombe', 'séances tombent')} après cette date : vérifiez-les, ou saisissez les vacances "
            "à la main dans Paramètres › Calendrier.")
