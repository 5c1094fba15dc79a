"""The statistics' period: a year in progress is cut at today and said so on every page (DESIGN.md)."""

from __future__ import annotations

from datetime import date

import pytest

from atelier_app.domain.periode import Periode, annee, partielle


@pytest.mark.parametrize(("aujourd_hui", "attendue"), [
    (date(2026, 12, 1), Periode(date(2026, 1, 1), date(2026, 12, 1), True)),
    (date(2026, 1, 1), Periode(date(2026, 1, 1), date(2026, 1, 1), True)),  # first day: already in progress
    (date(2026, 12, 30), Periode(date(2026, 1, 1), date(2026, 12, 30), True)),
    (date(2026, 12, 31), Periode(date(2026, 1, 1), date(2026, 12, 31), False)),  # last day: the whole year
    (date(2027, 1, 1), Periode(date(2026, 1, 1), date(2026, 12, 31), False)),
    (date(2025, 12, 31), Periode(date(2026, 1, 1), date(2026, 12, 31), False)),  # a year still to come
])
def test_annee_coupee_a_aujourd_hui_seulement_si_en_cours(aujourd_hui: date, attendue: Periode) -> None:
    assert annee(2026, aujourd_hui) == attendue


def test_avertissement_d_une_annee_en_cours() -> None:
    assert annee(2026, date(2026, 12, 1)).avertissement() == (
        "Année 2026 en cours : chiffres du 1er janvier au 1er décembre 2026, comparés à la même période de 2025.")
    assert Periode(date(2024, 1, 1), date(2024, 3, 15), True).avertissement() == (
        "Année 2024 en cours : chiffres du 1er janvier au 15 mars 2024, comparés à la même période de 2023.")


def test_pas_d_avertissement_pour_une_annee_finie() -> None:
    assert annee(2025, date(2026, 12, 1)).avertissement() == ""
    assert Periode(date(2024, 1, 1), date(2024, 3, 15), False).avertissement() == ""


def test_partielle_dit_une_periode_coupee_avant_le_31_decembre() -> None:
    assert partielle(date(2026, 1, 1), date(2026, 12, 30)) == (
        "Année 2026 incomplète : chiffres du 1er janvier au 30 décembre 2026, comparés à la même période de 2025.")
    assert partielle(date(2023, 1, 1), date(2023, 1, 1)) == (
        "Année 2023 incomplète : chiffres du 1er janvier au 1er janvier 2023, comparés à la même période de 2022.")


@pytest.mark.parametrize(("debut", "fin"), [
    (date(2026, 1, 1), date(2026, 12, 31)),  # the whole year
    (date(2026, 1, 2), date(2026, 6, 30)),  # does not start on 1 January
    (date(2026, 2, 1), date(2026, 6, 30)),
    (date(2026, 1, 1), date(2027, 6, 30)),  # ends another year
    (date(2025, 1, 1), date(2026, 12, 31)),
])
def test_partielle_muette_sinon(debut: date, fin: date) -> None:
    assert partielle(debut, fin) == ""
