"""People (domain.personnes): the record, the duplicate key and every validation rule, bounds included."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atelier_app.domain.personnes import (
    ANNEE_NAISSANCE_MIN,
    Personne,
    normaliser,
    valider_annee_naissance,
    valider_personne,
)
from atelier_app.errors import Probleme

P = Personne("p1", "Dupont", "Marie", annee_naissance=1960, cree_le=date(2026, 2, 3))
TEXTES = ("nom", "prenom", "commune", "code_postal", "adresse", "telephone", "email", "responsable_legal",
          "telephone_responsable", "notes")


def test_enregistrement_et_valeurs_par_defaut() -> None:
    assert P.date_rangement() == date(2026, 2, 3)
    assert (Personne.TABLE, Personne.RANGEMENT) == ("personnes", "personnes")
    q = Personne("p2", "A", "B")
    assert (q.annee_naissance, q.genre, q.statut_social, q.droit_image, q.consentements, q.anonymise, q.extra) == (
        None, "non_communique", "non_communique", False, (), False, {})
    assert (q.commune, q.code_postal, q.adresse, q.telephone, q.email, q.notes) == ("", "", "", "", "", "")


def test_nom_complet() -> None:
    assert P.nom_complet == "DUPONT Marie"
    assert replace(P, nom="de la Tour", prenom="Éloïse").nom_complet == "DE LA TOUR Éloïse"
    assert replace(P, prenom="").nom_complet == "DUPONT"
    assert replace(P, nom="").nom_complet == "Marie"


def test_tranche_d_age_et_mineur_selon_l_annee() -> None:
    assert P.tranche_age(2026) == "soixante_soixante_neuf"
    assert P.tranche_age(2030) == "soixante_dix_plus"
    assert replace(P, annee_naissance=None).tranche_age(2026) == "non_communique"
    enfant = replace(P, annee_naissance=2009)
    assert enfant.est_mineur(2026) is True and enfant.est_mineur(2027) is False
    assert P.est_mineur(2026) is False and replace(P, annee_naissance=None).est_mineur(2026) is False


def test_cle_doublon_sans_casse_accents_ni_espaces() -> None:
    assert P.cle_doublon() == ("dupont", "marie", 1960)
    autre = Personne("p9", "  DUPONT ", "Marie", annee_naissance=1960)
    assert autre.cle_doublon() == P.cle_doublon()
    assert replace(P, annee_naissance=1961).cle_doublon() != P.cle_doublon()
    assert Personne("p3", "Lefèvre-d'Arc", "Jean--Pierre").cle_doublon() == ("lefevre d arc", "jean pierre", None)


@pytest.mark.parametrize(("texte", "cle"), [
    ("Éloïse", "eloise"), ("  Ça   va\t", "ca va"), ("Jean-Pierre", "jean pierre"), ("d'Arc", "d arc"),
    ("Straße", "strasse"), ("O' - Neil", "o neil"), ("", ""), (None, ""), ("ÅNGSTRÖM", "angstrom"),
    ("\u00c7a\u0327", "ca"), ("a\nb", "a b"), ("-Zoé-", "zoe"),
])
def test_normaliser(texte: str | None, cle: str) -> None:
    assert normaliser(texte) == cle


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12),
       st.sampled_from(["", " ", "  ", "-", "'", " - "]))
def test_normaliser_ignore_ponctuation_autour(mot: str, bord: str) -> None:
    assert normaliser(f"{bord}{mot.upper()}{bord}") == mot


@pytest.mark.parametrize("annee", [None, 1900, 1901, 1960, 2025, 2026])
def test_annee_de_naissance_acceptee(annee: int | None) -> None:
    assert valider_annee_naissance(annee, "ligne 2", 2026) == []


@pytest.mark.parametrize("annee", [1899, 1000, 2027, 2099, 0])
def test_annee_de_naissance_impossible(annee: int) -> None:
    assert ANNEE_NAISSANCE_MIN == 1900
    assert valider_annee_naissance(annee, "ligne 2", 2026) == [
        Probleme("ligne 2", "annee_naissance", f"année de naissance impossible : {annee} (entre 1900 et 2026)")]


def test_personne_valide() -> None:
    assert valider_personne(P, "fiche", 2026) == []
    complete = replace(P, genre="feminin", statut_social="retraite", email="marie.dupont@exemple.fr",
                       code_postal="69001", commune="Lyon", telephone="04 78 00 00 00", notes="ligne\nligne")
    assert valider_personne(complete, "fiche", 2026) == []


@pytest.mark.parametrize("champ", TEXTES)
def test_chaque_texte_verifie(champ: str) -> None:
    mauvais = replace(P, **{champ: "Ab\x00"})
    problemes = valider_personne(mauvais, "fiche", 2026)
    assert problemes[0].enregistrement == "fiche" and problemes[0].champ == champ
    assert "contient un caractère de contrôle NUL, refusé" in problemes[0].raison


def test_nom_et_prenom_obligatoires() -> None:
    assert valider_personne(replace(P, nom="  "), "ligne 3", 2026) == [
        Probleme("ligne 3", "nom", "le nom est obligatoire")]
    assert valider_personne(replace(P, prenom=""), "ligne 3", 2026) == [
        Probleme("ligne 3", "prenom", "le prénom est obligatoire")]


def test_annee_bornee_par_l_annee_courante_donnee() -> None:
    assert valider_personne(replace(P, annee_naissance=2027), "ligne 4", 2027) == []
    assert valider_personne(replace(P, annee_naissance=2027), "ligne 4", 2026) == [
        Probleme("ligne 4", "annee_naissance", "année de naissance impossible : 2027 (entre 1900 et 2026)")]


@pytest.mark.parametrize("genre", ["masculin", "feminin", "non_communique"])
@pytest.mark.parametrize("statut", ["retraite", "sans_emploi", "en_emploi", "scolarise", "non_communique"])
def test_codes_connus(genre: str, statut: str) -> None:
    assert valider_personne(replace(P, genre=genre, statut_social=statut), "fiche", 2026) == []


def test_codes_inconnus() -> None:
    assert valider_personne(replace(P, genre="F"), "fiche", 2026) == [
        Probleme("fiche", "genre", "genre inconnu : « F »")]
    assert valider_personne(replace(P, statut_social="etudiant"), "fiche", 2026) == [
        Probleme("fiche", "statut_social", "statut inconnu : « etudiant »")]


@pytest.mark.parametrize("email", ["a@b.fr", "marie.dupont+cours@mairie-lyon.gouv.fr", "x@y.z"])
def test_email_accepte(email: str) -> None:
    assert valider_personne(replace(P, email=email), "fiche", 2026) == []


@pytest.mark.parametrize("email", ["a@b", "marie", "a b@c.fr", "a@@b.fr", "@b.fr", "a@b.", "a@.fr x"])
def test_email_refuse(email: str) -> None:
    assert valider_personne(replace(P, email=email), "fiche", 2026) == [
        Probleme("fiche", "email", f"adresse e-mail invalide : « {email} »")]


@pytest.mark.parametrize("cp", ["6900", "690011", "69 001", "2A004", "abcde"])
def test_code_postal_refuse(cp: str) -> None:
    assert valider_personne(replace(P, code_postal=cp), "fiche", 2026) == [
        Probleme("fiche", "code_postal", f"code postal invalide : « {cp} »")]


def test_tous_les_problemes_dans_l_ordre() -> None:
    mauvais = replace(P, nom="", prenom=" ", annee_naissance=1800, genre="?", statut_social="?", email="x",
                      code_postal="1", commune="\x07")
    assert [pb.champ for pb in valider_personne(mauvais, "ligne 9", 2026)] == [
        "commune", "nom", "prenom", "annee_naissance", "genre", "statut_social", "email", "code_postal"]
