"""Pre-list entries (domain.preliste): the record, the days waited and the validation of its codes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from atelier_app.domain.preliste import ChangementEtat, EntreePreliste, valider_preliste
from atelier_app.errors import Probleme

E = EntreePreliste("l1", "p1", "a1", date(2026, 11, 1))


def test_enregistrement_et_valeurs_par_defaut() -> None:
    assert E.date_rangement() == date(2026, 11, 1)
    assert (EntreePreliste.TABLE, EntreePreliste.RANGEMENT) == ("preliste", "annee")
    assert (E.origine, E.etat, E.reunion, E.notes, E.historique, E.extra) == ("accueil", "a_inviter", None, "", (), {})
    assert ChangementEtat("invite", date(2026, 11, 2)).etat == "invite"


@pytest.mark.parametrize(("aujourd_hui", "jours"), [
    (date(2026, 12, 1), 30), (date(2026, 11, 2), 1), (date(2026, 11, 1), 0),
    (date(2026, 10, 31), 0), (date(2025, 1, 1), 0),  # a request dated after today waits 0 days, not minus
    (date(2027, 11, 1), 365),
])
def test_attente_en_jours(aujourd_hui: date, jours: int) -> None:
    assert E.attente_jours(aujourd_hui) == jours


@pytest.mark.parametrize("origine", ["accueil", "ccas", "mairie", "bouche_a_oreille", "autre"])
@pytest.mark.parametrize("etat", ["a_inviter", "invite", "venu", "inscrit", "desiste"])
def test_codes_acceptes(origine: str, etat: str) -> None:
    assert valider_preliste(replace(E, origine=origine, etat=etat), "pré-liste 1") == []


def test_codes_inconnus_nommes() -> None:
    assert valider_preliste(replace(E, origine="internet"), "pré-liste 2") == [
        Probleme("pré-liste 2", "origine", "origine inconnue : « internet »")]
    assert valider_preliste(replace(E, etat="parti"), "pré-liste 2") == [
        Probleme("pré-liste 2", "etat", "état inconnu : « parti »")]
    assert valider_preliste(replace(E, origine="", etat="Inscrit"), "pré-liste 3") == [
        Probleme("pré-liste 3", "origine", "origine inconnue : «  »"),
        Probleme("pré-liste 3", "etat", "état inconnu : « Inscrit »"),
    ]
