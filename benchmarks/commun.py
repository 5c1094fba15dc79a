"""Shared code of the benchmarks: demo folders built once per run, timing, the bare baselines, the table.

Why ratios against a baseline measured in the same run: absolute times depend on the disk and the
CPU; a ratio to the physical minimum (an atomic write, a ``json.load``) says what the app adds.
Why one ``Contexte``: the `grande` folder (ten years) takes seconds to build, so every module reuses
the one built at the start of the run; a module that changes data works on a copy (``copie``).
"""

from __future__ import annotations

import cProfile
import gc
import io
import json
import os
import platform
import pstats
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

AUJOURD_HUI = date(2026, 11, 23)  # the app's today, fixed so that every run builds the same data
ANNEE_COMPLETE = AUJOURD_HUI.year - 1  # the latest full year (the demo also plans sessions ahead)


@dataclass
class Mesure:
    nom: str
    valeur_s: float | None
    reference: str = ""
    reference_s: float | None = None
    objectif: float | None = None  # the ratio must stay at or below this
    plafond_s: float | None = None  # or, without a ratio goal, the value must stay below this many seconds

    @property
    def ratio(self) -> float | None:
        if self.valeur_s is None or not self.reference_s:
            return None
        return self.valeur_s / self.reference_s

    @property
    def atteint(self) -> bool | None:
        if self.objectif is not None:
            return None if self.ratio is None else self.ratio <= self.objectif
        if self.plafond_s is not None:
            return None if self.valeur_s is None else self.valeur_s < self.plafond_s
        return None


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

    def copie(self, echelle: str, dans: Path) -> Path:
        """A private copy of the demo folder at that scale (without lock file nor backups)."""
        cible = Path(dans) / echelle
        shutil.copytree(self.dossier(echelle), cible, ignore=shutil.ignore_patterns("*.lock", "sauvegardes"))
        return cible


def ouvrir(dossier: Path):
    """The app's services on ``dossier``, with the app's today fixed to ``AUJOURD_HUI``."""
    from atelier_app import assemblage

    s = assemblage.ouvrir(dossier)
    s.ctx.aujourd_hui = lambda: AUJOURD_HUI
    return s


def fermer(services) -> None:
    from atelier_app import assemblage

    assemblage.fermer(services)


def construire(dossier: Path, echelle: str, graine: int = 1) -> tuple[Path, float]:
    """``atelier demo --echelle <echelle>`` in this process (the CLI calls the same service)."""
    s = ouvrir(dossier)
    try:
        t = time.perf_counter()
        s.donnees.generer_demo(echelle, graine, comptes=False)  # the window opens without a sign-in
        return dossier, time.perf_counter() - t
    finally:
        fermer(s)


def fichiers_donnees(dossier: Path) -> list[Path]:
    from atelier_app.storage import layout

    return [dossier / n for n in layout.data_files(dossier)]


def disque_au_calme() -> None:
    """Flush what earlier steps left in the page cache (a 30 MB build, copies), so that their write-back
    does not land in the fsyncs being measured."""
    if hasattr(os, "sync"):
        os.sync()


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


def medianes(*fns: Callable[[], object], n: int = 15, ramasser: bool = False) -> list[float]:
    """Median wall time of each function, the functions run in turn within each trial: a value and its
    baseline see the same state of the machine (a virtual disk's fsync time drifts from second to second).

    ``ramasser``: collect the garbage of the previous call untimed, so that no function pays for another's
    (a closed data folder is 15 MB of dicts). Not for the writes: the pause it makes slows the next fsync
    (on this machine a bare write takes ~1.4 ms back to back, ~2.3 ms after 50 ms idle, ~3 ms after 200 ms),
    and the writes are measured back to back, the strictest comparison. The order turns each trial: a
    write that always came right after another one's fsync would pay for it."""
    durees: list[list[float]] = [[] for _ in fns]
    for essai in range(n):
        # the order turns from one trial to the next, so that no function always follows the same one
        for i in [(essai + k) % len(fns) for k in range(len(fns))]:
            fn = fns[i]
            if ramasser:
                gc.collect()
            t = time.perf_counter()
            fn()
            durees[i].append(time.perf_counter() - t)
    return [statistics.median(d) for d in durees]


def cible_brute(fichier: Path) -> tuple[Path, bytes]:
    """A sibling of ``fichier`` holding the same bytes, for the bare atomic write: same folder, same size,
    replacing an existing file like the app does, without touching the file the app keeps in memory."""
    octets = fichier.read_bytes()
    cible = fichier.with_name(fichier.name + ".temoin")
    cible.write_bytes(octets)
    return cible, octets


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


def profil(fn: Callable[[], object], n: int = 1, lignes: int = 8, tri: str = "tottime") -> str:
    """cProfile of ``n`` calls of ``fn``: the functions where the time goes, as a text block, sorted by own
    time (``tri="tottime"``) or by cumulated time (any other value; the benchmark's own frames left out)."""
    p = cProfile.Profile()
    p.enable()
    for _ in range(n):
        fn()
    p.disable()
    sortie = io.StringIO()
    st = pstats.Stats(p, stream=sortie)
    total = st.total_tt  # type: ignore[attr-defined]
    rangs = sorted(st.stats.items(), key=lambda kv: kv[1][2 if tri == "tottime" else 3], reverse=True)  # type: ignore[attr-defined]
    rangs = [r for r in rangs if "benchmarks" not in r[0][0] and "fenetre.py" not in r[0][0]
             and r[0][2] not in ("<lambda>", "<built-in method builtins.next>")]
    out = [f"    total profilé : {total * 1000 / n:.2f} ms par appel (cProfile ralentit les appels Python)"]
    for (fichier, ligne, nom), (_cc, nc, tt, ct, _callers) in rangs[:lignes]:
        lieu = f"{_court(fichier)}:{ligne}" if ligne else _court(fichier)
        out.append(f"    {tt * 1000 / n:8.2f} ms propres {ct * 1000 / n:8.2f} ms cumulés {nc // n:>7} appels  {nom} ({lieu})")
    return "\n".join(out)


def _court(fichier: str) -> str:
    for marque in ("atelier_app/", "site-packages/", "python3.11/"):
        if marque in fichier:
            return fichier.split(marque, 1)[1]
    return fichier


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
            f"{os.cpu_count()} cœurs; RAM : {ram or 'inconnue'}; données écrites dans {tempfile.gettempdir()} "
            f"({_systeme_fichiers(Path(tempfile.gettempdir()))})")


def _systeme_fichiers(dossier: Path) -> str:
    """The file system the benchmarks write to (fsync costs differ a lot between them)."""
    meilleur, type_fs = "", "système de fichiers inconnu"
    try:
        for ligne in Path("/proc/mounts").read_text().splitlines():
            _dev, point, fs, *_r = ligne.split()
            if str(dossier.resolve()).startswith(point) and len(point) > len(meilleur):
                meilleur, type_fs = point, fs
    except (OSError, ValueError):
        pass
    return type_fs


def _fmt_s(v: float | None) -> str:
    if v is None:
        return "—"
    return f"{v * 1000:.2f} ms" if v < 1 else f"{v:.2f} s"


def tableau(mesures: list[Mesure]) -> str:
    lignes = ["| mesure | valeur | référence | valeur réf. | ratio | objectif | atteint |",
              "|---|---|---|---|---|---|---|"]
    for m in mesures:
        ratio = f"{m.ratio:.2f}" if m.ratio is not None else "—"
        if m.objectif is not None:
            obj = f"ratio ≤ {m.objectif:g}"
        elif m.plafond_s is not None:
            obj = f"< {m.plafond_s:g} s"
        else:
            obj = "—"
        ok = {True: "oui", False: "**non**", None: "—"}[m.atteint]
        lignes.append(f"| {m.nom} | {_fmt_s(m.valeur_s)} | {m.reference or '—'} | {_fmt_s(m.reference_s)} "
                      f"| {ratio} | {obj} | {ok} |")
    return "\n".join(lignes)
