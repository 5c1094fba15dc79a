"""Whole processes as the user runs them: `atelier rapport`, `stats`, `fiche` against `atelier verifier`.

Why whole processes: the in-process benchmark of the report (``bench_rapports``) showed 1.2 s while
the user waited 7.7 s — imports, opening the folder and drawing are what a person waits for. Each
trial runs the four commands in turn on a private copy of the `grande` folder (so that a value and
its baseline see the same state of the machine); medians of wall time, with the CPU time and the
peak memory (max RSS, from ``os.wait4``) of the same processes.

Goals (issue 16): rapport ≤ 2 × verifier; stats ≤ 1,5 × verifier; a fiche ≤ 1,2 × verifier;
memory of rapport ≤ 250 Mo. Judged on wall time, what the user waits for; CPU time is reported beside
it (steadier on a loaded machine) and is held to the same goals.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.commun import ANNEE_COMPLETE, Mesure

N = 5
#: The code the processes run: this copy, or another one to measure "before" (ATELIER_BENCH_CODE=/chemin).
RACINE = Path(os.environ.get("ATELIER_BENCH_CODE") or Path(__file__).resolve().parent.parent)
ANALYSE = """
## Processus entiers (issue 16) : lecture des mesures

- Chaque commande est lancée comme l'utilisateur la lance (`python -m atelier_app --donnees … <commande>`),
  sur une copie du dossier `grande`. Référence : `atelier verifier`, qui lit tout le dossier.
- L'objectif est jugé sur le **temps écoulé** (ce que l'utilisateur attend) ; le temps CPU des mêmes
  processus est donné à côté, moins sensible à la charge de la machine, et doit tenir le même objectif.
- Le rapport ne dessine plus de PNG matplotlib : ses graphiques sont des dessins vectoriels de
  `reportlab.graphics.charts`, et la première des deux passes de mise en page (celle qui ne sert qu'à
  connaître les pages du sommaire) ne dessine ni tableaux ni graphiques (`reports/brouillon.py`).
- Les statistiques sont comptées en Python sur les lignes légères, sans pandas (son import coûtait plus que
  le comptage) ; l'export xlsx importe openpyxl sans numpy ; les commandes `rapport`, `stats` et `fiche`
  s'exécutent sans ramasse-miettes cyclique (il reparcourait tout le dossier chargé après chaque lecture).
"""


def _lancer(dossier: Path, *args: str) -> tuple[float, float, int]:
    """(wall s, CPU s, max RSS in kB) of one process."""
    env = {**os.environ, "PYTHONPATH": str(RACINE)}
    t = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-m", "atelier_app", "--donnees", str(dossier), *args], env=env, cwd=RACINE,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, statut, usage = os.wait4(p.pid, 0)
    mur = time.perf_counter() - t
    erreur = p.stderr.read().decode("utf-8", "replace") if p.stderr else ""
    if p.stderr:
        p.stderr.close()
    p.returncode = os.waitstatus_to_exitcode(statut)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} : code {p.returncode} : {erreur.strip()[-300:]}")
    return mur, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def mesurer(ctx) -> list[Mesure]:
    with tempfile.TemporaryDirectory(prefix="atelier-processus-") as tmp:
        dossier = ctx.copie("grande", Path(tmp))
        sortie = Path(tmp) / "sorties"
        sortie.mkdir()
        commandes = {
            "verifier": ("verifier",),
            "rapport": ("rapport", "--annee", str(ANNEE_COMPLETE), "--sortie", str(sortie / "r.pdf")),
            "stats": ("stats", "--annee", str(ANNEE_COMPLETE), "--sortie", str(sortie / "s.xlsx")),
            "fiche": ("fiche", "--annee", str(ANNEE_COMPLETE), "--activite", "initiation",
                      "--sortie", str(sortie / "f.pdf")),
        }
        _lancer(dossier, "verifier")  # the page cache warm for everyone
        vus: dict[str, list[tuple[float, float, int]]] = {k: [] for k in commandes}
        for _ in range(N):
            for nom, args in commandes.items():
                vus[nom].append(_lancer(dossier, *args))
    mur = {k: statistics.median(v[0] for v in vals) for k, vals in vus.items()}
    cpu = {k: statistics.median(v[1] for v in vals) for k, vals in vus.items()}
    memoire = {k: max(v[2] for v in vals) / 1024 for k, vals in vus.items()}
    ref = mur["verifier"]
    ref_txt = "`atelier verifier` (même dossier, processus entier)"
    out = [
        Mesure(f"`atelier rapport --annee {ANNEE_COMPLETE}` (grande), processus entier", mur["rapport"], ref_txt, ref,
               2.0),
        Mesure(f"`atelier stats --annee {ANNEE_COMPLETE}` (grande, .xlsx), processus entier", mur["stats"], ref_txt,
               ref, 1.5),
        Mesure(f"`atelier fiche --annee {ANNEE_COMPLETE} --activite initiation` (grande), processus entier",
               mur["fiche"], ref_txt, ref, 1.2),
        Mesure("… temps CPU du rapport", cpu["rapport"], "temps CPU de verifier", cpu["verifier"], 2.0),
        Mesure("… temps CPU de stats", cpu["stats"], "temps CPU de verifier", cpu["verifier"], 1.5),
        Mesure("… temps CPU de la fiche", cpu["fiche"], "temps CPU de verifier", cpu["verifier"], 1.2),
    ]
    # memory: the value is in MB, given in the seconds column with a ceiling, as the table has no other unit
    out.append(Mesure(f"mémoire maximale du rapport (Mo, plafond 250) : {memoire['rapport']:.0f} Mo ; "
                      f"verifier {memoire['verifier']:.0f} Mo", memoire["rapport"], plafond_s=250.0))
    return out
