"""The Chiffres paragraph, to the letter of DESIGN.md."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from atelier_app.domain.chiffres import (
    CycleChiffres,
    duree,
    nombre,
    periode,
    texte_accompagnement,
    texte_club,
    texte_cycles,
    texte_projets,
)
from atelier_app.domain.codes import MOIS

D = date.fromisoformat


def test_exemple_de_design_mot_pour_mot() -> None:
    cycles = [CycleChiffres(D("2025-09-03"), D("2025-11-26"), 12), CycleChiffres(D("2025-01-08"), D("2025-03-19"), 9),
              CycleChiffres(D("2025-04-02"), D("2025-05-28"), 0)]
    assert texte_cycles(2025, cycles, 84) == (
        "21 stagiaires en cumulé sur l'année 2025 répartis en 3 sessions : 9 en janvier-mars ; 0 en avril-mai ; "
        "12 en septembre-novembre. Total de 84 heures de formation en cumulé.")


def test_un_seul_mois_une_session_et_heures_decimales() -> None:
    texte = texte_cycles(2025, [CycleChiffres(D("2025-03-06"), D("2025-03-27"), 11)], 22.5)
    assert texte == ("11 stagiaires en cumulé sur l'année 2025 répartis en 1 session : 11 en mars. "
                     "Total de 22\u00a0h\u00a030 de formation en cumulé.")


def test_aucun_cycle_et_singuliers() -> None:
    assert texte_cycles(2024, [], 0) == ("0 stagiaire en cumulé sur l'année 2024, aucune session. "
                                         "Total de 0 heure de formation en cumulé.")
    assert texte_cycles(2024, [CycleChiffres(D("2024-10-02"), D("2024-12-18"), 1)], 1.5).startswith(
        "1 stagiaire en cumulé sur l'année 2024 répartis en 1 session : 1 en octobre-décembre.")


def test_club_repair_et_accompagnement() -> None:
    assert texte_club(2025, 14, 60) == "14 adhérents inscrits sur l'année 2025. Total de 60 heures d'activité en cumulé."
    assert texte_projets(2025, 8, 45.5, 14, 6, dechets_kg=12.43, co2_kg=85.31) == (
        "8 adhérents inscrits sur l'année 2025. Total de 45\u00a0h\u00a030 d'activité en cumulé. "
        "14 projets ouverts, 6 objets réparés ; 12,4 kg de déchets et 85,3 kg de CO₂ évités.")
    assert texte_projets(2025, 1, 3, 1, 0) == ("1 adhérent inscrit sur l'année 2025. Total de 3 heures d'activité "
                                               "en cumulé. 1 projet ouvert, 0 objet réparé.")
    assert texte_accompagnement(2025, 128, 74, 52.5) == (
        "128 demandes d'accompagnement individuel sur l'année 2025, pour 74 personnes identifiées. "
        "Total de 52\u00a0h\u00a030 d'accompagnement en cumulé.")


def test_nombres_a_la_francaise() -> None:
    assert [nombre(x) for x in (84, 84.0, 22.5, 2.25, 0.1 + 0.2, 12500)] == ["84", "84", "22,5", "2,25", "0,3",
                                                                             "12\u202f500"]


def test_periodes() -> None:
    assert periode(D("2025-03-04"), D("2025-04-29")) == "mars-avril"
    assert periode(D("2025-10-01"), D("2025-12-17")) == "octobre-décembre"
    assert periode(D("2025-06-02"), D("2025-06-30")) == "juin"
    assert periode(D("2025-12-02"), D("2026-02-03")) == "décembre-février"


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)), st.integers(0, 400))
def test_periode_toujours_mois_du_premier_et_du_dernier_jour(premier: date, jours: int) -> None:
    dernier = premier + timedelta(days=jours)
    texte = periode(premier, dernier)
    morceaux = texte.split("-")
    assert morceaux[0] == MOIS[premier.month - 1]
    assert morceaux[-1] == MOIS[dernier.month - 1]
    assert len(morceaux) == (1 if (premier.year, premier.month) == (dernier.year, dernier.month) else 2)
    assert periode(dernier, premier) == texte


@given(st.lists(st.tuples(st.dates(min_value=date(2025, 1, 1), max_value=date(2025, 12, 31)),
                          st.integers(0, 60), st.integers(0, 12)), max_size=6, unique_by=lambda t: t[0]),
       st.integers(0, 400).map(lambda x: x / 2))
def test_somme_et_ordre_des_sessions(cycles, heures) -> None:
    objets = [CycleChiffres(d, d + timedelta(days=n), k) for d, n, k in cycles]
    texte = texte_cycles(2025, objets, heures)
    assert texte.startswith(f"{sum(k for *_r, k in cycles)} stagiaire")
    assert texte.endswith(f"Total de {duree(heures)} de formation en cumulé.")
    ordre = sorted(objets, key=lambda c: (c.premier_jour, c.dernier_jour))
    attendu = " ; ".join(f"{c.inscrits} en {periode(c.premier_jour, c.dernier_jour)}" for c in ordre)
    assert attendu in texte


def test_heures_comme_on_les_dit() -> None:
    """« 52,25 heures » is not how a board reads hours."""
    assert duree(52.25) == "52\u00a0h\u00a015"
    assert duree(84) == "84 heures" and duree(1) == "1 heure" and duree(0) == "0 heure"
    assert duree(0.75) == "0\u00a0h\u00a045"


def test_club_jour_et_venus_sans_inscription() -> None:
    """DESIGN.md: « 6 adhérents inscrits le mercredi », walk-ins said apart, never counted as members."""
    assert texte_club(2025, 6, 52.25, jours=["mercredi"], sans_inscription=3) == (
        "6 adhérents inscrits le mercredi sur l'année 2025 et 3 personnes venues sans inscription. "
        "Total de 52\u00a0h\u00a015 d'activité en cumulé.")
    assert texte_club(2025, 1, 2, jours=["mardi", "jeudi", "mardi"], sans_inscription=1).startswith(
        "1 adhérent inscrit le mardi et le jeudi sur l'année 2025 et 1 personne venue sans inscription.")
    assert texte_club(2025, 1500, 2).startswith("1\u202f500 adhérents inscrits sur l'année 2025.")


def test_plus_de_groupes_que_de_sessions() -> None:
    cycles = [CycleChiffres(D("2025-01-08"), D("2025-03-19"), 9), CycleChiffres(D("2025-09-03"), D("2025-11-26"), 12)]
    assert texte_cycles(2025, cycles, 84, groupes=5) == (
        "21 stagiaires en cumulé sur l'année 2025 répartis en 2 sessions : 9 en janvier-mars ; "
        "12 en septembre-novembre (5 ateliers répartis sur les 2 sessions). Total de 84 heures de formation en cumulé.")
    assert "ateliers" not in texte_cycles(2025, cycles, 84, groupes=2)


def test_jours_des_groupes() -> None:
    from atelier_app.domain.chiffres import jours_des_groupes

    groupes = [{"creneau": {"jour": "samedi"}}, {"creneau": {"jour": "mercredi"}}, {"creneau": None}, {}]
    assert jours_des_groupes(groupes) == ["mercredi", "samedi"]


def test_jours_des_dates() -> None:
    from atelier_app.domain.chiffres import jours_des_dates

    assert jours_des_dates(["2025-10-01", D("2025-10-08"), "2025-10-04T10:00"]) == ["mercredi", "samedi"]
    assert jours_des_dates([]) == []
