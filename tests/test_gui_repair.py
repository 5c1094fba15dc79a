"""Repair-café screen: open a project and add a visit through the forms, flags, impact, ORDS export."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from atelier_app.domain.personnes import Personne
from atelier_app.gui.screens.repair import CATEGORIES

pytestmark = pytest.mark.gui


@pytest.fixture
def ecran(app):
    app.services.ctx.aujourd_hui = lambda: date(2025, 12, 13)
    app.personne = app.services.personnes.ajouter(Personne(id="", nom="Lambert", prenom="Josiane",
                                                           annee_naissance=1947))
    e = app.aller("repair")
    app.racine.update()
    return e


def test_ouvrir_un_projet_puis_ajouter_une_visite(app, ecran) -> None:
    f = ecran.nouveau(attendre=False)
    f.personne.recherche.set("lamb")
    assert f.personne.personne_id == app.personne.id
    f.intitule.var.set("Bouilloire qui ne chauffe plus")
    f.categorie.set(CATEGORIES["14"])
    f.marque.var.set("Moulinex")
    f.age.var.set("2016")
    f.probleme.insert("1.0", "Ne chauffe plus")
    f.enregistrer()
    assert app.messages == []
    ecran.rafraichir()
    (iid,) = ecran.arbre.get_children()
    p = app.services.reparations.projet(iid)
    assert (p.categorie_ords, p.annee_fabrication, p.marque) == (14, 2016, "Moulinex")
    ecran.arbre.selection_set(iid)
    ecran.arbre.focus(iid)
    v = ecran.visite(attendre=False)
    v.duree.var.set("90")
    v.aidant.var.set("Karim")
    v.notes.insert("1.0", "Thermostat changé")
    v.suite.var.set("Tester à la maison")
    v.enregistrer()
    ecran.rafraichir()
    assert app.messages == []
    assert ecran.arbre.set(iid, "visites") == "1"
    assert ecran.visites.set("0", "notes") == "Thermostat changé"
    p = app.services.reparations.clore(iid, "repare")
    ecran.rafraichir()
    assert "1 objet(s) réparé(s), 1,2 kg de déchets" in ecran.impact.cget("text")


def test_projet_oublie_signale_et_saisie_fausse(app, ecran, tmp_path) -> None:
    svc = app.services.reparations
    svc.ouvrir(app.personne.id, "projet_numerique", "Numériser des cassettes", ouvert_le=date(2025, 9, 6))
    ecran.rafraichir()
    (iid,) = ecran.arbre.get_children()
    assert ecran.arbre.set(iid, "etat") == "Sans visite depuis plus d'un mois"
    assert "1 projet(s)" in ecran.alerte.cget("text")
    f = ecran.nouveau(attendre=False)
    f.enregistrer()
    assert app.messages and "intitulé est obligatoire" in app.messages[-1][1]
    f.annuler()
    r = svc.ouvrir(app.personne.id, "reparation", "Radio", categorie_ords=23, ouvert_le=date(2025, 10, 4),
                   probleme="Josiane : 06 12 34 56 78")
    svc.clore(r.id, "fin_de_vie", frein=1)
    ecran.exporter_vers(tmp_path / "o.csv", 2025)
    app.taches.attendre()
    with open(tmp_path / "o.csv", encoding="utf-8") as fh:
        rangs = list(csv.DictReader(fh))
    assert [(x["product_category"], x["repair_status"], x["problem"]) for x in rangs] == [
        ("Portable radio", "End of life", "[nom retiré] : [téléphone retiré]")]
