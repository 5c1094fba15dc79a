"""Home screen: today's sessions with « Faire l'appel », forgotten calls, people to phone, freed places;
the Séances screen and the person's « Présences » tab."""

from __future__ import annotations

from dataclasses import replace

import pytest

from atelier_app.domain.roles import Role
from atelier_app.services.contexte import Utilisateur
from tests.test_seances import creer_groupe

pytestmark = pytest.mark.gui


@pytest.fixture
def donnees(app):
    s = app.services
    g = creer_groupe(s, n=8, liste_attente=2)
    s.seances.generer(g.id)
    seances = s.seances.seances_du_groupe(g.id)
    for k in (0, 1):
        s.ctx.aujourd_hui = lambda k=k: seances[k].date
        s.presences.enregistrer(seances[k].id, {**dict.fromkeys(g.inscrits, "present"), "p3": "absent"})
    s.ctx.aujourd_hui = lambda: seances[3].date
    return g, seances


def test_accueil(app, donnees) -> None:
    _g, seances = donnees
    ecran = app.aller("aujourdhui")
    app.racine.update()
    assert len(ecran.boutons_appel) == 1 and app.racine.focus_get() is ecran.boutons_appel[0]
    assert ecran.oublies.get_children() == (seances[2].id,)
    ligne = ecran.rappeler.item(ecran.rappeler.get_children()[0], "values")
    assert "NOM3" in ligne[0] and ligne[1] == "2" and ligne[3] == "06 00 00 00 03"  # absences in their own column
    assert ecran.places.item(ecran.places.get_children()[0], "values")[1:] == ("1", "2")


def test_accueil_benevole(app, donnees) -> None:
    app.services.ctx.utilisateur = Utilisateur("Marie", Role.BENEVOLE)
    ecran = app.aller("aujourdhui")
    app.racine.update()
    assert len(ecran.boutons_appel) == 1
    assert not ecran.bas.winfo_ismapped()
    assert not app.messages


def test_ecran_seances_et_onglet(app, donnees) -> None:
    g, seances = donnees
    ecran = app.aller("seances")
    app.racine.update()
    assert ecran.groupe().id == g.id
    assert len(ecran.arbre.get_children()) == 10
    etats = [ecran.arbre.item(i, "values")[3] for i in ecran.arbre.get_children()]
    assert etats[:3] == ["Réalisée", "Réalisée", "Appel oublié"]
    ecran.arbre.focus(seances[2].id)
    app.services.seances.annuler(seances[2].id, "Panne")
    ecran.imprimer()
    app.taches.attendre()
    app.racine.update()
    assert any("Feuille écrite" in m for _t, m in app.messages)
    from atelier_app.gui.onglets_personne import presences

    onglet = presences.construire(app.racine, app, app.services.personnes.personne("p3"))
    assert "0 séance suivie" in onglet.total.cget("text")
    onglet = presences.construire(app.racine, app, app.services.personnes.personne("p1"))
    assert "2 séances suivies, 4 h" in onglet.total.cget("text")


def test_parametres_calendrier(app) -> None:
    from datetime import date

    from atelier_app.gui.onglets_parametres import calendrier

    page = calendrier.construire(app.racine, app)
    page.zone.set("C")
    page._enregistrer(zone_scolaire="C")
    page.nom.var.set("Toussaint 2028")
    page.debut.set_date(date(2028, 10, 21))
    page.fin.set_date(date(2028, 11, 5))
    page.ajouter()
    p = app.services.centre.parametres()
    assert p.zone_scolaire == "C" and p.vacances_manuelles[0].nom == "Toussaint 2028"
    page.debut.set_date(date(2028, 12, 1))
    page.fin.set_date(date(2028, 11, 1))
    page.ajouter()
    assert "avant le début" in app.messages[-1][1]
    app.services.centre.enregistrer_parametres(replace(p, mode_benevole=True))
    assert app.services.seances.mode_benevole()
