"""Text size: every named Tk font scaled from its size at start, so one setting enlarges everything.

Why named fonts: ttk widgets and ttkbootstrap's styles refer to them by name, so changing the named
font resizes every widget already on screen without rebuilding it.
"""

from __future__ import annotations

import tkinter
from tkinter import font as tkfont

import ttkbootstrap as ttk

NOMS = ("TkDefaultFont", "TkTextFont", "TkHeadingFont", "TkMenuFont", "TkFixedFont", "TkCaptionFont",
        "TkSmallCaptionFont", "TkIconFont", "TkTooltipFont")

_bases: dict[str, int] = {}
_gardees: dict[str, tkfont.Font] = {}  # a named Font is deleted when its Python object is collected


def appliquer(racine: tkinter.Misc, pourcent: int) -> None:
    for nom in NOMS:
        try:
            f = tkfont.nametofont(nom, root=racine)
        except tkinter.TclError:
            continue
        if nom not in _bases:
            taille = int(f.cget("size"))
            _bases[nom] = taille if taille != 0 else 10
        base = _bases[nom]
        signe = -1 if base < 0 else 1
        f.configure(size=signe * max(6, round(abs(base) * pourcent / 100)))
    defaut = tkfont.nametofont("TkDefaultFont", root=racine)
    taille_titre = round(abs(int(defaut.cget("size"))) * 1.5)
    for nom, taille, poids in (("AtelierTitre", taille_titre, "bold"),
                               ("AtelierGras", abs(int(defaut.cget("size"))), "bold")):
        if nom in tkfont.names(root=racine):
            tkfont.nametofont(nom, root=racine).configure(size=taille, weight=poids)
        else:
            _gardees[nom] = tkfont.Font(root=racine, name=nom, family=defaut.cget("family"), size=taille, weight=poids)
    hauteur = defaut.metrics("linespace")
    style = ttk.Style()
    style.configure("Treeview", rowheight=int(hauteur * 1.6))


TITRE = "AtelierTitre"
GRAS = "AtelierGras"
