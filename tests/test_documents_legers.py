"""The documents for the funders are computed without pandas, and the xlsx written without numpy.

Why a whole process: what a user waits for is the command from start to end (issue 16,
benchmarks/RESULTS.md « Processus entiers »); pandas' import alone cost more than the counting, and
openpyxl imported numpy for nothing. A module imported by mistake would only show in a fresh process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent

SCRIPT = r"""
import json, sys
from datetime import date
from atelier_app import assemblage
from atelier_app.services.centre import activites_par_defaut
from atelier_app.storage import demo

dossier, sortie = sys.argv[1], sys.argv[2]
s = assemblage.ouvrir(dossier)
demo.generer(s.depot, "petite", 1, date(2026, 12, 1), activites_par_defaut("Sophie Martin", "Salle multimédia"))
s.depot.charger_tout()
s.documents.statistiques(date(2025, 1, 1), date(2025, 12, 31), sortie + "/s.xlsx")
s.documents.rapport(2025, sortie + "/r.pdf")
s.documents.fiche("numerikids", 2025, sortie + "/f.pdf")
assemblage.fermer(s)
print(json.dumps(sorted(m for m in ("pandas", "numpy", "matplotlib") if m in sys.modules)))
"""


def test_rapport_stats_fiche_sans_pandas_ni_numpy(tmp_path) -> None:
    (tmp_path / "d").mkdir()
    env = {**os.environ, "PYTHONPATH": str(RACINE), "ATELIER_EXPORTS": str(tmp_path)}
    r = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "d"), str(tmp_path)], env=env, cwd=tmp_path,
                       capture_output=True, text=True, timeout=120, check=False)
    assert r.returncode == 0, r.stderr[-2000:]
    assert json.loads(r.stdout.strip().splitlines()[-1]) == []
    from openpyxl import load_workbook

    feuille = load_workbook(tmp_path / "s.xlsx").active
    nombres = [c.value for rang in feuille.iter_rows() for c in rang if isinstance(c.value, (int, float))]
    assert len(nombres) > 50  # the figures are numbers in the sheet, not text
