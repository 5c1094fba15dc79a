"""« Nouveau cycle » (issue 15, point 4): proposed name and start, every group's sessions generated at
once (holidays skipped), a moved start date moves the planned sessions only."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from atelier_app.domain.activites import Creneau, Cycle
from atelier_app.domain.calendrier import jour_ferie, vacances_scolaires
from atelier_app.domain.seances import Presence, Seance
from atelier_app.errors import DonneesInvalides
from atelier_app.services.activites import GroupePrevu

MER, VEN = Creneau("mercredi", "17:00", 120), Creneau("vendredi", "14:00", 120)


@pytest.fixture
def s(centre):
    centre.ctx.aujourd_hui = lambda: date(2026, 12, 1)
    return centre


def test_brouillon_numerote_et_commence_apres_le_dernier_cycle(s) -> None:
    b = s.activites.brouillon_cycle("initiation")
    assert b.nom == "Cycle 1 — décembre 2026" and b.debut == date(2026, 12, 1)
    assert [g.creneau.jour for g in b.groupes] == ["mercredi", "vendredi", "samedi"]
    with s.depot.transaction("cycles") as tx:
        tx.put(Cycle(id="c1", activite="initiation", nom="A", debut=date(2027, 1, 6), fin=date(2027, 3, 24)))
        tx.put(Cycle(id="c0", activite="initiation", nom="B", debut=date(2026, 9, 9), fin=date(2026, 12, 9)))
    b = s.activites.brouillon_cycle("initiation")
    assert b.debut == date(2027, 3, 25) and b.nom == "Cycle 2 — mars 2027"


def test_creer_genere_toutes_les_seances_hors_vacances(s) -> None:
    groupes = [GroupePrevu(MER, "debutant", 8), GroupePrevu(VEN, None, 6)]
    programme = ["Clavier et souris", "Fichiers"] + [""] * 8
    c, gs, n = s.activites.creer_cycle("initiation", "Initiation hiver", date(2026, 12, 1), groupes, programme)
    assert n == 20 and [g.nom for g in gs] == ["Groupe 1 — Mercredi 17 h", "Groupe 2 — Vendredi 14 h"]
    assert gs[0].niveau == "debutant" and gs[1].capacite == 6
    seances = sorted((x for x in s.depot.all(Seance) if x.groupe == gs[0].id), key=lambda x: x.date)
    assert len(seances) == 10 and seances[0].contenu == "Clavier et souris" and seances[1].contenu == "Fichiers"
    for x in seances:
        assert jour_ferie(x.date) is None and vacances_scolaires(x.date, "A") is None and x.date.weekday() == 2
    assert c.fin == max(x.date for x in s.depot.all(Seance))


def test_creer_refuse_sans_groupe_ni_date(s) -> None:
    with pytest.raises(DonneesInvalides):
        s.activites.creer_cycle("initiation", "X", None, [])
    assert not s.depot.all(Cycle)


def test_deplacer_le_debut_ne_touche_pas_aux_seances_tenues(s) -> None:
    c, gs, _n = s.activites.creer_cycle("initiation", "Printemps", date(2027, 3, 1), [GroupePrevu(MER, None, 8)])
    seances = sorted((x for x in s.depot.all(Seance) if x.groupe == gs[0].id), key=lambda x: x.date)
    tenue = replace(seances[0], etat="realisee", appel_fait=True, presences=(Presence(personne="p1", statut="present"),))
    with s.depot.transaction("appel") as tx:
        tx.put(tenue)
    nouveau = date(2027, 3, 15)
    n = s.activites.a_deplacer(c.id, nouveau)
    assert n > 0
    s.activites.modifier_cycle(replace(c, debut=nouveau))
    apres = sorted((x for x in s.depot.all(Seance) if x.groupe == gs[0].id), key=lambda x: x.date)
    assert s.depot.get(Seance, tenue.id) == tenue and len(apres) == 10
    assert all(x.date >= nouveau for x in apres if x.id != tenue.id)
    assert n == len({x.date for x in apres} - {x.date for x in seances})
