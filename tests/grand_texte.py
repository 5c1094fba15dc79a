"""What « usable at 200 % on 1366×768 » means, checked widget by widget (used by the GUI tests).

A widget holding text or input is usable when, once its scrolling area (if any) is scrolled to it,
it lies inside its window and inside every frame that holds it (Tk clips children to their parent),
with at least the size its text asks for (labels and buttons) or a few characters (fields).
"""

from __future__ import annotations

import tkinter

TEXTE = {"TLabel", "Label", "TButton", "Button", "TCheckbutton", "TRadiobutton", "TMenubutton"}
SAISIE = {"TEntry", "Entry", "TCombobox", "TSpinbox", "Text", "Listbox", "Treeview"}


def _rect(w: tkinter.Misc) -> tuple[int, int, int, int]:
    x, y = w.winfo_rootx(), w.winfo_rooty()
    return x, y, x + w.winfo_width(), y + w.winfo_height()


def _dedans(a, b, marge: int = 1) -> bool:
    return a[0] >= b[0] - marge and a[1] >= b[1] - marge and a[2] <= b[2] + marge and a[3] <= b[3] + marge


def _a_du_texte(w: tkinter.Misc) -> bool:
    try:
        return bool(str(w.cget("text")).strip()) or bool(str(w.cget("image")).strip())
    except tkinter.TclError:
        return True


def widgets(haut: tkinter.Misc) -> list[tkinter.Misc]:
    """Viewable widgets holding text or input in a window (hidden tabs and dialogs excluded)."""
    out, pile = [], [haut]
    while pile:
        w = pile.pop()
        for e in w.winfo_children():
            if isinstance(e, tkinter.Toplevel) or not e.winfo_viewable():
                continue
            pile.append(e)
            classe = e.winfo_class()
            if classe in SAISIE or (classe in TEXTE and _a_du_texte(e)):
                out.append(e)
    return out


def _toile(w: tkinter.Misc) -> tkinter.Canvas | None:
    """The innermost scrolling canvas a widget sits in (Defilement, or a dialog's own)."""
    a = w.master
    while a is not None:
        if isinstance(a.master, tkinter.Canvas):
            return a.master
        a = a.master
    return None


def _faire_voir(w: tkinter.Misc) -> None:
    """Scroll every canvas holding the widget so that it shows, innermost first (as Tab would)."""
    a = w.master
    while a is not None:
        toile = a.master
        if isinstance(toile, tkinter.Canvas):
            toile.update_idletasks()
            for _axe, debut, taille, vue, deplacer in (
                    ("y", w.winfo_rooty() - a.winfo_rooty(), a.winfo_height(), toile.winfo_height(), toile.yview_moveto),
                    ("x", w.winfo_rootx() - a.winfo_rootx(), a.winfo_width(), toile.winfo_width(), toile.xview_moveto)):
                if taille > vue > 1:
                    deplacer(max(0, min(debut - 8, taille - vue)) / taille)
        a = a.master


def problemes(haut: tkinter.Misc, ou: str) -> list[str]:
    """Every widget of ``haut`` that is cut, squeezed or outside the window, in words."""
    for _ in range(4):  # a label that wraps to its new width asks for another layout pass
        haut.update_idletasks()
    fenetre = _rect(haut)
    ecran = (0, 0, haut.winfo_screenwidth(), haut.winfo_screenheight())
    trouves = []
    if not _dedans(fenetre, ecran):
        trouves.append(f"{ou} : la fenêtre {fenetre} dépasse l'écran {ecran[2]}×{ecran[3]}")
    for w in widgets(haut):
        _faire_voir(w)
        haut.update_idletasks()
        r = _rect(w)
        toile = _toile(w)
        if w.winfo_class() in SAISIE and toile is not None and w.winfo_height() > toile.winfo_height():
            # a list taller than the visible part scrolls with the page: its width must fit
            r = (r[0], r[1], r[2], r[1] + 1)
        texte = ""
        try:
            texte = str(w.cget("text"))[:40]
        except tkinter.TclError:
            pass
        nom = f"{ou} : {w.winfo_class()} « {texte} » ({w})"
        if not _dedans(r, fenetre):
            trouves.append(f"{nom} hors de la fenêtre {r} / {fenetre}")
            continue
        parent = w.master
        while parent is not None and parent is not haut:
            if isinstance(parent.master, tkinter.Canvas):  # the content of a scrolling area
                if not _dedans(r, _rect(parent.master)):
                    trouves.append(f"{nom} hors de la partie visible")
                break
            if not _dedans(r, _rect(parent)):
                trouves.append(f"{nom} coupé par {parent.winfo_class()} {parent}")
                break
            parent = parent.master
        classe = w.winfo_class()
        if classe in TEXTE and w.winfo_width() < w.winfo_reqwidth() - 2:
            trouves.append(f"{nom} rétréci : {w.winfo_width()} px pour {w.winfo_reqwidth()}")
        elif classe in TEXTE and w.winfo_height() < w.winfo_reqheight() - 2:
            trouves.append(f"{nom} écrasé : {w.winfo_height()} px pour {w.winfo_reqheight()}")
        elif classe in SAISIE and (w.winfo_width() < 60 or w.winfo_height() < 20):
            trouves.append(f"{nom} trop petit : {w.winfo_width()}×{w.winfo_height()}")
    return trouves
