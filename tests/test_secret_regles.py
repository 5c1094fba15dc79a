"""Small counts, rule by rule (domain.secret): the marks, the intervals a reader deduces, the order of masking.

Every expected interval below is worked out by hand from what is printed: « < 5 » is 1 to 4, « s » is
at least 5 for people (at least 1 otherwise), a withheld cell is anything, and the cells add up to
the total the reader knows.
"""

from __future__ import annotations

import pytest

from atelier_app.domain.secret import (
    INFINI,
    SEUIL,
    Cellule,
    Masque,
    bornes,
    devine,
    intervalle,
    primaire,
    proteger,
    proteger_somme,
)

V, P, S, R = Masque.VISIBLE, Masque.PETIT, Masque.SECRET, Masque.RETENU


def test_seuil_et_infini() -> None:
    assert SEUIL == 5 and INFINI == 10**12
    assert Cellule(3).personnes is True


@pytest.mark.parametrize(("cellule", "petite"), [
    (Cellule(0), False), (Cellule(1), True), (Cellule(4), True), (Cellule(5), False), (Cellule(12), False),
    (Cellule(1, personnes=False), False), (Cellule(4, personnes=False), False),
])
def test_primaire_de_un_a_quatre_personnes(cellule: Cellule, petite: bool) -> None:
    assert primaire(cellule) is petite


@pytest.mark.parametrize(("cellule", "masque", "connu"), [
    (Cellule(7), V, (7, 7)), (Cellule(0), V, (0, 0)),
    (Cellule(3), P, (1, 4)),
    (Cellule(9), S, (5, INFINI)), (Cellule(9, personnes=False), S, (1, INFINI)),
    (Cellule(9), R, (0, INFINI)), (Cellule(9, personnes=False), R, (0, INFINI)),
])
def test_intervalle_d_une_cellule_seule(cellule: Cellule, masque: Masque, connu: tuple[int, int]) -> None:
    assert intervalle(cellule, masque) == connu


def test_bornes_sans_total_connu() -> None:
    cellules = [Cellule(12), Cellule(2), Cellule(8)]
    assert bornes(cellules, [V, P, S], None) == [(12, 12), (1, 4), (5, INFINI)]


def test_bornes_avec_le_total() -> None:
    # 12 printed, « < 5 », total 14: the small one is 2
    assert bornes([Cellule(12), Cellule(2)], [V, P], 14) == [(12, 12), (2, 2)]
    # « s » and « < 5 », total 14: the s is 10 to 13 (14 minus 1..4), the small one stays 1..4
    assert bornes([Cellule(12), Cellule(2)], [S, P], 14) == [(10, 13), (1, 4)]
    assert bornes([Cellule(12, personnes=False), Cellule(2)], [S, P], 14) == [(10, 13), (1, 4)]
    # total 8: an « s » of people is at least 5, so the small one is at most 3; another count only 1
    assert bornes([Cellule(6), Cellule(2)], [S, P], 8) == [(5, 7), (1, 3)]
    assert bornes([Cellule(6, personnes=False), Cellule(2)], [S, P], 8) == [(4, 7), (1, 4)]
    # withheld: 0 to the total minus the others' lows
    assert bornes([Cellule(4), Cellule(4), Cellule(0)], [P, P, R], 8) == [(1, 4), (1, 4), (0, 6)]
    assert bornes([Cellule(4), Cellule(4)], [P, P], 8) == [(4, 4), (4, 4)]


def test_devine_les_cellules_masquees_d_une_seule_valeur() -> None:
    assert devine([Cellule(12), Cellule(2)], [V, P], 14) == [1]  # the visible one is known, not "guessed"
    assert devine([Cellule(12), Cellule(2)], [V, P], None) == []
    assert devine([Cellule(12), Cellule(2)], [S, P], 14) == []
    assert devine([Cellule(4), Cellule(4)], [P, P], 8) == [0, 1]
    assert devine([Cellule(1), Cellule(1), Cellule(0)], [P, P, R], 2) == [0, 1, 2]  # 1 + 1 = 2: the rest is 0


def test_sans_total_seules_les_petites_sont_masquees() -> None:
    assert proteger([Cellule(2), Cellule(12), Cellule(0), Cellule(3, personnes=False)]) == [P, V, V, V]
    assert proteger([Cellule(2), Cellule(12)], None) == [P, V]


def test_sans_petite_rien_a_masquer() -> None:
    assert proteger([Cellule(0), Cellule(7), Cellule(9)], 16) == [V, V, V]
    assert proteger([Cellule(3, personnes=False), Cellule(9)], 12) == [V, V]


def test_une_petite_non_devinable_reste_seule_masquee() -> None:
    assert proteger([Cellule(2), Cellule(2), Cellule(9)], 13) == [P, P, V]  # 2 + 2: each 1 to 3


def test_masquage_secondaire_la_plus_petite_d_abord() -> None:
    assert proteger([Cellule(12), Cellule(2)], 14) == [S, P]
    assert proteger([Cellule(2), Cellule(7), Cellule(6)], 15) == [P, V, S]
    assert proteger([Cellule(2), Cellule(0), Cellule(9)], 11) == [P, V, S]  # a zero is never the secondary one


def test_a_egalite_une_personne_avant_un_autre_compte_puis_la_premiere() -> None:
    assert proteger([Cellule(2), Cellule(6, personnes=False), Cellule(6)], 14) == [P, V, S]
    assert proteger([Cellule(2), Cellule(6), Cellule(6, personnes=False)], 14) == [P, S, V]
    assert proteger([Cellule(2), Cellule(6), Cellule(6)], 14) == [P, S, V]


def test_plusieurs_secondaires_si_une_ne_suffit_pas() -> None:
    # two « < 5 », a 5 and a 20, total 27: with the 5 masked and the 20 printed, the s is at least 5 and
    # at most 27 - 20 - 2 = 5, so the small ones add up to 2 and are both 1; the 20 is masked too.
    assert proteger([Cellule(1), Cellule(1), Cellule(5), Cellule(20)], 27) == [P, P, S, S]


def test_rien_a_masquer_de_plus_le_groupe_est_retenu() -> None:
    assert proteger([Cellule(1), Cellule(1)], 2) == [R, R]
    assert proteger([Cellule(1), Cellule(1), Cellule(0)], 2) == [R, R, R]
    assert proteger([Cellule(4), Cellule(4)], 8) == [R, R]


def test_retenir_les_zeros_suffit_parfois() -> None:
    # 4 + 4 = 8 pins both; withholding the zero (0 to anything) frees them
    assert proteger([Cellule(4), Cellule(4), Cellule(0)], 8) == [P, P, R]


def test_un_autre_compte_de_un_peut_etre_le_secondaire() -> None:
    # a count of 1 that is not people is printed, and is the smallest one to mask
    assert proteger([Cellule(2), Cellule(1, personnes=False), Cellule(9)], 12) == [P, S, V]


def test_une_marque_par_cellule_exigee() -> None:
    with pytest.raises(ValueError):
        bornes([Cellule(1)], [P, V], None)
    with pytest.raises(ValueError):
        bornes([Cellule(1), Cellule(7)], [P], 8)


# -- a total that is itself small (« moins de 5 stagiaires … ») printed beside its parts
def test_somme_petite_une_seule_partie_reste_moins_de_5() -> None:
    """One session, 3 people: « moins de 5 » for both, the reader knows 1 to 4, nothing more."""
    assert proteger_somme([Cellule(3)], Cellule(3)) == ([Masque.PETIT], Masque.PETIT)


def test_somme_petite_deux_parties_encore_incertaines() -> None:
    """1 + 1 out of « moins de 5 »: each part may be 1, 2 or 3 (total 2, 3 or 4): printed « < 5 »."""
    assert proteger_somme([Cellule(1), Cellule(1)], Cellule(2)) == ([Masque.PETIT, Masque.PETIT], Masque.PETIT)


def test_somme_petite_deux_valeurs_possibles_suffisent() -> None:
    """A part beside a visible count of objects: the reader hesitates between 1 and 2, enough."""
    parts = [Cellule(1), Cellule(2, personnes=False)]
    assert proteger_somme(parts, Cellule(3)) == ([Masque.PETIT, Masque.VISIBLE], Masque.PETIT)


def test_somme_petite_parties_toutes_retenues_quand_une_est_trouvee() -> None:
    """Four sessions of « < 5 » out of « < 5 »: one each, so the parts are all withheld."""
    parts = [Cellule(1)] * 4
    assert proteger_somme(parts, Cellule(4)) == ([Masque.RETENU] * 4, Masque.PETIT)


def test_somme_grande_protegee_comme_un_tableau() -> None:
    """A total of 5 or more is printed; its parts are protected as any table's (``proteger``)."""
    parts = [Cellule(2), Cellule(9)]
    assert proteger_somme(parts, Cellule(11)) == ([Masque.PETIT, Masque.SECRET], Masque.VISIBLE)
