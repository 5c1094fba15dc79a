"""Shortcuts belong to the screen or dialog that owns them (issue 15, points 1 and 2)."""

from __future__ import annotations

import logging

import pytest
from argon2 import PasswordHasher

from atelier_app.gui.app import ZONES
from atelier_app.gui.appel import ChoixVenue, FenetreAppel
from atelier_app.gui.connexion import DialogueConnexion
from atelier_app.gui.fiche_personne import FichePersonne
from atelier_app.services.comptes import ComptesService
from tests.clavier import focus, modales, quand_ouverte, saisir, touche
from tests.test_seances import creer_groupe

pytestmark = pytest.mark.gui
MDP_ANIM = "Lilas#Vert-2026x"
MDP_BEN = "Roses#Bleu-2026y"
MDP_DIR = "Chene#Brun-2026z"


@pytest.fixture(autouse=True)
def rapide(monkeypatch):
    monkeypatch.setattr(ComptesService, "hacheur", PasswordHasher(time_cost=1, memory_cost=1024))


def se_connecter(app, identifiant: str, mdp: str) -> None:
    """Answer the sign-in dialog that Ctrl+U opens, by keyboard."""

    def repondre(d):
        d.identifiant.var.set("")
        saisir(d.identifiant, identifiant)
        saisir(d.mot_de_passe, mdp)
        d.mot_de_passe.event_generate("<Return>")

    quand_ouverte(app, DialogueConnexion, repondre)
    touche(focus(app), "<Control-u>")
    app.racine.update()


def test_raccourcis_apres_changement_d_utilisateur(app, caplog) -> None:
    caplog.set_level(logging.INFO)
    s = app.services
    s.comptes.creer("direction", "direction", MDP_DIR)
    s.comptes.creer("karim", "animateur", MDP_ANIM)
    s.comptes.creer("marie", "benevole", MDP_BEN)
    s.comptes.connecter("direction", MDP_DIR)
    g = creer_groupe(s)
    s.seances.generer(g.id)
    seance = s.seances.seances_du_groupe(g.id)[0]
    s.ctx.aujourd_hui = lambda: seance.date
    app.appliquer_role()
    for cle in ("personnes", "activites", "repair", "seances", "statistiques", "parametres"):
        touche(focus(app), f"<Control-Key-{[c for c, *_ in ZONES].index(cle) + 1}>")
        assert app.zone_courante == cle
    param = app.ecrans["parametres"]
    param.notebook.select(next(p for p in param.pages if type(p).__name__ == "PageComptes"))
    app.racine.update()
    se_connecter(app, "marie", MDP_BEN)
    assert s.ctx.utilisateur.identifiant == "marie" and app.zone_courante == "aujourdhui"
    ecran = app.ecrans["aujourdhui"]
    ecran.boutons_appel[0].invoke()
    app.racine.update()
    fen = next(m for m in modales(app) if isinstance(m, FenetreAppel))
    touche(fen.arbre, "<Control-t>")
    quand_ouverte(app, ChoixVenue, lambda m: m.event_generate("<Escape>"))
    touche(fen.arbre, "<Control-n>")
    touche(fen.arbre, "<Control-s>")
    assert s.seances.seance(seance.id).appel_fait
    se_connecter(app, "karim", MDP_ANIM)
    assert s.ctx.utilisateur.identifiant == "karim"
    touche(focus(app), "<Control-Key-2>")
    quand_ouverte(app, FichePersonne, lambda m: m.event_generate("<Escape>"))
    touche(focus(app), "<Control-n>")
    touche(focus(app), "<Control-Key-4>")
    touche(focus(app), "<Control-g>")
    touche(focus(app), "<Control-Key-6>")
    for m in modales(app):
        m.destroy()
    erreurs = [m for m in app.messages if m[0] == "erreur"]
    assert not erreurs, erreurs
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
    assert not [m for m in app.messages if "ne permet pas" in m[1]]


def test_ctrl_s_d_un_dialogue_n_enregistre_pas_l_activite(app) -> None:
    ecran = app.aller("activites")
    app.racine.update()
    ecran.carnet.select(0)
    app.racine.update()
    enregistrees: list[str] = []
    ecran.enregistrer = lambda: enregistrees.append("activite")  # type: ignore[method-assign]
    from atelier_app.gui.formulaires import Modale

    d = Modale(app.racine, "Essai")
    d.bind("<Control-s>", lambda _e: enregistrees.append("dialogue"))
    import ttkbootstrap as ttk

    e = ttk.Entry(d.corps)
    e.pack()
    d.montrer(e, attendre=False)
    touche(e, "<Control-s>")
    d.fermer()
    assert enregistrees == ["dialogue"]


def test_boites_de_message_en_francais(app) -> None:
    from ttkbootstrap.localization import MessageCatalog

    assert (MessageCatalog.translate("Yes"), MessageCatalog.translate("No")) == ("Oui", "Non")


def test_presente_dans_l_appel(app) -> None:
    from dataclasses import replace

    from atelier_app.domain.personnes import Personne

    s = app.services
    g = creer_groupe(s)
    s.seances.generer(g.id)
    seance = s.seances.seances_du_groupe(g.id)[0]
    with s.depot.transaction("test") as tx:
        tx.put(replace(s.depot.get(Personne, "p1"), genre="feminin"))
        tx.put(replace(s.depot.get(Personne, "p2"), genre="masculin"))
    fen = FenetreAppel(app.racine, app, seance.id)
    fen.montrer(attendre=False)
    fen.tous_presents()
    assert fen.arbre.set("p1", "statut") == "Présente" and fen.arbre.set("p2", "statut") == "Présent"
    fen.fermer()
