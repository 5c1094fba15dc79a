"""Enrolment service: capacity, waiting list, freed places, minors, path, roles, attendance."""

from __future__ import annotations

from datetime import date

import pytest

from atelier_app.domain.personnes import Personne
from atelier_app.domain.roles import Role
from atelier_app.domain.seances import Presence, Seance
from atelier_app.errors import AccesRefuse, UserError
from atelier_app.services.contexte import Utilisateur


def _gens(centre, n, activite="senou"):
    return [centre.preliste.ajouter(activite, Personne(id="", nom=f"Nom{i}", prenom=f"P{i}", annee_naissance=1950))
            .personne for i in range(n)]


def test_capacite_attente_place_liberee(centre):
    _c, gs = centre.activites.nouveau_cycle("senou", date(2026, 9, 14))
    g = gs[0]
    ids = _gens(centre, 8)
    resultats = [centre.inscriptions.inscrire(g.id, p) for p in ids]
    assert resultats == [True] * 6 + [False] * 2
    g = centre.activites.groupe(g.id)
    assert g.inscrits == tuple(ids[:6]) and g.liste_attente == tuple(ids[6:])
    assert {e.etat for e in centre.preliste.entrees("senou") if e.personne in ids[:6]} == {"inscrit"}
    propose = centre.inscriptions.retirer(g.id, ids[0])
    assert propose == ids[6]
    assert centre.inscriptions.places_liberees() == [(centre.activites.groupe(g.id), ids[6])]
    with pytest.raises(UserError, match="première personne"):
        centre.inscriptions.confirmer_place(g.id, ids[7])
    g = centre.inscriptions.confirmer_place(g.id, ids[6])
    assert ids[6] in g.inscrits and g.liste_attente == (ids[7],) and len(g.inscrits) == 6
    parcours = centre.inscriptions.parcours(ids[7])
    assert len(parcours) == 1 and parcours[0].en_attente


def test_un_seul_groupe_par_cycle(centre):
    _c, gs = centre.activites.nouveau_cycle("senou", date(2026, 9, 14))
    p = _gens(centre, 1)[0]
    assert centre.inscriptions.inscrire(gs[0].id, p)
    with pytest.raises(UserError, match="déjà inscrit"):
        centre.inscriptions.inscrire(gs[1].id, p)
    assert p not in centre.activites.groupe(gs[1].id).inscrits
    centre.inscriptions.retirer(gs[0].id, p)
    assert centre.inscriptions.inscrire(gs[1].id, p)  # moved: out of the first group, into the second


def test_demo_une_personne_dans_un_seul_groupe_par_cycle(tmp_path):
    from collections import Counter

    from atelier_app import assemblage
    from atelier_app.domain.activites import Cycle, Groupe

    s = assemblage.ouvrir(tmp_path / "d")
    try:
        s.donnees.generer_demo("petite", 1)
        groupes = s.depot.all(Groupe)
        for c in s.depot.all(Cycle):
            membres = Counter(p for g in groupes if g.cycle == c.id for p in g.inscrits)
            assert not [p for p, n in membres.items() if n > 1], c.nom
    finally:
        assemblage.fermer(s)


def test_mineur_sans_responsable_refuse(centre):
    centre.ctx.aujourd_hui = lambda: date(2026, 9, 1)
    _c, gs = centre.activites.nouveau_cycle("numerikids", date(2026, 9, 14))
    enfant = centre.personnes.ajouter(Personne(id="", nom="Petit", prenom="Léo", annee_naissance=2016))
    with pytest.raises(UserError, match="responsable légal"):
        centre.inscriptions.inscrire(gs[0].id, enfant.id)


def test_benevole_ne_peut_pas_inscrire(centre):
    _c, gs = centre.activites.nouveau_cycle("senou", date(2026, 9, 14))
    p = _gens(centre, 1)[0]
    centre.ctx.utilisateur = Utilisateur("b", Role.BENEVOLE)
    with pytest.raises(AccesRefuse):
        centre.inscriptions.inscrire(gs[0].id, p)


def test_participation_compte_present_et_retard(centre):
    _c, gs = centre.activites.nouveau_cycle("senou", date(2026, 9, 14))
    p = _gens(centre, 1)[0]
    centre.inscriptions.inscrire(gs[0].id, p)
    statuts = ["present", "retard", "absent", "present"]
    with centre.depot.transaction("t") as tx:
        for i, st in enumerate(statuts):
            tx.put(Seance(id=f"s{i}", groupe=gs[0].id, date=date(2026, 10, 1 + i), duree=90, etat="realisee",
                          presences=(Presence(p, st),)))
        tx.put(Seance(id="s9", groupe=gs[0].id, date=date(2026, 10, 9), duree=90, etat="annulee",
                      presences=(Presence(p, "present"),)))
    part = centre.inscriptions.participation(gs[0].id, p)
    assert part.seances == 3 and part.heures == 4.5 and part.premiere == date(2026, 10, 1)
