"""Long work off the Tk thread, results drained from a queue with ``after()``.

Why: a report at ten-year scale takes seconds; the window must keep answering and show progress.
Widgets are only touched from the Tk thread (in the callbacks below).

Why the cyclic garbage collector runs here, on the Tk thread only, while a window is open: dead
screens leave cycles holding Tk Variables and images, whose ``__del__`` calls Tcl. Left automatic,
the collector runs on whichever thread allocates past its threshold — a task, or the server's
listener applying another PC's save — and Tcl called from there fails or waits for the Tk thread,
which may be waiting for the store's lock that thread holds: the window freezes.
"""

from __future__ import annotations

import gc
import logging
import queue
import threading
import tkinter
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

DEGEL = 25  # tasks between two full collections of the frozen heap (see Taches._ramasser_avant_tache)


class Taches:
    def __init__(self, racine: tkinter.Misc, en_cas_erreur: Callable[[BaseException], None]) -> None:
        self.racine = racine
        self.file: queue.Queue[tuple[Callable[..., None], tuple[Any, ...]]] = queue.Queue()
        self.en_cas_erreur = en_cas_erreur
        self.en_cours = 0
        self._lancees = 0
        self._prochain: str | None = None
        self._ramasse_miettes_auto = gc.isenabled()
        gc.disable()  # collected by _ramasser, on this thread (see the module's docstring)
        # The store was loaded before the window: long-lived, frozen at once (no walk, no pause), so
        # that the first collections (and the first visit of Statistiques) do not walk it (issue 15).
        gc.freeze()
        self._vider()

    def sur_le_fil_tk(self, f: Callable[[str], None]) -> Callable[[str], None]:
        """``f`` called on the Tk thread only: called from another thread, the call is queued and
        made by the next drain of the queue (a service may signal a change from a background task)."""
        fil_tk = threading.get_ident()

        def relais(quoi: str) -> None:
            if threading.get_ident() == fil_tk:
                f(quoi)
            else:
                self.file.put((f, (quoi,)))

        return relais

    def lancer(
        self,
        travail: Callable[[Callable[[float, str], None]], Any],
        fini: Callable[[Any], None] | None = None,
        progression: Callable[[float, str], None] | None = None,
    ) -> threading.Thread:
        """Run ``travail(avancer)`` in a thread; ``fini(resultat)`` then runs on the Tk thread."""

        def avancer(fraction: float, texte: str = "") -> None:
            if progression is not None:
                self.file.put((progression, (fraction, texte)))

        def corps() -> None:
            try:
                resultat = travail(avancer)
            except BaseException as exc:
                self.file.put((self._fin_erreur, (exc,)))
            else:
                self.file.put((self._fin_ok, (fini, resultat)))

        # Dead Tk objects must be freed here, on the Tk thread: collected in the worker, each would
        # wait for the main loop (and Tcl may complain it is called from another thread).
        self._ramasser_avant_tache()
        self.en_cours += 1
        t = threading.Thread(target=corps, daemon=True, name="atelier-tache")
        t.start()
        return t

    def _ramasser_avant_tache(self) -> None:
        """The youngest garbage collected, then what survived is frozen: long-lived (the screens),
        the next collections no longer walk it. Without it each task walked the whole heap,
        300 000 objects at `grande`: 0.15 to 0.4 s of frozen window each time Statistiques
        computed (issue 15). Only the youngest generation here: the collector is off while the
        window is open, so the task's thread cannot collect anything, and a full walk before the
        first visit of Statistiques cost 80 ms of the 0.3 s a screen switch may take. Every
        ``DEGEL`` tasks (and when the window closes) everything is thawed and fully collected, so
        garbage made of once-frozen objects does not pile up."""
        self._lancees += 1
        if self._lancees % DEGEL == 0:
            gc.unfreeze()
            gc.collect()
        else:
            gc.collect(0)
        gc.freeze()

    def _fin_ok(self, fini: Callable[[Any], None] | None, resultat: Any) -> None:
        self.en_cours -= 1
        if fini is not None and not _orphelin(fini):
            fini(resultat)

    def _fin_erreur(self, exc: BaseException) -> None:
        self.en_cours -= 1
        self.en_cas_erreur(exc)

    def _ramasser(self) -> None:
        """The collector's own rule (a generation is collected once its count passes its threshold),
        applied on the Tk thread at each drain of the queue."""
        (n0, n1, n2), (s0, s1, s2) = gc.get_count(), gc.get_threshold()
        if s0 and n0 > s0:
            gc.collect(2 if n1 > s1 and n2 > s2 else 1 if n1 > s1 else 0)

    def _rendre_le_ramasse_miettes(self) -> None:
        gc.unfreeze()
        if self._ramasse_miettes_auto:
            gc.enable()
            self._ramasse_miettes_auto = False

    def _vider(self) -> None:
        self._ramasser()
        try:
            while True:
                f, args = self.file.get_nowait()
                if _orphelin(f):
                    continue
                try:
                    f(*args)
                except Exception as exc:  # a callback's error must not stop the polling
                    self.en_cas_erreur(exc)
        except queue.Empty:
            pass
        try:
            self._prochain = self.racine.after(50, self._vider)
        except tkinter.TclError:  # window destroyed: nobody left to collect here
            self._rendre_le_ramasse_miettes()

    def arreter(self) -> None:
        """Stop polling before the window goes, so Tk does not call into a destroyed interpreter;
        the collector is automatic again (the objects left are freed with the interpreter)."""
        gc.unfreeze()  # what the window leaves behind can be collected again
        gc.collect()
        self._rendre_le_ramasse_miettes()
        if self._prochain is not None:
            try:
                self.racine.after_cancel(self._prochain)
            except tkinter.TclError:
                pass
            self._prochain = None

    def attendre(self, delai: float = 30.0) -> None:
        """For tests: process callbacks until every task has finished."""
        import time

        fin = time.monotonic() + delai
        while self.en_cours and time.monotonic() < fin:
            self.racine.update()
            time.sleep(0.01)
        self.racine.update()


def _orphelin(f: Callable[..., Any]) -> bool:
    """A callback of a screen destroyed meanwhile (user changed): nothing left to show it on."""
    proprietaire = getattr(f, "__self__", None)
    if not isinstance(proprietaire, tkinter.Misc):
        return False
    try:
        return not proprietaire.winfo_exists()
    except tkinter.TclError:
        return True
