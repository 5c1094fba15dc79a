"""Paramètres: the centre, text size, backups — and one tab per area that has settings."""

from __future__ import annotations

import importlib
import logging
import pkgutil
import tkinter

import ttkbootstrap as ttk

from atelier_app.gui import onglets_parametres
from atelier_app.gui.ecran import Ecran

log = logging.getLogger(__name__)


def onglets() -> list:
    mods = [importlib.import_module(f"{onglets_parametres.__name__}.{i.name}")
            for i in pkgutil.iter_modules(onglets_parametres.__path__)]
    return sorted(mods, key=lambda m: getattr(m, "ORDRE", 50))


class EcranParametres(Ecran):
    titre = "Paramètres"

    def construire(self) -> None:
        # Tabs down the left side: eight of them no longer fit across when the text is enlarged.
        style = ttk.Style()
        style.configure("Gauche.TNotebook", tabposition="wn")
        style.configure("Gauche.TNotebook.Tab", width=20, anchor="w", padding=(10, 6))
        # The chosen tab must stand out, and more still when it has the keyboard focus.
        couleurs = style.colors
        style.map("Gauche.TNotebook.Tab", background=[("selected", couleurs.primary)],
                  foreground=[("selected", couleurs.selectfg)],
                  font=[("focus", "AtelierGras")])
        self.notebook = ttk.Notebook(self, style="Gauche.TNotebook")
        self.notebook.pack(fill="both", expand=True)
        self.pages: list[tkinter.Misc] = []
        for mod in onglets():
            if hasattr(mod, "VISIBLE") and not mod.VISIBLE(self.app):
                continue
            try:
                page = mod.construire(self.notebook, self.app)
            except Exception as exc:
                log.exception("Onglet de paramètres %s", mod.__name__)
                page = ttk.Label(self.notebook, text=f"Impossible d'afficher cet onglet : {exc}", padding=12)
            self.notebook.add(page, text=mod.TITRE)
            self.pages.append(page)
        self.notebook.enable_traversal()

    def rafraichir(self) -> None:
        for page in self.pages:
            if hasattr(page, "rafraichir"):
                page.rafraichir()

    def premier_focus(self) -> tkinter.Misc:
        return self.notebook
