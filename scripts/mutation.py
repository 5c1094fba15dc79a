"""Mutation testing of ``atelier_app/domain/`` with mutmut 3, one module at a time, each with its own tests.

Why one module at a time and with its own test files: a module's score must say whether *its*
tests can fail, not whether some far-away GUI test happens to touch it; and mutmut is CPU-heavy,
so a run can be limited to the modules one is working on, each under its own time limit.

Usage (from the repository root, with the project's virtualenv)::

    .venv/bin/python scripts/mutation.py                 # every module of MODULES
    .venv/bin/python scripts/mutation.py comptage ages   # only these
    .venv/bin/python scripts/mutation.py --enfants 1 --delai 900 chiffres

Each module is mutated in a scratch folder (``--travail``, default: a temporary folder) holding a
copy of ``atelier_app/`` and ``tests/`` and a ``pyproject.toml`` that tells mutmut which file to
mutate and which tests to run; the repository itself is never touched. The scores are printed as
a Markdown table (the one kept in ``docs/dev/mutation.md``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent

#: domain module -> its own test files (the ones written for it, not those that pass through it)
MODULES: dict[str, tuple[str, ...]] = {
    "comptage": ("tests/test_comptage.py",),
    "chiffres": ("tests/test_chiffres.py", "tests/test_chiffres_regles.py", "tests/test_secret_chiffres.py"),
    "proposition": ("tests/test_proposition.py", "tests/test_proposition_regles.py"),
    "inscription": ("tests/test_inscription.py", "tests/test_inscription_regles.py"),
    "ages": ("tests/test_ages.py",),
    "presences": ("tests/test_presences_regles.py",),
    "seances": ("tests/test_seances_regles.py",),
    "reparations": ("tests/test_reparations_regles.py", "tests/test_reparations_comptage.py"),
    "calendrier": ("tests/test_calendrier.py", "tests/test_calendrier_regles.py"),
    "questionnaire": ("tests/test_questionnaire.py", "tests/test_questionnaire_regles.py"),
    "ords": ("tests/test_ords.py",),
    "comptes": ("tests/test_comptes_regles.py", "tests/test_comptes_bornes.py"),
    # mutB
    "records": ("tests/test_records.py",),
    "journal": ("tests/test_journal_regles.py",),
    "roles": ("tests/test_roles_regles.py",),
    "logo": ("tests/test_logo_regles.py",),
    "periode": ("tests/test_periode.py",),
    "nombres": ("tests/test_nombres.py", "tests/test_nombres_regles.py"),
    "limites": ("tests/test_limites.py",),
    "projets": ("tests/test_projets_regles.py",),
    "preliste": ("tests/test_preliste_regles.py", "tests/test_lignes.py"),
    "positionnement": ("tests/test_positionnement_regles.py",),
    "personnes": ("tests/test_personnes_regles.py",),
    "plan_import": ("tests/test_plan_import_regles.py",),
    "lignes": ("tests/test_lignes.py", "tests/test_lignes_champs.py"),
    "secret": ("tests/test_secret.py", "tests/test_secret_regles.py", "tests/test_secret_chiffres.py"),
    # mutA
    "etats": ("tests/test_etats_regles.py",),
    "francais": ("tests/test_francais_regles.py",),
    "imports": ("tests/test_imports_regles.py",),
    "invitations": ("tests/test_invitations_regles.py",),
    "accompagnements": ("tests/test_accompagnements_regles.py",),
    "centre": ("tests/test_centre_regles.py",),
    "fiches": ("tests/test_fiches_regles.py",),
    "codes": ("tests/test_codes_regles.py",),
    "anonymisation": ("tests/test_anonymisation_regles.py",),
    "information": ("tests/test_information_regles.py",),
    "fusion": ("tests/test_fusion_regles.py",),
    "activites": ("tests/test_activites_regles.py",),
}


@dataclass(frozen=True)
class Score:
    module: str
    tues: int
    survivants: int
    delais: int
    suspects: int
    sans_test: int
    total: int
    secondes: float
    fini: bool

    @property
    def pourcentage(self) -> float:
        """Killed (timeouts count as killed, as mutmut does) over the mutants that were tested."""
        testes = self.tues + self.delais + self.survivants + self.suspects + self.sans_test
        return 100.0 * (self.tues + self.delais) / testes if testes else 0.0

    def ligne(self) -> str:
        etat = "" if self.fini else " (interrompu : délai dépassé)"
        # A module without mutants (enum or record declarations) has no score, not 0 %.
        score = f"**{self.pourcentage:.1f} %**" if self.total else "— (aucun mutant)"
        return (f"| `{self.module}` | {self.total} | {self.tues} | {self.delais} | {self.survivants} | "
                f"{self.suspects + self.sans_test} | {score}{etat} | {self.secondes:.0f} s |")


ENTETE = ("| module | mutants | tués | délai (tués) | survivants | sans test / suspects | score | durée |\n"
          "|---|---|---|---|---|---|---|---|")


def _configuration(module: str, tests: tuple[str, ...]) -> str:
    selection = ", ".join(json.dumps(t) for t in tests)
    return (
        "[tool.mutmut]\n"
        'source_paths = ["atelier_app"]\n'
        f'only_mutate = ["atelier_app/domain/{module}.py"]\n'
        f"pytest_add_cli_args_test_selection = [{selection}]\n"
        # no Xvfb: the domain needs no screen, and a killed mutant would leave its Xvfb behind
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-p", "no:xvfb", "-q"]\n'
        "use_git_change_detection = false\n"
    )


def _preparer(travail: Path, module: str, tests: tuple[str, ...]) -> Path:
    dossier = travail / module
    shutil.rmtree(dossier, ignore_errors=True)
    dossier.mkdir(parents=True)
    ignorer = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis")
    shutil.copytree(RACINE / "atelier_app", dossier / "atelier_app", ignore=ignorer)
    shutil.copytree(RACINE / "tests", dossier / "tests", ignore=ignorer)
    (dossier / "pyproject.toml").write_text(_configuration(module, tests), encoding="utf-8")
    return dossier


def _compter(dossier: Path) -> dict[str, int]:
    """The verdicts of mutmut's export (``mutants/mutmut-cicd-stats.json``)."""
    subprocess.run([sys.executable, "-m", "mutmut", "export-cicd-stats"], cwd=dossier,
                   capture_output=True, text=True, check=False)
    chemin = dossier / "mutants" / "mutmut-cicd-stats.json"
    return json.loads(chemin.read_text(encoding="utf-8")) if chemin.exists() else {}


def mesurer(module: str, travail: Path, enfants: int, delai: float) -> Score:
    tests = tuple(t for t in MODULES[module] if (RACINE / t).exists())
    if not tests:
        raise SystemExit(f"{module} : aucun fichier de test parmi {', '.join(MODULES[module])}")
    dossier = _preparer(travail, module, tests)
    env = dict(os.environ, PYTHONPATH="", ATELIER_SANS_GUI="1")
    debut = time.monotonic()
    fini = True
    try:
        subprocess.run([sys.executable, "-m", "mutmut", "run", "--max-children", str(enfants)], cwd=dossier,
                       env=env, capture_output=True, text=True, timeout=delai, check=False)
    except subprocess.TimeoutExpired:
        fini = False
    duree = time.monotonic() - debut
    s = _compter(dossier)
    return Score(module, s.get("killed", 0), s.get("survived", 0), s.get("timeout", 0), s.get("suspicious", 0),
                 s.get("no_tests", 0), s.get("total", 0), duree, fini)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("modules", nargs="*", help=f"modules de domain/ (défaut : {' '.join(MODULES)})")
    p.add_argument("--enfants", type=int, default=1, help="processus de test en parallèle (défaut 1 : machine partagée)")
    p.add_argument("--delai", type=float, default=1200, help="secondes au plus par module (défaut 1200)")
    p.add_argument("--travail", type=Path, default=None, help="dossier de travail (défaut : temporaire)")
    p.add_argument("--garder", action="store_true", help="garder le dossier de travail (mutmut results, browse)")
    args = p.parse_args(argv)
    inconnus = [m for m in args.modules if m not in MODULES]
    if inconnus:
        p.error(f"module(s) inconnu(s) : {', '.join(inconnus)}")
    travail = args.travail or Path(tempfile.mkdtemp(prefix="atelier-mutation-"))
    print(ENTETE, flush=True)
    try:
        for module in args.modules or list(MODULES):
            print(mesurer(module, travail, args.enfants, args.delai).ligne(), flush=True)
    finally:
        if not args.garder and args.travail is None:
            shutil.rmtree(travail, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
