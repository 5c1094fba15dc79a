"""The server's listener thread never finalises a Tk object (a Variable's __del__ calls Tcl).

Why it matters: dead screens leave reference cycles holding Tk Variables; Python's cyclic collector
runs on whichever thread happens to allocate when the counts pass their threshold — the listener
applying another PC's save is such a thread. Tcl called from there either fails ("main thread is
not in main loop", a warning seen once) or waits for the Tk thread, which may itself wait for the
store's lock the listener holds: the window freezes. The window therefore collects garbage on the
Tk thread only (gui/taches.py), and the listener only queues what it heard.
"""

from __future__ import annotations

import gc
import threading
import tkinter

import pytest

from atelier_app import assemblage
from atelier_app.domain.seances import Seance
from tests.clavier import fermer_app, ouvrir_app
from tests.serveur_processus import preparer

pytestmark = pytest.mark.gui


class _Dechet:
    """A screen's leftover: a cycle holding a Tk Variable, found only by the cyclic collector."""

    def __init__(self, racine: tkinter.Misc) -> None:
        self.moi = self
        self.var = tkinter.StringVar(racine, value="écran détruit")


def test_aucune_variable_tk_liberee_sur_le_fil_de_l_ecoute(base_serveur, monkeypatch) -> None:
    s = assemblage.ouvrir(base_serveur)
    try:
        seances = preparer(s)["initiation"]
        inscrits = s.activites.groupe("g-initiation").inscrits
    finally:
        assemblage.fermer(s)
    fils: list[str] = []
    liberer = tkinter.Variable.__del__

    def espion(var: tkinter.Variable) -> None:
        fils.append(threading.current_thread().name)
        if threading.current_thread() is threading.main_thread():
            liberer(var)  # off the Tk thread, calling Tcl is the very fault: only noted

    monkeypatch.setattr(tkinter.Variable, "__del__", espion)
    app = ouvrir_app(base_serveur, monkeypatch)  # type: ignore[arg-type]
    autre = assemblage.ouvrir(base_serveur)  # another PC
    seuils = gc.get_threshold()
    recu = threading.Event()
    app.services.ctx.ecouteurs.append(
        lambda _quoi: recu.set() if threading.current_thread().name == "atelier-ecoute" else None)
    try:
        for i, sid in enumerate(seances[:5]):
            recu.clear()
            autre.presences.enregistrer(sid, dict.fromkeys(inscrits, ("present", "absent")[i % 2]))
            # the Tk thread drops a dead screen's cycle, then waits (as when it sits in a dialog's
            # wait loop); the listener applying the other PC's save allocates past the threshold
            gc.set_threshold(40)
            gc.collect()
            _Dechet(app.racine)
            assert recu.wait(30), "l'écoute n'a rien entendu de l'autre poste"
            gc.set_threshold(*seuils)
            app.racine.update()
            assert app.services.depot.get(Seance, sid).appel_fait
        assert all(f == threading.main_thread().name for f in fils), fils
        app.racine.after(200, app.racine.quit)
        app.racine.mainloop()  # the window's own collection, on the Tk thread
        gc.collect()
        assert fils and all(f == threading.main_thread().name for f in fils), fils
    finally:
        gc.set_threshold(*seuils)
        assemblage.fermer(autre)
        fermer_app(app)
    # closed, the window leaves the context (which the listener reaches) no way back to its widgets
    assert not [f for f in app.services.ctx.ecouteurs if "sur_le_fil_tk" in getattr(f, "__qualname__", "")]
    assert gc.isenabled()  # and the collector is automatic again


def test_le_clavier_reste_sur_l_ecran_rafraichi_par_un_autre_poste(base_serveur, monkeypatch) -> None:
    """Another PC saves a roll call: Aujourd'hui is rebuilt, and Entrée still reaches a roll-call button."""
    import time

    s = assemblage.ouvrir(base_serveur)
    try:
        seances = preparer(s)["initiation"]
        seance = s.seances.seance(seances[0])
        inscrits = s.activites.groupe("g-initiation").inscrits
    finally:
        assemblage.fermer(s)
    app = ouvrir_app(base_serveur, monkeypatch)  # type: ignore[arg-type]
    autre = assemblage.ouvrir(base_serveur)
    try:
        app.services.ctx.aujourd_hui = lambda: seance.date
        ecran = app.aller("aujourdhui")
        app.racine.update()
        bouton = ecran.boutons_appel[0]
        bouton.focus_force()
        app.racine.update()
        assert app.racine.focus_get() is bouton
        autre.presences.enregistrer(seance.id, dict.fromkeys(inscrits, "present"))
        fin = time.monotonic() + 60
        while bouton.winfo_exists():  # rebuilt by the refresh, nobody touching this PC
            assert time.monotonic() < fin, "l'écran ne s'est pas rafraîchi"
            app.racine.update()
            time.sleep(0.02)
        app.racine.update()
        assert app.racine.focus_get() is ecran.boutons_appel[0]
    finally:
        assemblage.fermer(autre)
        fermer_app(app)
