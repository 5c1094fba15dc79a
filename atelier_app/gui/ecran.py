"""What every screen of the main window is: a frame that can refresh and say where focus starts."""

from __future__ import annotations

import tkinter
from typing import TYPE_CHECKING

import ttkbootstrap as ttk

from atelier_app.gui import polices, raccourcis
from atelier_app.gui.formulaires import souple

if TYPE_CHECKING:
    from atelier_app.gui.app import AtelierApp


class Ecran(ttk.Frame):
    titre = ""
    aide = ""

    def __init__(self, parent: tkinter.Misc, app: AtelierApp) -> None:
        super().__init__(parent, padding=16)
        self.app = app
        self.services = app.services
        entete = ttk.Frame(self)
        entete.pack(fill="x", pady=(0, 8))
        ttk.Label(entete, text=self.titre, font=polices.TITRE).pack(side="left")
        if self.aide:
            souple(ttk.Label(self, text=self.aide, wraplength=900, justify="left")).pack(
                fill="x", pady=(0, 8), anchor="w")
        self.entete = entete
        self.construire()

    def construire(self) -> None:
        """Build the widgets (called once)."""

    def rafraichir(self) -> None:
        """Reload what the screen shows from the services (called at each visit and after changes)."""

    def premier_focus(self) -> tkinter.Misc | None:
        return None

    def bind_all(self, sequence=None, func=None, add=None):  # type: ignore[override]
        """A screen's shortcut belongs to the screen: it acts only while the screen shows and dies
        with it (see raccourcis); Tk's own bind_all outlived destroyed screens."""
        if sequence is None or func is None:
            return super().bind_all(sequence, func, add)
        raccourcis.lier(self, sequence, func)
        return None
