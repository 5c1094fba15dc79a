"""What an erasure leaves of each record, field by field (``domain/anonymisation.py``)."""

from __future__ import annotations

from datetime import date

from atelier_app.domain import anonymisation
from atelier_app.domain.accompagnements import Accompagnement
from atelier_app.domain.personnes import Consentement, Personne
from atelier_app.domain.positionnement import Positionnement
from atelier_app.domain.preliste import ChangementEtat, EntreePreliste
from atelier_app.domain.projets import Projet, Visite


def test_la_fiche_ne_garde_que_son_numero_et_son_mois() -> None:
    p = Personne(id="p7", nom="Durand", prenom="Amélie", annee_naissance=1950, genre="feminin",
                 statut_social="retraite", commune="Lille", code_postal="59000", adresse="3 rue Nationale",
                 telephone="0601020304", email="a@d.fr", responsable_legal="X", telephone_responsable="06",
                 droit_image=True, consentements=(Consentement("photos", date(2024, 1, 2)),), notes="aime le thé",
                 cree_le=date(2024, 5, 17), extra={"club": "oui"})
    assert anonymisation.personne(p) == Personne(id="p7", nom="Anonyme", prenom="", cree_le=date(2024, 5, 1),
                                                 anonymise=True)
    assert anonymisation.NOM_ANONYME == "Anonyme"


def test_la_preliste_garde_activite_dates_et_etat() -> None:
    e = EntreePreliste(id="e1", personne="p7", activite="initiation", demande_le=date(2025, 9, 1), origine="ccas",
                       etat="invite", reunion=date(2025, 9, 20), notes="appeler sa fille",
                       historique=(ChangementEtat("a_inviter", date(2025, 9, 1)),), extra={"x": 1})
    assert anonymisation.entree_preliste(e) == EntreePreliste(
        id="e1", personne="p7", activite="initiation", demande_le=date(2025, 9, 1), origine="ccas", etat="invite",
        historique=(ChangementEtat("a_inviter", date(2025, 9, 1)),))


def test_le_positionnement_garde_niveau_et_moment() -> None:
    q = Positionnement(id="q1", personne="p7", date=date(2025, 9, 3), reponses={"q1": "ma fille m'aide"}, score=12,
                       niveau="intermediaire", moment="sortie", cycle="c1", disponibilites=("jeudi-09:00",),
                       activite="initiation", extra={"x": 1})
    assert anonymisation.positionnement(q) == Positionnement(
        id="q1", personne="p7", date=date(2025, 9, 3), niveau="intermediaire", moment="sortie", cycle="c1",
        activite="initiation")


def test_le_projet_garde_de_quoi_compter() -> None:
    r = Projet(id="r1", personne="p7", type="reparation", intitule="Radio de Mme Durand", ouvert_le=date(2025, 2, 1),
               description="vieille radio", categorie_ords=12, marque="Sony", probleme="ne s'allume plus",
               etat="repare", visites=(Visite(date(2025, 2, 5), 90, aidant="Marc", notes="soudure",
                                              prochaine_etape="appeler Amélie"),
                                       Visite(date(2025, 3, 5), 30, aidant="Léa")), extra={"x": 1})
    assert anonymisation.projet(r) == Projet(
        id="r1", personne="p7", type="reparation", intitule="Projet anonymisé", ouvert_le=date(2025, 2, 1),
        categorie_ords=12, marque="Sony", etat="repare", visites=(Visite(date(2025, 2, 5), 90),
                                                                   Visite(date(2025, 3, 5), 30)))
    assert anonymisation.INTITULE_ANONYME == "Projet anonymisé"


def test_l_accompagnement_perd_son_lien_et_ses_notes() -> None:
    a = Accompagnement(id="a1", date=date(2025, 3, 4), duree=45, personne="p7", thematiques=("sante",),
                       suite="autonome", notes="dossier CAF", tranche_age="soixante_dix_plus", genre="feminin",
                       statut_social="retraite", commune="Lille", extra={"x": 1})
    assert anonymisation.accompagnement(a) == Accompagnement(
        id="a1", date=date(2025, 3, 4), duree=45, thematiques=("sante",), suite="autonome",
        tranche_age="soixante_dix_plus", genre="feminin", statut_social="retraite", commune="Lille")


def test_chaque_regle_dit_ce_qui_part_et_ce_qui_reste() -> None:
    assert [q for q, _e, _g in anonymisation.REGLES] == [
        "Fiche de la personne", "Présences aux séances", "Demandes d'inscription (pré-liste)", "Positionnements",
        "Projets et réparations", "Accompagnements individuels", "Groupes", "Annulations de fusion"]
    assert all(e and g for _q, e, g in anonymisation.REGLES)
