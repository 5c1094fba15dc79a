"""The placement questionnaire's rules, every expected value written out by hand: each validation
message, the editing of answers (« libellé = points »), the score at its edges, the default texts."""

from __future__ import annotations

from datetime import date

import pytest

from atelier_app.domain import questionnaire as q
from atelier_app.errors import Probleme

OUI_NON = (q.Choix("Non", 0), q.Choix("Oui", 2))


def _qu(id_: str = "a", texte: str = "Question ?", domaine: str = "equipement",
        choix: tuple[q.Choix, ...] = OUI_NON) -> q.Question:
    return q.Question(id_, texte, domaine, choix)


def test_questionnaire_par_defaut() -> None:
    d = q.QUESTIONNAIRE_PAR_DEFAUT
    assert d.id == "questionnaire" and d.date_rangement() == date(2000, 1, 1)
    assert (len(d.questions), d.maximum, d.seuil_a_rassurer, d.seuil_intermediaire) == (11, 21, 6, 13)
    premiere = d.questions[0]
    assert premiere.choix == (q.Choix("Non", 0), q.Choix("Oui, mais je m'en sers peu", 1),
                              q.Choix("Oui, je m'en sers souvent", 2))
    assert q.valider_questionnaire(d) == []


def test_chaque_probleme_dit_ou_et_quoi() -> None:
    vide = q.Questionnaire(questions=())
    assert q.valider_questionnaire(vide) == [Probleme("Questionnaire", "questions", "il faut au moins une question")]
    mauvais = q.Questionnaire(
        questions=(_qu("a", " "), _qu("a", choix=(q.Choix("Oui", 1),)),
                   _qu("b", choix=(q.Choix("Non", -1), q.Choix("Oui", 1))), _qu("c", domaine="cuisine")),
        seuil_a_rassurer=0, seuil_intermediaire=9)
    assert q.valider_questionnaire(mauvais) == [
        Probleme("Questionnaire", "questions", "deux questions ont le même identifiant"),
        Probleme("Question 1", "texte", "le texte est vide"),
        Probleme("Question 2", "choix", "il faut au moins deux réponses possibles"),
        Probleme("Question 3", "choix", "les points ne peuvent pas être négatifs"),
        Probleme("Question 4", "domaine", "domaine inconnu : « cuisine »"),
        Probleme("Questionnaire", "seuils",
                 "le seuil « à rassurer » doit être positif et inférieur au seuil « intermédiaire »"),
        Probleme("Questionnaire", "seuil_intermediaire", "le seuil 9 dépasse le score maximal 6"),  # 2 + 1 + 1 + 2
    ]


@pytest.mark.parametrize(("a_rassurer", "intermediaire", "ok"), [(1, 2, True), (2, 2, False), (3, 2, False),
                                                                 (0, 1, False), (1, 4, True), (1, 5, False)])
def test_seuils_aux_bornes(a_rassurer: int, intermediaire: int, ok: bool) -> None:
    qq = q.Questionnaire(questions=(_qu("a"), _qu("b")), seuil_a_rassurer=a_rassurer,
                         seuil_intermediaire=intermediaire)  # maximum 4
    assert (q.valider_questionnaire(qq) == []) is ok


def test_score_aux_bords() -> None:
    qq = q.Questionnaire(questions=(_qu("a"), _qu("b", choix=(q.Choix("x", 0), q.Choix("y", 1), q.Choix("z", 3)))))
    assert q.score(qq, {"a": 1, "b": 2}) == 5
    assert q.score(qq, {"a": 0, "b": 1}) == 1
    assert q.score(qq, {"a": 2, "b": -1}) == 0  # out of range: not counted
    assert q.score(qq, {"b": "2"}) == 3  # type: ignore[dict-item]  # read back from a file as text
    assert q.score(qq, {}) == 0
    assert q.reponses_manquantes(qq, {"b": 0}) == ["Question ?"]


def test_ecrire_et_relire_les_choix() -> None:
    texte = q.ecrire_choix((q.Choix("Non", 0), q.Choix("Oui, un peu = parfois", 1)))
    assert texte == "Non = 0\nOui, un peu = parfois = 1"
    assert q.lire_choix(texte) == ((q.Choix("Non", 0), q.Choix("Oui, un peu = parfois", 1)), [])
    assert q.lire_choix("  Non =0 \n\n Oui= 2") == ((q.Choix("Non", 0), q.Choix("Oui", 2)), [])


def test_lire_choix_dit_ce_qui_ne_va_pas() -> None:
    assert q.lire_choix("Non\n= 3\nPeut-être = deux\nOui = -1") == ((), [
        "ligne 1 : écrivez « réponse = points » (par exemple « Oui = 2 »)",
        "ligne 2 : écrivez « réponse = points » (par exemple « Oui = 2 »)",
        "ligne 3 : « deux » n'est pas un nombre de points",
        "ligne 4 : les points ne peuvent pas être négatifs"])
    assert q.lire_choix("Oui = 1") == ((q.Choix("Oui", 1),), ["il faut au moins deux réponses possibles"])
    assert q.lire_choix("") == ((), ["il faut au moins deux réponses possibles"])
    assert q.lire_choix("Oui = 1\nNon") == ((q.Choix("Oui", 1),),
                                            ["ligne 2 : écrivez « réponse = points » (par exemple « Oui = 2 »)"])
