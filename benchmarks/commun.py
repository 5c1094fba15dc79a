"""Shared code of the benchmarks: demo folders built once per run, timing, the bare baselines, the table.

Why ratios against a baseline measured in the same run: absolute times depend on the disk and the
CPU; a ratio to the physical minimum (an atomic write, a ``json.load``) says what the app adds.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

AUJOURD_HUI = date(2026, 11, 23)  # fixed so that every run builds the same data


@dataclass
class Mesure:
    nom: str
    valeur_s: float | None
    reference: str = ""
    reference_s: float | None = None
    objectif: float | None = None  # the ratio must stay at or below this

    @property
    def ratio(self) -> float | None:
        if self.valeur_s is None or not self.reference_s:
            return None
        return self.valeur_s / self.reference_s

    @property
    def atteint(self) -> bool | None:
        if self.objectif is None:
            return None
        r = self.ratio if self.reference_s else self.valeur_s
        return None if r is None else r <= self.objectif


@dataclass
class Contexte:
    """Given to every ``mesurer(ctx)``: demo folders built once, kept for the whole run."""

    racine: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="atelier-bench-")))
    durees_construction: dict[str, float] = field(default_factory=dict)
    _dossiers: dict[str, Path] = field(default_factory=dict)

    def dossier(self, echelle: str) -> Path:
        """A data folder holding the demo at that scale (closed, unlocked). Do not change it: copy it."""
        if echelle not in self._dossiers:
            self._dossiers[echelle], self.durees_construction[echelle] = construire(self.racine / echelle, echelle)
        return self._dossiers[echelle]

    @property
    def dossier_grande(self) -> Path:
        return self.dossier("grande")


def construire(dossier: Path, echelle: str, graine: int = 1) -> tuple[Path, float]:
    from atelier_app import assemblage

    s = assemblage.ouvrir(dossier)
    s.ctx.aujourd_hui = lambda: AUJOURD_HUI
    try:
        t = time.perf_counter()
        s.donnees.generer_demo(echelle, graine)
        return dossier, time.perf_counter() - t
    finally:
        assemblage.fermer(s)


def mediane(fn: Callable[[], object], n: int = 15, avant: Callable[[], object] | None = None) -> float:
    """Median wall time of ``fn`` over ``n`` runs (``avant`` runs untimed before each one)."""
    durees = []
    for _ in range(n):
        if avant:
            avant()
        t = time.perf_counter()
        fn()
        durees.append(time.perf_counter() - t)
    return statistics.median(durees)


def ecriture_atomique_brute(chemin: Path, octets: bytes) -> None:
    """The physical minimum of a durable replace: temp file, fsync, rename (and the folder fsync)."""
    tmp = chemin.with_name(chemin.name + ".brut")
    with open(tmp, "wb") as f:
        f.write(octets)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, chemin)
    try:
        fd = os.open(chemin.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def json_load(chemins: list[Path]) -> None:
    for c in chemins:
        with open(c, encoding="utf-8") as f:
            json.load(f)


def machine() -> str:
    cpu = ""
    try:
        for ligne in Path("/proc/cpuinfo").read_text().splitlines():
            if ligne.startswith("model name"):
                cpu = ligne.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    ram = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        ram = f"{kb / 1024 / 1024:.1f} Gio"
    except (OSError, ValueError, IndexError):
        pass
    return (f"{platform.platform()}, Python {platform.python_version()}; CPU : {cpu or 'inconnu'}, "
            f"{os.cpu_count()} cœurs; RAM : {ram or 'inconnue'}")


def _fmt_s(v: float | None, nom: str = "") -> str:
    if v is None:
        return "—"
    if "_" in nom and not nom.endswith("_s"):  # a plain figure from a module returning a dict (a ratio, a size)
        return f"{v:g}"
    return f"{v * 1000:.2f} ms" if v < 1 else f"{v:.2f} s"


def tableau(mesures: list[Mesure]) -> str:
    lignes = ["| mesure | valeur | référence | valeur réf. | ratio | objectif | atteint |",
              "|---|---|---|---|---|---|---|"]
    for m in mesures:
        ratio = f"{m.ratio:.2f}" if m.ratio is not None else "—"
        if m.objectif is None:
            obj = "—"
        else:
            obj = f"≤ {m.objectif:g}" if m.reference_s else f"< {m.objectif:g} s"
        ok = {True: "oui", False: "**non**", None: "—"}[m.atteint]
        lignes.append(f"| {m.nom} | {_fmt_s(m.valeur_s, m.nom)} | {m.reference or '—'} | {_fmt_s(m.reference_s)} "
                      f"| {ratio} | {obj} | {ok} |")
    return "\n".join(lignes)


def normaliser(resultat: object) -> list[Mesure]:
    """Accept a list of Mesure, or a plain dict of figures (older bench modules)."""
    if isinstance(resultat, dict):
        return [Mesure(str(k), v if isinstance(v, (int, float)) and not isinstance(v, bool) else None,
                       reference=str(v) if not isinstance(v, (int, float)) else "") for k, v in resultat.items()]
    return list(resultat or [])
