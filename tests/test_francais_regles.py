"""Elision and agreement, rule by rule (``domain/francais.py``)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atelier_app.domain.francais import accorder, commence_par_voyelle, compte, de


@pytest.mark.parametrize("mot", ["anonymiser", "Inaya", "Éloïse", "écrire", "Hugo", "homme", "Yves", "ordre",
                                 "Ursule", "  avec des espaces", "Âge", "île"])
def test_voyelle_ou_h_muet(mot: str) -> None:
    assert commence_par_voyelle(mot)


@pytest.mark.parametrize("mot", ["Paul", "bénévole", "Zoé", "Çava", "", "   ", "1er", "« Anne »"])
def test_pas_de_voyelle(mot: str) -> None:
    assert not commence_par_voyelle(mot)


def test_de_elide_devant_une_voyelle() -> None:
    assert de("anonymiser des personnes") == "d'anonymiser des personnes"
    assert de("Inaya Benali") == "d'Inaya Benali"
    assert de("Éloïse") == "d'Éloïse"
    assert de("Hugo") == "d'Hugo"


def test_de_sans_elision_et_espaces_retires() -> None:
    assert de("Paul Martin") == "de Paul Martin"
    assert de("  Paul  ") == "de Paul"
    assert de("  Anne ") == "d'Anne"


def test_accorder_au_feminin() -> None:
    assert accorder("Présent", "feminin") == "Présente"
    assert accorder("Absent", "feminin") == "Absente"
    assert accorder("Excusé", "feminin") == "Excusée"


def test_accorder_laisse_le_reste() -> None:
    assert accorder("En retard", "feminin") == "En retard"
    assert accorder("Présent", "masculin") == "Présent"
    assert accorder("Présent", "non_communique") == "Présent"
    assert accorder("Absent", "") == "Absent"


@given(st.text(alphabet="bcdfgjklmnpqrstvwxzBCDFGJKLMNPQRSTVWXZ", min_size=1),
       st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", max_size=10))
def test_de_devant_une_consonne(debut: str, suite: str) -> None:
    mot = debut + suite
    assert de(mot) == "de " + mot.strip()


@given(st.sampled_from("aeiouyhAEIOUYHàâéèêëîïôöùûüÀÂÉÈÊËÎÏÔÖÙÛÜ"), st.text(alphabet="bcdlmnrst", max_size=10))
def test_de_devant_une_voyelle(premiere: str, suite: str) -> None:
    mot = premiere + suite
    assert de(mot) == "d'" + mot


@pytest.mark.parametrize(("n", "attendu"), [(0, "0 inscrit"), (1, "1 inscrit"), (-1, "-1 inscrit"),
                                            (2, "2 inscrits"), (-2, "-2 inscrits"), (12, "12 inscrits")])
def test_compte_singulier_jusqu_a_un(n: int, attendu: str) -> None:
    assert compte(n, "inscrit") == attendu


def test_compte_accorde_chaque_mot_et_garde_s_x_z() -> None:
    assert compte(3, "séance prévue") == "3 séances prévues"
    assert compte(2, "prix bas") == "2 prix bas"
    assert compte(2, "nez roux") == "2 nez roux"
    assert compte(2, "séance tombe", "séances tombent") == "2 séances tombent"
    assert compte(1, "séance tombe", "séances tombent") == "1 séance tombe"


def test_compte_separe_les_milliers() -> None:
    assert compte(15686, "personne") == "15\u202f686 personnes"
