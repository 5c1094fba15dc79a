"""One "PC" of tests/test_gui_deux_postes.py: the day at the centre, played by keyboard on a server.

Run by the parent test as ``python -m pytest tests/poste_gui.py`` in a child process with the
``ATELIER_POSTE_*`` variables set (never collected by the suite: the name is not test_*.py). Why a
pytest run rather than a bare script: the day of tests/test_gui_journee.py needs pytest's
monkeypatch and log capture, and pytest-xvfb gives this process its own X display — two PCs, two
screens, one server.

What the copy does: waits until the other copy has opened its window (so both days run at the same
time), plays the day on its activity and its group's roll call, writes what it saved to
``<nom>.json`` in the meeting folder, then shows Aujourd'hui and waits — without touching anything —
until the screen says that the other copy's roll call is done (LISTEN/NOTIFY, then the refresh).
With ``ATELIER_POSTE_ATTEND`` set, the copy saves its roll call only once the other one looks at
Aujourd'hui, so that the other screen is seen changing by itself, whatever the machine's speed.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from atelier_app.domain.seances import Seance
from atelier_app.services.comptes import ComptesService
from tests.clavier import fermer_app, focus, ouvrir_app, touche

#: generous: two copies of the window and a server share a loaded 2-core machine
ATTENTE = 240.0


def _variable(nom: str) -> str:
    return os.environ.get(f"ATELIER_POSTE_{nom}", "")


pytestmark = [pytest.mark.gui,
              pytest.mark.skipif(not _variable("ADRESSE"), reason="lancé par tests/test_gui_deux_postes.py")]


def _pomper(app, condition, delai: float, quoi: str) -> None:
    """Keep the window alive (its queue is drained by after()) until ``condition()`` holds."""
    fin = time.monotonic() + delai
    while not condition():
        if time.monotonic() > fin:
            raise AssertionError(f"{_variable('NOM')} : attendu en vain pendant {delai:.0f} s : {quoi}")
        app.racine.update()
        time.sleep(0.02)


def _lignes_faites(ecran) -> list[str]:
    textes = []
    pile = list(ecran.cadre_jour.winfo_children())
    while pile:
        w = pile.pop()
        if w.winfo_class() == "TLabel" and "appel fait ✓" in str(w.cget("text")):
            textes.append(str(w.cget("text")))
        pile.extend(w.winfo_children())
    return textes


def test_un_poste(monkeypatch, tmp_path, caplog) -> None:
    from tests.test_gui_journee import jouer_la_journee

    caplog.set_level(logging.INFO)
    nom, autre = _variable("NOM"), _variable("AUTRE")
    rdv = Path(_variable("RENDEZ_VOUS"))
    monkeypatch.setattr(ComptesService, "hacheur", PasswordHasher(time_cost=1, memory_cost=1024))
    app = ouvrir_app(_variable("ADRESSE"), monkeypatch, connecte=None)  # type: ignore[arg-type]
    try:
        s = app.services
        distants: list[str] = []  # what the listener heard from the other copy (on its own thread)
        s.ctx.ecouteurs.append(
            lambda quoi: distants.append(quoi) if threading.current_thread().name == "atelier-ecoute" else None)
        (rdv / f"{nom}.pret").touch()
        _pomper(app, lambda: (rdv / f"{autre}.pret").exists() or (rdv / f"{autre}.fini").exists(), ATTENTE,
                f"la fenêtre de {autre}")

        def attendre_que_l_autre_regarde() -> None:
            """The other copy shows Aujourd'hui before this one saves its roll call: what it sees
            change then, nobody on that PC touching anything, can only come from the server."""
            _pomper(app, lambda: (rdv / f"{autre}.regarde").exists() or (rdv / f"{autre}.fini").exists(), ATTENTE,
                    f"{autre} devant l'écran Aujourd'hui")

        debut = time.monotonic()
        fait = jouer_la_journee(app, monkeypatch, tmp_path, activite=_variable("ACTIVITE"),
                                groupe_appel=_variable("GROUPE"), rang_venue=int(_variable("RANG") or 0),
                                avant_d_enregistrer_l_appel=attendre_que_l_autre_regarde
                                if _variable("ATTEND") else None)
        duree = time.monotonic() - debut
        resultat = {**fait, "display": os.environ.get("DISPLAY", ""), "duree": round(duree, 1)}
        provisoire = rdv / f"{nom}.json.tmp"
        provisoire.write_text(json.dumps(resultat), encoding="utf-8")
        provisoire.replace(rdv / f"{nom}.json")

        # the director looks at Aujourd'hui and waits: the other copy's roll call shows up by itself
        touche(focus(app), "<Control-Key-1>")
        accueil = app.ecrans["aujourdhui"]
        avant = len(_lignes_faites(accueil))
        du_jour = len(s.seances.aujourdhui().seances)
        (rdv / f"{nom}.regarde").touch()
        _pomper(app, lambda: (rdv / f"{autre}.json").exists() or (rdv / f"{autre}.fini").exists(), ATTENTE,
                f"la journée de {autre}")
        assert (rdv / f"{autre}.json").exists(), f"le poste {autre} s'est arrêté avant la fin de sa journée"
        sienne = json.loads((rdv / f"{autre}.json").read_text(encoding="utf-8"))

        def vue() -> bool:
            seance = s.depot.get(Seance, sienne["seance"])
            return seance.appel_fait and any(p.personne == sienne["venue"] for p in seance.presences)

        _pomper(app, vue, 60, f"l'appel de {autre} dans la copie de ce poste")
        _pomper(app, lambda: len(_lignes_faites(accueil)) == du_jour, 60,
                f"l'appel de {autre} à l'écran Aujourd'hui")
        if _variable("CAPTURE"):  # to look at this PC's screen (ATELIER_POSTE_CAPTURE=folder)
            from PIL import ImageGrab

            app.racine.update()
            ImageGrab.grab().save(Path(_variable("CAPTURE")) / f"{nom}.png")
        resultat.update(vu_a_l_ecran=_lignes_faites(accueil), faits_avant=avant, distants=sorted(set(distants)))
        (rdv / f"{nom}.fin.json").write_text(json.dumps(resultat), encoding="utf-8")

        erreurs = [m for m in app.messages if m[0] == "erreur"]
        assert not erreurs, erreurs
        assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
    finally:
        (rdv / f"{nom}.fini").touch()  # the other copy stops waiting for a day that will not come
        fermer_app(app)
