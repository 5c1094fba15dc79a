"""Accounts: argon2id hash, slow-down and lock-out surviving a restart, no password on disk."""

from datetime import datetime, timedelta

import pytest

from atelier_app import assemblage
from atelier_app.domain.comptes import Compte
from atelier_app.domain.roles import Role
from atelier_app.errors import AccesRefuse, UserError
from atelier_app.services.contexte import Utilisateur

MDP = "Tilleuls#2026x"


class Horloge:
    def __init__(self):
        self.t = datetime(2026, 3, 2, 9, 0)

    def __call__(self):
        return self.t


def test_premier_compte_libre_puis_role_exige(services):
    services.ctx.utilisateur = Utilisateur("inconnu", Role.BENEVOLE)
    with pytest.raises(UserError, match="direction"):
        services.comptes.creer("anim", "animateur", MDP)
    services.comptes.creer("direction", "direction", MDP)
    assert services.comptes.existe_des_comptes()
    with pytest.raises(AccesRefuse):
        services.comptes.creer("b2", "benevole", MDP)


def test_hash_argon2id_et_connexion(services):
    c = services.comptes.creer("sophie", "direction", MDP)
    assert c.empreinte.startswith("$argon2id$")
    u = services.comptes.connecter("Sophie", MDP)
    assert u == Utilisateur("sophie", Role.DIRECTION)
    assert services.ctx.utilisateur == u


def test_mot_de_passe_faible_refuse(services):
    with pytest.raises(UserError, match="majuscule"):
        services.comptes.creer("sophie", "direction", "motdepasse")


def test_ralentissement_et_verrou_survivent_au_redemarrage(dossier):
    h = Horloge()
    s = assemblage.ouvrir(dossier)
    s.ctx.maintenant = h
    s.comptes.creer("sophie", "direction", MDP)
    with pytest.raises(UserError, match="Prochain essai possible dans 1 seconde"):
        s.comptes.connecter("sophie", "faux")
    with pytest.raises(UserError, match="patienter"):
        s.comptes.connecter("sophie", MDP)  # even the right password waits
    assemblage.fermer(s)
    s = assemblage.ouvrir(dossier)  # restart: the delay is still there
    s.ctx.maintenant = h
    assert s.comptes.attente("sophie") == 1
    for _ in range(4):
        h.t += timedelta(seconds=31)
        with pytest.raises(UserError):
            s.comptes.connecter("sophie", "faux")
    h.t += timedelta(seconds=31)
    with pytest.raises(UserError, match="verrouillé"):
        s.comptes.connecter("sophie", MDP)
    h.t += timedelta(minutes=16)
    assert s.comptes.connecter("sophie", MDP).identifiant == "sophie"
    assert s.depot.get(Compte, "sophie").echecs == 0
    assemblage.fermer(s)


def test_identifiant_inconnu_meme_message(services):
    services.comptes.creer("sophie", "direction", MDP)
    with pytest.raises(UserError, match="Identifiant ou mot de passe incorrect"):
        services.comptes.connecter("personne", MDP)


def test_aucun_fichier_ne_contient_le_mot_de_passe(services, dossier):
    services.comptes.creer("sophie", "direction", MDP)
    services.comptes.creer("marc", "animateur", "Autre#Secret99z")
    services.comptes.changer_mot_de_passe("marc", "Nouveau#Secret42")
    services.donnees.sauvegarder("test")
    for f in dossier.rglob("*"):
        if f.is_file():
            contenu = f.read_bytes()
            for mdp in (MDP, "Autre#Secret99z", "Nouveau#Secret42"):
                assert mdp.encode() not in contenu, f
    assert "argon2id" in (dossier / "atelier.json").read_text(encoding="utf-8")


def test_desactiver_et_lister(services):
    services.comptes.creer("sophie", "direction", MDP)
    services.comptes.connecter("sophie", MDP)
    services.comptes.creer("marc", "benevole", "Benevole#2026z")
    services.comptes.desactiver("marc")
    with pytest.raises(UserError):
        services.comptes.connecter("marc", "Benevole#2026z")
    with pytest.raises(UserError, match="propre compte"):
        services.comptes.desactiver("sophie")
    assert [c.id for c in services.comptes.lister()] == ["marc", "sophie"]
    services.comptes.deconnecter()
    assert services.ctx.role == Role.BENEVOLE
