"""Small counts: no masked cell can be worked out from what a document prints (DESIGN.md).

The attacker here does not reuse ``secret.bornes``: it enumerates every assignment of the masked
cells that agrees with what is printed (the marks, the visible cells, the known sum) and checks that
each masked cell takes at least two values.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atelier_app.domain.secret import SEUIL, Cellule, Masque, proteger
from atelier_app.reports import masquage


def _possibles(cellules: list[Cellule], masques: list[Masque], total: int) -> list[set[int]]:
    """Every value each cell can take given what is printed, by brute force."""
    plages = []
    for c, m in zip(cellules, masques, strict=True):
        if m is Masque.VISIBLE:
            plages.append([c.valeur])
        elif m is Masque.PETIT:
            plages.append(range(1, SEUIL))
        elif m is Masque.SECRET:
            plages.append(range(SEUIL if c.personnes else 1, total + 1))
        else:
            plages.append(range(0, total + 1))
    vus: list[set[int]] = [set() for _ in cellules]
    for combinaison in itertools.product(*plages):
        if sum(combinaison) == total:
            for i, v in enumerate(combinaison):
                vus[i].add(v)
    return vus


def _attaque(cellules: list[Cellule], masques: list[Masque]) -> list[int]:
    total = sum(c.valeur for c in cellules)
    vus = _possibles(cellules, masques, total)
    for c, v in zip(cellules, vus, strict=True):
        assert c.valeur in v  # the marks never lie
    return [i for i, (m, v) in enumerate(zip(masques, vus, strict=True)) if m is not Masque.VISIBLE and len(v) < 2]


def test_exemple_du_constat_tranches_d_age() -> None:
    """12 + 5 + 10 visible out of 31 and four « < 5 »: each was exactly 1."""
    cellules = [Cellule(v) for v in (12, 5, 1, 1, 0, 1, 10, 1)]
    masques = proteger(cellules, 31)
    assert masques.count(Masque.PETIT) == 4
    assert masques.count(Masque.SECRET) >= 1
    assert _attaque(cellules, masques) == []


def test_une_seule_cellule_masquee_et_le_total() -> None:
    cellules = [Cellule(12), Cellule(2)]
    masques = proteger(cellules, 14)
    assert masques == [Masque.SECRET, Masque.PETIT]
    assert _attaque(cellules, masques) == []


def test_zero_reste_imprime_et_rien_a_masquer_sans_petit() -> None:
    assert proteger([Cellule(0), Cellule(7), Cellule(9)], 16) == [Masque.VISIBLE] * 3
    assert proteger([Cellule(3, personnes=False), Cellule(9)], 12) == [Masque.VISIBLE] * 2


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 14), st.booleans()), min_size=2, max_size=6))
def test_aucune_cellule_masquee_ne_se_retrouve(lignes) -> None:
    cellules = [Cellule(v, p) for v, p in lignes]
    masques = proteger(cellules, sum(c.valeur for c in cellules))
    for c, m in zip(cellules, masques, strict=True):
        if c.personnes and 0 < c.valeur < SEUIL:
            assert m is not Masque.VISIBLE  # every small count of people is masked
        if c.valeur == 0 and m is not Masque.VISIBLE:
            assert m is Masque.RETENU  # zero is only withheld with the whole group
    assert _attaque(cellules, masques) == []


def _stats_masquees(stats):
    m = masquage.masques(stats)
    for s in stats.sections:
        for rangs, ligne_total in masquage.groupes(s):
            for cote in ("valeur", "precedent"):
                valeurs = [getattr(s.lignes[i], cote) for i in rangs]
                if any(v is None for v in valeurs):
                    continue
                marques = [m.courant(s.titre, i) if cote == "valeur" else m.precedent(s.titre, i) for i in rangs]
                cellules = [Cellule(round(v), s.lignes[i].personnes) for i, v in zip(rangs, valeurs, strict=True)]
                if ligne_total is not None:
                    attendu = round(getattr(s.lignes[ligne_total], cote) or 0)
                    assert sum(c.valeur for c in cellules) == attendu
                yield s.titre, cote, cellules, marques


@pytest.fixture(scope="module")
def demo_petite(tmp_path_factory):
    from atelier_app.services import Services
    from atelier_app.services.centre import activites_par_defaut
    from atelier_app.storage import demo
    from atelier_app.storage.repository import Depot

    depot = Depot.ouvrir(tmp_path_factory.mktemp("demo"))
    demo.generer(depot, "petite", 1, date(2026, 12, 1), activites_par_defaut("Sophie Martin", "Salle multimédia"))
    yield Services(depot)
    depot.fermer()


@pytest.mark.parametrize("annee", [2025, 2026])
def test_annees_de_demo_rien_ne_se_retrouve(demo_petite, annee) -> None:
    from atelier_app.domain.periode import annee as periode_annee
    from atelier_app.reports.statistiques import pour_periode

    services = demo_petite
    p = periode_annee(annee, date(2026, 12, 1))
    stats = pour_periode(services.fiches.collecte, p.debut, p.fin)
    vus = 0
    for titre, cote, cellules, marques in _stats_masquees(stats):
        vus += 1
        if sum(c.valeur for c in cellules) <= 60:  # brute force stays small
            assert _attaque(cellules, marques) == [], (titre, cote)
        else:
            from atelier_app.domain.secret import devine
            assert devine(cellules, marques, sum(c.valeur for c in cellules)) == [], (titre, cote)
    assert vus >= 4
    # percentages of masked counts are never printed
    from atelier_app.reports import export_stats
    for r in export_stats.lignes(stats, "C", quand=datetime(2026, 12, 1, 10, 0)):
        if len(r) >= 3 and r[1] in (masquage.PETIT, masquage.SECRET):
            assert r[2] == ""
