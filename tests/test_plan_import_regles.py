"""The plan of a people-list import (domain.plan_import): each line's changes, old → new, before anything is written."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from atelier_app.domain.personnes import Personne
from atelier_app.domain.plan_import import (
    Changement,
    LigneImport,
    PlanImport,
    appliquer_champs,
    changements,
    personne_choisie,
    planifier,
)
from atelier_app.errors import Probleme

AUJ = date(2026, 11, 20)  # not today: the day given is the one written
DURAND = Personne("p1", "Durand", "Amélie", annee_naissance=1950, telephone="0601020304", adresse="3 rue des Lilas",
                  commune="Lille", cree_le=date(2024, 1, 1))


def _ids():
    compteur = iter(range(1, 100))
    demandes: list[str] = []

    def nouvel_id(prefixe: str) -> str:
        demandes.append(prefixe)
        return f"{prefixe}-n{next(compteur)}"
    return nouvel_id, demandes


def _planifier(lignes, connues=(DURAND,), **kw):
    nouvel_id, _ = _ids()
    return planifier("liste.csv", list(lignes), list(connues), aujourd_hui=AUJ, nouvel_id=nouvel_id, **kw)


def test_changement_libelle_tel_que_l_utilisateur_le_lit() -> None:
    assert Changement("telephone", "", "07").libelle == "Téléphone"
    assert Changement("statut_social", "", "").libelle == "Situation"
    assert Changement("droit_image", "Non", "Oui").libelle == "Droit à l'image"
    assert Changement("inconnu", "", "").libelle == "inconnu"


def test_ligne_nouvelle_ou_modifiee() -> None:
    nouvelle = LigneImport(2, DURAND)
    modifiee = LigneImport(3, DURAND, existante=DURAND)
    assert nouvelle.nouvelle is True and modifiee.nouvelle is False
    assert (nouvelle.changements, nouvelle.doublon_de_ligne) == ((), None)
    plan = PlanImport("f.csv", (nouvelle, modifiee, LigneImport(4, DURAND)))
    assert plan.nouvelles == [nouvelle, LigneImport(4, DURAND)] and plan.modifiees == [modifiee]
    vide = PlanImport("f.csv")
    assert (vide.lignes, vide.problemes, vide.colonnes_ignorees, vide.inchangees, vide.extra) == ((), (), (), 0, {})
    assert vide.nouvelles == [] and vide.modifiees == []


def test_appliquer_a_une_nouvelle_personne() -> None:
    vierge = Personne(id="", nom="", prenom="", cree_le=AUJ)
    p = appliquer_champs(vierge, {"nom": "Petit", "prenom": "Léo", "annee_naissance": 2012, "genre": "masculin",
                                  "telephone": "", "commune": None, "statut_social": "non_communique"})
    assert (p.nom, p.prenom, p.annee_naissance, p.genre) == ("Petit", "Léo", 2012, "masculin")
    assert (p.telephone, p.commune, p.statut_social) == ("", "", "non_communique")


def test_une_cellule_vide_n_efface_jamais_rien() -> None:
    p = appliquer_champs(replace(DURAND, genre="feminin", statut_social="retraite"),
                         {"telephone": "", "adresse": None, "genre": "non_communique", "statut_social": "non_communique"})
    assert (p.telephone, p.adresse, p.genre, p.statut_social) == ("0601020304", "3 rue des Lilas", "feminin", "retraite")


def test_le_nom_d_une_personne_connue_reste_celui_de_sa_fiche() -> None:
    p = appliquer_champs(DURAND, {"nom": "DURAND", "prenom": "amelie", "telephone": "0700000000"})
    assert (p.nom, p.prenom, p.telephone) == ("Durand", "Amélie", "0700000000")


def test_champs_gardes() -> None:
    p = appliquer_champs(DURAND, {"telephone": "0700000000", "adresse": "8 place Rihour"}, frozenset({"telephone"}))
    assert (p.telephone, p.adresse) == ("0601020304", "8 place Rihour")


def test_situation_en_texte_gardee_dans_extra() -> None:
    avec = replace(DURAND, extra={"source": "accueil"})
    p = appliquer_champs(avec, {"notes_statut": "intérimaire", "statut_social": "en_emploi"})
    assert p.extra == {"source": "accueil", "statut_texte": "intérimaire"} and p.statut_social == "en_emploi"
    assert avec.extra == {"source": "accueil"}  # the stored record is not touched
    assert not hasattr(p, "notes_statut")
    assert appliquer_champs(avec, {"notes_statut": "intérimaire"}, frozenset({"statut_social"})).extra == {
        "source": "accueil"}
    assert appliquer_champs(avec, {"notes_statut": ""}).extra == {"source": "accueil"}


def test_changements_lisibles_dans_l_ordre_des_champs() -> None:
    apres = replace(DURAND, telephone="0700000000", genre="feminin", droit_image=True, annee_naissance=None,
                    cree_le=date(2026, 12, 1), adresse="")
    assert changements(DURAND, apres) == (
        Changement("annee_naissance", "1950", ""),
        Changement("genre", "Non communiqué", "Féminin"),
        Changement("adresse", "3 rue des Lilas", ""),
        Changement("telephone", "0601020304", "0700000000"),
        Changement("droit_image", "Non", "Oui"),
        Changement("cree_le", "01/01/2024", "01/12/2026"),
    )
    assert changements(DURAND, DURAND) == ()
    assert changements(DURAND, replace(DURAND, extra={"x": 1}, anonymise=True)) == ()  # not shown fields


def test_plan_nouvelle_personne_et_personne_connue() -> None:
    nouvel_id, demandes = _ids()
    plan = planifier("liste.csv", [
        (2, {"nom": "durand", "prenom": "AMELIE", "annee_naissance": 1950, "telephone": "0700000000"}),
        (3, {"nom": "Petit", "prenom": "Léo", "annee_naissance": 2012}),
    ], [DURAND], aujourd_hui=AUJ, nouvel_id=nouvel_id, colonnes_ignorees=["Remarque"])
    assert plan.fichier == "liste.csv" and plan.colonnes_ignorees == ("Remarque",) and plan.problemes == ()
    modif, nouvelle = plan.lignes
    assert modif == LigneImport(2, replace(DURAND, telephone="0700000000"), existante=DURAND,
                                changements=(Changement("telephone", "0601020304", "0700000000"),))
    assert nouvelle == LigneImport(3, Personne("p-n1", "Petit", "Léo", annee_naissance=2012, cree_le=AUJ))
    assert demandes == ["p"]
    assert plan.inchangees == 0


def test_une_ligne_qui_ne_change_rien_est_comptee_a_part() -> None:
    plan = _planifier([(2, {"nom": "Durand", "prenom": "Amélie", "annee_naissance": 1950, "commune": "Lille"}),
                       (3, {"nom": "Durand", "prenom": "Amélie", "annee_naissance": 1950, "telephone": ""})])
    assert plan.lignes == () and plan.inchangees == 2


def test_une_personne_anonymisee_n_est_pas_reconnue() -> None:
    anonyme = replace(DURAND, anonymise=True)
    plan = _planifier([(2, {"nom": "Durand", "prenom": "Amélie", "annee_naissance": 1950})], connues=[anonyme])
    [ligne] = plan.lignes
    assert ligne.nouvelle and ligne.personne.id == "p-n1"


def test_meme_personne_deux_fois_dans_le_fichier() -> None:
    plan = _planifier([
        (2, {"nom": "Petit", "prenom": "Léo", "annee_naissance": 2012}),
        (3, {"nom": "Durand", "prenom": "Amélie", "annee_naissance": 1950, "telephone": "0700000000"}),
        (4, {"nom": "PETIT", "prenom": "Leo", "annee_naissance": 2012, "commune": "Roubaix"}),
        (5, {"nom": "Durand", "prenom": "Amélie", "annee_naissance": 1950, "adresse": "8 place Rihour"}),
        (6, {"nom": "Petit", "prenom": "Léo", "annee_naissance": 2012}),
    ])
    premiere, durand, seconde, durand2 = plan.lignes
    assert premiere.doublon_de_ligne is None and durand.doublon_de_ligne is None
    # the second line applies on top of the first: same new id, name as first written
    assert seconde.doublon_de_ligne == 2 and seconde.existante is None
    assert (seconde.personne.id, seconde.personne.nom, seconde.personne.commune) == ("p-n1", "Petit", "Roubaix")
    assert seconde.changements == (Changement("commune", "", "Roubaix"),)
    # a known person changed twice: changes shown against the stored record, both kept
    assert durand2.doublon_de_ligne == 3 and durand2.existante == DURAND
    assert (durand2.personne.telephone, durand2.personne.adresse) == ("0700000000", "8 place Rihour")
    assert [c.champ for c in durand2.changements] == ["adresse", "telephone"]
    assert plan.inchangees == 1  # line 6 repeats what lines 2 and 4 already give


def test_problemes_par_ligne_et_lignes_refusees_hors_du_plan() -> None:
    avant = [Probleme("ligne 1", "Colonne", "colonne inconnue")]
    plan = _planifier([
        (2, {"nom": "Martin", "prenom": "Paul", "annee_naissance": 1850}),
        (3, {"nom": "Roux", "prenom": "Lise", "email": "pas-un-mail"}),
        (4, {"nom": "Neuf", "prenom": "Né", "annee_naissance": 2026}),
        (5, {"nom": "Futur", "prenom": "Né", "annee_naissance": 2027}),
        (6, {"nom": "", "prenom": "Sans"}),
    ], problemes=avant)
    assert [x.ligne for x in plan.lignes] == [4]
    assert plan.problemes == (
        Probleme("ligne 1", "Colonne", "colonne inconnue"),
        Probleme("ligne 2", "annee_naissance", "année de naissance impossible : 1850 (entre 1900 et 2026)"),
        Probleme("ligne 3", "email", "adresse e-mail invalide : « pas-un-mail »"),
        Probleme("ligne 5", "annee_naissance", "année de naissance impossible : 2027 (entre 1900 et 2026)"),
        Probleme("ligne 6", "nom", "le nom est obligatoire"),
    )
    assert avant == [Probleme("ligne 1", "Colonne", "colonne inconnue")]  # the caller's list is not extended


def test_personne_choisie() -> None:
    nouvelle = LigneImport(3, Personne("p-n1", "Petit", "Léo"))
    assert personne_choisie(nouvelle, None, frozenset()) is nouvelle.personne
    assert personne_choisie(nouvelle, DURAND, frozenset()) is nouvelle.personne
    ligne = LigneImport(2, replace(DURAND, telephone="07", adresse="8 place Rihour"), existante=DURAND,
                        changements=(Changement("telephone", "0601020304", "07"),
                                     Changement("adresse", "3 rue des Lilas", "8 place Rihour")))
    assert personne_choisie(ligne, None, frozenset()) is ligne.personne
    # written on the person as stored now (her e-mail changed since the plan), minus the kept field
    actuelle = replace(DURAND, email="a@b.fr")
    assert personne_choisie(ligne, actuelle, frozenset({"telephone"})) == replace(actuelle, adresse="8 place Rihour")
    assert personne_choisie(ligne, actuelle, frozenset()) == replace(actuelle, adresse="8 place Rihour", telephone="07")


@pytest.mark.parametrize("vide", ["", None, "non_communique"])
def test_valeurs_vides_ignorees(vide: object) -> None:
    assert appliquer_champs(DURAND, {"commune": vide}) == DURAND


def test_situation_en_texte_d_une_nouvelle_personne() -> None:
    vierge = Personne(id="", nom="", prenom="", cree_le=AUJ)
    p = appliquer_champs(vierge, {"nom": "Petit", "prenom": "Léo", "notes_statut": "apprenti"})
    assert (p.nom, p.prenom, p.extra) == ("Petit", "Léo", {"statut_texte": "apprenti"})


def test_ligne_sans_prenom_refusee() -> None:
    plan = _planifier([(2, {"nom": "Martin"}), (3, {"prenom": "Paul"})])
    assert plan.lignes == ()
    assert plan.problemes == (Probleme("ligne 2", "prenom", "le prénom est obligatoire"),
                              Probleme("ligne 3", "nom", "le nom est obligatoire"))
