"""The layers of DESIGN.md stay honest: domain/ and services/ never import a GUI, storage or report library."""

from __future__ import annotations

import ast
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent / "atelier_app"
INTERDITS = {"tkinter", "ttkbootstrap", "tinydb", "reportlab", "pandas", "matplotlib", "openpyxl", "odf", "filelock"}
COUCHES_INTERDITES = {"atelier_app.storage", "atelier_app.reports", "atelier_app.gui", "atelier_app.cli"}


def _imports(fichier: Path) -> list[str]:
    arbre = ast.parse(fichier.read_text(encoding="utf-8"))
    noms = []
    for noeud in ast.walk(arbre):
        if isinstance(noeud, ast.Import):
            noms += [a.name for a in noeud.names]
        elif isinstance(noeud, ast.ImportFrom) and noeud.module and noeud.level == 0:
            noms.append(noeud.module)
    return noms


def _violations(couche: str) -> list[str]:
    out = []
    for f in sorted((RACINE / couche).rglob("*.py")):
        for nom in _imports(f):
            racine = nom.split(".")[0]
            if racine in INTERDITS or any(nom == c or nom.startswith(c + ".") for c in COUCHES_INTERDITES):
                out.append(f"{f.relative_to(RACINE)} importe {nom}")
    return out


def test_domain_is_pure() -> None:
    assert _violations("domain") == []


def test_services_do_not_touch_storage_gui_or_reports() -> None:
    assert _violations("services") == []


def test_domain_does_not_import_services() -> None:
    bad = [f"{f.name}: {n}" for f in (RACINE / "domain").rglob("*.py") for n in _imports(f)
           if n.startswith("atelier_app.services")]
    assert bad == []


def test_gui_never_touches_tinydb_or_pandas() -> None:
    bad = [f"{f.relative_to(RACINE)}: {n}" for f in (RACINE / "gui").rglob("*.py") for n in _imports(f)
           if n.split(".")[0] in {"tinydb", "pandas"} or n.startswith("atelier_app.storage")]
    assert bad == []


def test_modules_stay_small() -> None:
    gros = [f"{f.relative_to(RACINE)}: {n} lignes" for f in RACINE.rglob("*.py")
            if (n := len(f.read_text(encoding="utf-8").splitlines())) > 450]
    assert gros == []
