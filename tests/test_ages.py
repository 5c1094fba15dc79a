"""Age bands of the national tool (reference/coop.md, ``tranche-age.ts``), checked at each boundary.

Why every boundary on both sides: the bands feed the demographics of every statistics page and
export; an off-by-one (``>`` for ``>=``) would move a whole year of births to the wrong band.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atelier_app.domain.ages import est_mineur, tranche_age

REF = 2026

#: (age, band) on each side of the national boundaries 11/12, 17/18, 24/25, 39/40, 59/60, 69/70.
BORNES = [
    (0, "moins_de_douze"), (11, "moins_de_douze"),
    (12, "douze_dix_huit"), (17, "douze_dix_huit"),
    (18, "dix_huit_vingt_quatre"), (24, "dix_huit_vingt_quatre"),
    (25, "vingt_cinq_trente_neuf"), (39, "vingt_cinq_trente_neuf"),
    (40, "quarante_cinquante_neuf"), (59, "quarante_cinquante_neuf"),
    (60, "soixante_soixante_neuf"), (69, "soixante_soixante_neuf"),
    (70, "soixante_dix_plus"), (104, "soixante_dix_plus"),
]


@pytest.mark.parametrize(("age", "tranche"), BORNES)
def test_bornes_nationales(age: int, tranche: str) -> None:
    assert tranche_age(REF - age, REF) == tranche


def test_age_compte_en_annees_civiles() -> None:
    # age = reference year − year of birth, whatever the birthday: born 1956 is 70 all through 2026
    assert tranche_age(1956, 2026) == "soixante_dix_plus"
    assert tranche_age(1956, 2025) == "soixante_soixante_neuf"
    assert tranche_age(2014, 2026) == "douze_dix_huit" and tranche_age(2015, 2026) == "moins_de_douze"


@pytest.mark.parametrize("annee", [None, 0, REF + 1, 2100])
def test_sans_annee_valide_non_communique(annee: int | None) -> None:
    assert tranche_age(annee, REF) == "non_communique"


def test_ne_dans_l_annee_de_reference() -> None:
    assert tranche_age(REF, REF) == "moins_de_douze"


@pytest.mark.parametrize(("naissance", "mineur"), [(REF - 17, True), (REF - 18, False), (REF, True),
                                                   (REF - 60, False), (None, False), (0, False)])
def test_mineur_sous_18_ans_dans_l_annee(naissance: int | None, mineur: bool) -> None:
    assert est_mineur(naissance, REF) is mineur


ORDRE = ["moins_de_douze", "douze_dix_huit", "dix_huit_vingt_quatre", "vingt_cinq_trente_neuf",
         "quarante_cinquante_neuf", "soixante_soixante_neuf", "soixante_dix_plus"]


@given(st.integers(1900, REF), st.integers(1900, REF))
def test_tranche_croit_avec_l_age(a: int, b: int) -> None:
    """An older person is never in a younger band, and minors are exactly the two first bands."""
    jeune, vieux = max(a, b), min(a, b)
    assert ORDRE.index(tranche_age(vieux, REF)) >= ORDRE.index(tranche_age(jeune, REF))
    assert est_mineur(a, REF) == (tranche_age(a, REF) in ORDRE[:2])
