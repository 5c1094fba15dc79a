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
_facteur = 1.0
_largeurs: dict[tuple[str, str], int] = {}  # (tree, column) → width designed at 100 %
_gardees: dict[str, tkfont.Font] = {}  # a named Font is deleted when its Python object is collected


def facteur() -> float:
    """The current text size as a ratio (1.0 at 100 %), for layouts that must change with it."""
    return _facteur


def ajuster_colonnes(widget: tkinter.Misc) -> None:
    """Scale the columns of every list under ``widget`` to the text size (widths are in pixels)."""
    pile = [widget]
    while pile:
        w = pile.pop()
        try:
            enfants = w.winfo_children()
        except tkinter.TclError:
            continue
        pile.extend(enfants)
        ranger = getattr(w, "ranger_boutons", None)  # BarreBoutons: the buttons' sizes follow the text
        if ranger is not None:
            w.after_idle(lambda w=w, r=ranger: r(w.winfo_width() if w.winfo_width() > 1 else 10_000))
        if w.winfo_class() != "Treeview":
            continue
        for col in ("#0", *w.cget("columns")):
            cle = (str(w), col)
            if cle not in _largeurs:
                _largeurs[cle] = int(w.column(col, "width"))
            w.column(col, width=round(_largeurs[cle] * _facteur))


def appliquer(racine: tkinter.Misc, pourcent: int) -> None:
    global _facteur
    _facteur = pourcent / 100
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
    ajuster_colonnes(racine)


TITRE = "AtelierTitre"
GRAS = "AtelierGras"
