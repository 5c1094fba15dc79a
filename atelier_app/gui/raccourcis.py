"""Keyboard shortcuts of the main window's screens: owned by a widget, alive as long as it is.

Why not Tk's ``bind_all``: a binding on the "all" tag outlives the screen that made it (after
« Changer d'utilisateur » the screens are destroyed and every later key press raised
``TclError: bad window path name``), and it fires in every window, so Ctrl+S in a dialog also
saved the form behind it. Here one binding per key sits on the main window's own tag: it only
sees key presses made in the main window (a dialog is another toplevel), and runs the action of
the owner that is on screen, forgetting owners that were destroyed.
"""

from __future__ import annotations

import tkinter
from collections.abc import Callable

Table = dict[str, list[tuple[tkinter.Misc, Callable[[tkinter.Event], object]]]]


def _table(haut: tkinter.Misc) -> Table:
    """sequence → [(owner, action)], most recent last; kept on the toplevel object itself, so a new
    main window (tests open many in one process) starts with none."""
    table = getattr(haut, "_atelier_raccourcis", None)
    if table is None:
        table = {}
        haut._atelier_raccourcis = table  # type: ignore[attr-defined]
    return table


def _vivant(w: tkinter.Misc) -> bool:
    try:
        return bool(w.winfo_exists())
    except tkinter.TclError:
        return False


def _visible(w: tkinter.Misc) -> bool:
    try:
        return bool(w.winfo_viewable())
    except tkinter.TclError:
        return False


def lier(proprietaire: tkinter.Misc, sequence: str, action: Callable[[tkinter.Event], object]) -> None:
    """Run ``action(event)`` when ``sequence`` is pressed in the owner's window
    while the owner is on screen; the shortcut disappears with the owner."""
    haut = proprietaire.winfo_toplevel()
    table = _table(haut)
    if sequence not in table:
        table[sequence] = []
        haut.bind(sequence, lambda e, h=haut, s=sequence: _declencher(h, s, e), add="+")
    table[sequence].append((proprietaire, action))


def _declencher(haut: tkinter.Misc, sequence: str, event: tkinter.Event) -> None:
    """The most recent owner on screen acts (a tab's shortcut before its screen's)."""
    entrees = _table(haut).get(sequence, [])
    entrees[:] = [(w, a) for w, a in entrees if _vivant(w)]
    for w, action in reversed(entrees):
        if _visible(w):
            action(event)
            return


def proprietaires(haut: tkinter.Misc) -> list[tkinter.Misc]:
    """The widgets holding shortcuts of a toplevel, dead ones included (tests check none is left)."""
    return [w for entrees in _table(haut).values() for w, _a in entrees]
