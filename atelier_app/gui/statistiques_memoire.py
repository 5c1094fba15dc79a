"""The figures of the Statistiques screen, kept between visits until the data changes.

Why: at ten-year scale a year's figures take a noticeable time to compute, and the screen used to
compute them again at every visit (0.3 to 0.5 s of frozen window at `grande`, issue 15). The data
only changes through the services, and every change is told by ``ctx.signaler`` (each service
after its write, other PCs through the server's listener): a change starts a new version and the
figures of older versions are dropped. Kept per window's services, so a screen rebuilt after a
change of user shows them at once too; the role is part of the key all the same.
"""

from __future__ import annotations

import threading
import tkinter
import weakref
from collections.abc import Callable, Hashable
from typing import Any

GARDEES = 24  # periods × activities kept at once (a year's figures weigh a few hundred kB)
_MEMOIRES: weakref.WeakKeyDictionary[Any, Memoire] = weakref.WeakKeyDictionary()


class Memoire:
    """Computed figures by (version of the data, what was asked); any change empties it."""

    def __init__(self, ctx: Any) -> None:
        self.version = 0
        self._figures: dict[tuple, Any] = {}
        self._attentes: dict[tuple, list[Callable[[Any, tuple], None]]] = {}  # computations running
        self._verrou = threading.Lock()
        # first in the list: the window's own listener refreshes the screen on view, which must
        # then find the figures already out of date, not serve the old ones
        ctx.ecouteurs.insert(0, self.changement)

    def changement(self, _quoi: str = "") -> None:
        """Called by ``ctx.signaler`` on any thread (a background task may save)."""
        with self._verrou:
            self.version += 1
            self._figures.clear()
            self._attentes.clear()  # what they compute is out of date: their screens ask again

    def cle(self, *demande: Hashable) -> tuple:
        """The key of a computation asked now: the current version first."""
        with self._verrou:
            return (self.version, *demande)

    def lire(self, cle: tuple) -> Any | None:
        with self._verrou:
            return self._figures.get(cle)

    def garder(self, cle: tuple, figures: Any) -> None:
        """Keep figures computed under ``cle``, unless the data changed while they were computed."""
        with self._verrou:
            if cle[0] == self.version:
                if len(self._figures) >= GARDEES:  # the oldest asked goes first
                    self._figures.pop(next(iter(self._figures)))
                self._figures[cle] = figures

    def rejoindre(self, cle: tuple, rappel: Callable[[Any, tuple], None]) -> bool:
        """When figures for ``cle`` are being computed, ``rappel(figures, cle)`` will get them (a
        screen rebuilt meanwhile joins the running computation instead of starting another one)."""
        with self._verrou:
            if cle not in self._attentes:
                return False
            self._attentes[cle].append(rappel)
            return True

    def commencer(self, cle: tuple, rappel: Callable[[Any, tuple], None]) -> None:
        with self._verrou:
            self._attentes.setdefault(cle, []).append(rappel)

    def abandonner(self, cle: tuple) -> None:
        """The computation failed (its error is shown): the next visit tries again."""
        with self._verrou:
            self._attentes.pop(cle, None)

    def finir(self, cle: tuple, figures: Any) -> None:
        """On the Tk thread: keep the figures and hand them to every screen still there that waits."""
        self.garder(cle, figures)
        with self._verrou:
            rappels = self._attentes.pop(cle, [])
        for rappel in rappels:
            ecran = getattr(rappel, "__self__", None)
            try:
                if isinstance(ecran, tkinter.Misc) and not ecran.winfo_exists():
                    continue  # destroyed meanwhile (user changed)
            except tkinter.TclError:
                continue
            rappel(figures, cle)

    def a_jour(self, cle: tuple | None) -> bool:
        """True when figures computed under ``cle`` still describe the data."""
        with self._verrou:
            return cle is not None and cle[0] == self.version


def memoire(services: Any) -> Memoire:
    """The memory of a window's services (made on first use)."""
    m = _MEMOIRES.get(services)
    if m is None:
        m = _MEMOIRES[services] = Memoire(services.ctx)
    return m
