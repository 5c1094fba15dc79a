"""Accounts managed from the screen: delete, reactivate, unlock, journaled sign-ins (issue 18, 10)."""

import getpass
from datetime import datetime, timedelta

import pytest
from argon2 import PasswordHasher

from atelier_app.domain.comptes import Compte
from atelier_app.domain.journal import EntreeJournal
from atelier_app.domain.personnes import Personne
from atelier_app.errors import UserError
from atelier_app.services.comptes import ComptesService, etat_compte, phrase_refus
from atelier_app.services.contexte import ADMINISTRATEUR_POSTE, Contexte

MDP = "Tilleuls#2026x"


@pytest.fixture(autouse=True)
def rapide(monkeypatch):
    monkeypatch.setattr(ComptesService, "hacheur", PasswordHasher(time_cost=1, memory_cost=1024))


@pytest.fixture
def s(services):
    services.comptes.creer("sophie", "direction", MDP)
    services.comptes.creer("marc", "benevole", "Benevole#2026z")
    services.comptes.connecter("sophie", MDP)
    return services


def _journal(s, action):
    return [(e.qui, e.cibles, e.details) for e in s.depot.all(EntreeJournal) if e.action == action]


def test_connexions_journalisees(s):
    t = datetime(2026, 12, 1, 10, 0)
    s.ctx.maintenant = lambda: t
    with pytest.raises(UserError):
        s.comptes.connecter("marc", "faux")
    with pytest.raises(UserError):
        s.comptes.connecter("Jeanne Dupont", "x")
    refus = _journal(s, "connexion_refusee")
    assert ((("marc",), "mot de passe erroné (1 de suite)") in [(c, d) for _q, c, d in refus])
    assert ((), "identifiant inconnu") in [(c, d) for _q, c, d in refus]
    assert "Jeanne" not in str(refus)
    assert ("sophie", ("sophie",), "") in _journal(s, "connexion")


def test_bloque_visible_puis_debloque(s):
    t = datetime(2026, 12, 1, 15, 5)
    s.ctx.maintenant = lambda: t
    for i in range(5):
        s.ctx.maintenant = lambda i=i: t + timedelta(minutes=i)
        with pytest.raises(UserError):
            s.comptes.connecter("marc", "faux")
    s.comptes.connecter("sophie", MDP)
    marc = s.depot.get(Compte, "marc")
    assert s.comptes.etat(marc) == "bloqué jusqu'à 15 h 24"
    s.comptes.debloquer("marc")
    assert s.comptes.etat(s.depot.get(Compte, "marc")) == "actif"
    s.comptes.connecter("marc", "Benevole#2026z")
    assert s.ctx.utilisateur.identifiant == "marc"
    assert _journal(s, "compte_debloque") == [("sophie", ("marc",), "")]


def test_etat_avec_le_jour():
    c = Compte(id="x", role="benevole", empreinte="", verrouille_jusqua=datetime(2026, 12, 2, 0, 10))
    assert etat_compte(c, datetime(2026, 12, 1, 23, 59)) == "bloqué jusqu'à 00 h 10 le 02/12/2026"


def test_reactiver_supprimer(s):
    s.comptes.desactiver("marc")
    with pytest.raises(UserError, match="incorrect"):
        s.comptes.connecter("marc", "Benevole#2026z")
    s.comptes.reactiver("marc")
    s.comptes.connecter("sophie", MDP)
    s.comptes.supprimer("marc")
    assert s.depot.get(Compte, "marc") is None
    with pytest.raises(UserError, match="propre compte"):
        s.comptes.supprimer("sophie")
    assert [c for _q, c, _d in _journal(s, "compte_supprime")] == [("marc",)]


def test_delai_de_verrouillage(s):
    s.comptes.regler_verrouillage(25)
    assert s.centre.parametres().verrouillage_minutes == 25
    with pytest.raises(UserError, match="entre 1 et 120"):
        s.comptes.regler_verrouillage(0)


def test_phrase_de_refus_correcte():
    assert phrase_refus(["le mot de passe ne doit pas contenir l'identifiant"]) == (
        "Mot de passe refusé : le mot de passe ne doit pas contenir l'identifiant.")
    assert phrase_refus(["au moins une majuscule"]) == "Mot de passe trop faible : il faut au moins une majuscule."


def test_ligne_de_commande_journalisee_au_nom_de_l_utilisateur_systeme(services):
    assert ADMINISTRATEUR_POSTE.identifiant == f"poste:{getpass.getuser()}"
    assert Contexte().utilisateur == ADMINISTRATEUR_POSTE
    with services.depot.transaction("t") as tx:
        tx.put(Personne(id="p1", nom="Durand", prenom="Amélie"))
    services.rgpd.consentir("p1", "photos")
    assert {e.qui for e in services.depot.all(EntreeJournal)} == {f"poste:{getpass.getuser()}"}
