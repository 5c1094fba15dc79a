"""Session dates: French public holidays and the zone's school holidays are skipped."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atelier_app.domain import calendrier
from atelier_app.domain.centre import PeriodeVacances
from atelier_app.domain.codes import JOURS

# Zone A, school year 2025-2026 (published calendar)
TOUSSAINT = (date(2025, 10, 18), date(2025, 11, 2))
NOEL = (date(2025, 12, 20), date(2026, 1, 4))
HIVER_A = (date(2026, 2, 7), date(2026, 2, 22))
PRINTEMPS_A = (date(2026, 4, 4), date(2026, 4, 19))


def _dans(d: date, periode: tuple[date, date]) -> bool:
    return periode[0] <= d <= periode[1]


@pytest.mark.parametrize("jour", JOURS[:6])
def test_annee_scolaire_zone_a(jour: str) -> None:
    cal = calendrier.generer(date(2025, 9, 1), jour, 30, "A")
    assert len(cal.dates) == 30
    for d in cal.dates:
        assert d.weekday() == JOURS.index(jour)
        for p in (TOUSSAINT, NOEL, HIVER_A, PRINTEMPS_A):
            assert not _dans(d, p), (d, p)
        assert d not in (date(2025, 11, 1), date(2025, 11, 11), date(2026, 5, 1), date(2026, 5, 8),
                         date(2026, 5, 14), date(2026, 5, 25), date(2025, 12, 25), date(2026, 1, 1))
    assert cal.avertissement == ""
    assert all(raison for _d, raison in cal.sautees)


def test_feries_hors_vacances() -> None:
    # Tuesday 11 November 2025 (Armistice), Thursday 14 May 2026 (Ascension), Monday 25 May (Pentecôte)
    assert date(2025, 11, 11) not in calendrier.generer(date(2025, 11, 3), "mardi", 3, "A").dates
    cal = calendrier.generer(date(2026, 5, 4), "jeudi", 3, "A")
    assert date(2026, 5, 14) not in cal.dates
    assert any("Ascension" in r for _d, r in cal.sautees)
    assert date(2026, 5, 25) not in calendrier.generer(date(2026, 5, 18), "lundi", 3, "B").dates


def test_zones_differentes() -> None:
    # February 2026: zone A on holiday 7-22 Feb, zone C 21 Feb - 8 Mar
    assert date(2026, 2, 10) not in calendrier.generer(date(2026, 2, 1), "mardi", 4, "A").dates
    assert date(2026, 2, 10) in calendrier.generer(date(2026, 2, 1), "mardi", 4, "C").dates


def test_fin_des_donnees_signalee_puis_couverte() -> None:
    fin = calendrier.fin_donnees_scolaires()
    assert date(2028, 6, 1) <= fin <= date(2029, 12, 31)
    cal = calendrier.generer(fin - timedelta(days=20), "mercredi", 10, "A")
    assert "s'arrêtent le" in cal.avertissement and "à la main" in cal.avertissement
    toussaint = PeriodeVacances(date(2028, 10, 21), date(2028, 11, 5), "Toussaint 2028")
    noel = PeriodeVacances(date(2028, 12, 23), date(2029, 1, 7), "Noël 2028")
    cal = calendrier.generer(date(2028, 9, 6), "mercredi", 10, "A", (toussaint, noel))
    assert not any(_dans(d, (toussaint.debut, toussaint.fin)) for d in cal.dates)
    assert cal.avertissement == ""
    assert any("Toussaint 2028" in r for _d, r in cal.sautees)


def test_entrees_invalides() -> None:
    with pytest.raises(ValueError):
        calendrier.generer(date(2025, 9, 1), "jeudy", 3)
    with pytest.raises(ValueError):
        calendrier.generer(date(2025, 9, 1), "jeudi", 3, "D")


@settings(max_examples=60, deadline=None)
@given(debut=st.dates(date(2019, 1, 1), date(2027, 12, 31)), jour=st.sampled_from(JOURS[:6]),
       n=st.integers(0, 40), zone=st.sampled_from(calendrier.ZONES))
def test_proprietes(debut: date, jour: str, n: int, zone: str) -> None:
    cal = calendrier.generer(debut, jour, n, zone)
    assert len(cal.dates) == n
    assert list(cal.dates) == sorted(set(cal.dates))
    for d in cal.dates:
        assert d >= debut
        assert d.weekday() == JOURS.index(jour)
        assert calendrier.jour_ferie(d) is None
        assert calendrier.vacances_scolaires(d, zone) is None
