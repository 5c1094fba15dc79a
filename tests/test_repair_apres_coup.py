"""Repair café recorded after the fact (issue 15, point 6): an opening date (today by default, may be
earlier), visits from that date, no « Dernière visite » without a visit, decimals with a comma."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from atelier_app.domain.personnes import Personne
from atelier_app.errors import DonneesInvalides
from atelier_app.gui.screens.repair import CATEGORIES

AUJOURD_HUI = date(2026, 12, 1)
SEMAINE_DERNIERE = date(2026, 11, 24)


@pytest.fixture
def s(centre):
    centre.ctx.aujourd_hui = lambda: AUJOURD_HUI
    centre.personne = centre.personnes.ajouter(Personne(id="", nom="Lambert", prenom="Josiane", annee_naissance=1947))
    return centre


def test_visite_de_la_semaine_derniere_sur_un_projet_ouvert_la_semaine_derniere(s) -> None:
    r = s.reparations
    p = r.ouvrir(s.personne.id, "projet_numerique", "Site web", ouvert_le=SEMAINE_DERNIERE)
    assert p.ouvert_le == SEMAINE_DERNIERE
    p = r.ajouter_visite(p.id, SEMAINE_DERNIERE, 60)
    assert [v.date for v in p.visites] == [SEMAINE_DERNIERE]
    with pytest.raises(DonneesInvalides, match="visite"):
        r.ajouter_visite(p.id, date(2026, 11, 20), 60)
    assert r.ouvrir(s.personne.id, "projet_numerique", "Affiche").ouvert_le == AUJOURD_HUI


def test_ouverture_ni_future_ni_apres_une_visite(s) -> None:
    r = s.reparations
    with pytest.raises(DonneesInvalides) as e:
        r.ouvrir(s.personne.id, "projet_numerique", "Site", ouvert_le=date(2026, 12, 5))
    assert "dans le futur" in str(e.value.problemes)
    p = r.ajouter_visite(r.ouvrir(s.personne.id, "projet_numerique", "Site", ouvert_le=SEMAINE_DERNIERE).id,
                         SEMAINE_DERNIERE, 30)
    with pytest.raises(DonneesInvalides) as e:
        r.modifier(replace(p, ouvert_le=date(2026, 11, 30)))
    assert "après la première visite" in str(e.value.problemes)
    r.modifier(replace(p, ouvert_le=date(2025, 12, 20)))  # earlier, even the year before: filed again
    assert [x.ouvert_le for x in r.tous() if x.id == p.id] == [date(2025, 12, 20)]


@pytest.mark.gui
def test_formulaire_date_d_ouverture_et_decimales(app) -> None:
    app.services.ctx.aujourd_hui = lambda: AUJOURD_HUI
    personne = app.services.personnes.ajouter(Personne(id="", nom="Lambert", prenom="Josiane", annee_naissance=1947))
    ecran = app.aller("repair")
    app.racine.update()
    f = ecran.nouveau(attendre=False)
    assert f.ouvert_le.entry.get() == "01/12/2026"
    f.personne.recherche.set("lamb")
    assert f.personne.personne_id == personne.id
    f.intitule.var.set("Bouilloire")
    f.categorie.set(CATEGORIES["14"])
    f.age.var.set("2,5")
    f.poids.var.set("6,5")
    f.ouvert_le.entry.delete(0, "end")
    f.ouvert_le.entry.insert(0, "24/11/2026")
    f.enregistrer()
    assert app.messages == []
    ecran.rafraichir()
    (iid,) = ecran.arbre.get_children()
    p = app.services.reparations.projet(iid)
    assert (p.ouvert_le, p.poids_estime_kg, p.age_produit) == (SEMAINE_DERNIERE, 6.5, 2.5)
    assert ecran.arbre.set(iid, "derniere") == "—"
    ecran.arbre.selection_set(iid)
    ecran.arbre.focus(iid)
    ecran._afficher()
    assert "2,5 ans" in ecran.detail.cget("text")
    v = ecran.visite(attendre=False)
    v.date.entry.delete(0, "end")
    v.date.entry.insert(0, "24/11/2026")
    v.enregistrer()
    assert app.messages == []
    ecran.rafraichir()
    assert ecran.arbre.set(iid, "derniere") == "24/11/2026"
    from atelier_app.gui.formulaires_repair import FormulaireProjet

    g = FormulaireProjet(app.racine, app, projet=app.services.reparations.projet(iid))
    assert (g.poids.get(), g.age.get(), g.ouvert_le.entry.get()) == ("6,5", "2,5", "24/11/2026")
    g.fermer()
