"""Placement records (domain.positionnement): the record and the validation of its level."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from atelier_app.domain.positionnement import Positionnement, valider_positionnement
from atelier_app.errors import Probleme

P = Positionnement("q1", "p1", date(2026, 9, 15))


def test_enregistrement_et_valeurs_par_defaut() -> None:
    assert P.date_rangement() == date(2026, 9, 15)
    assert (Positionnement.TABLE, Positionnement.RANGEMENT) == ("positionnements", "annee")
    assert (P.reponses, P.score, P.niveau, P.moment, P.cycle, P.disponibilites, P.activite, P.extra) == (
        {}, 0, "debutant", "entree", None, (), None, {})


@pytest.mark.parametrize("niveau", ["debutant", "a_rassurer", "intermediaire"])
def test_niveaux_acceptes(niveau: str) -> None:
    assert valider_positionnement(replace(P, niveau=niveau), "positionnement 1") == []


@pytest.mark.parametrize("niveau", ["expert", "", "Débutant"])
def test_niveau_inconnu(niveau: str) -> None:
    assert valider_positionnement(replace(P, niveau=niveau), "positionnement 2") == [
        Probleme("positionnement 2", "niveau", f"niveau inconnu : « {niveau} »")]
