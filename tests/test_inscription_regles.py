"""Enrolment rules that ``test_inscription.py`` leaves unchecked: what ``inscrire`` answers, the
pre-list transitions one by one, the waiting list of a full group, the minor's missing fields."""

from __future__ import annotations

from datetime import date

import pytest

from atelier_app.domain import inscription as r
from atelier_app.domain.activites import Groupe
from atelier_app.domain.personnes import Personne
from atelier_app.domain.preliste import ChangementEtat, EntreePreliste
from atelier_app.errors import UserError

ETATS = ["a_inviter", "invite", "venu", "inscrit", "desiste"]
#: the workflow of DESIGN.md (1), written out by hand: (before, after) pairs allowed
PERMISES = {("a_inviter", "invite"), ("a_inviter", "venu"), ("a_inviter", "inscrit"), ("a_inviter", "desiste"),
            ("invite", "a_inviter"), ("invite", "venu"), ("invite", "inscrit"), ("invite", "desiste"),
            ("venu", "inscrit"), ("venu", "desiste"), ("inscrit", "desiste"), ("desiste", "a_inviter")}


@pytest.mark.parametrize("avant", ETATS)
@pytest.mark.parametrize("apres", ETATS)
def test_transitions_une_a_une(avant: str, apres: str) -> None:
    assert r.transition_permise(avant, apres) is ((avant, apres) in PERMISES)


def test_etat_inconnu_ne_mene_nulle_part() -> None:
    assert not r.transition_permise("perdu", "inscrit")


def test_changer_etat_date_le_changement() -> None:
    e = EntreePreliste("e", "p", "initiation", date(2026, 1, 5))
    f = r.changer_etat(e, "invite", date(2026, 1, 9))
    assert (f.etat, f.historique) == ("invite", (ChangementEtat("invite", date(2026, 1, 9)),))
    assert r.changer_etat(f, "invite", date(2026, 2, 1)) is f  # same state: nothing to record
    with pytest.raises(UserError, match=r"passer de « desiste » à « venu » n'est pas possible"):
        r.changer_etat(r.changer_etat(f, "desiste", date(2026, 2, 1)), "venu", date(2026, 2, 2))


def test_inscrire_repond_inscrit_ou_en_attente() -> None:
    g = Groupe("g", "c", "G", capacite=1)
    g, ok = r.inscrire(g, "a")
    assert ok is True and g.inscrits == ("a",)
    g2, ok = r.inscrire(g, "a")
    assert ok is True and g2 is g
    g, ok = r.inscrire(g, "b")
    assert ok is False and g.liste_attente == ("b",)
    g3, ok = r.inscrire(g, "b")
    assert ok is False and g3 is g


def test_retirer_de_la_liste_d_attente() -> None:
    g = Groupe("g", "c", "G", capacite=1, inscrits=("a",), liste_attente=("b", "c"))
    assert r.retirer(g, "b") == Groupe("g", "c", "G", capacite=1, inscrits=("a",), liste_attente=("c",))
    assert r.retirer(g, "a").inscrits == () and r.retirer(g, "a").liste_attente == ("b", "c")


def test_groupe_plein_ne_propose_personne() -> None:
    plein = Groupe("g", "c", "G", capacite=1, inscrits=("a",), liste_attente=("b",))
    assert r.premier_en_attente(plein) is None
    assert r.premier_en_attente(r.retirer(plein, "a")) == "b"
    with pytest.raises(UserError, match="« G » : il n'y a plus de place libre"):
        r.confirmer(plein, "b")
    with pytest.raises(UserError, match="« G » : cette personne n'est pas sur la liste d'attente"):
        r.confirmer(r.retirer(plein, "a"), "z")


def test_ce_qui_manque_au_dossier_d_un_mineur() -> None:
    enfant = Personne(id="k", nom="Morel", prenom="Léo", annee_naissance=2015)
    assert r.manque_pour_mineur(enfant, 2026) == ["le nom du responsable légal", "le téléphone du responsable légal"]
    avec_nom = Personne(id="k", nom="Morel", prenom="Léo", annee_naissance=2015, responsable_legal="Anne Morel")
    assert r.manque_pour_mineur(avec_nom, 2026) == ["le téléphone du responsable légal"]
    assert r.manque_pour_mineur(Personne(id="a", nom="A", prenom="B", annee_naissance=1990), 2026) == []
