"""Helpers for GUI tests that play the app by keyboard: key presses, and answering modal windows.

Why polling with after(): a modal window waits in its own event loop (wait_window); the test can
only act on it from a callback scheduled before it opened.
"""

from __future__ import annotations

import tkinter
from collections.abc import Callable

from atelier_app.gui.formulaires import Modale


def touche(widget: tkinter.Misc, sequence: str) -> None:
    """Press a key on the widget that has the focus (as the user would), then let Tk settle."""
    widget.focus_force()
    widget.update()
    widget.event_generate(sequence)
    widget.update()


def focus(app) -> tkinter.Misc:
    return app.racine.focus_get() or app.racine


def modales(app) -> list[Modale]:
    trouves: list[Modale] = []
    pile = list(app.racine.winfo_children())
    while pile:
        w = pile.pop()
        if isinstance(w, Modale) and w.winfo_exists():
            trouves.append(w)
        pile.extend(w.winfo_children())
    return trouves


def quand_ouverte(app, classe: type, agir: Callable[[Modale], None], delai: int = 30, essais: int = 200) -> None:
    """When a window of ``classe`` opens, run ``agir`` on it (from inside its wait loop)."""

    def voir(reste: int) -> None:
        for m in modales(app):
            if isinstance(m, classe) and m.winfo_viewable():
                m.update()
                agir(m)
                return
        if reste:
            app.racine.after(delai, voir, reste - 1)

    app.racine.after(delai, voir, essais)


def saisir(entree: tkinter.Misc, texte: str) -> None:
    """Type into an entry key by key (its variable follows, as with a real keyboard)."""
    entree.focus_force()
    entree.update()
    for c in texte:
        sym = {" ": "space", "#": "numbersign", "@": "at", "-": "minus", ".": "period"}.get(c, c)
        entree.event_generate(f"<KeyPress-{sym}>")
    entree.update()
