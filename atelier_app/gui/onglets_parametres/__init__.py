"""Tabs of the Paramètres screen, one module per area: ``TITRE``, ``ORDRE``, ``construire(parent, app)``.

A tab may expose ``VISIBLE(app) -> bool`` to hide itself from roles that may not use it.
"""

from __future__ import annotations

import tkinter


def empiler(cadre: tkinter.Misc) -> None:
    """With large text, each label of a ``Grille`` above its field instead of beside it.

    Why: the tabs run down the left of Paramètres; at 200 % on 1366×768 a label column beside the
    fields made the page wider than the window, and it scrolled sideways. Stacked, the fields take
    the page's width. Nothing changes at the usual sizes.
    """
    from atelier_app.gui import polices

    if polices.facteur() <= 1.2:
        return
    places = [(w, int(w.grid_info()["row"]), int(w.grid_info()["column"])) for w in cadre.grid_slaves()]
    for w, ligne, colonne in places:  # read first: each move changes the rows read after it
        if colonne == 0:
            w.grid_configure(row=2 * ligne, column=0, columnspan=2, sticky="w", padx=0, pady=(6, 0))
        else:
            w.grid_configure(row=2 * ligne + 1, column=colonne - 1, pady=(0, 2))
    cadre.columnconfigure(0, weight=1)
    cadre.columnconfigure(1, weight=0)
