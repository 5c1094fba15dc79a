"""Scoring and thresholds of the placement questionnaire."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from atelier_app.domain.questionnaire import (
    QUESTIONNAIRE_PAR_DEFAUT as Q,
)
from atelier_app.domain.questionnaire import (
    niveau,
    reponses_manquantes,
    score,
    valider_questionnaire,
)


def test_defaut_valide_et_environ_dix_questions() -> None:
    assert valider_questionnaire(Q) == []
    assert 8 <= len(Q.questions) <= 12
    assert {q.domaine for q in Q.questions} >= {"equipement", "information", "communication", "quotidien", "logiciels"}


def test_seuils() -> None:
    assert niveau(Q, 0) == "debutant"
    assert niveau(Q, Q.seuil_a_rassurer - 1) == "debutant"
    assert niveau(Q, Q.seuil_a_rassurer) == "a_rassurer"
    assert niveau(Q, Q.seuil_intermediaire - 1) == "a_rassurer"
    assert niveau(Q, Q.seuil_intermediaire) == "intermediaire"


def test_grand_debutant_et_autonome() -> None:
    assert niveau(Q, score(Q, {q.id: 0 for q in Q.questions})) == "debutant"
    assert niveau(Q, score(Q, {q.id: len(q.choix) - 1 for q in Q.questions})) == "intermediaire"
    assert reponses_manquantes(Q, {}) == [q.texte for q in Q.questions]


@given(st.dictionaries(st.sampled_from([q.id for q in Q.questions]), st.integers(-2, 5)))
def test_score_borne_et_monotone(reponses) -> None:
    s = score(Q, reponses)
    assert 0 <= s <= Q.maximum
    plafond = {q.id: len(q.choix) - 1 for q in Q.questions}
    mieux = {k: min(max(v, 0) + 1, plafond[k]) for k, v in reponses.items()}
    assert score(Q, mieux) >= score(Q, {k: min(max(v, 0), plafond[k]) for k, v in reponses.items()})


def test_reponses_rangees_du_moins_au_plus_autonome() -> None:
    for q in Q.questions:
        points = [c.points for c in q.choix]
        assert points == sorted(points), q.id


def test_validation_dit_quoi() -> None:
    mauvais = replace(Q, seuil_a_rassurer=15, seuil_intermediaire=10)
    assert any("seuil" in p.raison for p in valider_questionnaire(mauvais))
    assert valider_questionnaire(replace(Q, questions=())) != []
