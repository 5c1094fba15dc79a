"""The demo centre: deterministic, holidays respected, every reference valid, minors with a guardian."""

from __future__ import annotations

import json
from datetime import date

import pytest

from atelier_app.domain.activites import Groupe
from atelier_app.domain.calendrier import jour_ferie, vacances_scolaires
from atelier_app.domain.personnes import Personne
from atelier_app.domain.preliste import EntreePreliste
from atelier_app.domain.projets import Projet
from atelier_app.domain.seances import Seance
from atelier_app.services.centre import activites_par_defaut
from atelier_app.storage import demo
from atelier_app.storage.repository import Depot

AUJOURD_HUI = date(2026, 11, 23)
TYPES = (Personne, Groupe, Seance, EntreePreliste, Projet)


def _construire(dossier, graine=1):
    depot = Depot.ouvrir(dossier)
    comptes = demo.generer(depot, "petite", graine, AUJOURD_HUI, activites_par_defaut())
    return depot, comptes


@pytest.fixture(scope="module")
def petite(tmp_path_factory):
    depot, comptes = _construire(tmp_path_factory.mktemp("petite"))
    yield depot, comptes
    depot.fermer()


def _vidage(depot) -> str:
    depot.charger_tout()
    return json.dumps({k.TABLE: sorted(depot.all_dicts(k), key=lambda d: json.dumps(d, sort_keys=True))
                       for k in TYPES}, sort_keys=True, ensure_ascii=False)


def test_meme_graine_memes_donnees(petite, tmp_path):
    autre, _ = _construire(tmp_path / "b")
    try:
        assert _vidage(autre) == _vidage(petite[0])
        fichiers = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*.json")
                          if p.name != "atelier.json")
        assert fichiers
        premier = petite[0].dossier
        for f in fichiers:
            assert (tmp_path / "b" / f).read_bytes() == (premier / f).read_bytes(), f
    finally:
        autre.fermer()


def test_comptes_dans_les_clous(petite):
    _, c = petite
    assert 130 <= c["personnes"] <= 260
    assert 240 <= c["séances"] <= 360
    assert c["présences"] > 1000 and c["projets"] > 10 and c["accompagnements"] > 50


def test_pas_de_seance_un_jour_ferie_ou_en_vacances(petite):
    depot, _ = petite
    for s in depot.all(Seance):
        assert jour_ferie(s.date) is None, s
        assert vacances_scolaires(s.date, "A") is None, s


def test_references_valides(petite):
    depot, _ = petite
    personnes = {p.id for p in depot.all(Personne)}
    groupes = {g.id: g for g in depot.all(Groupe)}
    for g in groupes.values():
        assert set(g.inscrits) <= personnes and set(g.liste_attente) <= personnes
        assert len(g.inscrits) <= g.capacite
    assert any(g.complet and g.liste_attente for g in groupes.values())
    for s in depot.all(Seance):
        assert s.groupe in groupes
        assert {p.personne for p in s.presences} <= personnes
        if s.etat == "realisee":
            assert s.appel_fait and s.presences
    for e in depot.all(EntreePreliste):
        assert e.personne in personnes
    for p in depot.all(Projet):
        assert p.personne in personnes and 1 <= p.categorie_ords <= 40
        assert (p.repare_le is not None) == (p.etat == "repare")


def test_appels_en_retard_et_seances_a_venir(petite):
    depot, _ = petite
    seances = depot.all(Seance)
    en_retard = [s for s in seances if s.date < AUJOURD_HUI and s.etat == "prevue" and not s.appel_fait]
    assert en_retard and all((AUJOURD_HUI - s.date).days <= 21 for s in en_retard)
    assert any(s.date >= AUJOURD_HUI and s.etat == "prevue" for s in seances)
    assert any(s.etat == "annulee" and s.motif_annulation for s in seances)
    assert any(not p.inscrit for s in seances for p in s.presences)
    assert any(e.etat in ("a_inviter", "invite") and e.historique for e in depot.all(EntreePreliste))


def test_mineurs_avec_responsable(petite):
    depot, _ = petite
    mineurs = [p for p in depot.all(Personne) if p.est_mineur(AUJOURD_HUI.year)]
    assert mineurs
    for p in mineurs:
        assert p.responsable_legal and p.telephone_responsable
    assert all(p.cree_le <= AUJOURD_HUI for p in depot.all(Personne))


def test_pas_de_doublons_ni_de_coordonnees_pour_les_enfants(petite):
    depot, _ = petite
    personnes = depot.all(Personne)
    assert len({p.cle_doublon() for p in personnes}) == len(personnes)
    assert any("é" in p.prenom or "ç" in p.prenom or "ï" in p.prenom for p in personnes)
    for p in personnes:
        if p.est_mineur(AUJOURD_HUI.year):
            assert not p.telephone and not p.email


def test_echelle_inconnue(tmp_path):
    depot = Depot.ouvrir(tmp_path)
    try:
        with pytest.raises(ValueError, match="échelle inconnue"):
            demo.generer(depot, "moyenne", 1, AUJOURD_HUI, [])
    finally:
        depot.fermer()


def test_rien_avant_le_premier_contact(petite):
    depot, _ = petite
    personnes = {p.id: p for p in depot.all(Personne)}
    depot.charger_tout()
    for s in depot.all(Seance):
        for m in s.presences:
            assert personnes[m.personne].cree_le <= s.date
    for e in depot.all(EntreePreliste):
        assert personnes[e.personne].cree_le <= e.demande_le <= AUJOURD_HUI
    for p in depot.all(Projet):
        assert personnes[p.personne].cree_le <= p.ouvert_le <= AUJOURD_HUI


@pytest.mark.parametrize("jour", [date(2026, 7, 15), date(2026, 9, 1), date(2031, 5, 20)])
def test_quel_que_soit_le_jour(tmp_path, jour):
    """Summer, back to school, past the packaged school holidays: the home screen always has its cases."""
    depot = Depot.ouvrir(tmp_path)
    try:
        comptes = demo.generer(depot, "petite", 5, jour, activites_par_defaut())
        depot.charger_tout()
        seances = depot.all(Seance)
        assert 200 <= comptes["séances"] == len(seances)
        # today's session is brought forward to today whatever the day, holidays included
        assert all(jour_ferie(s.date) is None and vacances_scolaires(s.date, "A") is None for s in seances
                   if s.date != jour)
        assert any(s.date == jour for s in seances)
        if jour.year > 2028:  # the approximation of the usual holidays: no session in August nor at Christmas
            assert not any(s.date.month == 8 or (s.date.month, s.date.day) >= (12, 20) for s in seances)
        assert any(g.complet and g.liste_attente for g in depot.all(Groupe))
        assert len([s for s in seances if s.date < jour and s.etat == "prevue"]) >= 2
        assert all(p.cree_le <= jour for p in depot.all(Personne))
    finally:
        depot.fermer()
