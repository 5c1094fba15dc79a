"""Attendance rules: consecutive absences, cancelled hours, rates, forgotten calls."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from atelier_app.domain.presences import (
    Assiduite,
    a_rappeler,
    absences_consecutives,
    appels_oublies,
    assiduite,
    heures_realisees,
)
from atelier_app.domain.seances import Presence, Seance

J0 = date(2026, 3, 4)


def _s(i: int, statuts: dict[str, str], etat: str = "realisee", duree: int = 120) -> Seance:
    return Seance(id=f"s{i}", groupe="g", date=J0 + timedelta(days=7 * i), duree=duree, etat=etat,
                  appel_fait=etat == "realisee",
                  presences=tuple(Presence(p, st) for p, st in statuts.items()))


def test_deux_absences_de_suite() -> None:
    seances = [_s(0, {"a": "present", "b": "absent"}), _s(1, {"a": "absent", "b": "present"}),
               _s(2, {"a": "absent", "b": "absent"})]
    assert absences_consecutives(seances, "a") == 2
    assert absences_consecutives(seances, "b") == 1
    assert a_rappeler(seances, ["a", "b"]) == {"a": 2}


def test_excuse_et_annulee_ne_cassent_pas_la_suite() -> None:
    seances = [_s(0, {"a": "absent"}), _s(1, {"a": "excuse"}), _s(2, {}, etat="annulee"), _s(3, {"a": "absent"})]
    assert absences_consecutives(seances, "a") == 2
    seances.append(_s(4, {"a": "retard"}))
    assert absences_consecutives(seances, "a") == 0


def test_seance_non_marquee_ignoree() -> None:
    seances = [_s(0, {"a": "absent"}), _s(1, {"a": "absent"}), _s(2, {}, etat="prevue")]
    assert a_rappeler(seances, ["a"]) == {"a": 2}


def test_heures_annulee_zero() -> None:
    seances = [_s(0, {"a": "present"}), _s(1, {"a": "present"}, etat="annulee"), _s(2, {"a": "retard"}, duree=90)]
    assert heures_realisees(seances) == 3.5
    a = assiduite(seances, "a")
    assert (a.prevues, a.venues, a.heures) == (2, 2, 3.5)
    assert Seance(id="x", groupe="g", date=J0, etat="annulee").heures == 0


def test_taux() -> None:
    seances = [_s(0, {"a": "present"}), _s(1, {"a": "absent"}), _s(2, {"a": "excuse"}), _s(3, {"a": "present"})]
    a = assiduite(seances, "a")
    assert (a.prevues, a.venues, a.absences, a.excuses) == (4, 2, 1, 1)
    assert round(a.taux, 3) == round(2 / 3, 3)
    assert a.taux_texte == "67 %"
    assert Assiduite().taux is None and Assiduite().taux_texte == "—"


def test_appels_oublies() -> None:
    s = [_s(0, {}, etat="prevue"), _s(1, {}, etat="annulee"), _s(2, {"a": "present"}), _s(10, {}, etat="prevue")]
    assert [x.id for x in appels_oublies(s, J0 + timedelta(days=30))] == ["s0"]


@given(st.lists(st.sampled_from(["present", "absent", "excuse", "retard", None]), max_size=15))
def test_proprietes(statuts: list[str | None]) -> None:
    seances = [_s(i, {"a": x} if x else {}) for i, x in enumerate(statuts)]
    a = assiduite(seances, "a")
    assert a.venues == sum(x in ("present", "retard") for x in statuts)
    assert a.heures == 2 * a.venues
    assert a.taux is None or 0 <= a.taux <= 1
    attendu = 0
    for x in reversed([x for x in statuts if x]):
        if x == "absent":
            attendu += 1
        elif x != "excuse":
            break
    assert absences_consecutives(seances, "a") == attendu


def test_appels_oublies_du_plus_ancien_au_plus_recent() -> None:
    tard = Seance(id="tard", groupe="g", date=J0, debut="17:00")
    tot = Seance(id="tot", groupe="g", date=J0, debut="09:00")
    veille = Seance(id="veille", groupe="g", date=J0 - timedelta(days=1), debut="18:00")
    assert [s.id for s in appels_oublies([tard, veille, tot], J0 + timedelta(days=1))] == ["veille", "tot", "tard"]


def test_seance_tenue_importee_sans_appel_compte_pour_la_personne() -> None:
    """One definition of "held" (comptage.est_tenue): a held session read from an interchange file,
    which carries no roll-call flag, counts in the person's attendance like one marked here."""
    importee = Seance(id="i", groupe="g", date=J0, duree=90, etat="realisee", appel_fait=False,
                      presences=(Presence("a", "present"),))
    assert assiduite([importee], "a") == Assiduite(1, 1, 0, 0, 1.5)
