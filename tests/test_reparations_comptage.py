"""What the repair café counts (Restarters impact, once per object) and the exact texts of its rules,
worked out by hand from reference/repair.md; completes ``test_reparations_regles.py``."""

from __future__ import annotations

from datetime import date

import pytest

from atelier_app.domain import reparations as r
from atelier_app.domain.projets import Projet, Visite

RATIO_ELECTRIQUE, RATIO_NON_ELECTRIQUE, DEPLACEMENT = 32.06679233, 17.70147059, 0.5


def _projet(**k: object) -> Projet:
    base: dict[str, object] = dict(id="r1", personne="p1", type="reparation", intitule="Bouilloire",
                                   ouvert_le=date(2025, 3, 1), categorie_ords=14)
    base.update(k)
    return Projet(**base)  # type: ignore[arg-type]


def test_issues_et_messages() -> None:
    assert r.issues_possibles("inconnu") == ()
    rep = _projet()
    assert r.verifier_issue(rep, "termine", None) == (
        "issue « Terminé » impossible pour une réparation (possibles : Réparé, Réparable, Fin de vie)")
    assert r.verifier_issue(rep, "perdu", None) == (
        "issue « perdu » impossible pour une réparation (possibles : Réparé, Réparable, Fin de vie)")
    assert r.verifier_issue(rep, "fin_de_vie", None) == "fin de vie : choisissez le principal frein à la réparation"


def test_date_de_l_evenement() -> None:
    visites = (Visite(date(2025, 3, 1)), Visite(date(2025, 4, 2)))
    assert r.date_evenement(_projet(visites=visites)) == date(2025, 4, 2)
    assert r.date_evenement(_projet(visites=visites, clos_le=date(2025, 5, 5))) == date(2025, 5, 5)
    assert r.derniere_visite(_projet()) == date(2025, 3, 1)


def test_impacts_s_ajoutent() -> None:
    assert r.Impact(1, 2, 3, 4) + r.Impact(10, 20, 30, 40) == r.Impact(11, 22, 33, 44)


def test_impact_d_un_objet_categorie_par_categorie() -> None:
    assert r.impact_objet(14) == r.Impact(1.25, 22.16, 1, 0)  # kettle: 44.32 × 0.5
    misc = r.impact_objet(18, estimation_kg=0.5)  # powered Misc: the estimate, even under 1 kg
    assert (misc.dechets_kg, misc.repares, misc.sans_poids) == (0.5, 1, 0)
    assert misc.co2_kg == pytest.approx(0.5 * RATIO_ELECTRIQUE * DEPLACEMENT)
    assert r.impact_objet(18) == r.Impact(0, 0, 1, 1)  # Misc without weight: counted, flagged
    assert r.impact_objet(18, estimation_kg=0) == r.Impact(0, 0, 1, 1)
    assert r.impact_objet(18, estimation_kg=-2) == r.Impact(0, 0, 1, 1)
    velo = r.impact_objet(None, "velo", 0.5)  # unpowered: the estimate always wins
    assert (velo.dechets_kg, velo.repares, velo.sans_poids) == (0.5, 1, 0)
    assert velo.co2_kg == pytest.approx(0.5 * RATIO_NON_ELECTRIQUE * DEPLACEMENT)
    assert r.impact_objet(None, "velo") == r.Impact(15.1, 74.8, 1, 0)  # 149.6 × 0.5
    assert r.impact_objet(None, "divers") == r.Impact(0, 0, 1, 1)  # no weight of its own
    assert r.impact_objet(None, "") == r.Impact(0, 0, 1, 1)


def test_compte_dans_la_periode_bornes_comprises() -> None:
    debut, fin = date(2025, 1, 1), date(2025, 12, 31)
    assert r.compte_dans_impact(_projet(repare_le=debut), debut, fin)
    assert r.compte_dans_impact(_projet(repare_le=fin), debut, fin)
    assert not r.compte_dans_impact(_projet(repare_le=date(2026, 1, 1)), debut, fin)
    assert not r.compte_dans_impact(_projet(type="projet_numerique", repare_le=fin), debut, fin)


def test_impact_lit_la_categorie_non_electrique_et_l_estimation() -> None:
    velo = _projet(categorie_ords=None, categorie_non_electrique="velo", poids_estime_kg=10.0,
                   repare_le=date(2025, 6, 1))
    meuble = _projet(id="r2", categorie_ords=None, categorie_non_electrique="meuble", repare_le=date(2025, 6, 2))
    total = r.impact([velo, meuble], date(2025, 1, 1), date(2025, 12, 31))
    assert (total.dechets_kg, total.repares, total.sans_poids) == (pytest.approx(39.81), 2, 0)
    assert total.co2_kg == pytest.approx(10 * RATIO_NON_ELECTRIQUE * DEPLACEMENT + 67.13 * DEPLACEMENT)


def test_nettoyer_les_noms() -> None:
    # the longest name first: « Le Gall » whole, not « Le » then « Gall »
    assert r.nettoyer("Vu avec Le Gall hier", ("Le", "Le Gall")) == "Vu avec [nom retiré] hier"
    assert r.nettoyer("Vu avec Anne Gall hier", ("Gall", "Anne Gall")) == "Vu avec [nom retiré] hier"
    assert r.nettoyer("Vu avec Le-Gall hier", ("Le Gall",)) == "Vu avec [nom retiré] hier"
    assert r.nettoyer("Li est passée", ("Li",)) == "[nom retiré] est passée"  # two letters are enough
    assert r.nettoyer("A est passée", ("A",)) == "A est passée"  # one is not
    assert r.nettoyer("Xea ou Léa", ("Lea",)) == "Xea ou [nom retiré]"
    assert r.nettoyer("Selon J.P. ce soir", ("J.P.",)) == "Selon [nom retiré] ce soir"
    assert r.nettoyer("Selon JaPa ce soir", ("J.P.",)) == "Selon JaPa ce soir"
    assert r.nettoyer("abc", (" ", "")) == "abc"
    assert r.nettoyer("") == ""
