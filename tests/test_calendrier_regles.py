"""Calendar rules at their edges, worked out by hand: periods typed by hand (both ends included),
the texts shown to the animateur, the end of the packaged school-holiday data (31/08/2028)."""

from __future__ import annotations

from datetime import date

import pytest

from atelier_app.domain import calendrier as c
from atelier_app.domain.centre import PeriodeVacances

FIN = date(2028, 8, 31)


def test_fin_des_donnees_connues() -> None:
    assert c.fin_donnees_scolaires() == FIN


def test_periode_saisie_bornes_comprises() -> None:
    p = PeriodeVacances(date(2029, 2, 10), date(2029, 2, 25), "Hiver 2029")
    assert c.vacances_scolaires(date(2029, 2, 10), "A", [p]) == "Hiver 2029"
    assert c.vacances_scolaires(date(2029, 2, 25), "A", [p]) == "Hiver 2029"
    assert c.vacances_scolaires(date(2029, 2, 26), "A", [p]) is None
    sans_nom = PeriodeVacances(date(2029, 4, 1), date(2029, 4, 1))
    assert c.vacances_scolaires(date(2029, 4, 1), "C", [sans_nom]) == "vacances (saisies à la main)"


def test_donnees_du_paquet() -> None:
    assert c.vacances_scolaires(date(2025, 12, 22), "A") == "Vacances de Noël"
    assert c.vacances_scolaires(date(2025, 12, 15), "A") is None
    assert c.vacances_scolaires(FIN, "A") == "Vacances d'été"  # the last known day is still known
    assert c.vacances_scolaires(date(2028, 9, 1), "A") is None  # past the data: unknown, not invented


def test_raisons_affichees() -> None:
    assert c.raison_sautee(date(2025, 12, 25), "A") == "jour férié (Noël)"
    assert c.raison_sautee(date(2025, 12, 23), "B") == "Vacances de Noël (zone B)"
    assert c.raison_sautee(date(2025, 12, 16), "B") is None


def test_erreurs_de_saisie() -> None:
    with pytest.raises(ValueError, match="jour inconnu : « mercredy »"):
        c.generer(date(2025, 9, 1), "mercredy", 3)
    with pytest.raises(ValueError, match=r"zone scolaire inconnue : « D » \(A, B ou C\)"):
        c.generer(date(2025, 9, 1), "mercredi", 3, zone="D")


def test_avertissement_apres_les_donnees() -> None:
    assert c.avertissement_fin_donnees([FIN]) == ""  # the last known day is still known
    texte = c.avertissement_fin_donnees([date(2028, 9, 6), date(2028, 9, 13)])
    assert texte == ("Les vacances scolaires connues d'Atelier s'arrêtent le 31/08/2028. 2 séances tombent "
                     "après cette date : vérifiez-les, ou saisissez les vacances à la main dans "
                     "Paramètres › Calendrier.")
    couvre = PeriodeVacances(date(2028, 10, 20), date(2028, 9, 13))
    assert c.avertissement_fin_donnees([date(2028, 9, 6), date(2028, 9, 13)], [couvre]) == ""
    court = PeriodeVacances(date(2028, 10, 20), date(2028, 9, 12))
    assert c.avertissement_fin_donnees([date(2028, 9, 13)], [court]) != ""


def test_jours_feries_de_l_annee_demandee() -> None:
    feries = c._feries(2026)  # the uncached reading itself
    assert feries[date(2026, 7, 14)] == "Fête nationale"
    assert all(d.year == 2026 for d in feries) and len(feries) == 11


def test_vacances_sans_nom_dans_les_donnees(monkeypatch: pytest.MonkeyPatch) -> None:
    class Donnees:
        data = {date(2026, 5, 4): {"vacances_zone_a": True, "vacances_zone_b": False, "nom_vacances": ""}}

    monkeypatch.setattr(c, "_donnees_scolaires", Donnees)
    assert c.vacances_scolaires(date(2026, 5, 4), "A") == "vacances scolaires"
    assert c.vacances_scolaires(date(2026, 5, 4), "B") is None
