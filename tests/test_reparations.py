"""Repair-café service: open, visits, close / reopen, lists, yearly figures, roles."""

from __future__ import annotations

from datetime import date

import pytest

from atelier_app.domain.personnes import Personne
from atelier_app.domain.roles import Role
from atelier_app.errors import AccesRefuse, DonneesInvalides, UserError
from atelier_app.services.contexte import Utilisateur


@pytest.fixture
def svc(centre):
    centre.ctx.aujourd_hui = lambda: date(2025, 12, 15)
    return centre


@pytest.fixture
def personne(svc) -> Personne:
    return svc.personnes.ajouter(Personne(id="", nom="Lambert", prenom="Josiane", annee_naissance=1947))


def test_cycle_de_vie_d_une_reparation(svc, personne) -> None:
    rep = svc.reparations
    p = rep.ouvrir(personne.id, "reparation", "Bouilloire", categorie_ords=14, marque="Moulinex",
                   annee_fabrication=2015, probleme="Ne chauffe plus", ouvert_le=date(2025, 3, 1))
    for mois in (3, 4, 5):
        p = rep.ajouter_visite(p.id, date(2025, mois, 8), 90, aidant="Karim", notes="Diagnostic",
                               prochaine_etape="Commander la pièce")
    assert [v.date.month for v in p.visites] == [3, 4, 5] and p.visites[0].prochaine_etape == "Commander la pièce"
    p = rep.clore(p.id, "repare", le=date(2025, 5, 8))
    assert p.repare_le == date(2025, 5, 8)
    p = rep.rouvrir(p.id)
    rep.ajouter_visite(p.id, date(2025, 6, 14), 30)
    p = rep.clore(p.id, "repare", le=date(2025, 6, 14))
    assert p.repare_le == date(2025, 5, 8)  # first repair kept: counted once
    ch = rep.chiffres(2025)
    assert (ch.projets_ouverts, ch.visites, ch.personnes, ch.repares) == (1, 4, 1, 1)
    assert ch.heures == pytest.approx(5.0) and ch.dechets_kg == pytest.approx(1.25) and ch.co2_kg == pytest.approx(22.16)
    assert rep.de_personne(personne.id) == [p]
    assert rep.impact(date(2025, 1, 1), date(2025, 12, 31)).repares == 1
    fiche = svc.fiches.chiffres_calcules("repair", 2025)
    assert "1 objet réparé" in fiche and "kg de CO₂ évités" in fiche


def test_issues_et_listes(svc, personne) -> None:
    rep = svc.reparations
    vieux = rep.ouvrir(personne.id, "projet_numerique", "Site de l'association", ouvert_le=date(2025, 9, 1))
    recent = rep.ouvrir(personne.id, "reparation", "Lampe", categorie_ords=15, ouvert_le=date(2025, 12, 1))
    rep.ajouter_visite(recent.id, date(2025, 12, 13), 60)
    assert [p.id for p in rep.en_cours()] == [recent.id, vieux.id]
    assert [p.id for p in rep.oublies()] == [vieux.id]
    with pytest.raises(DonneesInvalides) as err:
        rep.clore(vieux.id, "repare")
    assert "impossible pour un projet numérique" in err.value.texte()
    with pytest.raises(DonneesInvalides) as err:
        rep.clore(recent.id, "fin_de_vie")
    assert "frein" in err.value.texte()
    fin = rep.clore(recent.id, "fin_de_vie", frein=2)
    assert fin.frein_ords == "2" and fin.repare_le is None
    rep.clore(vieux.id, "termine")
    ch = rep.chiffres(2025)
    assert (ch.fin_de_vie, ch.projets_termines, ch.repares) == (1, 1, 0)
    with pytest.raises(UserError, match="déjà en cours"):
        rep.rouvrir(rep.rouvrir(vieux.id).id)


def test_saisie_fausse_dit_ou_et_quoi(svc, personne) -> None:
    with pytest.raises(DonneesInvalides) as err:
        svc.reparations.ouvrir("p-absent", "reparation", " ", annee_fabrication=1800)
    texte = err.value.texte()
    for attendu in ("intitulé est obligatoire", "choisissez la personne", "catégorie de l'objet", "1900"):
        assert attendu in texte
    p = svc.reparations.ouvrir(personne.id, "reparation", "Radio", categorie_ords=23, ouvert_le=date(2025, 12, 1))
    with pytest.raises(DonneesInvalides) as err:
        svc.reparations.ajouter_visite(p.id, date(2026, 1, 3), 60)
    assert "futur" in err.value.texte()


def test_roles(svc, personne) -> None:
    p = svc.reparations.ouvrir(personne.id, "reparation", "Radio", categorie_ords=23)
    svc.ctx.utilisateur = Utilisateur("marie", Role.BENEVOLE)
    with pytest.raises(AccesRefuse):
        svc.reparations.ajouter_visite(p.id, date(2025, 12, 15), 60)
    with pytest.raises(AccesRefuse):
        svc.reparations.en_cours()
    with pytest.raises(AccesRefuse):
        svc.reparations.donnees_ords(2025)
    svc.ctx.utilisateur = Utilisateur("karim", Role.ANIMATEUR)
    svc.reparations.ajouter_visite(p.id, date(2025, 12, 15), 60)
