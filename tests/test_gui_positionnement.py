"""The questionnaire on screen (digit keys), the group proposal dialog, the settings tab."""

from __future__ import annotations

from datetime import date

import pytest

from atelier_app.domain.activites import Creneau, Cycle, Groupe
from atelier_app.domain.personnes import Personne
from atelier_app.domain.preliste import EntreePreliste
from atelier_app.gui.positionnement import DialoguePositionnement
from atelier_app.gui.proposition import NON_PLACE, DialogueProposition

pytestmark = pytest.mark.gui


def test_questionnaire_au_clavier(app) -> None:
    with app.services.depot.transaction("p") as tx:
        tx.put(Personne(id="p1", nom="Lambert", prenom="Josiane", annee_naissance=1947))
    d = DialoguePositionnement(app.racine, app, "p1", "initiation")
    d.montrer(attendre=False)
    app.racine.update()
    for _ in d.questionnaire.questions:  # answer « 1 » (the first answer) everywhere, by keyboard
        w = d.focus_get()
        w.event_generate("<KeyPress-1>")
        app.racine.update()
    assert len(d.choisies()) == len(d.questionnaire.questions)
    assert "Débutant" in d.resume.cget("text")
    d.dispos["samedi-10:00"].set(False)
    d.enregistrer()
    p = app.services.positionnement.dernier("p1")
    assert p.niveau == "debutant" and p.score == 0
    assert p.disponibilites == ("mercredi-17:00", "vendredi-14:00") and p.activite == "initiation"


def test_proposition_deplacer_et_confirmer(app) -> None:
    with app.services.depot.transaction("p") as tx:
        tx.put(Cycle(id="c1", activite="initiation", nom="Printemps", debut=date(2026, 3, 4)))
        tx.put(Groupe(id="g1", cycle="c1", nom="Mercredi 17 h", capacite=2, creneau=Creneau("mercredi", "17:00", 120)))
        tx.put(Groupe(id="g2", cycle="c1", nom="Vendredi 14 h", capacite=2, creneau=Creneau("vendredi", "14:00", 120)))
        for i in range(3):
            tx.put(Personne(id=f"p{i}", nom=f"Nom{i}", prenom="A"))
            tx.put(EntreePreliste(id=f"e{i}", personne=f"p{i}", activite="initiation",
                                  demande_le=date(2026, 1, 2), etat="venu"))
    d = DialogueProposition(app.racine, app, "c1")
    d.montrer(attendre=False)
    app.racine.update()
    assert sum(1 for v in d.affectation.values() if v != NON_PLACE) == 3
    d.arbre.selection_set("p0")
    d.arbre.focus_set()
    d.arbre.event_generate("<KeyPress-0>")
    assert d.affectation["p0"] == NON_PLACE
    d.confirmer()
    inscrits = [p for g in app.services.positionnement.groupes_du_cycle("c1") for p in g.inscrits]
    assert sorted(inscrits) == ["p1", "p2"]


def test_onglet_parametres_questionnaire(app) -> None:
    ecran = app.aller("parametres")
    titres = [ecran.notebook.tab(t, "text") for t in ecran.notebook.tabs()]
    assert "Positionnement" in titres
    page = next(p for p in ecran.pages if p.__class__.__name__ == "PageQuestionnaire")
    page.seuil1.set(5)
    page.enregistrer()
    assert app.services.positionnement.questionnaire().seuil_a_rassurer == 5
    page.imprimer()
    assert app.messages[-1][0] == "info" and ".pdf" in app.messages[-1][1]


def test_questionnaire_depuis_la_fiche_demande_les_creneaux_de_son_activite(app) -> None:
    with app.services.depot.transaction("p") as tx:
        tx.put(Personne(id="p1", nom="Lambert", prenom="Josiane", annee_naissance=1947))
        tx.put(EntreePreliste(id="e1", personne="p1", activite="senou", demande_le=date(2026, 1, 2), etat="venu"))
    d = DialoguePositionnement(app.racine, app, "p1")  # opened from the person's file: no activity given
    d.montrer(attendre=False)
    app.racine.update()
    assert d.activite_id == "senou" and sorted(d.dispos) == ["jeudi-09:00", "jeudi-10:45"]
    d.dispos["jeudi-09:00"].set(False)
    d.enregistrer()
    p = app.services.positionnement.dernier("p1")
    assert p.disponibilites == ("jeudi-10:45",) and p.activite == "senou"


def test_proposition_touches_dans_l_ordre_des_groupes_et_etats_choisis(app) -> None:
    with app.services.depot.transaction("p") as tx:
        tx.put(Cycle(id="c1", activite="initiation", nom="Printemps", debut=date(2026, 3, 4)))
        tx.put(Groupe(id="g9", cycle="c1", nom="Groupe 1", capacite=5, creneau=Creneau("mercredi", "17:00", 120)))
        tx.put(Groupe(id="g1", cycle="c1", nom="Groupe 2", capacite=5, creneau=Creneau("vendredi", "14:00", 120)))
        for i, etat in enumerate(("venu", "inscrit")):
            tx.put(Personne(id=f"p{i}", nom=f"Nom{i}", prenom="A"))
            tx.put(EntreePreliste(id=f"e{i}", personne=f"p{i}", activite="initiation",
                                  demande_le=date(2026, 1, 2), etat=etat))
    d = DialogueProposition(app.racine, app, "c1")
    d.montrer(attendre=False)
    app.racine.update()
    assert "1 = Groupe 1, 2 = Groupe 2" in d.corps.winfo_children()[0].cget("text")
    assert set(d.affectation) == {"p0"}
    d.arbre.selection_set("p0")
    d.arbre.event_generate("<KeyPress-1>")
    assert d.affectation["p0"] == "g9"
    d.arbre.event_generate("<KeyPress-2>")
    assert d.affectation["p0"] == "g1"
    d.etats["inscrit"].set(True)
    d.proposer()
    assert set(d.affectation) == {"p0", "p1"}
    d.fermer()


def test_questionnaire_papier_de_l_activite(app) -> None:
    from pypdf import PdfReader

    from atelier_app.gui.positionnement import imprimer_questionnaire

    chemin = imprimer_questionnaire(app.racine, app, "senou")
    texte = " ".join(p.extract_text() for p in PdfReader(chemin).pages)
    assert "Jeudi de 9 h à 10 h 30" in texte and "Jeudi de 10 h 45 à 12 h 15" in texte and "SÉNOU" in texte
    assert app.messages[-1][0] == "info"
