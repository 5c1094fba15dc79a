"""THE proof of issue 17: two copies of Atelier on two "PCs" work on one server through a whole day.

Each PC is a child process with its own X display (tests/poste_gui.py, run by pytest, whose
pytest-xvfb starts the display) playing the day of tests/test_gui_journee.py by keyboard at the
same time as the other, on another activity and another group's roll call, on the same PostgreSQL
database. Afterwards: both finished cleanly, each one's saves are on the server, each screen showed
the other's roll call by itself (LISTEN/NOTIFY), and the fiche and statistics of the day's data
are the same figures on the server and on a folder copy of it (``migrer``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from atelier_app import assemblage
from atelier_app.cli import main
from atelier_app.domain.seances import Seance
from atelier_app.services.comptes import ComptesService
from atelier_app.storage.demo import COMPTES
from tests.clavier import JOUR

pytestmark = [pytest.mark.gui, pytest.mark.lent]

RACINE = Path(__file__).resolve().parents[1]
#: generous: two windows, two X servers and PostgreSQL on a loaded 2-core machine
DELAI = 900


def _services(adresse: str):
    s = assemblage.ouvrir(adresse)
    s.ctx.aujourd_hui = lambda: JOUR
    s.ctx.maintenant = lambda: datetime.combine(JOUR, datetime.min.time().replace(hour=9, minute=30))
    return s


def _preparer(adresse: str) -> dict[str, str]:
    """The demo on the server, and a second session today (the demo has one) so each PC has its own
    group's roll call: the current cycle's first group of « initiation »."""
    s = _services(adresse)
    try:
        s.donnees.generer_demo("petite", 1)
        s.comptes.connecter("direction", {i: m for i, _r, m in COMPTES}["direction"])
        existante = s.seances.aujourdhui().seances[0].seance.groupe
        cycle = max((c for c in s.seances.cycles("initiation") if c.debut and c.debut <= JOUR), key=lambda c: c.debut)
        groupe = next(g for g in s.seances.groupes(cycle.id) if g.inscrits)
        s.seances.ajouter(groupe.id, JOUR)
        return {"a": groupe.id, "b": existante}
    finally:
        assemblage.fermer(s)


def _poste(nom: str, autre: str, rdv: Path, *, adresse: str, activite: str, groupe: str, rang: int,
           attend: bool = False) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(RACINE), "ATELIER_POSTE_ADRESSE": adresse, "ATELIER_POSTE_NOM": nom,
           "ATELIER_POSTE_AUTRE": autre, "ATELIER_POSTE_ACTIVITE": activite, "ATELIER_POSTE_GROUPE": groupe,
           "ATELIER_POSTE_RANG": str(rang), "ATELIER_POSTE_ATTEND": "1" if attend else "", "ATELIER_POSTE_RENDEZ_VOUS": str(rdv),
           "ATELIER_DOSSIER_LOCAL": str(rdv / f"poste-{nom}"), "ATELIER_EXPORTS": str(rdv / f"exports-{nom}")}
    env.pop("PYTEST_CURRENT_TEST", None)
    journal = (rdv / f"{nom}.log").open("w", encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "error::DeprecationWarning:ttkbootstrap",
         "--basetemp", str(rdv / f"tmp-{nom}"), "tests/poste_gui.py"],
        cwd=RACINE, env=env, stdout=journal, stderr=subprocess.STDOUT, text=True)


def _premier(rdv: Path):
    """Sort key: the copy whose run stopped first (the other one only waited for it)."""
    return lambda nom: (rdv / f"{nom}.log").stat().st_mtime


def test_deux_postes_une_journee_sur_le_serveur(base_serveur, tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(ComptesService, "hacheur", PasswordHasher(time_cost=1, memory_cost=1024))
    groupes = _preparer(base_serveur)
    rdv = tmp_path / "rendez-vous"
    rdv.mkdir()
    debut = time.monotonic()
    postes = {"a": _poste("a", "b", rdv, adresse=base_serveur, activite="initiation", groupe=groupes["a"], rang=0),
              "b": _poste("b", "a", rdv, adresse=base_serveur, activite="senou", groupe=groupes["b"], rang=1,
                          attend=True)}
    try:
        codes = {nom: p.wait(DELAI) for nom, p in postes.items()}
    finally:
        for p in postes.values():
            if p.poll() is None:
                p.kill()
                p.wait()
    duree = time.monotonic() - debut
    journaux = {nom: (rdv / f"{nom}.log").read_text(encoding="utf-8") for nom in postes}
    rates = [nom for nom, code in codes.items() if code != 0]  # the first to fail tells why; the other waited
    assert not rates, "\n".join(f"poste {nom} :\n{journaux[nom][-5000:]}" for nom in sorted(rates, key=_premier(rdv)))
    for nom in postes:
        # a Tk object finalised off the Tk thread prints this (and can freeze the window)
        assert "Exception ignored" not in journaux[nom] and "Tcl_AsyncDelete" not in journaux[nom], journaux[nom]
    fins = {nom: json.loads((rdv / f"{nom}.fin.json").read_text(encoding="utf-8")) for nom in postes}
    displays = {f["display"] for f in fins.values()}
    assert len(displays) == 2 and "" not in displays and os.environ.get("DISPLAY") not in displays  # two screens
    for fin in fins.values():
        assert len(fin["vu_a_l_ecran"]) == 2, fin  # both roll calls shown done on this PC's Aujourd'hui
        assert fin["distants"], fin  # and the other PC's saves were heard by the listener
    # a looked at Aujourd'hui before b saved its roll call: a's screen changed by itself
    assert fins["a"]["faits_avant"] == 1, fins["a"]
    with capsys.disabled():
        print(f"\n  deux postes : {duree:.0f} s en tout ; journées "
              f"{fins['a']['duree']} s et {fins['b']['duree']} s ; écran déjà à jour avant d'attendre : "
              f"{fins['a']['faits_avant']}/2 et {fins['b']['faits_avant']}/2")

    s = _services(base_serveur)  # read back through the store: each PC's roll call, walk-in included
    try:
        for fin in fins.values():
            seance = s.depot.get(Seance, fin["seance"])
            assert seance.appel_fait and any(p.personne == fin["venue"] for p in seance.presences)
            assert seance.groupe == groupes["a" if fin["activite"] == "initiation" else "b"]
        assert fins["a"]["seance"] != fins["b"]["seance"]
    finally:
        assemblage.fermer(s)
    _memes_chiffres_sur_les_deux_magasins(base_serveur, tmp_path, capsys)


def _memes_chiffres_sur_les_deux_magasins(adresse: str, tmp_path: Path, capsys) -> None:
    """The same data on the server and in a folder gives the same fiche and statistics, to the figure."""
    dossier = tmp_path / "copie"
    assert main(["--donnees", adresse, "migrer", "--vers", str(dossier)]) == 0, capsys.readouterr()
    fiches, tableaux = {}, {}
    for nom, donnees in (("serveur", adresse), ("dossier", str(dossier))):
        s = _services(donnees)
        try:
            s.comptes.connecter("direction", {i: m for i, _r, m in COMPTES}["direction"])
            fiches[nom] = {(a, annee): s.fiches.fiche(a, annee) for a in ("initiation", "senou", "numerikids")
                           for annee in (JOUR.year - 1, JOUR.year)}
        finally:
            assemblage.fermer(s)
        f = tmp_path / f"stats-{nom}.csv"
        assert main(["--donnees", donnees, "stats", "--annee", str(JOUR.year), "--sortie", str(f)]) == 0, \
            capsys.readouterr()
        tableaux[nom] = f.read_bytes()
    assert fiches["serveur"] == fiches["dossier"]
    assert tableaux["serveur"] == tableaux["dossier"] and len(tableaux["serveur"]) > 1000
