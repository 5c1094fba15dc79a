"""Proposing groups as homogeneous in level as possible, within capacity and each person's slots.

Why a min-cost flow rather than a greedy sort: a greedy fill can leave someone unplaced while a
place existed on another of their slots. Here, for every choice of a target level per group (3^k
choices, k groups), a min-cost maximum flow places as many people as possible while minimising the
distance between each person's level and their group's target; the best choice wins (most people
placed, then most homogeneous, then a fixed order). People with the same level and the same slots
are interchangeable, so the flow runs on those classes — a few dozen nodes — and stays fast.
Deterministic: no randomness, every tie broken by a fixed order.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import product

from atelier_app.domain.codes import NIVEAUX

RANG = {"debutant": 0, "a_rassurer": 1, "intermediaire": 2}
NIVEAU_DE_RANG = {v: k for k, v in RANG.items()}


@dataclass(frozen=True)
class Candidat:
    personne: str
    niveau: str
    groupes_possibles: frozenset[str]
    nom: str = ""
    #: the slots the person said they can attend, as shown to the team (for the explanation)
    disponibilites: str = ""


@dataclass(frozen=True)
class GroupeCible:
    id: str
    capacite: int
    niveau: str | None = None
    libelle: str = ""
    deja_inscrits: int = 0

    @property
    def places(self) -> int:
        return max(0, self.capacite - self.deja_inscrits)


@dataclass
class Proposition:
    affectations: dict[str, list[str]] = field(default_factory=dict)
    niveaux_cibles: dict[str, str] = field(default_factory=dict)
    raisons: dict[str, str] = field(default_factory=dict)
    non_places: dict[str, str] = field(default_factory=dict)

    @property
    def nb_places(self) -> int:
        return sum(len(v) for v in self.affectations.values())


def dispersion(groupes: dict[str, list[str]], niveau_de: dict[str, str]) -> int:
    """Sum over groups of each member's distance to the group's median level (0 = homogeneous)."""
    total = 0
    for membres in groupes.values():
        rangs = sorted(RANG[niveau_de[p]] for p in membres)
        if rangs:
            med = rangs[(len(rangs) - 1) // 2]
            total += sum(abs(r - med) for r in rangs)
    return total


def _flot(classes: list[tuple[int, frozenset[str], int]], groupes: list[GroupeCible],
          cibles: dict[str, int]) -> tuple[int, int, dict[tuple[int, str], int]]:
    """Min-cost max-flow (successive shortest paths, Bellman-Ford) from classes to groups."""
    n_cl, n_gr = len(classes), len(groupes)
    source, puits = 0, 1 + n_cl + n_gr
    taille = puits + 1
    arcs: list[list[int]] = []  # [to, cap, cost, rev]
    adj: list[list[int]] = [[] for _ in range(taille)]

    def arc(u: int, v: int, cap: int, cout: int) -> int:
        adj[u].append(len(arcs))
        arcs.append([v, cap, cout, len(arcs) + 1])
        adj[v].append(len(arcs))
        arcs.append([u, 0, -cout, len(arcs) - 1])
        return len(arcs) - 2

    index_gr = {g.id: 1 + n_cl + j for j, g in enumerate(groupes)}
    arcs_cg: dict[int, tuple[int, str]] = {}
    for i, (rang, possibles, nombre) in enumerate(classes):
        arc(source, 1 + i, nombre, 0)
        for g in groupes:
            if g.id in possibles and g.places > 0:
                arcs_cg[arc(1 + i, index_gr[g.id], nombre, abs(rang - cibles[g.id]))] = (i, g.id)
    for g in groupes:
        arc(index_gr[g.id], puits, g.places, 0)
    flot = cout_total = 0
    while True:
        dist: list[int | None] = [None] * taille
        prec: list[int | None] = [None] * taille
        dist[source] = 0
        for _ in range(taille):
            change = False
            for u in range(taille):
                du = dist[u]
                if du is None:
                    continue
                for e in adj[u]:
                    v, cap, cout, _r = arcs[e]
                    dv = dist[v]
                    if cap > 0 and (dv is None or du + cout < dv):
                        dist[v], prec[v], change = du + cout, e, True
            if not change:
                break
        cout_chemin = dist[puits]
        if cout_chemin is None:
            break
        chemin: list[int] = []  # the arcs of the shortest path, from the sink back to the source
        v = puits
        while v != source:
            e_prec = prec[v]
            assert e_prec is not None  # every node reached but the source was reached by an arc
            chemin.append(e_prec)
            v = arcs[arcs[e_prec][3]][0]
        goulot = min(arcs[e][1] for e in chemin)
        for e in chemin:
            arcs[e][1] -= goulot
            arcs[arcs[e][3]][1] += goulot
        flot += goulot
        cout_total += goulot * cout_chemin
    repartition = {key: arcs[arcs[e][3]][1] for e, key in arcs_cg.items() if arcs[arcs[e][3]][1] > 0}
    return flot, cout_total, repartition


def proposer(candidats: list[Candidat], groupes: list[GroupeCible]) -> Proposition:
    candidats = sorted(candidats, key=lambda c: (c.nom, c.personne))
    groupes = sorted(groupes, key=lambda g: g.id)
    ids_groupes = {g.id for g in groupes}
    prop = Proposition(affectations={g.id: [] for g in groupes})
    utiles = []
    pleins = {g.id for g in groupes if g.places == 0}
    libelles = {g.id: g.libelle or g.id for g in groupes}
    for c in candidats:
        possibles = c.groupes_possibles & ids_groupes
        if not possibles:
            prop.non_places[c.personne] = "aucun groupe sur un créneau qui lui convient" + (
                f" (disponible : {c.disponibilites})" if c.disponibilites else "")
        elif possibles <= pleins:
            prop.non_places[c.personne] = "aucun créneau libre qui lui convient : " + _complets(possibles, libelles)
        else:
            utiles.append(Candidat(c.personne, c.niveau, frozenset(possibles - pleins), c.nom, c.disponibilites))
    par_classe: dict[tuple[int, frozenset[str]], list[Candidat]] = defaultdict(list)
    for c in utiles:
        par_classe[(RANG[c.niveau], c.groupes_possibles)].append(c)
    cles = sorted(par_classe, key=lambda k: (k[0], sorted(k[1])))
    classes = [(rang, possibles, len(par_classe[(rang, possibles)])) for rang, possibles in cles]
    libres = [g for g in groupes if g.niveau is None]
    meilleur: tuple | None = None
    for combinaison in product(range(3), repeat=len(libres)):
        cibles = {g.id: RANG[g.niveau] for g in groupes if g.niveau is not None}
        cibles.update({g.id: r for g, r in zip(libres, combinaison, strict=True)})
        flot, cout, repartition = _flot(classes, groupes, cibles)
        cle = (-flot, cout, combinaison)
        if meilleur is None or cle < meilleur[0]:
            meilleur = (cle, cibles, repartition)
    if meilleur is None:
        return prop
    _cle, cibles, repartition = meilleur
    prop.niveaux_cibles = {g: NIVEAU_DE_RANG[r] for g, r in cibles.items()}
    for i, (rang, possibles) in enumerate(cles):
        membres = list(par_classe[(rang, possibles)])
        for g in groupes:
            for _ in range(repartition.get((i, g.id), 0)):
                c = membres.pop(0)
                prop.affectations[g.id].append(c.personne)
                prop.raisons[c.personne] = _raison(c, g.id, prop.niveaux_cibles[g.id], possibles, libelles)
        for c in membres:
            de_son_niveau = sorted(g for g in possibles if prop.niveaux_cibles[g] == c.niveau)
            if de_son_niveau:
                prop.non_places[c.personne] = "groupe de son niveau complet : " + ", ".join(
                    libelles[g] for g in de_son_niveau)
            else:
                prop.non_places[c.personne] = "aucun créneau libre qui lui convient : " + _complets(possibles, libelles)
    return prop


def _complets(groupes: frozenset[str], libelles: dict[str, str]) -> str:
    noms = ", ".join(libelles[g] for g in sorted(groupes))
    return f"{noms} complet" if len(groupes) == 1 else f"{noms} complets"


def _raison(c: Candidat, groupe: str, cible: str, possibles: frozenset[str], libelles: dict[str, str]) -> str:
    niveau = NIVEAUX[c.niveau].lower()
    if c.niveau == cible:
        texte = f"niveau {niveau}, comme le groupe"
    else:
        texte = f"niveau {niveau} dans un groupe plutôt {NIVEAUX[cible].lower()} (pas de place plus proche)"
    if len(possibles) == 1:
        texte += f" ; seul créneau possible : {libelles[groupe]}"
    return texte


def glouton(candidats: list[Candidat], groupes: list[GroupeCible]) -> dict[str, list[str]]:
    """The naive way (sort by level, fill groups in order): the baseline the proposal must not lose to."""
    groupes = sorted(groupes, key=lambda g: g.id)
    out: dict[str, list[str]] = {g.id: [] for g in groupes}
    for c in sorted(candidats, key=lambda c: (RANG[c.niveau], c.personne)):
        for g in groupes:
            if g.id in c.groupes_possibles and len(out[g.id]) < g.places:
                out[g.id].append(c.personne)
                break
    return out
