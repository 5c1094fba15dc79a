"""Paramètres: the centre, text size, backups — and one tab per area that has settings."""

from __future__ import annotations

import importlib
import logging
import pkgutil
import tkinter

import ttkbootstrap as ttk

from atelier_app.gui import onglets_parametres, polices
from atelier_app.gui.ecran import Ecran

log = logging.getLogger(__name__)


def onglets() -> list:
    mods = [importlib.import_module(f"{onglets_parametres.__name__}.{i.name}")
            for i in pkgutil.iter_modules(onglets_parametres.__path__)]
    return sorted(mods, key=lambda m: getattr(m, "ORDRE", 50))


def _titre(titre: str, grand: bool) -> str:
    """A tab's title, on two lines at large text sizes when it has two words or more."""
    if not grand or " " not in titre:
        return titre
    debut, fin = titre.split(" ", 1)
    return f"{debut}\n{fin}"


class EcranParametres(Ecran):
    titre = "Paramètres"

    def construire(self) -> None:
        # Tabs down the left side: eight of them no longer fit across when the text is enlarged.
        style = ttk.Style()
        style.configure("Gauche.TNotebook", tabposition="wn")
        # With large text the tabs' column gives the pages room: a long title goes on two lines.
        grand = polices.facteur() > 1.2
        style.configure("Gauche.TNotebook.Tab", width=0 if grand else 20, anchor="w", padding=(10, 6))
        # The chosen tab must stand out, and more still when it has the keyboard focus.
        couleurs = style.colors
        style.map("Gauche.TNotebook.Tab", background=[("selected", couleurs.primary)],
                  foreground=[("selected", couleurs.selectfg)],
                  font=[("focus", "AtelierGras")])
        self.notebook = ttk.Notebook(self, style="Gauche.TNotebook")
        self.notebook.pack(fill="both", expand=True)
        # Each tab is built when first chosen: building the ten at once made the first visit take
        # 0.2 to 0.3 s at `grande` (issue 15). Until then the tab holds an empty frame.
        self._a_construire: dict[str, object] = {}
        for mod in onglets():
            if hasattr(mod, "VISIBLE") and not mod.VISIBLE(self.app):
                continue
            attente = ttk.Frame(self.notebook)
            self.notebook.add(attente, text=_titre(mod.TITRE, grand))
            self._a_construire[str(attente)] = mod
        self.notebook.bind("<<NotebookTabChanged>>", lambda _e: self._construire_choisi(), add="+")
        self.notebook.enable_traversal()
        self._construire_choisi()

    def _construire_choisi(self) -> None:
        choisi = self.notebook.select()
        if choisi and str(choisi) in self._a_construire:
            self._construire_onglet(str(choisi))

    def _construire_onglet(self, nom: str) -> tkinter.Misc:
        """Build a tab's page and put it in the place of its empty frame."""
        mod = self._a_construire.pop(nom)
        attente = self.notebook.nametowidget(nom)
        try:
            page = mod.construire(self.notebook, self.app)  # type: ignore[attr-defined]
        except Exception as exc:
            log.exception("Onglet de paramètres %s", mod.__name__)  # type: ignore[attr-defined]
            page = ttk.Label(self.notebook, text=f"Impossible d'afficher cet onglet : {exc}", padding=12)
        choisi = str(self.notebook.select()) == nom
        self.notebook.insert(self.notebook.index(attente), page, text=self.notebook.tab(attente, "text"))
        if choisi:
            self.notebook.select(page)
        self.notebook.forget(attente)
        attente.destroy()
        polices.ajuster_colonnes(page)  # what the window does for a screen, done here for a late tab
        if self.winfo_ismapped():
            self.app.defilement.remesurer()
        return page

    @property
    def pages(self) -> list[tkinter.Misc]:
        """Every tab's page, those not chosen yet built now (for code looking for one page)."""
        for nom in list(self._a_construire):
            self._construire_onglet(nom)
        return [self.notebook.nametowidget(t) for t in self.notebook.tabs()]

    def rafraichir(self) -> None:
        for t in self.notebook.tabs():
            if str(t) in self._a_construire:
                continue  # built later, and fresh then
            page = self.notebook.nametowidget(t)
            if hasattr(page, "rafraichir"):
                page.rafraichir()

    def premier_focus(self) -> tkinter.Misc:
        return self.notebook
