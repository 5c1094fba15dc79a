"""A frame whose content scrolls when it needs more room than the window gives it.

Why: with the text at 150 % or 200 % on a 1366×768 screen, a form or a dialog asks for more height
(or width) than there is; packed in a plain frame its last fields and its « Enregistrer » button are
squeezed out of sight. Here the content always gets at least the size it asks for, and scrollbars
appear only when it is larger than the visible part.
"""

from __future__ import annotations

import tkinter

import ttkbootstrap as ttk


class Defilement(ttk.Frame):
    """Put the content in ``self.interieur``; it fills the visible part, or scrolls when larger."""

    def __init__(self, parent: tkinter.Misc, demander: bool = False, **options) -> None:
        """``demander``: ask the window for the content's whole size (a dialog, which its window
        then caps at the screen); otherwise take what the window gives (the main window's area)."""
        super().__init__(parent, **options)
        self.demander = demander
        self.toile = tkinter.Canvas(self, highlightthickness=0, borderwidth=0, width=1, height=1)
        self.vertical = ttk.Scrollbar(self, orient="vertical", command=self.toile.yview)
        self.horizontal = ttk.Scrollbar(self, orient="horizontal", command=self.toile.xview)
        self.toile.configure(yscrollcommand=self.vertical.set, xscrollcommand=self.horizontal.set)
        self.toile.grid(row=0, column=0, sticky="nsew")
        self.rowconfigure(0, weight=1)
        self.columnconfigure(0, weight=1)
        self.interieur = ttk.Frame(self.toile)
        self.interieur.defilement = self  # type: ignore[attr-defined]
        self._fenetre = self.toile.create_window(0, 0, window=self.interieur, anchor="nw")
        self._prevu = False
        self._passes = 0
        self._repos = False
        self._vues: list[tuple[int, int]] = []
        self._contenu: tuple[str, ...] = ()  # what the content showed at the last fit
        self.toile.bind("<Configure>", lambda _e: self._plus_tard())
        self.interieur.bind("<Configure>", lambda _e: self._plus_tard())
        self._molette()

    def _plus_tard(self) -> None:
        """Fit when idle; a few passes at most in a row: a label that wraps with the width and a
        scrollbar that comes and goes could otherwise chase each other for ever."""
        if self._prevu:
            return
        if self._passes >= 40:
            if not self._repos:
                self._repos = True
                self.after(300, self._reprendre)
            return
        self._prevu = True
        self.after_idle(self.ajuster)

    def _reprendre(self) -> None:
        self._passes, self._repos = 0, False

    def remesurer(self) -> None:
        """Fit again after the content changed what it asks for (Tk sends no event for that).

        Another content shown (the window's area on a change of screen) starts at its top: the
        previous screen's scrolled position hid the new one's title and first fields."""
        self._passes = 0
        contenu = tuple(str(w) for w in self.interieur.pack_slaves())
        if contenu != self._contenu:
            self._contenu = contenu
            self.toile.yview_moveto(0)
            self.toile.xview_moveto(0)
        self.toile.itemconfigure(self._fenetre, width=0, height=0)
        self.update_idletasks()
        self.ajuster()

    def ajuster(self) -> None:
        """Give the content max(visible size, asked size) and show the scrollbars it then needs."""
        self._prevu = False
        self._passes += 1
        try:
            visible_l, visible_h = self.toile.winfo_width(), self.toile.winfo_height()
            voulu_l, voulu_h = self.interieur.winfo_reqwidth(), self.interieur.winfo_reqheight()
        except tkinter.TclError:
            return
        if self.demander and (int(self.toile.cget("width")), int(self.toile.cget("height"))) != (voulu_l, voulu_h):
            self.toile.configure(width=voulu_l, height=voulu_h)
        if visible_l <= 1 or visible_h <= 1:
            return
        largeur, hauteur = max(visible_l, voulu_l), max(visible_h, voulu_h)
        # a scrollbar that appears narrows the content, which wraps and asks less, so the bar goes…:
        # when the sizes swing back, keep the larger of the two and stop there
        taille = (largeur, hauteur)
        if len(self._vues) >= 2 and taille == self._vues[-2] and taille != self._vues[-1]:
            largeur, hauteur = max(largeur, self._vues[-1][0]), max(hauteur, self._vues[-1][1])
            taille = (largeur, hauteur)
        self._vues = [*self._vues[-2:], taille]
        self.toile.itemconfigure(self._fenetre, width=largeur, height=hauteur)
        self.toile.configure(scrollregion=(0, 0, largeur, hauteur))
        self._barre(self.vertical, hauteur > visible_h, row=0, column=1, sticky="ns")
        self._barre(self.horizontal, largeur > visible_l, row=1, column=0, sticky="ew")
        if hauteur <= visible_h:
            self.toile.yview_moveto(0)
        if largeur <= visible_l:
            self.toile.xview_moveto(0)

    @staticmethod
    def _barre(barre: ttk.Scrollbar, utile: bool, **grille) -> None:
        if utile and not barre.winfo_manager():
            barre.grid(**grille)
        elif not utile and barre.winfo_manager():
            barre.grid_remove()

    def defile(self) -> bool:
        """True when the content is larger than what shows (a scrollbar is there)."""
        return bool(self.vertical.winfo_manager() or self.horizontal.winfo_manager())

    def montrer(self, widget: tkinter.Misc) -> None:
        """Scroll so that ``widget`` (inside the content) is in view (keyboard focus follows it)."""
        try:
            self.update_idletasks()
            y = widget.winfo_rooty() - self.interieur.winfo_rooty()
            x = widget.winfo_rootx() - self.interieur.winfo_rootx()
            total_h, total_l = self.interieur.winfo_height(), self.interieur.winfo_width()
            vu_h, vu_l = self.toile.winfo_height(), self.toile.winfo_width()
        except tkinter.TclError:
            return
        haut, gauche = self.toile.canvasy(0), self.toile.canvasx(0)
        h, w = widget.winfo_height(), widget.winfo_width()
        if total_h > vu_h and (y < haut or y + h > haut + vu_h):
            self.toile.yview_moveto(max(0, min(y - 8, total_h - vu_h)) / total_h)
        if total_l > vu_l and (x < gauche or x + w > gauche + vu_l):
            self.toile.xview_moveto(max(0, min(x - 8, total_l - vu_l)) / total_l)

    def _molette(self) -> None:
        """The wheel scrolls the content under the pointer (bound on this frame's widgets only)."""
        def molette(evt) -> None:
            if not self.vertical.winfo_manager():
                return
            pas = -1 if (getattr(evt, "delta", 0) > 0 or evt.num == 4) else 1
            self.toile.yview_scroll(pas, "units")

        for seq in ("<MouseWheel>", "<Button-4>", "<Button-5>"):
            self.toile.bind(seq, molette, add="+")
            self.interieur.bind(seq, molette, add="+")


def defilement_de(widget: tkinter.Misc) -> Defilement | None:
    """The scrolling frame a widget sits in, if any."""
    w: tkinter.Misc | None = widget
    while w is not None:
        d = getattr(w, "defilement", None)
        if isinstance(d, Defilement):
            return d
        w = w.master
    return None


def suivre_focus(racine: tkinter.Misc) -> None:
    """When Tab moves the keyboard focus onto a field out of sight, scroll it into view."""
    def au_focus(evt) -> None:
        w = evt.widget
        if not isinstance(w, tkinter.Misc):
            return
        d = defilement_de(w)
        if d is not None and d.defile():
            d.montrer(w)

    racine.bind_class("TEntry", "<FocusIn>", au_focus, add="+")
    racine.bind_class("TCombobox", "<FocusIn>", au_focus, add="+")
    racine.bind_class("TButton", "<FocusIn>", au_focus, add="+")
    racine.bind_class("Text", "<FocusIn>", au_focus, add="+")
    racine.bind_class("Treeview", "<FocusIn>", au_focus, add="+")
    racine.bind_class("TCheckbutton", "<FocusIn>", au_focus, add="+")
