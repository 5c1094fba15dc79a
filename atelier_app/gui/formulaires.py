"""Small building blocks for forms and modal windows, so every dialog behaves the same.

Why: Escape cancels, Enter (or Ctrl+S) saves, focus starts on the first field, labels sit on the
left — the same everywhere, so a hesitant user learns it once.
"""

from __future__ import annotations

import tkinter
from collections.abc import Callable, Sequence
from typing import TypeVar

import ttkbootstrap as ttk

from atelier_app.gui.defilement import Defilement

W = TypeVar("W", bound=tkinter.Widget)


class Modale(ttk.Toplevel):
    """A modal window over the main one."""

    def __init__(self, parent: tkinter.Misc, titre: str) -> None:
        haut = parent.winfo_toplevel()
        super().__init__(title=titre, transient=haut, master=haut)
        self.resultat: object = None
        # The buttons are packed first so that they keep their room when the window is squeezed.
        self.boutons = ttk.Frame(self, padding=(16, 0, 16, 16))
        self.boutons.pack(fill="x", side="bottom")
        # the body scrolls when the window is capped at the screen (large text on a small screen)
        self.defilement = Defilement(self, demander=True)
        self.defilement.pack(fill="both", expand=True)
        self.corps = ttk.Frame(self.defilement.interieur, padding=16)
        self.corps.pack(fill="both", expand=True)
        self.bind("<Escape>", lambda _e: self.annuler())
        self.protocol("WM_DELETE_WINDOW", self.annuler)

    def bouton(self, texte: str, commande: Callable[[], None], principal: bool = False) -> ttk.Button:
        b = ttk.Button(self.boutons, text=texte, command=commande, bootstyle="primary" if principal else "secondary")
        b.pack(side="right", padx=(8, 0))
        return b

    def montrer(self, focus: tkinter.Misc | None = None, attendre: bool = True) -> object:
        from atelier_app.gui import polices

        polices.ajuster_colonnes(self)
        self.defilement.remesurer()
        # With large text a window can ask for more than the screen: keep it (and its buttons) on it.
        largeur = min(self.winfo_reqwidth(), self.winfo_screenwidth() - 40)
        hauteur = min(self.winfo_reqheight(), self.winfo_screenheight() - 80)
        x = y = 20
        parent = self.master.winfo_toplevel() if self.master else None
        if parent is not None and parent.winfo_ismapped():
            x = parent.winfo_rootx() + max(0, (parent.winfo_width() - largeur) // 2)
            y = parent.winfo_rooty() + max(0, (parent.winfo_height() - hauteur) // 3)
        x = max(0, min(x, self.winfo_screenwidth() - largeur))
        y = max(0, min(y, self.winfo_screenheight() - hauteur - 40))
        if (largeur, hauteur) != (self.winfo_reqwidth(), self.winfo_reqheight()):
            self.geometry(f"{largeur}x{hauteur}+{x}+{y}")
        elif parent is not None and parent.winfo_ismapped():
            self.geometry(f"+{x}+{y}")
        try:
            self.grab_set()
        except tkinter.TclError:
            pass
        (focus or self).focus_set()
        if attendre:
            self.wait_window(self)
        return self.resultat

    def annuler(self) -> None:
        self.resultat = None
        self.fermer()

    def fermer(self) -> None:
        try:
            self.grab_release()
        except tkinter.TclError:
            pass
        self.destroy()


def souple(label: W) -> W:
    """Wrap a label's text at its own width, which follows the window and the text size.

    Why: a fixed wrap length either cuts the end of a sentence (narrow window, large text) or leaves
    it in a short column. The label must be packed or gridded so that it fills its width.
    """
    def _sur_taille(evt) -> None:
        if evt.width > 40 and abs(int(str(label.cget("wraplength")) or 0) - (evt.width - 8)) > 4:
            label.configure(wraplength=evt.width - 8)

    label.bind("<Configure>", _sur_taille, add="+")
    if not str(label.cget("width")).strip() or str(label.cget("width")) == "0":
        # ask for little width: the label takes what its row gives and wraps there; asking for its
        # whole line would widen a scrolling screen to it, and it would then never narrow again
        label.configure(width=12)
    return label


def _chars(largeur: int) -> int:
    """A field's asked width in characters, the same in pixels whatever the text size: the field
    still stretches to its row, but a large text no longer makes the form wider than the screen."""
    from atelier_app.gui import polices

    return max(6, round(largeur / max(1.0, polices.facteur())))


class Grille:
    """Label + field rows in a two-column grid."""

    def __init__(self, parent: tkinter.Misc) -> None:
        self.cadre = ttk.Frame(parent)
        self.cadre.columnconfigure(1, weight=1)
        self.ligne = 0

    def champ(self, libelle: str, widget_factory: Callable[[tkinter.Misc], tkinter.Widget]) -> tkinter.Widget:
        ttk.Label(self.cadre, text=libelle).grid(row=self.ligne, column=0, sticky="w", padx=(0, 12), pady=4)
        w = widget_factory(self.cadre)
        w.grid(row=self.ligne, column=1, sticky="ew", pady=4)
        self.ligne += 1
        return w

    def texte(self, libelle: str, valeur: str = "", largeur: int = 30) -> ttk.Entry:
        var = tkinter.StringVar(value=valeur)
        e = self.champ(libelle, lambda p: ttk.Entry(p, textvariable=var, width=_chars(largeur)))
        e.var = var  # type: ignore[attr-defined]
        return e  # type: ignore[return-value]

    def choix(self, libelle: str, codes: dict[str, str], valeur: str | None) -> ttk.Combobox:
        """A read-only list of labels; ``code_de(widget)`` gives the stored code back."""
        libelles = list(codes.values())
        c = self.champ(libelle, lambda p: ttk.Combobox(p, values=libelles, state="readonly"))
        if valeur in codes:
            c.set(codes[valeur])  # type: ignore[attr-defined]
        c.codes = codes  # type: ignore[attr-defined]
        return c  # type: ignore[return-value]

    def case(self, libelle: str, valeur: bool = False) -> ttk.Checkbutton:
        var = tkinter.BooleanVar(value=valeur)
        c = self.champ("", lambda p: ttk.Checkbutton(p, text=libelle, variable=var))
        c.var = var  # type: ignore[attr-defined]
        return c  # type: ignore[return-value]

    def zone_texte(self, libelle: str, valeur: str = "", hauteur: int = 3) -> tkinter.Text:
        t = self.champ(libelle, lambda p: tkinter.Text(p, height=hauteur, width=_chars(30), wrap="word", undo=True))
        t.insert("1.0", valeur)  # type: ignore[attr-defined]
        t.bind("<Tab>", lambda e: (e.widget.tk_focusNext().focus_set(), "break")[1])
        t.bind("<Shift-Tab>", lambda e: (e.widget.tk_focusPrev().focus_set(), "break")[1])
        return t  # type: ignore[return-value]


def code_de(combo: ttk.Combobox, defaut: str | None = None) -> str | None:
    libelle = combo.get()
    for code, lib in combo.codes.items():  # type: ignore[attr-defined]
        if lib == libelle:
            return code
    return defaut


def valeur_texte(t: tkinter.Text) -> str:
    return t.get("1.0", "end").strip()


def liste(
    parent: tkinter.Misc, colonnes: Sequence[tuple[str, str, int]], hauteur: int = 15, selection: str = "browse"
) -> ttk.Treeview:
    """A Treeview with headings, widths and a scrollbar; columns are (key, heading, width)."""
    from atelier_app.gui import polices

    cadre = ttk.Frame(parent)
    hauteur = max(4, round(hauteur / max(1.0, polices.facteur())))  # large text: fewer rows, same room
    arbre = ttk.Treeview(cadre, columns=[c for c, _t, _w in colonnes], show="headings", height=hauteur,
                         selectmode=selection)
    for cle, titre, largeur in colonnes:
        arbre.heading(cle, text=titre, anchor="w")
        arbre.column(cle, width=largeur, anchor="w", stretch=True)
    barre = ttk.Scrollbar(cadre, orient="vertical", command=arbre.yview)
    travers = ttk.Scrollbar(cadre, orient="horizontal", command=arbre.xview)

    def _travers(debut: str, fin: str) -> None:
        """Columns wider than the list (large text): a sideways scrollbar, only then."""
        travers.set(debut, fin)
        utile = float(debut) > 0 or float(fin) < 1
        if utile and not travers.winfo_manager():
            travers.grid(row=1, column=0, sticky="ew")
        elif not utile and travers.winfo_manager():
            travers.grid_remove()

    arbre.configure(yscrollcommand=barre.set, xscrollcommand=_travers)
    arbre.grid(row=0, column=0, sticky="nsew")
    barre.grid(row=0, column=1, sticky="ns")
    cadre.rowconfigure(0, weight=1)
    cadre.columnconfigure(0, weight=1)
    arbre.cadre = cadre  # type: ignore[attr-defined]
    return arbre


def remplir(arbre: ttk.Treeview, lignes: Sequence[tuple[str, Sequence[object]]]) -> None:
    """Replace a Treeview's rows, keeping the selection and focus where the same ids remain."""
    selection = set(arbre.selection())
    focus = arbre.focus()
    arbre.delete(*arbre.get_children())
    for iid, valeurs in lignes:
        arbre.insert("", "end", iid=iid, values=[("" if v is None else v) for v in valeurs])
    garde = [i for i in selection if arbre.exists(i)]
    if garde:
        arbre.selection_set(garde)
    if focus and arbre.exists(focus):
        arbre.focus(focus)


def au_contenu(arbre: ttk.Treeview) -> None:
    """Widen each column to its longest value and heading, so that none is cut (the list scrolls
    sideways when the columns are wider than its room)."""
    from tkinter import font as tkfont

    arbre.au_contenu = True  # type: ignore[attr-defined]  # polices leaves its widths alone
    police = tkfont.nametofont("TkDefaultFont")
    titres = tkfont.nametofont("TkHeadingFont")
    lignes = [arbre.item(i, "values") for i in arbre.get_children()]
    for n, col in enumerate(arbre.cget("columns")):
        besoin = titres.measure(str(arbre.heading(col, "text"))) + 16
        for valeurs in lignes:
            if n < len(valeurs):
                besoin = max(besoin, police.measure(str(valeurs[n])) + 16)
        arbre.column(col, width=max(besoin, int(arbre.column(col, "width"))), minwidth=besoin)
    from atelier_app.gui import polices

    polices.borner_demande(arbre)


def premiere_ligne(arbre: ttk.Treeview) -> None:
    """Move keyboard focus into a list on its first (or selected) row."""
    enfants = arbre.get_children()
    if not enfants:
        return
    cible = arbre.focus() or (arbre.selection() or enfants)[0]
    arbre.focus_set()
    arbre.focus(cible)
    arbre.selection_set(cible)
    arbre.see(cible)


class BarreBoutons(ttk.Frame):
    """A row of buttons that wraps onto more lines when the window is narrow or the text is large.

    Why: with the text at 150 % a fixed row of six buttons runs off the window, and a button nobody
    can see is a feature nobody can use.
    """

    def __init__(self, parent: tkinter.Misc, ecart: int = 6) -> None:
        super().__init__(parent)
        self.ecart = ecart
        self.boutons: list[tkinter.Widget] = []
        self._largeur = 0
        self._prevu = False
        self.bind("<Configure>", self._sur_taille)

    def ajouter(self, texte: str, commande: Callable[[], object], principal: bool = False,
                style: str = "secondary") -> ttk.Button:
        b = ttk.Button(self, text=texte, command=commande, bootstyle="primary" if principal else style)
        return self.placer(b)

    def placer(self, widget: W) -> W:
        """Add any child of this bar (a frame holding a label and its field, for instance)."""
        self.boutons.append(widget)
        self.ranger_boutons(self._largeur or 10_000)
        if not self._prevu:  # a frame's own children are not laid out yet: measure again when idle
            self._prevu = True
            self.after_idle(self._ranger_plus_tard)
        return widget

    def _ranger_plus_tard(self) -> None:
        self._prevu = False
        self.ranger_boutons(self._largeur or 10_000)

    def _sur_taille(self, evt) -> None:
        if evt.width != self._largeur:
            self._largeur = evt.width
            self.ranger_boutons(evt.width)

    def ranger_boutons(self, largeur: int) -> None:
        x = y = hauteur_ligne = 0
        for b in self.boutons:
            w, h = b.winfo_reqwidth(), b.winfo_reqheight()
            if x and x + w > largeur:
                x, y, hauteur_ligne = 0, y + hauteur_ligne + 4, 0
            b.place(x=x, y=y)
            x += w + self.ecart
            hauteur_ligne = max(hauteur_ligne, h)
        self.configure(height=max(1, y + hauteur_ligne))
