"""The counts of the Chiffres paragraph that ``test_chiffres.py`` leaves out: walk-ins said apart,
singulars, figure formatting at its edges. Every expected text is written out by hand."""

from __future__ import annotations

import pytest

from atelier_app.domain.chiffres import nombre, texte_accompagnement, texte_club, texte_projets


def test_club_venues_sans_inscription_a_part() -> None:
    assert texte_club(2026, 10, 62, sans_inscription=4) == (
        "10 adhérents inscrits sur l'année 2026 et 4 personnes venues sans inscription. "
        "Total de 62 heures d'activité en cumulé.")
    assert texte_club(2025, 2, 4, sans_inscription=1) == (
        "2 adhérents inscrits sur l'année 2025 et 1 personne venue sans inscription. "
        "Total de 4 heures d'activité en cumulé.")
    assert texte_club(2025, 1, 1.5) == "1 adhérent inscrit sur l'année 2025. Total de 1\u00a0h\u00a030 d'activité en cumulé."


def test_repair_cafe_venues_sans_inscription_et_impact() -> None:
    assert texte_projets(2026, 8, 81, 25, 13, dechets_kg=26.64, co2_kg=445.08, sans_inscription=4) == (
        "8 adhérents inscrits sur l'année 2026 et 4 personnes venues sans inscription. "
        "Total de 81 heures d'activité en cumulé. 25 projets ouverts, 13 objets réparés ; "
        "26,6 kg de déchets et 445,1 kg de CO₂ évités.")
    # half an impact (waste without CO2) is not printed
    assert texte_projets(2025, 1, 2, 1, 0, dechets_kg=1.0) == (
        "1 adhérent inscrit sur l'année 2025. Total de 2 heures d'activité en cumulé. "
        "1 projet ouvert, 0 objet réparé.")
    assert texte_projets(2025, 1, 2, 1, 1, co2_kg=3.0).endswith("1 projet ouvert, 1 objet réparé.")


def test_accompagnement_au_singulier() -> None:
    assert texte_accompagnement(2025, 1, 1, 0.5) == (
        "1 demande d'accompagnement individuel sur l'année 2025, pour 1 personne identifiée. "
        "Total de 0\u00a0h\u00a030 d'accompagnement en cumulé.")


@pytest.mark.parametrize(("valeur", "texte"), [
    (0.0049, "0"), (0.005, "0,01"), (1250, "1\u202f250"), (9999, "9\u202f999"), (10000, "10\u202f000"),
    (-12000, "-12\u202f000"), (22.5, "22,5"), (2.25, "2,25"), (84.0, "84"), (1.999, "2")])
def test_nombre_aux_bords(valeur: float, texte: str) -> None:
    assert nombre(valeur) == texte
