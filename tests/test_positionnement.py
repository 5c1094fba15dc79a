"""Placement service: questionnaire answers, proposals on a real cycle, confirmation, progress."""

from __future__ import annotations

from datetime import date

import pytest

from atelier_app.domain.activites import Creneau, Cycle, Groupe
from atelier_app.domain.personnes import Personne
from atelier_app.domain.preliste import EntreePreliste
from atelier_app.domain.questionnaire import QUESTIONNAIRE_PAR_DEFAUT as Q
from atelier_app.domain.roles import Role
from atelier_app.errors import AccesRefuse, DonneesInvalides, UserError
from atelier_app.services.contexte import Utilisateur


def _reponses(indice: int) -> dict[str, int]:
    return {q.id: min(indice, len(q.choix) - 1) for q in Q.questions}


@pytest.fixture
def cycle(centre):
    centre.ctx.aujourd_hui = lambda: date(2026, 3, 1)
    personnes = [Personne(id=f"p{i}", nom=f"Nom{i}", prenom="X", annee_naissance=1955) for i in range(7)]
    with centre.depot.transaction("prépa") as tx:
        tx.put_many(personnes)
        tx.put(Cycle(id="c1", activite="initiation", nom="Printemps", debut=date(2026, 3, 4)))
        tx.put(Groupe(id="g1", cycle="c1", nom="Mercredi 17 h", capacite=3, creneau=Creneau("mercredi", "17:00", 120)))
        tx.put(Groupe(id="g2", cycle="c1", nom="Vendredi 14 h", capacite=3, creneau=Creneau("vendredi", "14:00", 120)))
        for p in personnes:
            tx.put(EntreePreliste(id=f"e{p.id}", personne=p.id, activite="initiation",
                                  demande_le=date(2026, 1, 5), etat="venu"))
    for i in range(3):
        centre.positionnement.positionner(f"p{i}", _reponses(0))
    for i in range(3, 6):
        centre.positionnement.positionner(f"p{i}", _reponses(2))
    centre.positionnement.positionner("p6", _reponses(2), disponibilites=("samedi 10:00",))
    return centre


def test_positionner_calcule_score_et_niveau(centre) -> None:
    with centre.depot.transaction("p") as tx:
        tx.put(Personne(id="p1", nom="A", prenom="B"))
    p = centre.positionnement.positionner("p1", _reponses(2), moment="entree")
    assert (p.score, p.niveau) == (Q.maximum, "intermediaire")
    assert centre.positionnement.positionnements("p1") == [p]


def test_proposition_homogene_et_expliquee(cycle) -> None:
    prop = cycle.positionnement.proposer("c1")
    niveaux = {gid: {cycle.positionnement.dernier(p).niveau for p in membres}
               for gid, membres in prop.affectations.items()}
    assert all(len(n) == 1 for n in niveaux.values())
    assert prop.nb_places == 6
    assert "aucun groupe sur un créneau qui lui convient (disponible : Samedi 10 h)" == prop.non_places["p6"]
    assert all(prop.raisons[p] for membres in prop.affectations.values() for p in membres)


def test_confirmer_inscrit_et_passe_la_preliste_a_inscrit(cycle) -> None:
    prop = cycle.positionnement.proposer("c1")
    assert cycle.positionnement.confirmer("c1", prop.affectations) == 6
    g1 = cycle.depot.get(Groupe, "g1")
    assert len(g1.inscrits) == 3
    assert cycle.depot.get(EntreePreliste, "ep0").etat == "inscrit"
    assert cycle.positionnement.candidats("c1")[0].personne == "p6"


def test_confirmer_refuse_un_groupe_trop_plein(cycle) -> None:
    with pytest.raises(UserError, match="complet"):
        cycle.positionnement.confirmer("c1", {"g1": ["p0", "p1", "p2", "p3"]})
    assert cycle.depot.get(Groupe, "g1").inscrits == ()


def test_progres_de_l_annee(cycle) -> None:
    cycle.positionnement.positionner("p0", _reponses(0), moment="entree", cycle="c1")
    cycle.positionnement.positionner("p0", _reponses(1), moment="sortie", cycle="c1", le=date(2026, 6, 1))
    cycle.positionnement.positionner("p3", _reponses(2), moment="entree", cycle="c1")
    cycle.positionnement.positionner("p3", _reponses(2), moment="sortie", cycle="c1", le=date(2026, 6, 1))
    assert cycle.positionnement.progres(2026, "initiation") == {"evalues": 2, "progresse": 1, "stable": 1, "recul": 0}
    assert cycle.positionnement.progres(2025)["evalues"] == 0


def test_questionnaire_modifiable_et_valide(centre) -> None:
    from dataclasses import replace
    q = replace(Q, seuil_a_rassurer=4)
    centre.positionnement.enregistrer_questionnaire(q)
    assert centre.positionnement.questionnaire().seuil_a_rassurer == 4
    with pytest.raises(DonneesInvalides):
        centre.positionnement.enregistrer_questionnaire(replace(Q, seuil_a_rassurer=30))


def test_benevole_ne_propose_pas(cycle) -> None:
    cycle.ctx.utilisateur = Utilisateur("bene", Role.BENEVOLE)
    with pytest.raises(AccesRefuse):
        cycle.positionnement.proposer("c1")
