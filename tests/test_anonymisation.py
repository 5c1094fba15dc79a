"""Anonymisation erases, field by field, what the notice says, and keeps what statistics need (issue 18, 9)."""

from datetime import date

from atelier_app.domain import anonymisation
from atelier_app.domain.accompagnements import Accompagnement
from atelier_app.domain.activites import Groupe
from atelier_app.domain.fusion import AnnulationFusion
from atelier_app.domain.personnes import Personne
from atelier_app.domain.positionnement import Positionnement
from atelier_app.domain.preliste import EntreePreliste
from atelier_app.domain.projets import Projet, Visite
from tests.test_rgpd import chiffres, peupler


def test_chaque_champ_suit_la_regle(centre):
    peupler(centre)
    with centre.depot.transaction("t") as tx:
        tx.put(Positionnement(id="q1", personne="p1", date=date(2022, 1, 1), reponses={"q1": "ma fille m'aide"},
                              score=12, niveau="intermediaire", disponibilites=("jeudi 09:00",)))
        tx.put(Projet(id="r2", personne="p1", type="reparation", intitule="Radio de Mme Durand",
                      ouvert_le=date(2022, 2, 1), probleme="ne s'allume plus", categorie_ords=12, marque="Sony",
                      visites=(Visite(date(2022, 2, 5), aidant="Marc", prochaine_etape="appeler Amélie"),)))
        tx.put(Groupe(id="g9", cycle="c", nom="X", liste_attente=("p1", "p2")))
        tx.put(Personne(id="p3", nom="Durand", prenom="Amélie", cree_le=date(2021, 1, 5)))
    centre.personnes.fusionner("p1", "p3")
    avant = chiffres(centre)
    centre.rgpd.anonymiser("p1")
    assert chiffres(centre) == avant
    p = centre.depot.get(Personne, "p1")
    assert p == Personne(id="p1", nom="Anonyme", prenom="", cree_le=date(2021, 1, 1), anonymise=True)
    q = centre.depot.get(Positionnement, "q1")
    assert (q.reponses, q.score, q.disponibilites, q.niveau) == ({}, 0, (), "intermediaire")
    r = centre.depot.get(Projet, "r2")
    assert (r.intitule, r.probleme, r.categorie_ords, r.marque) == (anonymisation.INTITULE_ANONYME, "", 12, "Sony")
    assert (r.visites[0].aidant, r.visites[0].prochaine_etape) == ("", "")
    a = centre.depot.get(Accompagnement, "a1")
    assert a.personne is None and a.notes == "" and a.commune == "Lille"
    e = centre.depot.get(EntreePreliste, "e1")
    assert e.notes == "" and e.activite == "initiation"
    assert centre.depot.get(Groupe, "g9").liste_attente == ("p2",)
    assert centre.depot.all(AnnulationFusion) == []


def test_les_regles_sont_decrites_pour_la_notice():
    quoi = [q for q, _e, _g in anonymisation.REGLES]
    assert "Fiche de la personne" in quoi and "Projets et réparations" in quoi
    assert all(e and g for _q, e, g in anonymisation.REGLES)
