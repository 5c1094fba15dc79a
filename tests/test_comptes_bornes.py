"""Account rules at their edges, every expected value written out by hand (CNIL 2022 rule, lock-out)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from atelier_app.domain import comptes as c

T0 = datetime(2026, 12, 1, 10, 0, 0)


def test_compte_par_defaut() -> None:
    k = c.Compte("sophie", "animateur", "h")
    assert (k.identifiant, k.echecs, k.actif, k.dernier_echec, k.verrouille_jusqua) == ("sophie", 0, True, None, None)
    assert k.date_rangement() == date(2000, 1, 1)


def test_raisons_dans_l_ordre() -> None:
    assert c.raisons_refus("abc") == [
        "au moins 12 caractères (il en a 3)", "au moins une majuscule", "au moins un chiffre",
        "au moins un caractère spécial (par exemple ! ? # @)",
        "ou bien une phrase de passe d'au moins 14 caractères en 3 mots ou plus"]
    assert c.raisons_refus("ABCDEFGHIJK1!") == [
        "au moins une minuscule", "ou bien une phrase de passe d'au moins 14 caractères en 3 mots ou plus"]
    assert c.raisons_refus("Abcdefghij1_") == []  # the underscore is a special character
    assert c.raisons_refus("Abcdefghij1!") == []  # exactly 12
    assert c.raisons_refus("Abcdefghi1!") == [
        "au moins 12 caractères (il en a 11)",
        "ou bien une phrase de passe d'au moins 14 caractères en 3 mots ou plus"]
    assert c.raisons_refus("Éabcdefghij1!") == []  # an accented capital is a capital


@pytest.mark.parametrize(("mdp", "phrase"), [
    ("chat bleu soir", True),          # 14 characters, 3 words
    ("chat bleu soi", False),          # 13 characters
    ("chatbleu soirée", False),        # 2 words
    ("chat-bleu_soir", True), ("chat.bleu,soir", True), ("chat;bleu:soir", True),
    ("chat a bleu soir", True),        # « a » is too short to be a word, three remain
    ("chat a b c d e f", False),       # one word of two letters or more
    ("le la du chat bleu", True),
])
def test_phrase_de_passe(mdp: str, phrase: bool) -> None:
    assert (c.raisons_refus(mdp) == []) is phrase


def test_identifiant_dans_le_mot_de_passe() -> None:
    refus = ["un mot de passe qui ne contient pas l'identifiant"]
    assert c.raisons_refus("Mon mot SOPHIE de passe", "sophie") == refus
    assert c.raisons_refus("Mon mot SOPHIE de passe", "  ") == []
    assert c.raisons_refus("Mon mot SOPHIE de passe", " sophie ") == refus


@pytest.mark.parametrize(("echecs", "secondes"), [(-1, 0), (0, 0), (1, 1), (2, 2), (3, 4), (5, 16), (6, 30),
                                                  (20, 30)])
def test_delai_apres_echecs(echecs: int, secondes: int) -> None:
    assert c.delai_apres_echecs(echecs) == secondes


def test_verrou_au_cinquieme_echec() -> None:
    k = c.Compte("sophie", "animateur", "h")
    for n in range(1, 5):
        k = c.apres_echec(k, T0)
        assert (k.echecs, k.dernier_echec, k.verrouille_jusqua) == (n, T0, None)
    k = c.apres_echec(k, T0)
    assert (k.echecs, k.verrouille_jusqua) == (5, T0 + timedelta(minutes=15))
    assert c.attente(k, T0) == 15 * 60 + 1
    assert c.attente(k, T0 + timedelta(minutes=15)) == 0  # the lock is over; the delay (16 s) too


def test_attente_apres_un_echec() -> None:
    k = c.Compte("sophie", "animateur", "h")
    assert c.attente(k, T0) == 0
    k = c.apres_echec(c.apres_echec(c.apres_echec(k, T0), T0), T0)  # 3 failures: 4 s
    assert c.attente(k, T0) == 4
    assert c.attente(k, T0 + timedelta(seconds=1.5)) == 3  # 2.5 s left, rounded up
    assert c.attente(k, T0 + timedelta(seconds=4)) == 0
    assert c.attente(k, T0 + timedelta(seconds=60)) == 0
    verrou_passe = c.Compte("s", "animateur", "h", echecs=1, dernier_echec=T0, verrouille_jusqua=T0)
    assert c.attente(verrou_passe, T0) == 1  # lock reached its end: the 1 s delay remains
