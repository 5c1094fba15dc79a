"""The layers stay honest: each package of atelier_app declares what it may import, and nothing else
passes (an allow-list, the way Gaphor's test_architecture.py declares its layers).

Why an allow-list rather than a list of forbidden imports: a forbidden list lets through whatever
nobody thought of (``from atelier_app import storage``, a relative import, ``__import__``); here a
new dependency fails until someone decides, in this table, that the package may have it.

Every import form is read: ``import x``, ``from x import y``, ``from atelier_app import x``, relative
imports (resolved), ``importlib.import_module("…")`` and ``__import__("…")`` with a literal (or an
f-string's literal prefix), and the "module:Class" strings of the lazy registries.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

RACINE = Path(__file__).resolve().parent.parent / "atelier_app"

#: package -> (third-party libraries it may import, atelier_app packages it may import). The standard
#: library is allowed everywhere; "errors" is the shared exceptions module.
PERMIS: dict[str, tuple[set[str], set[str]]] = {
    # pure rules: data libraries only (numbers in French, public and school holidays, password strength)
    "domain": ({"babel", "holidays", "vacances_scolaires_france", "zxcvbn"}, {"domain", "errors"}),
    # use cases: the store, reports and tools are handed in (assemblage), never imported
    "services": ({"argon2"}, {"services", "domain", "errors"}),
    "storage": ({"tinydb", "filelock", "cryptography", "openpyxl", "odf", "charset_normalizer", "psycopg"},
                {"storage", "domain", "errors", "ecriture"}),
    # pandas is no dependency of the app (pyproject: dev only): the tests and benchmarks use it, never atelier_app
    "reports": ({"reportlab", "matplotlib", "openpyxl", "odf"}, {"reports", "domain", "errors", "ecriture"}),
    # the window calls the services (and the reports' display helpers), never the store
    "gui": ({"ttkbootstrap", "matplotlib"},
            {"gui", "services", "domain", "errors", "reports", "assemblage", "atelier_app"}),
    # the CLI's sub-commands are thin callers of the services
    "commandes": (set(), {"commandes", "cli", "services", "domain", "errors", "assemblage", "atelier_app"}),
    "cli": (set(), {"cli", "commandes", "assemblage", "journalisation", "errors", "gui", "atelier_app", "ecriture"}),
    # the composition root: the only place that knows the store and the document writers
    "assemblage": (set(), {"assemblage", "services", "storage", "reports", "errors", "ecriture", "atelier_app"}),
    # the one writer of the files handed to the user (temporary file, fsync, rename; cells neutralised)
    "ecriture": (set(), {"errors"}),
    "journalisation": (set(), set()),
    "errors": (set(), set()),
    "__main__": (set(), {"cli"}),
    "__init__": (set(), set()),
}

#: Known violations, each with why it is tolerated for now. Nothing else may be added here lightly.
EXCEPTIONS: dict[str, set[str]] = {}

_CHEMIN_MODULE = re.compile(r"^atelier_app(\.\w+)+(:\w+)?$")


def _paquet(fichier: Path) -> str:
    rel = fichier.relative_to(RACINE)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def _nom_module(fichier: Path) -> tuple[str, bool]:
    parts = ("atelier_app", *fichier.relative_to(RACINE).with_suffix("").parts)
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def _litteral(noeud: ast.AST) -> str | None:
    if isinstance(noeud, ast.Constant) and isinstance(noeud.value, str):
        return noeud.value
    if isinstance(noeud, ast.JoinedStr) and noeud.values and isinstance(noeud.values[0], ast.Constant):
        prefixe = str(noeud.values[0].value)  # f"atelier_app.commandes.{nom}": the package is known
        return prefixe.rsplit(".", 1)[0] if "." in prefixe else None
    return None


def imports(source: str, module: str, est_paquet: bool = False) -> list[str]:
    """Every module name ``source`` (the code of ``module``) imports, in any form, resolved."""
    paquet = module if est_paquet else module.rsplit(".", 1)[0]
    noms: list[str] = []
    for noeud in ast.walk(ast.parse(source)):
        if isinstance(noeud, ast.Import):
            noms += [a.name for a in noeud.names]
        elif isinstance(noeud, ast.ImportFrom):
            if noeud.level:
                base = paquet.split(".")
                base = base[: len(base) - (noeud.level - 1)]
                cible = ".".join(base + ([noeud.module] if noeud.module else []))
            else:
                cible = noeud.module or ""
            noms.append(cible)
            if cible == "atelier_app" or not noeud.module:  # from atelier_app import storage / from . import x
                noms += [f"{cible}.{a.name}" for a in noeud.names]
        elif isinstance(noeud, ast.Call) and noeud.args:
            f = noeud.func
            nom = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)
            texte = _litteral(noeud.args[0])
            if nom in ("import_module", "__import__") and texte:
                noms.append(texte)
        elif isinstance(noeud, ast.Constant) and isinstance(noeud.value, str) and _CHEMIN_MODULE.match(noeud.value):
            noms.append(noeud.value.split(":")[0])  # registries: "atelier_app.services.centre:CentreService"
    return [n for n in noms if n]


def _fautes(fichier: Path) -> list[str]:
    paquet = _paquet(fichier)
    tiers, internes = PERMIS[paquet]
    module, est_paquet = _nom_module(fichier)
    permis_ici = EXCEPTIONS.get(str(fichier.relative_to(RACINE)), set())
    out = []
    for nom in imports(fichier.read_text(encoding="utf-8"), module, est_paquet):
        racine = nom.split(".")[0]
        if racine == "atelier_app":
            parts = nom.split(".")
            cible = parts[1] if len(parts) > 1 else "atelier_app"
            if cible == "atelier_app" and "atelier_app" in internes:
                continue
            if cible in internes or ".".join(parts[:2]) in permis_ici:
                continue
        elif racine in sys.stdlib_module_names or racine == "__future__" or racine in tiers:
            continue
        out.append(f"{fichier.relative_to(RACINE)} importe {nom}")
    return out


def test_chaque_paquet_est_declare() -> None:
    trouves = {_paquet(f) for f in RACINE.rglob("*.py")}
    assert trouves <= set(PERMIS), f"Déclarez ce que ces paquets peuvent importer : {trouves - set(PERMIS)}"


@pytest.mark.parametrize("paquet", sorted(PERMIS))
def test_chaque_paquet_n_importe_que_ce_qu_il_declare(paquet: str) -> None:
    fichiers = [f for f in sorted(RACINE.rglob("*.py")) if _paquet(f) == paquet]
    assert [faute for f in fichiers for faute in _fautes(f)] == []


def test_les_exceptions_sont_encore_necessaires() -> None:
    """An exception that no longer matches anything must be removed (so it cannot hide a new one)."""
    for chemin, modules in EXCEPTIONS.items():
        f = RACINE / chemin
        module, est_paquet = _nom_module(f)
        vus = {".".join(n.split(".")[:2]) for n in imports(f.read_text(encoding="utf-8"), module, est_paquet)}
        assert modules <= vus, chemin


@pytest.mark.parametrize("source", [
    "import atelier_app.storage.repository",
    "from atelier_app import storage",
    "from atelier_app.storage.repository import Depot",
    "from ..storage import repository",
    "from ..storage.repository import Depot",
    "import importlib\nimportlib.import_module('atelier_app.storage.repository')",
    "from importlib import import_module\nimport_module('atelier_app.storage')",
    "__import__('atelier_app.storage.repository')",
    "MODULES = {'depot': 'atelier_app.storage.repository:Depot'}",
    "import tinydb",
    "from pandas import DataFrame",
])
def test_chaque_forme_d_import_est_vue(source: str) -> None:
    """The checker itself: a service reaching the store in any of these ways is caught."""
    noms = imports(source, "atelier_app.services.exemple")
    assert any(n.startswith(("atelier_app.storage", "tinydb", "pandas")) for n in noms), noms


def test_import_relatif_resolu() -> None:
    assert "atelier_app.services.base" in imports("from .base import Service", "atelier_app.services.exemple")
    assert "atelier_app.services.base" in imports("from . import base", "atelier_app.services", est_paquet=True)
    assert "atelier_app.domain.roles" in imports("from ...domain.roles import Role", "atelier_app.gui.ecrans.x")


def test_modules_stay_small() -> None:
    gros = [f"{f.relative_to(RACINE)}: {n} lignes" for f in RACINE.rglob("*.py")
            if (n := len(f.read_text(encoding="utf-8").splitlines())) > 450]
    assert gros == []
