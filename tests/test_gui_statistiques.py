"""The Statistiques screen: filters, tables, chart, sheet dialog, report with progress, export, help desk."""

from __future__ import annotations

from datetime import date

import pytest

from atelier_app.gui.accompagnement import FormulaireAccompagnement
from atelier_app.gui.screens.statistiques import DialogueFiche
from tests import donnees_connues

pytestmark = pytest.mark.gui


@pytest.fixture
def ecran(app, monkeypatch):
    from atelier_app.gui import champs_vides

    # the empty-fields dialog has its own tests below; here printing goes straight on
    monkeypatch.setattr(champs_vides, "verifier", lambda *_a: True)
    app.services.ctx.aujourd_hui = lambda: date(2025, 12, 15)
    donnees_connues.construire(app.services)
    e = app.aller("statistiques")
    app.taches.attendre()
    e.annee.set("2025")
    e._annee_changee()
    e.calculer()
    app.taches.attendre()
    return e


def _valeurs(ecran, titre):
    sid = next(i for i in ecran.arbre.get_children() if ecran.arbre.item(i, "text") == titre)
    return {ecran.arbre.item(c, "text"): ecran.arbre.item(c, "values") for c in ecran.arbre.get_children(sid)}


def test_tableaux_graphique_et_filtres(app, ecran) -> None:
    g = _valeurs(ecran, "Statistiques générales")
    assert [str(v) for v in g["Accompagnements au total"]] == ["34", "", "1", "+33"]
    assert ecran._canevas is not None  # the first chart is drawn
    sid = next(i for i in ecran.arbre.get_children() if ecran.arbre.item(i, "text") == "Genre")
    ecran.arbre.selection_set(sid)
    app.racine.update()
    assert ecran._canevas.figure.axes[0].get_title(loc="left") == "Genre"
    ecran.activite.set("Ateliers informatiques — Initiation")
    ecran.du.set_date(date(2025, 1, 1))
    ecran.au.set_date(date(2025, 3, 31))
    ecran.calculer()
    app.taches.attendre()
    assert str(_valeurs(ecran, "Séances et heures")["Heures réalisées"][0]) == "10\u00a0h"
    ecran.au.set_date(date(2024, 3, 31))
    ecran.calculer()
    assert app.messages[-1][0] == "erreur" and "avant la date de début" in app.messages[-1][1]


def test_fiche_modifiable_et_retour_au_calcul(app, ecran, tmp_path) -> None:
    ecran.fiche()
    assert "Choisissez d'abord une activité" in app.messages[-1][1]
    fiche = app.services.fiches.fiche("senou", 2025)
    dlg = DialogueFiche(ecran, app, fiche)
    dlg.montrer(attendre=False)
    calcule = fiche.chiffres_calcules
    dlg.textes["chiffres"].delete("1.0", "end")
    dlg.textes["chiffres"].insert("1.0", "Texte revu par l'animatrice.")
    dlg.event_generate("<Control-s>")
    dlg.enregistrer()
    assert app.services.fiches.fiche("senou", 2025).valeur("chiffres") == "Texte revu par l'animatrice."
    assert "modifiés" in dlg.mention.cget("text")
    ecran.demander_fichier = lambda *_a: tmp_path / "fiche.pdf"
    dlg.imprimer()
    assert (tmp_path / "fiche.pdf").stat().st_size > 0
    dlg.revenir()
    assert dlg.textes["chiffres"].get("1.0", "end").strip() == calcule
    assert app.services.fiches.fiche("senou", 2025).valeur("chiffres") == calcule
    dlg.annuler()


def test_rapport_en_tache_de_fond_avec_progression(app, ecran, tmp_path) -> None:
    ecran.demander_fichier = lambda *_a: tmp_path / "rapport.pdf"
    vus: list[float] = []
    avancer = ecran._avancer
    ecran._avancer = lambda f, t: (vus.append(f), avancer(f, t))
    ecran.rapport()
    app.racine.update()  # the window still answers while the report is written
    app.taches.attendre(60)
    assert (tmp_path / "rapport.pdf").stat().st_size > 0
    assert vus and vus[-1] == 1.0 and len(vus) > 5
    assert app.messages[-1][0] == "info" and "rapport annuel 2025" in app.messages[-1][1]


def test_export_csv(app, ecran, tmp_path) -> None:
    ecran.demander_fichier = lambda *_a: tmp_path / "stats.csv"
    ecran.exporter()
    app.taches.attendre()
    assert "< 5" in (tmp_path / "stats.csv").read_text(encoding="utf-8-sig")


def test_accompagnement_raccourci_et_saisie(app, ecran, monkeypatch) -> None:
    ouverts = []
    monkeypatch.setattr(FormulaireAccompagnement, "ouvrir", lambda self, attendre=True: ouverts.append(self) or None)
    ecran.champ_annee.focus_force()
    app.racine.update()
    ecran.champ_annee.event_generate("<Control-i>")
    app.racine.update()
    assert len(ouverts) == 1
    ouverts[0].destroy()
    f = FormulaireAccompagnement(ecran, app)
    f.montrer(attendre=False)
    f.themes.activate(5)
    f._basculer()
    f.recherche.set("perrin")
    assert f.personne_id == "p12"
    f.enregistrer()
    acc = app.services.accompagnements.liste(date(2025, 12, 15), date(2025, 12, 15))
    assert [(a.thematiques, a.personne, a.duree) for a in acc] == [(("email",), "p12", 30)]


def test_date_illisible_signalee(app, ecran) -> None:
    ecran.du.entry.delete(0, "end")
    ecran.du.entry.insert(0, "n'importe")
    ecran.calculer()
    assert app.messages[-1][0] == "erreur" and "JJ/MM/AAAA" in app.messages[-1][1]


def test_nombres_a_la_francaise_et_titres_entiers(app, ecran) -> None:
    """« 25,018 » and a truncated « Commune de résidence des bénéficiair » were on the screen."""
    genre = _valeurs(ecran, "Genre")
    assert all(str(v[1]).endswith("\u202f%") or str(v[1]) == "—" for v in genre.values())
    assert "Statistiques sur les accompagnements" in [ecran.arbre.item(i, "text") for i in ecran.arbre.get_children()]
    assert ecran.arbre.column("#0", "width") >= 300
    assert ecran.en_cours.cget("text").startswith("Année 2025 en cours")  # the fixture's today: 15/12/2025


def test_annee_en_cours_dite_a_l_ecran(app, ecran) -> None:
    app.services.ctx.aujourd_hui = lambda: date(2026, 12, 1)
    ecran.annee.set("2026")
    ecran._annee_changee()
    ecran.calculer()
    app.taches.attendre()
    assert ecran.stats.fin == date(2026, 12, 1)
    assert ecran.stats.precedent == (date(2025, 1, 1), date(2025, 12, 1))
    assert "Année 2026 en cours" in ecran.en_cours.cget("text")
    assert "1er décembre 2026" in ecran.en_cours.cget("text")


def test_champs_vides_listes_et_remplis_avant_impression(app) -> None:
    from atelier_app.gui.champs_vides import DialogueChampsVides
    from atelier_app.reports.fiche import champs_vides

    donnees_connues.construire(app.services)
    fiche = app.services.fiches.fiche("senou", 2025)
    vides = champs_vides(fiche)
    assert "perspectives" in [lg.cle for lg in vides]
    dlg = DialogueChampsVides(app.racine, app, [(fiche, vides)])
    dlg.montrer(attendre=False)
    assert set(dlg.textes) == {("senou", 2025, lg.cle) for lg in vides}
    dlg.textes[("senou", 2025, "perspectives")].insert("1.0", "Un second groupe le jeudi.")
    dlg.enregistrer_et_imprimer()
    assert dlg.resultat is True
    apres = app.services.fiches.fiche("senou", 2025)
    assert apres.valeur("perspectives") == "Un second groupe le jeudi."
    assert "perspectives" not in [lg.cle for lg in champs_vides(apres)]


def test_periode_au_dela_d_aujourd_hui_arretee_a_aujourd_hui(app, ecran) -> None:
    """Asked 1/1–31/12 on 15/12/2025: compared with 1/1–15/12/2024, never with the whole of 2024."""
    ecran.du.set_date(date(2025, 1, 1))
    ecran.au.set_date(date(2025, 12, 31))
    ecran.calculer()
    app.taches.attendre()
    assert (ecran.stats.debut, ecran.stats.fin) == (date(2025, 1, 1), date(2025, 12, 15))
    assert ecran.stats.precedent == (date(2024, 1, 1), date(2024, 12, 15))
    assert "Année 2025 en cours" in ecran.en_cours.cget("text")


def test_le_graphique_ne_prend_pas_le_focus(app, ecran) -> None:
    """Going down the table with the arrows redraws the chart: the focus stays in the table."""
    ecran.arbre.focus_set()
    premier = ecran.arbre.get_children()[1]
    ecran.arbre.selection_set(premier)
    app.racine.update()
    assert app.racine.focus_get() is ecran.arbre


def test_petit_effectif_ecrit_a_la_main_demande_avant_impression(app, monkeypatch) -> None:
    """Chiffres typed by hand with « 3 personnes » print as typed: the team is asked first."""
    from atelier_app.gui import champs_vides, dialogues

    donnees_connues.construire(app.services)
    app.services.fiches.enregistrer("senou", 2025, chiffres="Cette année, 3 personnes ont suivi l'atelier.")
    fiche = app.services.fiches.fiche("senou", 2025)
    monkeypatch.setattr(champs_vides, "DialogueChampsVides",
                        lambda *_a: type("D", (), {"montrer": lambda self: True})())
    questions: list[str] = []
    monkeypatch.setattr(dialogues, "confirmer", lambda _p, m, *_a: questions.append(m) or False)
    assert champs_vides.verifier(app.racine, app, [fiche]) is False
    assert questions and "« " in questions[0] and "moins de 5" in questions[0]
    assert questions[0].endswith("Imprimer quand même ?")
    monkeypatch.setattr(dialogues, "confirmer", lambda *_a: True)
    assert champs_vides.verifier(app.racine, app, [fiche]) is True
    app.services.fiches.enregistrer("senou", 2025, chiffres="Cette année, 12 personnes ont suivi l'atelier.")
    questions.clear()
    monkeypatch.setattr(dialogues, "confirmer", lambda _p, m, *_a: questions.append(m) or False)
    assert champs_vides.verifier(app.racine, app, [app.services.fiches.fiche("senou", 2025)]) is True
    assert not questions
