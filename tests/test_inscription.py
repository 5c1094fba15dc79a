"""Rules of enrolment: capacity, waiting-list order, pre-list states, minors."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atelier_app.domain import inscription as r
from atelier_app.domain.activites import Groupe
from atelier_app.domain.codes import ETATS_PRELISTE
from atelier_app.domain.personnes import Personne
from atelier_app.domain.preliste import EntreePreliste
from atelier_app.errors import UserError

ids = st.lists(st.sampled_from([f"p{i}" for i in range(15)]), max_size=30)


@given(st.integers(1, 10), ids)
def test_jamais_au_dela_de_la_capacite_et_attente_dans_l_ordre(capacite, arrivees):
    g = Groupe(id="g", cycle="c", nom="G", capacite=capacite)
    for p in arrivees:
        g, _ = r.inscrire(g, p)
    uniques = list(dict.fromkeys(arrivees))
    assert len(g.inscrits) <= capacite
    assert list(g.inscrits) + list(g.liste_attente) == uniques
    assert not set(g.inscrits) & set(g.liste_attente)


@given(st.integers(1, 5), ids, st.data())
def test_place_liberee_propose_le_premier_arrive(capacite, arrivees, data):
    g = Groupe(id="g", cycle="c", nom="G", capacite=capacite)
    for p in arrivees:
        g, _ = r.inscrire(g, p)
    if not g.inscrits:
        return
    parti = data.draw(st.sampled_from(g.inscrits))
    attente = g.liste_attente
    g = r.retirer(g, parti)
    assert r.premier_en_attente(g) == (attente[0] if attente else None)
    if attente:
        g = r.confirmer(g, attente[0])
        assert g.liste_attente == attente[1:] and attente[0] in g.inscrits


def test_confirmer_refuse_sans_place():
    g = Groupe(id="g", cycle="c", nom="G", capacite=1, inscrits=("a",), liste_attente=("b",))
    with pytest.raises(UserError, match="plus de place"):
        r.confirmer(g, "b")


@given(st.lists(st.sampled_from(list(ETATS_PRELISTE)), max_size=8))
def test_etats_suivent_les_transitions_et_gardent_les_dates(suite):
    e = EntreePreliste(id="e", personne="p", activite="a", demande_le=date(2026, 1, 1))
    for i, etat in enumerate(suite):
        avant = e
        if etat == e.etat or r.transition_permise(e.etat, etat):
            e = r.changer_etat(e, etat, date(2026, 1, 2 + i))
            if etat != avant.etat:
                assert e.historique[-1].etat == etat and e.historique[-1].le == date(2026, 1, 2 + i)
        else:
            with pytest.raises(UserError):
                r.changer_etat(e, etat, date(2026, 1, 2))
    assert e.etat in ETATS_PRELISTE


def test_mineur_sans_responsable():
    enfant = Personne(id="p", nom="Petit", prenom="Léo", annee_naissance=2016)
    assert len(r.manque_pour_mineur(enfant, 2026)) == 2
    complet = Personne(id="p", nom="Petit", prenom="Léo", annee_naissance=2016, responsable_legal="Anne Petit",
                       telephone_responsable="0601020304")
    assert r.manque_pour_mineur(complet, 2026) == []
    assert r.manque_pour_mineur(Personne(id="q", nom="A", prenom="B", annee_naissance=1950), 2026) == []
