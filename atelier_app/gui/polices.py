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
        if w.winfo_class() == "TLabel":
            _envelopper(w)
        elif w.winfo_class() == "Text":
            _zone_bornee(w)
        elif w.winfo_class() in ("TFrame", "TLabelframe") and _facteur > 1.2:
            _rangee_souple(w)
        if w.winfo_class() != "Treeview":
            continue
        if getattr(w, "au_contenu", False):
            borner_demande(w)
            continue
        for col in ("#0", *w.cget("columns")):
            cle = (str(w), col)
            if cle not in _largeurs:
                _largeurs[cle] = int(w.column(col, "width"))
            # minwidth too: a list narrower than its columns scrolls sideways instead of cutting them
            largeur = round(_largeurs[cle] * _facteur)
            w.column(col, width=largeur, minwidth=largeur)
        borner_demande(w)


#: widest a list asks to be; wider columns scroll sideways inside it instead of widening the screen
LARGEUR_LISTE = 440
#: text that warns, on the light theme: the theme's « warning » amber reads at 2:1 on white, this one at 7:1
AVERTISSEMENT = "#7a4b00"


def borner_demande(arbre: tkinter.Misc, plafond: int | None = None) -> None:
    """A list asks for at most LARGEUR_LISTE pixels (it still takes all the room it is given)."""
    plafond = plafond or getattr(arbre, "plafond", None) or LARGEUR_LISTE
    cadre = arbre.master
    if any(e.winfo_class() not in ("Treeview", "TScrollbar") for e in cadre.winfo_children()):
        return  # the frame holds more than the list and its scrollbars: its size is not the list's
    total = sum(int(arbre.column(c, "width")) for c in arbre.cget("columns")) + 4
    if "tree" in str(arbre.cget("show")):
        total += int(arbre.column("#0", "width"))
    if total <= plafond:
        cadre.grid_propagate(True)
        cadre.pack_propagate(True)
        return
    cadre.update_idletasks()
    cadre.grid_propagate(False)
    cadre.pack_propagate(False)
    cadre.configure(width=plafond, height=max(cadre.winfo_reqheight(), arbre.winfo_reqheight() + 24))


def _zone_bornee(zone: tkinter.Misc) -> None:
    """A text area asks for the same pixels at any text size (its width is in characters): it
    still stretches to its room, but no longer makes a form wider than the screen."""
    base = getattr(zone, "_largeur_base", None)
    if base is None:
        base = int(zone.cget("width"))
        zone._largeur_base = base  # type: ignore[attr-defined]
    zone.configure(width=max(10, round(base / max(1.0, _facteur))))


def _prend_la_largeur(w: tkinter.Misc) -> bool:
    """Whether the widget is stretched across its line (packed filling x, or gridded sticky e and w):
    only then can what it holds wrap at that width."""
    gestion = w.winfo_manager()
    if gestion == "pack":
        return w.pack_info().get("fill") in ("x", "both")
    if gestion == "grid":
        collant = str(w.grid_info().get("sticky", ""))
        return "e" in collant and "w" in collant
    return False


def _rangee_souple(cadre: tkinter.Misc) -> None:
    """With large text, a row of widgets packed side by side wraps onto more lines when it is wider
    than its room (as BarreBoutons does), instead of pushing its last buttons off the screen."""
    if getattr(cadre, "_rangee", False) or getattr(cadre, "ranger_boutons", None) is not None:
        return
    enfants = cadre.pack_slaves()
    if len(enfants) < 2 or cadre.grid_slaves() or cadre.place_slaves():
        return
    try:  # only a row that takes its line's width can wrap within it
        if not _prend_la_largeur(cadre):
            return
    except tkinter.TclError:
        return
    infos = [e.pack_info() for e in enfants]
    if any(i.get("side") != "left" or str(i.get("expand")) in ("1", "true") for i in infos):
        return
    cadre._rangee = True  # type: ignore[attr-defined]
    for e in enfants:
        e.pack_forget()

    def ranger(largeur: int) -> None:
        x = y = hauteur_ligne = 0
        for e in enfants:
            w, h = e.winfo_reqwidth(), e.winfo_reqheight()
            if x and x + w > largeur:
                x, y, hauteur_ligne = 0, y + hauteur_ligne + 4, 0
            e.place(x=x, y=y)
            x += w + 8
            hauteur_ligne = max(hauteur_ligne, h)
        cadre.configure(height=max(1, y + hauteur_ligne))

    ranger(10_000)
    cadre.bind("<Configure>", lambda evt: ranger(evt.width), add="+")


def _envelopper(label: tkinter.Misc) -> None:
    """A long label that fills its width wraps at that width (large text would push it off screen)."""
    if getattr(label, "_souple", False) or len(str(label.cget("text"))) < 40 or str(label.cget("wraplength")) not in ("", "0"):
        return
    try:
        if label.winfo_manager() == "pack":
            info = label.pack_info()
            if info.get("side") in ("top", "bottom") and info.get("fill") in ("none", "y", None):
                # alone on its line: it may take the line's width, and wrap there
                label.pack_configure(fill="x" if info.get("fill") != "y" else "both")
        remplit = _prend_la_largeur(label)
    except tkinter.TclError:
        return
    if remplit:
        from atelier_app.gui.formulaires import souple

        label._souple = True  # type: ignore[attr-defined]
        souple(label)


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
