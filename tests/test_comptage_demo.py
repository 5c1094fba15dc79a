"""The club and repair-café sheets of the demo count enrolled members only (DESIGN.md, Chiffres).

Hostile check of issue 13: the demo ``petite`` printed the walk-ins among the *adhérents inscrits*
(14 for Numérikids 2026 with this seed, where 10 are enrolled). The expected figures are worked out
here from the groups' enrolment lists and the attendance marks, not from ``domain/comptage.py``.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from atelier_app import assemblage
from atelier_app.domain.activites import Cycle, Groupe
from atelier_app.domain.seances import Seance
from atelier_app.services.centre import activites_par_defaut
from atelier_app.storage import demo
from atelier_app.storage.repository import Depot

AUJOURD_HUI = date(2026, 11, 23)


@pytest.fixture(scope="module")
def services(tmp_path_factory):
    dossier = tmp_path_factory.mktemp("demo-comptage")
    depot = Depot.ouvrir(dossier)
    demo.generer(depot, "petite", 1, AUJOURD_HUI, activites_par_defaut())
    depot.fermer()
    s = assemblage.ouvrir(dossier)
    yield s
    assemblage.fermer(s)


def _attendus(services, activite: str, annee: int) -> tuple[set[str], set[str]]:
    """(enrolled in a group of the activity meeting that year, came without enrolling and enrolled nowhere)."""
    depot = services.depot
    cycles = {c.id for c in depot.all(Cycle) if c.activite == activite}
    groupes = {g.id: g for g in depot.all(Groupe) if g.cycle in cycles}
    seances = [s for s in depot.all(Seance) if s.groupe in groupes and s.date.year == annee]
    inscrits = {p for g in {s.groupe for s in seances} for p in groupes[g].inscrits}
    inscrits |= {m.personne for s in seances if s.etat == "realisee" for m in s.presences if m.inscrit}
    hors = {m.personne for s in seances if s.etat == "realisee" for m in s.presences
            if not m.inscrit and m.statut in ("present", "retard")}
    return inscrits, hors - inscrits


def test_club_compte_les_inscrits_seulement(services) -> None:
    inscrits, hors = _attendus(services, "numerikids", 2026)
    assert hors, "the demo has walk-ins at the children's club: the check would prove nothing"
    texte = services.fiches.chiffres_calcules("numerikids", 2026)
    assert texte.startswith(f"{len(inscrits)} adhérents inscrits le mercredi sur l'année 2026 "
                            f"et {len(hors)} personnes venues sans inscription.")
    assert len(inscrits) == 10  # demo petite, seed 1: the 10 children enrolled (14 were printed)


def test_repair_cafe_ne_compte_pas_les_venues_sans_inscription_comme_adherents(services) -> None:
    texte = services.fiches.chiffres_calcules("repair", 2026)
    n = int(re.match(r"(\d+) adhérents? inscrits?", texte).group(1))
    m = re.search(r"et (\d+) personnes? venues? sans inscription", texte)
    _inscrits, hors = _attendus(services, "repair", 2026)
    assert hors and m is not None and int(m.group(1)) == len(hors)
    from atelier_app.domain.projets import Projet
    porteurs = {p.personne for p in services.depot.all(Projet)
                if p.ouvert_le.year == 2026 or any(v.date.year == 2026 for v in p.visites)}
    assert n == len(_inscrits | porteurs)
    assert not hors & (_inscrits | porteurs)
