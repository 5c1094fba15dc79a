"""Text limits (domain.limites): the length of each field and the characters refused, named in French."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atelier_app.domain.limites import LONGUEUR_DEFAUT, LONGUEURS, caractere_interdit, verifier_texte, verifier_textes
from atelier_app.errors import Probleme


@pytest.mark.parametrize("texte", [
    "", "Dupont", "Noël Lefèvre-Ça", "ligne 1\nligne 2\r\n\tretrait", " \xa0\u202f", "\u200d\u200c", "\u061b",
    "\u2065\u206a", "\u2029", "\xa0", "\u200d", "\u202f", "مرحبا", "😀",
])
def test_textes_acceptes(texte: str) -> None:
    assert caractere_interdit(texte) is None


@pytest.mark.parametrize(("texte", "nom"), [
    ("\x00", "NUL"), ("\x07", "BEL"), ("\x1b", "ESC"), ("\u202e", "RLO"), ("\u202d", "LRO"),
    ("\x01", "U+0001"), ("\x08", "U+0008"), ("\x0b", "U+000B"), ("\x0c", "U+000C"), ("\x0e", "U+000E"),
    ("\x1f", "U+001F"), ("\x7f", "U+007F"), ("\x80", "U+0080"), ("\x9f", "U+009F"), ("\u200e", "U+200E"),
    ("\u200f", "U+200F"), ("\u061c", "U+061C"), ("\u202a", "U+202A"), ("\u2066", "U+2066"), ("\u2069", "U+2069"),
    ("\ud800", "U+D800"), ("\udfff", "U+DFFF"),
])
def test_caracteres_refuses_nommes(texte: str, nom: str) -> None:
    assert caractere_interdit(f"Jean{texte}ne") == f"caractère de contrôle {nom}"


def test_le_premier_caractere_refuse_est_nomme() -> None:
    assert caractere_interdit("a\x07b\x00c") == "caractère de contrôle BEL"
    assert caractere_interdit("a\x01b\x00c") == "caractère de contrôle U+0001"


@pytest.mark.parametrize(("champ", "libelle", "maximum"), [
    ("nom", "Nom", 100), ("prenom", "Prénom", 100), ("code_postal", "Code postal", 10),
    ("telephone", "Téléphone", 30), ("email", "E-mail", 254), ("notes", "Notes", 5000),
    ("prochaine_etape", "Prochaine étape", 1000), ("intitule", "Intitulé", 200),
])
def test_longueur_au_plus(champ: str, libelle: str, maximum: int) -> None:
    assert LONGUEURS[champ] == (maximum, libelle)
    assert verifier_texte("personne 3", champ, "x" * maximum) == []
    assert verifier_texte("personne 3", champ, "x" * (maximum + 1)) == [
        Probleme("personne 3", champ, f"« {libelle} » trop long : {maximum + 1} caractères (au plus {maximum})")]


def test_champ_non_liste_mille_caracteres_sous_son_propre_nom() -> None:
    assert LONGUEUR_DEFAUT == 1000
    assert verifier_texte("ligne 2", "autre", "y" * 1000) == []
    assert verifier_texte("ligne 2", "autre", "y" * 1001) == [
        Probleme("ligne 2", "autre", "« autre » trop long : 1001 caractères (au plus 1000)")]


def test_caractere_refuse_dans_un_champ() -> None:
    assert verifier_texte("ligne 4", "prenom", "Jean\x1bne") == [
        Probleme("ligne 4", "prenom", "« Prénom » contient un caractère de contrôle ESC, refusé")]
    assert verifier_texte("ligne 4", "bizarre", "\u2066") == [
        Probleme("ligne 4", "bizarre", "« bizarre » contient un caractère de contrôle U+2066, refusé")]


def test_trop_long_et_caractere_refuse_les_deux_dits() -> None:
    assert verifier_texte("p", "telephone", "0" * 30 + "\x00") == [
        Probleme("p", "telephone", "« Téléphone » trop long : 31 caractères (au plus 30)"),
        Probleme("p", "telephone", "« Téléphone » contient un caractère de contrôle NUL, refusé"),
    ]


@pytest.mark.parametrize("valeur", [None, "", 5, 3.5, ["\x00"], b"\x00" * 2000, True])
def test_ce_qui_n_est_pas_un_texte_n_est_pas_verifie(valeur: object) -> None:
    assert verifier_texte("p", "nom", valeur) == []


def test_verifier_textes_tous_les_champs_dans_l_ordre() -> None:
    assert verifier_textes("p", {}) == []
    assert verifier_textes("p", {"nom": "Durand", "prenom": "Éva"}) == []
    assert verifier_textes("fiche", {"nom": "\x07", "commune": "Lyon", "code_postal": "1" * 11, "x": None}) == [
        Probleme("fiche", "nom", "« Nom » contient un caractère de contrôle BEL, refusé"),
        Probleme("fiche", "code_postal", "« Code postal » trop long : 11 caractères (au plus 10)"),
    ]


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\u200e\u200f\u061c"
                                      "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"), max_size=100))
def test_texte_ordinaire_toujours_accepte(texte: str) -> None:
    assert caractere_interdit(texte) is None
    assert verifier_texte("p", "nom", texte) == []
