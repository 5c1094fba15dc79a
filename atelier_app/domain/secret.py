"""Small counts that no reader can work out: primary and secondary suppression (DESIGN.md).

Why secondary suppression: printing « < 5 » for a count of 1 to 4 people is not enough when the
cells of a table add up to a total printed elsewhere (or given away by a percentage): with one
masked cell the total gives it, and with four masked cells summing to 4 each one is 1. So, as
statistical offices do, the next smallest cell of the same table is masked too, until every masked
cell could take at least two values given everything printed. What a reader knows of a masked cell:

- « < 5 » (``PETIT``): a count of 1 to 4 (zero is a fact about no one and stays printed);
- « s » (``SECRET``): masked to protect another cell; at least 5 for a count of people (else it
  would read « < 5 »), at least 1 for another count (zero is never masked).

Each group is a set of cells whose sum is known to the reader (a total printed, or one a percentage
gives away): the reader's knowledge of a cell is then exactly an interval, computed by ``bornes``.
When no cell is left to mask and a masked cell is still pinned, the whole group is withheld.
Pure: no I/O, no reportlab; the reports turn a ``Masque`` into what they print.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

SEUIL = 5
#: What a reader knows of an unbounded masked cell: "as large as the known sum allows".
INFINI = 10**12


class Masque(StrEnum):
    VISIBLE = "visible"
    PETIT = "petit"      # primary: 1 to SEUIL - 1 people
    SECRET = "secret"    # secondary: masked so that a small one cannot be worked out
    RETENU = "retenu"    # the whole group withheld: nothing could be printed safely


@dataclass(frozen=True)
class Cellule:
    """One printed count: its value, and whether it counts people (then 1..4 is masked)."""

    valeur: int
    personnes: bool = True


def primaire(c: Cellule) -> bool:
    return c.personnes and 0 < c.valeur < SEUIL


def intervalle(c: Cellule, m: Masque) -> tuple[int, int]:
    """What a reader knows of one cell from its mark alone."""
    if m is Masque.VISIBLE:
        return c.valeur, c.valeur
    if m is Masque.PETIT:
        return 1, SEUIL - 1
    if m is Masque.SECRET:
        return (SEUIL if c.personnes else 1), INFINI
    return 0, INFINI


def bornes(cellules: Sequence[Cellule], masques: Sequence[Masque], total: int | None) -> list[tuple[int, int]]:
    """The exact interval of each cell a reader can deduce from the marks and the known sum.

    With one equality and integer intervals the others' sum takes every value between the sum of
    their lows and the sum of their highs, so a cell's feasible values are an interval too.
    """
    seuls = [intervalle(c, m) for c, m in zip(cellules, masques, strict=True)]
    if total is None:
        return seuls
    bas_total = sum(b for b, _h in seuls)
    haut_total = sum(h for _b, h in seuls)
    out = []
    for b, h in seuls:
        autres_bas, autres_haut = bas_total - b, haut_total - h
        out.append((max(b, total - autres_haut), min(h, total - autres_bas)))
    return out


def devine(cellules: Sequence[Cellule], masques: Sequence[Masque], total: int | None) -> list[int]:
    """Indexes of masked cells whose value a reader can work out (the interval is one value)."""
    return [i for i, ((b, h), m) in enumerate(zip(bornes(cellules, masques, total), masques, strict=True))
            if m is not Masque.VISIBLE and b == h]


def proteger(cellules: Sequence[Cellule], total: int | None = None) -> list[Masque]:
    """The mark of each cell of one group whose sum ``total`` the reader knows (None: no sum known)."""
    masques = [Masque.PETIT if primaire(c) else Masque.VISIBLE for c in cellules]
    if total is None or not any(m is Masque.PETIT for m in masques):
        return masques
    while devine(cellules, masques, total):
        candidats = [i for i, (c, m) in enumerate(zip(cellules, masques, strict=True))
                     if m is Masque.VISIBLE and c.valeur > 0]
        if not candidats:
            return _retenir(cellules, masques, total)
        # the smallest first; a count of people before another count when equal
        i = min(candidats, key=lambda k: (cellules[k].valeur, not cellules[k].personnes, k))
        masques[i] = Masque.SECRET
    return masques


def _retenir(cellules: Sequence[Cellule], masques: list[Masque], total: int) -> list[Masque]:
    """Nothing left to mask: withhold every cell but the small ones (zeros too); all of them if needed."""
    retenus = [m if m is Masque.PETIT else Masque.RETENU for m in masques]
    if devine(cellules, retenus, total):
        return [Masque.RETENU] * len(cellules)
    return retenus


def proteger_somme(parts: Sequence[Cellule], total: Cellule) -> tuple[list[Masque], Masque]:
    """The marks of parts printed with their total, the total itself a count that may be small.

    Why apart from ``proteger``: in a sentence (« 21 stagiaires … : 9 en mars ; 12 en mai ») the
    total is printed beside its parts. A total of 1 to 4 is itself « moins de 5 »: the reader then
    knows only that the parts add up to 1..4, which can still pin them (four sessions of « moins de
    5 » out of « moins de 5 »: one each); the parts are then all withheld.
    """
    if not primaire(total):
        return proteger(parts, total.valeur), Masque.VISIBLE
    masques = [Masque.PETIT if primaire(c) else Masque.VISIBLE for c in parts]
    vus: list[set[int]] = [set() for _ in parts]
    for t in range(1, SEUIL):
        intervalles = bornes(parts, masques, t)
        if all(b <= h for b, h in intervalles):  # t agrees with every mark
            for i, (b, h) in enumerate(intervalles):
                vus[i] |= set(range(b, min(h, SEUIL) + 1))
    if any(m is not Masque.VISIBLE and len(v) < 2 for m, v in zip(masques, vus, strict=True)):
        masques = [Masque.RETENU] * len(parts)
    return masques, Masque.PETIT
