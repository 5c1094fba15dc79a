"""Repair-café and personal projects (domain.projets): the record and each rule of its validation."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from atelier_app.domain.projets import Projet, Visite, valider_projet
from atelier_app.errors import Probleme

P = Projet("r1", "p1", "reparation", "Grille-pain qui ne chauffe plus", date(2026, 3, 14))


def test_enregistrement_et_valeurs_par_defaut() -> None:
    assert P.date_rangement() == date(2026, 3, 14)
    assert (Projet.TABLE, Projet.RANGEMENT) == ("projets", "annee")
    assert (P.etat, P.categorie_ords, P.frein_ords, P.visites, P.categorie_non_electrique, P.poids_estime_kg) == (
        "en_cours", None, None, (), "", None)
    assert (P.description, P.marque, P.probleme, P.repare_le, P.clos_le, P.extra) == ("", "", "", None, None, {})
    v = Visite(date(2026, 3, 14))
    assert (v.duree, v.aidant, v.notes, v.prochaine_etape) == (60, "", "", "")


@pytest.mark.parametrize("etat", ["en_cours", "repare", "reparable", "fin_de_vie", "termine", "abandonne"])
@pytest.mark.parametrize("type_", ["reparation", "projet_numerique"])
def test_projet_valide(etat: str, type_: str) -> None:
    assert valider_projet(replace(P, etat=etat, type=type_), "projet 1") == []


@pytest.mark.parametrize("categorie", [None, 1, 14, 40])
def test_categories_ords_acceptees(categorie: int | None) -> None:
    assert valider_projet(replace(P, categorie_ords=categorie), "projet 1") == []


@pytest.mark.parametrize("categorie", [0, 41, -1, 100])
def test_categories_ords_refusees(categorie: int) -> None:
    assert valider_projet(replace(P, categorie_ords=categorie), "projet 1") == [
        Probleme("projet 1", "categorie_ords", f"catégorie ORDS inconnue : {categorie}")]


def test_type_et_etat_inconnus() -> None:
    assert valider_projet(replace(P, type="velo"), "projet 2") == [Probleme("projet 2", "type", "type inconnu : « velo »")]
    assert valider_projet(replace(P, etat="fini"), "projet 2") == [Probleme("projet 2", "etat", "état inconnu : « fini »")]


@pytest.mark.parametrize("intitule", ["", "   ", "\n"])
def test_intitule_obligatoire(intitule: str) -> None:
    assert valider_projet(replace(P, intitule=intitule), "projet 3") == [
        Probleme("projet 3", "intitule", "l'intitulé est obligatoire")]


def test_textes_du_projet_et_de_ses_visites_bornes() -> None:
    long = replace(P, description="d" * 5001, marque="m" * 101, probleme="p" * 2001)
    assert valider_projet(long, "projet 4") == [
        Probleme("projet 4", "description", "« Description » trop long : 5001 caractères (au plus 5000)"),
        Probleme("projet 4", "marque", "« Marque » trop long : 101 caractères (au plus 100)"),
        Probleme("projet 4", "probleme", "« Problème » trop long : 2001 caractères (au plus 2000)"),
    ]
    assert valider_projet(replace(P, intitule="i" * 201), "projet 4") == [
        Probleme("projet 4", "intitule", "« Intitulé » trop long : 201 caractères (au plus 200)")]
    visites = (Visite(date(2026, 3, 14), notes="ok"), Visite(date(2026, 4, 1), notes="n\x00", prochaine_etape="e" * 1001))
    assert valider_projet(replace(P, visites=visites), "projet 5") == [
        Probleme("projet 5", "notes", "« Notes » contient un caractère de contrôle NUL, refusé"),
        Probleme("projet 5", "prochaine_etape", "« Prochaine étape » trop long : 1001 caractères (au plus 1000)"),
    ]


def test_tous_les_problemes_dans_l_ordre() -> None:
    mauvais = replace(P, intitule=" ", type="x", etat="y", categorie_ords=41, marque="\x07")
    assert [(pb.champ, pb.raison) for pb in valider_projet(mauvais, "projet 6")] == [
        ("marque", "« Marque » contient un caractère de contrôle BEL, refusé"),
        ("type", "type inconnu : « x »"),
        ("etat", "état inconnu : « y »"),
        ("categorie_ords", "catégorie ORDS inconnue : 41"),
        ("intitule", "l'intitulé est obligatoire"),
    ]


def test_problemes_des_visites_ajoutes_a_ceux_du_projet() -> None:
    visites = (Visite(date(2026, 3, 14), notes="\x07"), Visite(date(2026, 4, 1), prochaine_etape="\x00"))
    assert [pb.champ for pb in valider_projet(replace(P, marque="\x1b", visites=visites, etat="?"), "p")] == [
        "marque", "notes", "prochaine_etape", "etat"]
