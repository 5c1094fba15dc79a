"""Paramètres › Comptes with the real dialogs: blocked shown, unlock, reactivate, delete, reset's role,
idle-lock delay (issue 18, point 10)."""

from datetime import datetime, timedelta

import pytest
import ttkbootstrap as ttk
from argon2 import PasswordHasher

from atelier_app.errors import UserError
from atelier_app.gui.onglets_parametres import comptes
from atelier_app.services.comptes import ComptesService

pytestmark = pytest.mark.gui
MDP = "Tilleuls#2026x"


@pytest.fixture(autouse=True)
def rapide(monkeypatch):
    monkeypatch.setattr(ComptesService, "hacheur", PasswordHasher(time_cost=1, memory_cost=1024))


@pytest.fixture
def page(app_reel):
    s = app_reel.services
    s.comptes.creer("sophie", "direction", MDP)
    s.comptes.creer("marc", "animateur", "Animateur#2026z")
    t = datetime(2026, 12, 1, 15, 5)
    for i in range(5):
        s.ctx.maintenant = lambda i=i: t + timedelta(minutes=i)
        with pytest.raises(UserError):
            s.comptes.connecter("marc", "faux")
    s.ctx.maintenant = lambda: t + timedelta(minutes=5)
    s.comptes.connecter("sophie", MDP)
    cadre = ttk.Frame(app_reel.racine)
    cadre.pack(fill="both", expand=True)
    p = comptes.construire(cadre, app_reel)
    p.pack(fill="both", expand=True)
    app_reel.racine.update()
    return p


def test_bloque_puis_debloque(app_reel, page):
    assert page.arbre.item("marc")["values"][1] == "bloqué jusqu'à 15 h 24"
    page.arbre.selection_set("marc")
    app_reel.pilote.bouton("OK")
    page.debloquer()
    assert page.arbre.item("marc")["values"][1] == "actif"
    assert "débloqué" in app_reel.pilote.vus[-1]


def test_desactiver_reactiver_supprimer(app_reel, page):
    page.arbre.selection_set("marc")
    app_reel.pilote.bouton("Oui")
    page.desactiver()
    assert not app_reel.pilote.erreurs, app_reel.pilote.vus
    assert page.arbre.item("marc")["values"][1] == "désactivé"
    page.arbre.selection_set("marc")
    app_reel.pilote.bouton("OK")
    page.reactiver()
    assert page.arbre.item("marc")["values"][1] != "désactivé"
    page.arbre.selection_set("marc")
    app_reel.pilote.bouton("Oui")
    page.supprimer()
    assert not page.arbre.exists("marc")
    assert not app_reel.pilote.erreurs


def test_nouveau_mot_de_passe_montre_le_bon_role(app_reel, page):
    vu = {}

    def regarder(f):
        vu["role"] = f.role.get()
        f.annuler()

    page.arbre.selection_set("marc")
    app_reel.pilote.faire(regarder)
    page.reinitialiser()
    assert vu["role"] == "Animateur·rice" or vu["role"].startswith("Animat")


def test_delai_de_verrouillage_reglable(app_reel, page):
    page.minutes.set("20")
    app_reel.pilote.bouton("OK")
    page.regler()
    assert app_reel.services.centre.parametres().verrouillage_minutes == 20
    assert "20 minutes" in app_reel.pilote.vus[-1]
