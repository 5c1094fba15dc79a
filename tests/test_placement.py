"""Placement end to end (issue 15, point 3): slot ids, who the proposal takes, its explanations, its order."""

from __future__ import annotations

from datetime import date

import pytest

from atelier_app.domain.activites import (
    Creneau,
    Cycle,
    Groupe,
    creneau_convient,
    libelle_disponibilite,
    normaliser_disponibilite,
    ordre_groupes,
)
from atelier_app.domain.personnes import Personne
from atelier_app.domain.positionnement import Positionnement
from atelier_app.domain.preliste import EntreePreliste
from atelier_app.domain.questionnaire import QUESTIONNAIRE_PAR_DEFAUT as Q
from atelier_app.errors import UserError

MER, VEN = Creneau("mercredi", "17:00", 120), Creneau("vendredi", "14:00", 120)


def _reponses(indice: int) -> dict[str, int]:
    return {q.id: min(indice, len(q.choix) - 1) for q in Q.questions}


def test_identite_stable_d_un_creneau_et_anciennes_disponibilites() -> None:
    assert MER.id == "mercredi-17:00"
    assert normaliser_disponibilite("mercredi 17:00") == "mercredi-17:00"
    assert normaliser_disponibilite("Mercredi") == "mercredi"
    assert creneau_convient(("mercredi",), MER) and not creneau_convient(("mercredi",), VEN)
    assert creneau_convient(("mercredi 17:00",), MER) and creneau_convient(("mercredi-17:00",), MER)
    assert not creneau_convient(("mercredi-10:00",), MER)
    assert creneau_convient((), VEN)
    assert libelle_disponibilite("mercredi-17:00") == "Mercredi 17 h"
    assert libelle_disponibilite("jeudi") == "Jeudi (toute la journée)"


def test_numeros_des_groupes_dans_l_ordre_des_noms() -> None:
    groupes = [Groupe(id="g9", cycle="c", nom="Groupe 1"), Groupe(id="g1", cycle="c", nom="Groupe 10"),
               Groupe(id="g5", cycle="c", nom="Groupe 2")]
    assert [g.nom for g in ordre_groupes(groupes)] == ["Groupe 1", "Groupe 2", "Groupe 10"]
    sam = Creneau("samedi", "10:00", 120)
    par_jour = [Groupe(id="a", cycle="c", nom="Samedi 10 h", creneau=sam), Groupe(id="b", cycle="c", nom="Vendredi 14 h",
                creneau=VEN), Groupe(id="c", cycle="c", nom="Mercredi 17 h", creneau=MER)]
    assert [g.id for g in ordre_groupes(par_jour)] == ["c", "b", "a"]


@pytest.fixture
def centre_cycle(centre):
    """A new cycle with three groups whose ids run backwards, and a pre-list of every state."""
    centre.ctx.aujourd_hui = lambda: date(2026, 12, 1)
    sam = Creneau("samedi", "10:00", 120)
    with centre.depot.transaction("prépa") as tx:
        tx.put(Cycle(id="c1", activite="initiation", nom="Janvier", debut=date(2027, 1, 6)))
        for gid, nom, cr, cap in (("gz", "Groupe 1 — Mercredi 17 h", MER, 2), ("gy", "Groupe 2 — Vendredi 14 h", VEN, 2),
                                  ("gx", "Groupe 3 — Samedi 10 h", sam, 1)):
            tx.put(Groupe(id=gid, cycle="c1", nom=nom, capacite=cap, creneau=cr))
        etats = ("a_inviter", "invite", "venu", "venu", "venu", "venu", "inscrit", "inscrit", "desiste")
        for i, etat in enumerate(etats):
            tx.put(Personne(id=f"p{i}", nom=f"Nom{i}", prenom="Anne", annee_naissance=1950))
            tx.put(EntreePreliste(id=f"e{i}", personne=f"p{i}", activite="initiation",
                                  demande_le=date(2026, 10, 1), etat=etat))
    return centre


def test_la_proposition_prend_la_preliste_non_inscrite(centre_cycle) -> None:
    s = centre_cycle.positionnement
    ids = {c.personne for c in s.candidats("c1")}
    assert ids == {f"p{i}" for i in range(6)}  # neither « inscrit » (earlier cycles) nor « désisté »
    assert {c.personne for c in s.candidats("c1", ("inscrit",))} == {"p6", "p7"}
    prop = s.proposer("c1")
    assert prop.nb_places == 5 and len(prop.non_places) == 1


def test_groupes_dans_l_ordre_de_leurs_numeros(centre_cycle) -> None:
    noms = [g.nom for g in centre_cycle.positionnement.groupes_du_cycle("c1")]
    assert noms == ["Groupe 1 — Mercredi 17 h", "Groupe 2 — Vendredi 14 h", "Groupe 3 — Samedi 10 h"]


def test_disponibilites_stockees_en_identifiants_de_creneau(centre_cycle) -> None:
    s = centre_cycle.positionnement
    p = s.positionner("p0", _reponses(0), disponibilites=("mercredi-17:00",), activite="initiation")
    assert p.disponibilites == ("mercredi-17:00",) and p.activite == "initiation"
    with pytest.raises(UserError, match="n'est pas un créneau"):
        s.positionner("p0", _reponses(0), disponibilites=("lundi-09:00",), activite="initiation")
    # an availability given for another activity names other slots: not used for this one
    s.positionner("p0", _reponses(0), disponibilites=("jeudi-09:00",), activite="senou")
    assert s.disponibilites("p0", "initiation") == ("mercredi-17:00",)


def test_ancienne_disponibilite_par_jour_lue(centre_cycle) -> None:
    with centre_cycle.depot.transaction("ancien") as tx:
        tx.put(Positionnement(id="q1", personne="p2", date=date(2026, 10, 5), niveau="debutant",
                              disponibilites=("vendredi",)))
    cand = {c.personne: c for c in centre_cycle.positionnement.candidats("c1")}
    assert cand["p2"].groupes_possibles == frozenset({"gy"})


def test_chaque_non_place_explique(centre_cycle) -> None:
    s = centre_cycle.positionnement
    for pid in ("p0", "p1", "p2"):  # three beginners who can only come on Wednesday: 2 places
        s.positionner(pid, _reponses(0), disponibilites=("mercredi-17:00",), activite="initiation")
    s.positionner("p3", _reponses(2), disponibilites=("samedi-10:00",), activite="initiation")
    s.positionner("p4", _reponses(2), disponibilites=("samedi-10:00",), activite="initiation")
    s.positionner("p5", _reponses(2), disponibilites=("vendredi-14:00",), activite="initiation")
    prop = s.proposer("c1")
    assert sorted(prop.affectations["gz"]) != [] and len(prop.affectations["gz"]) == 2
    non = prop.non_places
    assert len(non) == 2
    mercredi = next(p for p in ("p0", "p1", "p2") if p in non)
    assert non[mercredi] == "groupe de son niveau complet : Groupe 1 — Mercredi 17 h"
    samedi = next(p for p in ("p3", "p4") if p in non)
    assert non[samedi] == "groupe de son niveau complet : Groupe 3 — Samedi 10 h"


def test_creneau_deja_complet_explique(centre_cycle) -> None:
    from dataclasses import replace

    g = centre_cycle.depot.get(Groupe, "gx")
    with centre_cycle.depot.transaction("plein") as tx:
        tx.put(Personne(id="px", nom="X", prenom="Y"))
        tx.put(replace(g, inscrits=("px",)))
    s = centre_cycle.positionnement
    s.positionner("p3", _reponses(2), disponibilites=("samedi-10:00",), activite="initiation")
    assert s.proposer("c1").non_places["p3"] == "aucun créneau libre qui lui convient : Groupe 3 — Samedi 10 h complet"
