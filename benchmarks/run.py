"""Runs every ``benchmarks/bench_*.py`` (each exposes ``mesurer(ctx) -> list[Mesure]``), prints the
table and writes ``benchmarks/RESULTS.md``.

Usage: ``.venv/bin/python benchmarks/run.py [nom ...]`` (names filter the modules, e.g. ``stockage``).
"""

from __future__ import annotations

import importlib
import shutil
import sys
import time
import traceback
from datetime import datetime
from pathlib import Path

ICI = Path(__file__).resolve().parent
sys.path.insert(0, str(ICI.parent))

from benchmarks.commun import Contexte, Mesure, machine, normaliser, tableau  # noqa: E402


def main(filtres: list[str]) -> int:
    modules = sorted(p.stem for p in ICI.glob("bench_*.py"))
    if filtres:
        modules = [m for m in modules if any(f in m for f in filtres)]
    ctx = Contexte()
    mesures: list[Mesure] = []
    analyses: list[str] = []
    erreurs: list[str] = []
    debut = time.perf_counter()
    try:
        for nom in modules:
            print(f"— {nom}…", flush=True)
            try:
                module = importlib.import_module(f"benchmarks.{nom}")
                mesures += normaliser(module.mesurer(ctx))
                if getattr(module, "ANALYSE", ""):
                    analyses.append(module.ANALYSE.strip())
            except Exception:  # one broken module must not hide the others' figures
                erreurs.append(f"{nom} : {traceback.format_exc().strip().splitlines()[-1]}")
                traceback.print_exc()
    finally:
        shutil.rmtree(ctx.racine, ignore_errors=True)
    texte = tableau(mesures)
    print(texte)
    for e in erreurs:
        print("ERREUR", e)
    rapport = [
        "# Mesures de performance",
        "",
        f"Date : {datetime.now():%Y-%m-%d %H:%M}. Machine : {machine()}.",
        "",
        "Commande : `.venv/bin/python benchmarks/run.py`. Chaque valeur est une médiane (15 essais pour les "
        "écritures et l'ouverture, 5 processus neufs pour la fenêtre), comparée à sa référence physique mesurée "
        "pendant la même exécution ; « ratio » = valeur / référence.",
        "",
        texte,
        "",
    ]
    for a in analyses:
        rapport += [a, ""]
    if erreurs:
        rapport += ["Modules en échec :", "", *[f"- {e}" for e in erreurs], ""]
    rapport.append(f"Durée totale : {time.perf_counter() - debut:.0f} s.")
    if not filtres:
        (ICI / "RESULTS.md").write_text("\n".join(rapport) + "\n", encoding="utf-8")
    return 1 if erreurs else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
