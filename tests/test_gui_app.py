"""The main window: every area opens, keyboard navigation, text size, first-run assistant, errors."""

from __future__ import annotations

from tkinter import font as tkfont

import pytest

from atelier_app import assemblage
from atelier_app.errors import UserError
from atelier_app.gui.app import ZONES, AtelierApp

pytestmark = pytest.mark.gui


def test_chaque_espace_s_ouvre(app) -> None:
    for cle, _libelle, _chemin in ZONES:
        ecran = app.aller(cle)
        app.racine.update()
        assert ecran is not None and ecran.winfo_ismapped(), cle
    assert not [m for m in app.messages if m[0] == "erreur"]


def test_raccourcis_clavier(app) -> None:
    app.aller("aujourdhui")
    app.racine.update()
    app.boutons["aujourdhui"].focus_force()
    app.racine.update()
    app.racine.event_generate("<Control-Key-2>", when="tail")
    app.boutons["aujourdhui"].event_generate("<Control-Key-2>")
    app.racine.update()
    assert app.zone_courante == "personnes"


def test_taille_du_texte(app) -> None:
    avant = abs(int(tkfont.nametofont("TkDefaultFont").cget("size")))
    app.services.centre.taille_texte(150)
    app.racine.update()
    apres = abs(int(tkfont.nametofont("TkDefaultFont").cget("size")))
    assert apres >= round(avant * 1.4)
    app.services.centre.taille_texte(100)
    assert abs(int(tkfont.nametofont("TkDefaultFont").cget("size"))) == avant


def test_erreur_utilisateur_en_francais_sans_trace(app) -> None:
    app.proteger(lambda: (_ for _ in ()).throw(UserError("Le groupe est complet.")))
    assert app.messages[-1] == ("erreur", "Le groupe est complet.")
    app.proteger(lambda: 1 / 0)
    assert app.messages[-1][0] == "erreur" and "inattendue" in app.messages[-1][1]
    assert "ZeroDivisionError" not in app.messages[-1][1]


def test_assistant_premier_lancement(dossier, monkeypatch) -> None:
    from atelier_app.gui import dialogues
    from atelier_app.gui.assistant import Assistant

    monkeypatch.setattr(dialogues, "erreur", lambda *a, **k: None)
    services = assemblage.ouvrir(dossier)
    a = AtelierApp(services)
    try:
        assert services.centre.premier_lancement
        assistant = Assistant(a)
        assistant.ouvrir(attendre=False)
        assistant.avancer()  # no name: stays on step 1
        assert assistant.index == 0
        assistant.nom.var.set("Centre social du Pont")
        assistant.commune.var.set("Douai")
        assistant.avancer()
        assistant.avancer()
        assistant.animateur.var.set("Karim B.")
        assistant.coches["numerikids"].set(False)
        assistant.avancer()  # to the direction account
        assert services.centre.premier_lancement
        assistant.avancer()  # a weak password keeps the assistant open on that step
        assert services.centre.premier_lancement and "trop faible" in assistant.etape_compte.message.cget("text")
        assistant.etape_compte.mdp.var.set("Passerelle#Niort2026")
        assistant.etape_compte.mdp2.var.set("Passerelle#Niort2026")
        assistant.avancer()
        assert not services.centre.premier_lancement
        assert services.comptes.existe_des_comptes() and services.ctx.utilisateur.identifiant == "direction"
        assert services.centre.centre().nom == "Centre social du Pont"
        ids = [x.id for x in services.centre.activites()]
        assert "numerikids" not in ids and "senou" in ids
        assert services.centre.activite("senou").animateur == "Karim B."
    finally:
        a.fermer()
        assemblage.fermer(services)


def test_mode_benevole_ne_montre_que_les_seances_du_jour(app) -> None:
    from dataclasses import replace

    from atelier_app.domain.roles import Role
    from atelier_app.services.contexte import Utilisateur

    p = app.services.centre.parametres()
    app.services.centre.enregistrer_parametres(replace(p, mode_benevole=True))
    app.appliquer_role()
    assert app.zones_visibles() == ["aujourdhui", "parametres"]
    assert not app.boutons["personnes"].winfo_ismapped()
    app.services.ctx.utilisateur = Utilisateur("marie", Role.BENEVOLE)
    app.appliquer_role()
    app.racine.update()
    assert app.zones_visibles() == ["aujourdhui"] and app.zone_courante == "aujourdhui"
    assert app.aller("personnes") is None
