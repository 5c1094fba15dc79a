"""One running copy per data folder; a crashed copy never blocks the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from atelier_app.errors import DonneesVerrouillees
from atelier_app.storage.repository import Depot

RACINE = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(RACINE)}


def atelier(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "atelier_app", *args], capture_output=True, text=True, env=ENV, check=False,
                          timeout=60)


def test_deuxieme_processus_refuse_avec_code_3(tmp_path):
    depot = Depot.ouvrir(tmp_path / "d")
    try:
        fini = atelier("--donnees", str(tmp_path / "d"), "verifier")
    finally:
        depot.fermer()
    assert fini.returncode == 3
    assert "déjà ouvertes par une autre copie d'Atelier" in fini.stderr
    assert f"processus {os.getpid()}" in fini.stderr
    assert "Traceback" not in fini.stderr
    assert atelier("--donnees", str(tmp_path / "d"), "verifier").returncode == 0


def test_deuxieme_ouverture_dans_le_meme_processus(tmp_path):
    depot = Depot.ouvrir(tmp_path / "d")
    try:
        with pytest.raises(DonneesVerrouillees):
            Depot.ouvrir(tmp_path / "d")
    finally:
        depot.fermer()
    Depot.ouvrir(tmp_path / "d").fermer()


def test_verrou_d_un_processus_tue_recupere(tmp_path):
    code = "import sys, time\nfrom atelier_app.storage.repository import Depot\n" \
           "d = Depot.ouvrir(sys.argv[1]); print('pret', flush=True); time.sleep(60)"
    enfant = subprocess.Popen([sys.executable, "-c", code, str(tmp_path / "d")], stdout=subprocess.PIPE, text=True,
                              env=ENV)
    assert enfant.stdout.readline().strip() == "pret"
    with pytest.raises(DonneesVerrouillees):
        Depot.ouvrir(tmp_path / "d")
    os.kill(enfant.pid, signal.SIGKILL)
    enfant.wait()
    enfant.stdout.close()
    assert (tmp_path / "d" / "atelier.lock.info").exists()  # left behind by the crash
    depot = Depot.ouvrir(tmp_path / "d")
    depot.fermer()
