"""An individual help record and its validation (``domain/accompagnements.py``)."""

from __future__ import annotations

from datetime import date

import pytest

from atelier_app.domain.accompagnements import Accompagnement, valider_accompagnement
from atelier_app.errors import Probleme

OU = "Accompagnement du 04/03/2025"


def _a(**kw) -> Accompagnement:
    return Accompagnement(id="a1", date=date(2025, 3, 4), **kw)


def test_valeurs_par_defaut() -> None:
    a = _a()
    assert (a.duree, a.personne, a.thematiques, a.suite, a.notes) == (30, None, (), "autre", "")
    assert (a.tranche_age, a.genre, a.statut_social, a.commune, a.extra) == (
        "non_communique", "non_communique", "non_communique", "", {})
    assert (Accompagnement.TABLE, Accompagnement.RANGEMENT) == ("accompagnements", "annee")


def test_range_a_sa_date() -> None:
    assert _a().date_rangement() == date(2025, 3, 4)


def test_un_accompagnement_correct() -> None:
    assert valider_accompagnement(_a(duree=45, thematiques=("sante", "argent_impots"), suite="autonome",
                                     notes="RDV CAF", commune="Lille"), OU) == []


@pytest.mark.parametrize("duree", [1, 30, 720])
def test_durees_possibles(duree: int) -> None:
    assert valider_accompagnement(_a(duree=duree), OU) == []


@pytest.mark.parametrize("duree", [0, -5, 721, 1440])
def test_durees_impossibles(duree: int) -> None:
    assert valider_accompagnement(_a(duree=duree), OU) == [
        Probleme(OU, "duree", f"durée impossible : {duree} minutes")]


def test_suite_et_thematiques_inconnues() -> None:
    assert valider_accompagnement(_a(suite="perdu", thematiques=("sante", "cuisine", "jardin")), OU) == [
        Probleme(OU, "suite", "suite inconnue : « perdu »"),
        Probleme(OU, "thematiques", "thématique inconnue : « cuisine »"),
        Probleme(OU, "thematiques", "thématique inconnue : « jardin »"),
    ]


def test_textes_trop_longs_ou_interdits() -> None:
    problemes = valider_accompagnement(_a(notes="x" * 5001, commune="Lil\x00le"), OU)
    assert problemes == [
        Probleme(OU, "notes", "« Notes » trop long : 5001 caractères (au plus 5000)"),
        Probleme(OU, "commune", "« Commune » contient un caractère de contrôle NUL, refusé"),
    ]


def test_tous_les_problemes_a_la_fois() -> None:
    champs = [p.champ for p in valider_accompagnement(_a(duree=0, suite="?", thematiques=("?",), commune="x" * 101), OU)]
    assert champs == ["commune", "suite", "thematiques", "duree"]
