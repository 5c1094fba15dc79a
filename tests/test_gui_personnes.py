"""The people screen: search as you type, add, open, merge."""

from __future__ import annotations

import pytest

from atelier_app.domain.personnes import Personne
from atelier_app.gui.fiche_personne import FichePersonne

pytestmark = pytest.mark.gui


def _ajouter(services, nom, prenom, annee=1950, **kw):
    return services.personnes.ajouter(Personne(id="", nom=nom, prenom=prenom, annee_naissance=annee, **kw))


def test_recherche_pendant_la_frappe(app) -> None:
    for nom, prenom in (("Durand", "Anne"), ("Dupont", "Louis"), ("Martin", "Hélène")):
        _ajouter(app.services, nom, prenom)
    ecran = app.aller("personnes")
    assert len(ecran.arbre.get_children()) == 3
    ecran.champ.focus_force()
    for lettre in "hel":
        ecran.champ.insert("end", lettre)
    ecran.rafraichir()
    lignes = [ecran.arbre.item(i, "values") for i in ecran.arbre.get_children()]
    assert [v[1] for v in lignes] == ["Hélène"]
    assert "1 personne(s) sur 3" in ecran.compte.cget("text")


def test_ajouter_une_personne_par_la_fiche(app) -> None:
    ecran = app.aller("personnes")
    fiche = FichePersonne(ecran, app)
    fiche.ouvrir(attendre=False)
    fiche.nom.var.set("Lambert")
    fiche.prenom.var.set("Josiane")
    fiche.annee.var.set("1947")
    fiche.commune.var.set("Lille")
    fiche.genre.set("Féminin")
    fiche.enregistrer()
    assert not fiche.winfo_exists()
    trouvee = app.services.personnes.rechercher("lambert")[0]
    assert (trouvee.prenom, trouvee.annee_naissance, trouvee.genre) == ("Josiane", 1947, "feminin")


def test_annee_impossible_refusee_avec_message(app) -> None:
    ecran = app.aller("personnes")
    fiche = FichePersonne(ecran, app)
    fiche.ouvrir(attendre=False)
    fiche.nom.var.set("Lambert")
    fiche.prenom.var.set("Jo")
    fiche.annee.var.set("47")
    fiche.enregistrer()
    assert fiche.winfo_exists()
    assert app.messages[-1][0] == "erreur" and "4 chiffres" in app.messages[-1][1]
    fiche.annuler()
    assert app.services.personnes.nombre() == 0


def test_fusionner_deux_fiches(app, monkeypatch) -> None:
    from atelier_app.gui.screens import personnes as module

    a = _ajouter(app.services, "Durand", "Anne", telephone="0601020304")
    b = _ajouter(app.services, "Durant", "Anne", commune="Lille")
    ecran = app.aller("personnes")
    ecran.arbre.selection_set((a.id, b.id))
    monkeypatch.setattr(module.ChoixFusion, "montrer", lambda self: a.id)
    ecran.fusionner()
    assert app.services.personnes.nombre() == 1
    gardee = app.services.personnes.personne(a.id)
    assert gardee.commune == "Lille"
