"""« Nouveau cycle » is a dialog (issue 15, point 4): Ctrl+N opens it, nothing is created before
saving, saving generates the sessions; a moved start date asks first, saying how many change."""

from __future__ import annotations

from datetime import date

import pytest

from atelier_app.domain.activites import Cycle
from atelier_app.domain.seances import Seance
from atelier_app.gui import dialogues
from atelier_app.gui.dialogues_cycles import DialogueCycle, DialogueNouveauCycle

pytestmark = pytest.mark.gui


def test_ctrl_n_ouvre_le_dialogue_sans_rien_creer(app, monkeypatch) -> None:
    ouverts = []
    monkeypatch.setattr(DialogueNouveauCycle, "montrer", lambda self, *a, **k: ouverts.append(self) and None)
    ecran = app.aller("activites")
    ecran.carnet.select(ecran.groupes)
    ecran.groupes.choisir("initiation")
    app.racine.update()
    ecran.groupes.focus_set()
    app.racine.event_generate("<Control-n>", when="tail")
    app.racine.update()
    if not ouverts:  # the shortcut lives on the screen or on the window, depending on the version
        ecran.groupes.event_generate("<Control-n>")
        app.racine.update()
    assert len(ouverts) == 1
    assert not app.services.depot.all(Cycle)
    for d in ouverts:
        d.fermer()


def test_dialogue_cree_le_cycle_et_ses_seances(app) -> None:
    app.services.ctx.aujourd_hui = lambda: date(2026, 12, 1)
    d = DialogueNouveauCycle(app, app.services.centre.activite("initiation"))
    d.montrer(attendre=False)
    app.racine.update()
    assert d.nom.var.get() == "Cycle 1 — décembre 2026" and d.debut.entry.get() == "01/12/2026"
    assert len(d.lignes) == 3
    d.retirer_ligne(d.lignes[2])
    d.lignes[0]["niveau"].set("Débutant")
    d.lignes[1]["places"].delete(0, "end")
    d.lignes[1]["places"].insert(0, "6")
    d.valider()
    _cycle, groupes, n = d.resultat
    assert n == 20 and [g.capacite for g in groupes] == [9, 6] and groupes[0].niveau == "debutant"
    assert len([s for s in app.services.depot.all(Seance) if s.groupe in {g.id for g in groupes}]) == 20


def test_heure_invalide_garde_le_dialogue_ouvert(app) -> None:
    d = DialogueNouveauCycle(app, app.services.centre.activite("senou"))
    d.montrer(attendre=False)
    d.lignes[0]["heure"].delete(0, "end")
    d.lignes[0]["heure"].insert(0, "9h99")
    d.valider()
    assert d.winfo_exists() and app.messages[-1][0] == "erreur" and not app.services.depot.all(Cycle)
    d.fermer()


def test_deplacer_le_debut_demande_confirmation(app, monkeypatch) -> None:
    from atelier_app.services.activites import GroupePrevu

    s = app.services
    a = s.centre.activite("senou")
    c, _gs, _n = s.activites.creer_cycle("senou", "SÉNOU", date(2027, 1, 7), [GroupePrevu(a.creneaux[0], None, 6)])
    avant = sorted(x.date for x in s.depot.all(Seance))
    questions = []
    monkeypatch.setattr(dialogues, "confirmer", lambda _p, m, *a, **k: questions.append(m) or False)
    d = DialogueCycle(app, c)
    d.debut.entry.delete(0, "end")
    d.debut.entry.insert(0, "21/01/2027")
    d.valider()
    assert questions and "2 séances prévues changeront de date" in questions[0]
    assert sorted(x.date for x in s.depot.all(Seance)) == avant and d.winfo_exists()
    monkeypatch.setattr(dialogues, "confirmer", lambda *a, **k: True)
    d.valider()
    assert min(x.date for x in s.depot.all(Seance)) == date(2027, 1, 21)
