"""Runs every ``benchmarks/bench_*.py`` (each exposes ``mesurer(ctx) -> list[Mesure]``), prints the
table and writes ``benchmarks/RESULTS.md``.

Usage: ``.venv/bin/python benchmarks/run.py [nom ...]`` (names filter the modules, e.g. ``stockage``).
"""

from __future__ import annotations

import importlib
import os
import shutil
import sys
import time
import traceback
from datetime import datetime
from pathlib import Path

ICI = Path(__file__).resolve().parent
sys.path.insert(0, str(ICI.parent))

from benchmarks.commun import ANNEE_COMPLETE, AUJOURD_HUI, Contexte, Mesure, machine, tableau  # noqa: E402

ORDRE = ["bench_stockage", "bench_presences", "bench_rapports"]  # the order of the issues' list; others after


def main(filtres: list[str]) -> int:
    modules = sorted((p.stem for p in ICI.glob("bench_*.py")),
                     key=lambda m: (ORDRE.index(m) if m in ORDRE else len(ORDRE), m))
    if filtres:
        modules = [m for m in modules if any(f in m for f in filtres)]
    ctx = Contexte()
    mesures: list[Mesure] = []
    analyses: list[str] = []
    profils: list[tuple[str, str]] = []
    erreurs: list[str] = []
    debut = time.perf_counter()
    charge_debut = _charge()
    try:
        for nom in modules:
            print(f"— {nom}…", flush=True)
            try:
                module = importlib.import_module(f"benchmarks.{nom}")
                mesures += list(module.mesurer(ctx))
                if getattr(module, "ANALYSE", ""):
                    analyses.append(module.ANALYSE.strip())
                profils += getattr(module, "PROFILS", [])
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
        "Commande : `xvfb-run -a .venv/bin/python benchmarks/run.py` (la fenêtre a besoin d'un écran). Chaque "
        "valeur est une médiane (41 essais pour les écritures et l'ouverture, 5 processus neufs pour la fenêtre, "
        "5 pour les statistiques, 3 pour le rapport), comparée à sa référence physique mesurée pendant la même "
        "exécution, en alternance essai par essai ; « ratio » = valeur / référence. Charge de la machine "
        f"(moyenne sur 1 min) : {charge_debut} au début, {_charge()} à la fin. Données : `atelier demo` à la date de l'application "
        f"({AUJOURD_HUI:%d/%m/%Y}), graine 1 ; année complète mesurée : {ANNEE_COMPLETE}.",
        "",
        texte,
        "",
    ]
    for a in analyses:
        rapport += [a, ""]
    if profils:
        rapport += ["## Profils cProfile des objectifs manqués (cette exécution)", "",
                    "Par appel mesuré, les fonctions les plus lourdes d'abord : « propres » = hors fonctions appelées, "
                    "« cumulés » = avec elles. cProfile ralentit surtout les appels Python : comparer les lignes entre "
                    "elles, pas au tableau.",
                    ""]
        for titre, texte in profils:
            rapport += [f"{titre} :", "", "```", texte, "```", ""]
    if erreurs:
        rapport += ["Modules en échec :", "", *[f"- {e}" for e in erreurs], ""]
    rapport.append(f"Durée totale : {time.perf_counter() - debut:.0f} s.")
    if not filtres:
        (ICI / "RESULTS.md").write_text("\n".join(rapport) + "\n", encoding="utf-8")
    return 1 if erreurs else 0


def _charge() -> str:
    try:
        return f"{os.getloadavg()[0]:.2f}".replace(".", ",")
    except (AttributeError, OSError):
        return "inconnue"


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
