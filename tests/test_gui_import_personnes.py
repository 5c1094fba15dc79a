"""Personnes › « Importer une liste… »: preview with old → new, skip a line, keep an old value, problems
by line — through the real dialogs, the reading off the Tk thread (issue 18, points 7 and 8)."""

from datetime import date

import pytest

from atelier_app.domain.personnes import Personne
from atelier_app.gui import import_personnes
from atelier_app.gui.import_personnes import ApercuImport

pytestmark = pytest.mark.gui


def _csv(chemin, lignes):
    chemin.write_text("\n".join(";".join(x) for x in lignes) + "\n", encoding="utf-8")
    return str(chemin)


@pytest.fixture
def ecran(app_reel):
    with app_reel.services.depot.transaction("t") as tx:
        tx.put(Personne(id="p1", nom="Durand", prenom="Amélie", annee_naissance=1950, telephone="0601020304",
                        adresse="3 rue des Lilas", cree_le=date(2024, 1, 1)))
    return app_reel.aller("personnes")


def test_apercu_puis_import_choisi(app_reel, ecran, tmp_path):
    f = _csv(tmp_path / "l.csv", [("Nom", "Prénom", "Année de naissance", "Téléphone", "Adresse"),
                                  ("Durand", "Amélie", "1950", "0700000000", "8 place Rihour"),
                                  ("Petit", "Léo", "2012", "", "")])
    vu = {}

    def choisir(f):
        assert isinstance(f, ApercuImport)
        vu["lignes"] = {i: f.arbre.item(i)["values"] for i in f.arbre.get_children()}
        f.basculer("L2:telephone")
        f.basculer("L3")
        app_reel.pilote.cliquer(f, "Importer")

    app_reel.pilote.faire(choisir).bouton("OK")
    import_personnes.importer(ecran, f)
    app_reel.taches.attendre()
    assert not app_reel.pilote.erreurs
    assert list(vu["lignes"]["L2:adresse"])[1:3] == ["3 rue des Lilas", "8 place Rihour"]
    assert "L3" in vu["lignes"] and "nouvelle personne" in vu["lignes"]["L3"][0]
    p = app_reel.services.depot.get(Personne, "p1")
    assert p.telephone == "0601020304" and p.adresse == "8 place Rihour"
    assert app_reel.services.personnes.nombre() == 1
    assert "Import terminé : 0 personne ajoutée, 1 fiche modifiée." in " ".join(app_reel.pilote.vus[-1].split())


def test_problemes_par_ligne(app_reel, ecran, tmp_path):
    f = _csv(tmp_path / "l.csv", [("Nom", "Prénom", "Date de naissance"), ("Martin", "Paul", "1850")])
    vu = {}

    def regarder(f):
        vu["valeurs"] = [f.arbre.item(i)["values"] for i in f.arbre.get_children()]
        app_reel.pilote.cliquer(f, "Fermer")

    app_reel.pilote.faire(regarder)
    import_personnes.importer(ecran, f)
    app_reel.taches.attendre()
    assert not app_reel.pilote.erreurs
    assert [list(v)[:2] for v in vu["valeurs"]] == [["ligne 2", "Date de naissance"]]
    assert app_reel.services.personnes.nombre() == 1
