"""THE proof of issue 15: a whole day at the centre, played by keyboard on the demo data.

The animateur signs in, prints the invitation letters, places three people (positionnement),
proposes and confirms groups, creates the next cycle and adds today's session, hands over with
Ctrl+U; the volunteer takes the roll call with a walk-in and saves; the director signs in and
prints the activity's fiche. No error box may appear and nothing may be logged at ERROR.

Written against the code paths of this round; the steps that other engineers change (the
« Nouveau cycle » dialog, the demo accounts and today's session of the demo) are marked ÉTAPE so
the integrator can switch them.
"""

from __future__ import annotations

import logging
import tkinter
from collections.abc import Callable
from pathlib import Path

import pytest
import ttkbootstrap as ttk
from argon2 import PasswordHasher

from atelier_app.domain.etats import EtatPreliste
from atelier_app.domain.personnes import Personne
from atelier_app.domain.positionnement import Positionnement
from atelier_app.domain.seances import Seance
from atelier_app.gui.appel import ChoixVenue, FenetreAppel
from atelier_app.gui.champs_vides import DialogueChampsVides
from atelier_app.gui.connexion import DialogueConnexion
from atelier_app.gui.dialogues_cycles import DialogueNouveauCycle
from atelier_app.gui.positionnement import DialoguePositionnement
from atelier_app.gui.proposition import DialogueProposition
from atelier_app.gui.screens.seances import ChoixDate
from atelier_app.gui.screens.statistiques import DialogueFiche
from atelier_app.reports.fiche import champs_vides
from atelier_app.services.comptes import ComptesService
from atelier_app.storage.demo import COMPTES as DEMO_COMPTES
from tests.clavier import JOUR, copie_demo, fermer_app, focus, modales, ouvrir_app, quand_ouverte, saisir, touche

pytestmark = pytest.mark.gui

#: the demo's own accounts, one per role (storage/demo.py, printed by scripts/demo.sh)
COMPTES = {ident: (role, mdp) for ident, role, mdp in DEMO_COMPTES}


@pytest.fixture
def app(tmp_path_factory, tmp_path, monkeypatch):
    monkeypatch.setattr(ComptesService, "hacheur", PasswordHasher(time_cost=1, memory_cost=1024))
    a = ouvrir_app(copie_demo(tmp_path_factory, tmp_path), monkeypatch, connecte=None)
    yield a
    fermer_app(a)


def _connexion(app, ident: str, vu: list[str]) -> None:
    """Answer the sign-in dialog by keyboard; note what the header said meanwhile."""

    def repondre(d: DialogueConnexion) -> None:
        vu.append(app.etat.cget("text"))
        d.identifiant.var.set("")
        saisir(d.identifiant, ident)
        saisir(d.mot_de_passe, COMPTES[ident][1])
        d.mot_de_passe.event_generate("<Return>")

    quand_ouverte(app, DialogueConnexion, repondre)


def _bouton(racine, debut: str) -> ttk.Button:
    pile = [racine]
    while pile:
        w = pile.pop()
        if w.winfo_class() == "TButton" and str(w.cget("text")).startswith(debut) and w.winfo_viewable():
            return w
        pile.extend(w.winfo_children())
    raise AssertionError(f"pas de bouton « {debut} » à l'écran")


def _entree(bouton) -> None:
    """Tab to a button and press Entrée, as the keyboard user does (ttkbootstrap's buttons)."""
    touche(bouton, "<Return>")


def _entree_quoi_qu_il_arrive(bouton: Callable[[], tkinter.Misc]) -> None:
    """Entrée on a button that another PC's save may rebuild meanwhile (the screen refreshes by
    itself on a server): pressed on the button on screen at that moment, as the user's key would be."""
    for _essai in range(10):
        b = bouton()
        try:
            _entree(b)
            return
        except tkinter.TclError:
            if b.winfo_exists():
                raise
    raise AssertionError("le bouton est reconstruit sans cesse")


def test_une_journee_au_clavier(app, caplog, monkeypatch, tmp_path) -> None:
    caplog.set_level(logging.INFO)
    jouer_la_journee(app, monkeypatch, tmp_path)
    erreurs = [m for m in app.messages if m[0] == "erreur"]
    assert not erreurs, erreurs
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text


def jouer_la_journee(app, monkeypatch, tmp_path: Path, *, activite: str | None = None,
                     groupe_appel: str | None = None, rang_venue: int = 0,
                     avant_d_enregistrer_l_appel: Callable[[], None] | None = None) -> dict[str, str]:
    """The day, on ``activite`` (default: the first of the list) and the roll call of today's
    session of ``groupe_appel`` (default: the first of the day), the walk-in being the
    ``rang_venue``-th person who fits (``avant_d_enregistrer_l_appel`` runs just before Ctrl+S
    saves the roll call). Also played by two copies at once on one server
    (tests/test_gui_deux_postes.py): returns what this copy saved, for the other to look for."""
    s = app.services
    ouverts: list[Path] = []
    monkeypatch.setattr("atelier_app.gui.activites_preliste.ouvrir", lambda c, *_a: ouverts.append(c))
    entetes: list[str] = []

    # -- 9 h: the animateur signs in
    _connexion(app, "animateur", entetes)
    app.demarrer()
    app.racine.update()
    assert s.ctx.utilisateur.identifiant == "animateur"
    assert entetes == ["Personne n'est connecté"]
    assert app.aide_nav.winfo_ismapped()

    # -- the invitation letters, from the pré-liste (Ctrl+3, then Alt+P for the tab)
    touche(focus(app), "<Control-Key-3>")
    ecran = app.ecrans["activites"]
    if activite is not None:  # chosen in the Activités list (its pré-liste and groups follow)
        ecran.liste_act.selection_set(activite)
        ecran.liste_act.focus(activite)
        app.racine.update()
    ecran.carnet.select(ecran.preliste)
    app.racine.update()
    preliste = ecran.preliste
    attente = s.preliste.comptes(preliste.activite_id).get(EtatPreliste.A_INVITER, 0)
    if attente:
        assert preliste.filtre.get().startswith("À inviter"), preliste.filtre.get()
    _entree(preliste.bouton_lettres)
    app.taches.attendre()
    assert ouverts, (app.messages, preliste.filtre.get(), str(preliste.bouton_lettres.cget("state")))

    # -- three people placed (the level test), chosen on the pré-liste by keyboard
    preliste.filtre.current(0)
    preliste.rafraichir()
    entrees = list(preliste.arbre.get_children())[:3]
    assert len(entrees) == 3

    def _positionnes() -> int:  # this activity's only: another PC may place people meanwhile
        return len([x for x in s.depot.all(Positionnement) if x.activite == preliste.activite_id])

    avant = _positionnes()
    for eid in entrees:
        preliste.arbre.focus_set()
        preliste.arbre.focus(eid)
        preliste.arbre.selection_set(eid)

        def repondre(d: DialoguePositionnement) -> None:
            for _question in d.premiers:  # « 2 » answers the question and moves to the next one
                touche(focus(app), "<KeyPress-2>")
            touche(focus(app), "<Control-s>")

        quand_ouverte(app, DialoguePositionnement, repondre)
        _entree(_bouton(preliste, "Positionner"))
        app.racine.update()
    assert not [m for m in modales(app) if isinstance(m, DialoguePositionnement)]
    assert _positionnes() == avant + 3

    # -- the groups of the next cycle proposed and confirmed (Cycles et groupes tab)
    groupes = ecran.groupes
    ecran.carnet.select(groupes)
    app.racine.update()
    cycles = [c for c in s.seances.cycles(groupes.activite_id) if c.debut and c.debut > JOUR] or \
        s.seances.cycles(groupes.activite_id)
    cycle = cycles[0]
    groupes.cycles.focus_set()
    groupes.cycles.selection_set(cycle.id)
    groupes.cycles.focus(cycle.id)
    app.racine.update()
    inscrits_avant = sum(len(g.inscrits) for g in s.seances.groupes(cycle.id))
    proposes: list[int] = []

    def confirmer(d: DialogueProposition) -> None:
        proposes.append(sum(len(v) for k, v in d.affectations().items() if k in {g.id for g in d.groupes}))
        _entree(_bouton(d, "Confirmer"))

    quand_ouverte(app, DialogueProposition, confirmer)
    _entree(_bouton(groupes, "Proposer des groupes"))
    app.racine.update()
    assert proposes and sum(len(g.inscrits) for g in s.seances.groupes(cycle.id)) == inscrits_avant + proposes[0]

    # -- the next cycle: Ctrl+N opens « Nouveau cycle » (name, start, groups proposed), Ctrl+S saves it
    nb_cycles = len(s.seances.cycles(groupes.activite_id))
    crees: list = []

    def enregistrer(d: DialogueNouveauCycle) -> None:
        touche(focus(app), "<Control-s>")
        crees.append(d.resultat)

    quand_ouverte(app, DialogueNouveauCycle, enregistrer)
    touche(groupes.cycles, "<Control-n>")
    app.racine.update()
    assert len(s.seances.cycles(groupes.activite_id)) == nb_cycles + 1
    assert crees and crees[0] and crees[0][2] > 0  # the new cycle came with all its groups' sessions

    # -- today's session (ÉTAPE séance du jour: the demo of « placement » has one whatever the day)
    touche(focus(app), "<Control-Key-4>")
    seances = app.ecrans["seances"]
    if not [x for x in s.seances.aujourdhui().seances]:
        quand_ouverte(app, ChoixDate, lambda d: d.event_generate("<Return>"))
        touche(seances.arbre, "<Control-j>")
    du_jour = s.seances.aujourdhui().seances
    assert du_jour

    # -- 14 h: hand over to the volunteer (Ctrl+U)
    _connexion(app, "benevole", entetes)
    touche(focus(app), "<Control-u>")
    assert s.ctx.utilisateur.identifiant == "benevole"
    assert entetes[-1] == "Personne n'est connecté"
    assert not app.aide_nav.winfo_ismapped()
    accueil = app.ecrans["aujourdhui"]
    assert _clavier_sur(app, lambda: accueil.boutons_appel[0])
    rang = next(i for i, x in enumerate(s.seances.aujourdhui().seances)
                if groupe_appel is None or x.seance.groupe == groupe_appel)
    _entree_quoi_qu_il_arrive(lambda: accueil.boutons_appel[rang])
    fen = next(m for m in modales(app) if isinstance(m, FenetreAppel))
    touche(fen.arbre, "<Control-t>")
    venue = [p for p in sorted(s.depot.all(Personne), key=lambda p: p.nom)
             if p.id not in fen.statuts and not p.anonymise and len(p.nom) > 4 and
             len(s.presences.chercher_personne(p.nom[:5])) == 1][rang_venue]  # one match: Down, Entrée takes it

    def choisir(d: ChoixVenue) -> None:
        saisir(d.e_recherche, venue.nom[:5])
        touche(d.e_recherche, "<Down>")
        touche(d.arbre, "<Return>")

    quand_ouverte(app, ChoixVenue, choisir)
    touche(fen.arbre, "<Control-n>")
    assert venue.id in fen.statuts
    if avant_d_enregistrer_l_appel is not None:
        avant_d_enregistrer_l_appel()
    touche(fen.arbre, "<Control-s>")
    faite = s.depot.get(Seance, fen.seance.id)
    assert faite.appel_fait and any(p.personne == venue.id for p in faite.presences)

    # -- 17 h: the director prints the activity's fiche
    _connexion(app, "direction", entetes)
    touche(focus(app), "<Control-u>")
    assert s.ctx.utilisateur.identifiant == "direction"
    touche(focus(app), "<Control-Key-6>")
    stats = app.ecrans["statistiques"]
    noms = list(stats.activite.cget("values"))
    nom = next(n for n in noms if stats.activites.get(n) == groupes.activite_id)
    stats.activite.set(nom)
    stats.activite.event_generate("<<ComboboxSelected>>")
    pdf = tmp_path / "fiche.pdf"
    monkeypatch.setattr(stats, "demander_fichier", lambda *_a: pdf)
    app.racine.update()
    # from the activity list the director just chose (the chart beside it is redrawn meanwhile)
    stats.activite.focus_set()
    touche(stats.activite, "<Control-b>")
    fiche = next(m for m in modales(app) if isinstance(m, DialogueFiche))
    remplis: list[int] = []

    def remplir_les_vides(d: DialogueChampsVides) -> None:
        """A blank never goes out silently: the director fills the empty fields there, then prints."""
        for t in d.textes.values():
            t.focus_set()
            t.insert("end", "À compléter avec l'équipe en janvier.")
        remplis.append(len(d.textes))
        _entree(_bouton(d, "Enregistrer et imprimer"))

    quand_ouverte(app, DialogueChampsVides, remplir_les_vides)
    touche(fiche.textes["chiffres"], "<Control-p>")
    assert pdf.exists()
    if remplis:  # what was typed in the empty fields is saved with the sheet
        assert not champs_vides(s.fiches.fiche(groupes.activite_id, JOUR.year))
    fiche.event_generate("<Escape>")
    app.racine.update()
    return {"activite": groupes.activite_id, "seance": faite.id, "venue": venue.id}


def _clavier_sur(app, bouton, delai: float = 10.0) -> bool:
    """The keyboard is on ``bouton()`` (read again each time: another PC's save may rebuild it), or
    promised to it when the window comes back in front. Without a window manager (Xvfb), the main
    window may not get the X focus back by itself after a dialog closes, and ``focus_get()`` is then
    empty although Tk will give the keyboard to that button (``focus -lastfor``) at the next click
    or key on the window: that is what a person meets."""
    import time

    fin = time.monotonic() + delai
    while True:
        b = bouton()
        actuel = app.racine.focus_get()
        if actuel is b or (actuel is None and app.racine.focus_lastfor() is b):
            return True
        if time.monotonic() > fin:
            return False
        app.racine.update()
        time.sleep(0.02)
