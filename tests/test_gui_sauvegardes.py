"""Putting a backup back in place from Paramètres: checked, journalled, done with the folder closed."""

from pathlib import Path

import pytest

from atelier_app import assemblage
from atelier_app.domain.personnes import Personne
from atelier_app.gui.onglets_parametres import sauvegardes

pytestmark = pytest.mark.gui


def test_restaurer_depuis_les_parametres(app) -> None:
    s = app.services
    dossier = s.depot.dossier
    s.personnes.ajouter(Personne(id="", nom="Avant", prenom="Anne", annee_naissance=1950))
    chemin = s.donnees.sauvegarder(raison="manuelle")
    s.personnes.ajouter(Personne(id="", nom="Apres", prenom="Paul", annee_naissance=1960))
    page = sauvegardes.construire(app.racine, app)
    page.arbre.focus(str(chemin))
    page.restaurer()
    assert app.a_restaurer == chemin
    assert any(e.action == "restauration" for e in s.journal.lister())
    assemblage.fermer(s)
    utilisee, a_cote = assemblage.restaurer(dossier, app.a_restaurer)
    assert utilisee == chemin and Path(a_cote).is_dir()
    rouvert = assemblage.ouvrir(dossier)
    try:
        noms = {p.nom for p in rouvert.personnes.rechercher("")}
        assert "Avant" in noms and "Apres" not in noms
    finally:
        assemblage.fermer(rouvert)


def test_sauvegarde_illisible_refusee_avant_de_fermer(app, tmp_path) -> None:
    faux = tmp_path / "atelier-20260101-000000-manuelle.zip"
    faux.write_bytes(b"pas un zip")
    page = sauvegardes.construire(app.racine, app)
    page.arbre.insert("", "end", iid=str(faux), values=("01/01/2026", faux.name, "1 Ko"))
    page.arbre.focus(str(faux))
    page.restaurer()
    assert app.a_restaurer is None
    assert app.messages[-1][0] == "erreur"


def test_supprimer_une_sauvegarde_faite_a_la_main(app, monkeypatch) -> None:
    """Issue 18 point 5: a backup made by hand stays until the user deletes it, from this page."""
    from atelier_app.gui import dialogues

    chemin = app.services.donnees.sauvegarder(raison="manuelle")
    page = sauvegardes.construire(app.racine, app)
    assert str(chemin) in page.arbre.get_children()
    questions = []
    monkeypatch.setattr(dialogues, "confirmer", lambda _p, m, *a, **k: questions.append(m) or True)
    page.arbre.focus(str(chemin))
    page.supprimer()
    assert not chemin.exists() and str(chemin) not in page.arbre.get_children()
    assert "Supprimer définitivement la sauvegarde du" in questions[0]
    assert any(e.action == "suppression" for e in app.services.journal.lister())
