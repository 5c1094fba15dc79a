"""Group proposal: never over capacity, never an impossible slot, at least as good as a greedy sort."""

from __future__ import annotations

import random
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from atelier_app.domain.proposition import RANG, Candidat, GroupeCible, dispersion, glouton, proposer

NIVEAUX = list(RANG)


@st.composite
def cas(draw, adversaire: bool = False):
    k = draw(st.integers(1, 4))
    groupes = [GroupeCible(f"g{i}", draw(st.integers(1, 9)), deja_inscrits=draw(st.integers(0, 2)))
               for i in range(k)]
    n = draw(st.integers(0, 40))
    ids = [g.id for g in groupes]
    candidats = []
    for i in range(n):
        if adversaire:  # everyone wants the first slot, levels alternate
            possibles = frozenset(ids[: draw(st.integers(1, k))])
            niveau = NIVEAUX[i % 3]
        else:
            possibles = frozenset(draw(st.lists(st.sampled_from([*ids, "autre"]), min_size=0, max_size=k + 1)))
            niveau = draw(st.sampled_from(NIVEAUX))
        candidats.append(Candidat(f"p{i:02d}", niveau, possibles))
    return candidats, groupes


def _verifier(candidats, groupes) -> None:
    prop = proposer(candidats, groupes)
    par_id = {c.personne: c for c in candidats}
    places = {g.id: g.places for g in groupes}
    vus = set()
    for gid, membres in prop.affectations.items():
        assert len(membres) <= places[gid]
        for p in membres:
            assert gid in par_id[p].groupes_possibles
            assert p not in vus
            vus.add(p)
    assert vus | set(prop.non_places) == set(par_id)
    naif = glouton(candidats, groupes)
    nb_naif = sum(len(v) for v in naif.values())
    assert prop.nb_places >= nb_naif
    niveaux = {c.personne: c.niveau for c in candidats}
    if prop.nb_places == nb_naif:
        assert dispersion(prop.affectations, niveaux) <= dispersion(naif, niveaux)
    assert proposer(list(reversed(candidats)), list(reversed(groupes))).affectations == prop.affectations


@given(cas())
@settings(max_examples=120, deadline=None)
def test_proprietes_cas_typiques(donnees) -> None:
    _verifier(*donnees)


@given(cas(adversaire=True))
@settings(max_examples=80, deadline=None)
def test_proprietes_cas_adverses(donnees) -> None:
    _verifier(*donnees)


def test_niveaux_separes_quand_c_est_possible() -> None:
    groupes = [GroupeCible("mer", 6, libelle="Mercredi 17 h"), GroupeCible("ven", 6), GroupeCible("sam", 6)]
    tous = frozenset({"mer", "ven", "sam"})
    candidats = [Candidat(f"p{i}", NIVEAUX[i % 3], tous) for i in range(18)]
    prop = proposer(candidats, groupes)
    niveaux = {c.personne: c.niveau for c in candidats}
    assert prop.nb_places == 18 and dispersion(prop.affectations, niveaux) == 0
    assert all("comme le groupe" in r for r in prop.raisons.values())


def test_personne_sans_creneau_possible_expliquee() -> None:
    prop = proposer([Candidat("p1", "debutant", frozenset({"autre"}))], [GroupeCible("g", 6)])
    assert prop.non_places["p1"].startswith("aucun groupe sur un créneau qui lui convient")


def test_rapide_pour_60_personnes_3_groupes() -> None:
    r = random.Random(7)
    groupes = [GroupeCible(g, 9) for g in ("g1", "g2", "g3")]
    candidats = [Candidat(f"p{i}", r.choice(NIVEAUX), frozenset(r.sample(["g1", "g2", "g3"], r.randint(1, 3))))
                 for i in range(60)]
    debut = time.perf_counter()
    proposer(candidats, groupes)
    assert time.perf_counter() - debut < 0.5
