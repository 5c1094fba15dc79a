"""French numbers, percentages, hours and dates (domain.nombres), each function at its edges."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atelier_app.domain import nombres

N = "\u202f"  # narrow no-break space: thousands, and before %
E = "\u00a0"  # no-break space: around « h »


@pytest.mark.parametrize(("valeur", "texte"), [
    (0, "0"), (7, "7"), (999, "999"), (1000, f"1{N}000"), (1234567, f"1{N}234{N}567"),
    (2.4, "2"), (2.6, "3"), (999.6, f"1{N}000"), (-1500, f"-1{N}500"),
])
def test_entier(valeur: float, texte: str) -> None:
    assert nombres.entier(valeur) == texte


@pytest.mark.parametrize(("valeur", "decimales", "texte"), [
    (6.5, 1, "6,5"), (84.0, 1, "84"), (6.54, 1, "6,5"), (6.56, 1, "6,6"), (11034.6, 1, f"11{N}034,6"),
    (1.234, 2, "1,23"), (1.2, 2, "1,2"), (1.0, 2, "1"), (0.007, 2, "0,01"),
    (1234.56, 0, f"1{N}235"), (2.7, 0, "3"), (6.5, 0, "6"),
])
def test_decimal_sans_zeros_inutiles(valeur: float, decimales: int, texte: str) -> None:
    assert nombres.decimal(valeur, decimales) == texte


def test_decimal_une_decimale_par_defaut() -> None:
    assert nombres.decimal(3.14159) == "3,1"


@pytest.mark.parametrize(("part", "total", "decimales", "texte"), [
    (1, 4, 1, f"25,0{N}%"), (1, 3, 2, f"33,33{N}%"), (1, 3, 0, f"33{N}%"), (2, 3, 0, f"67{N}%"),
    (0, 5, 1, f"0,0{N}%"), (5, 5, 1, f"100,0{N}%"), (1234, 1, 1, f"123{N}400,0{N}%"),
    (3, 0, 1, "—"), (0, 0, 1, "—"), (3, 0.0, 0, "—"),
])
def test_pourcent(part: float, total: float, decimales: int, texte: str) -> None:
    assert nombres.pourcent(part, total, decimales) == texte


def test_pourcent_une_decimale_par_defaut() -> None:
    assert nombres.pourcent(1, 8) == f"12,5{N}%"
    assert nombres.RIEN == "—"


@pytest.mark.parametrize(("valeur", "texte"), [
    (0, f"0{E}h"), (3, f"3{E}h"), (0.75, f"0{E}h{E}45"), (52.25, f"52{E}h{E}15"), (1 / 60, f"0{E}h{E}01"),
    (2 + 5 / 60, f"2{E}h{E}05"), (1.5, f"1{E}h{E}30"), (1000, f"1{N}000{E}h"), (59 / 60, f"0{E}h{E}59"),
    (1 + 59 / 60, f"1{E}h{E}59"),
])
def test_heures(valeur: float, texte: str) -> None:
    assert nombres.heures(valeur) == texte


@pytest.mark.parametrize(("jour", "texte"), [
    (date(2026, 12, 1), "1er décembre 2026"), (date(2027, 1, 1), "1er janvier 2027"),
    (date(2026, 12, 2), "2 décembre 2026"), (date(2026, 3, 10), "10 mars 2026"),
    (date(2026, 5, 31), "31 mai 2026"), (date(2024, 2, 29), "29 février 2024"), (date(2026, 8, 11), "11 août 2026"),
])
def test_date_longue(jour: date, texte: str) -> None:
    assert nombres.date_longue(jour) == texte


@pytest.mark.parametrize(("texte", "valeur"), [
    ("6,5", 6.5), ("6.5", 6.5), ("1 250,5", 1250.5), (f"1{N}250,5", 1250.5), (f"1{E}250,5", 1250.5),
    ("  7 ", 7.0), ("0,25", 0.25), ("-3,5", -3.5), (f" 1{N}2 3{E}4,5 ", 1234.5),
])
def test_lire_decimal(texte: str, valeur: float) -> None:
    assert nombres.lire_decimal(texte) == valeur


@pytest.mark.parametrize("texte", ["", "abc", "6,5,5", "6,5 kg", "1,2.3"])
def test_lire_decimal_refuse(texte: str) -> None:
    with pytest.raises(ValueError):
        nombres.lire_decimal(texte)


@pytest.mark.parametrize(("valeur", "decimales", "texte"), [
    (None, 1, "—"), (25.018, 1, f"25,0{N}%"), (0, 1, f"0,0{N}%"), (0.0, 2, f"0,00{N}%"),
    (12.346, 2, f"12,35{N}%"), (50, 0, f"50{N}%"), (100, 1, f"100,0{N}%"),
])
def test_taux_d_un_pourcentage_deja_sur_cent(valeur: float | None, decimales: int, texte: str) -> None:
    assert nombres.taux(valeur, decimales) == texte


def test_taux_une_decimale_par_defaut() -> None:
    assert nombres.taux(33.333) == f"33,3{N}%"


@pytest.mark.parametrize(("valeur", "decimales", "texte"), [
    (84.0, 1, "84"), (1234, 1, f"1{N}234"), (0, 1, "0"), (6.5, 1, "6,5"), (6.27, 1, "6,3"),
    (6.25, 2, "6,25"), (1234.5, 1, f"1{N}234,5"), (0.333, 2, "0,33"),
])
def test_nombre(valeur: float, decimales: int, texte: str) -> None:
    assert nombres.nombre(valeur, decimales) == texte


def test_nombre_une_decimale_par_defaut() -> None:
    assert nombres.nombre(2.345) == "2,3" and nombres.nombre(2.0) == "2"


@given(st.integers(-10**6, 10**6), st.integers(0, 99))
def test_decimal_relu(entiere: int, centiemes: int) -> None:
    valeur = entiere + (centiemes / 100 if entiere >= 0 else -centiemes / 100)
    assert nombres.lire_decimal(nombres.decimal(valeur, 2)) == pytest.approx(valeur)


@given(st.integers(0, 100 * 60))
def test_heures_en_minutes(minutes: int) -> None:
    h, m = divmod(minutes, 60)
    attendu = f"{h:,}".replace(",", N) + f"{E}h" + (f"{E}{m:02d}" if m else "")
    assert nombres.heures(minutes / 60) == attendu
