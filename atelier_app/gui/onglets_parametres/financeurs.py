"""The funders' logos printed on the annual report's cover (CAF, commune, département…).

Why a setting: a board and its funders expect to see who supports the centre on the report they
keep; the logos are chosen once here and every report carries them. Stored in the parameters'
``extra`` under ``logos_financeurs`` (a list of image paths), read by ``reports.couverture``.
"""

from __future__ import annotations

import tkinter
from dataclasses import replace
from tkinter import filedialog

import ttkbootstrap as ttk

from atelier_app.gui.formulaires import BarreBoutons, souple

TITRE = "Financeurs"
ORDRE = 15
CLE = "logos_financeurs"


class PageFinanceurs(ttk.Frame):
    def __init__(self, parent: tkinter.Misc, app) -> None:
        super().__init__(parent, padding=12)
        self.app = app
        souple(ttk.Label(self, text="Logos des financeurs, imprimés sur la couverture du rapport annuel "
                                    "(images PNG ou JPG), dans l'ordre de la liste.", justify="left")).pack(
            anchor="w", fill="x", pady=(0, 8))
        self.liste = tkinter.Listbox(self, height=6, width=24, exportselection=False)  # fills the row: asks little width (200 % text)
        self.liste.pack(anchor="w", fill="x")
        boutons = BarreBoutons(self, ecart=8)  # wraps at large text sizes
        boutons.pack(fill="x", pady=8)
        boutons.ajouter("Ajouter un logo…", self.ajouter)
        boutons.ajouter("Retirer", self.retirer)
        boutons.ajouter("Enregistrer", self.enregistrer, principal=True)
        self.rafraichir()

    def logos(self) -> list[str]:
        return list(self.liste.get(0, "end"))

    def rafraichir(self) -> None:
        self.liste.delete(0, "end")
        for chemin in self.app.services.centre.parametres().extra.get(CLE, ()):
            self.liste.insert("end", chemin)

    def ajouter(self, chemin: str | None = None) -> None:
        chemin = chemin or filedialog.askopenfilename(parent=self, title="Logo d'un financeur",
                                                      filetypes=[("Images", "*.png *.jpg *.jpeg"), ("Tous", "*")])
        if chemin and chemin not in self.logos():
            self.liste.insert("end", chemin)

    def retirer(self) -> None:
        for i in reversed(self.liste.curselection()):
            self.liste.delete(i)

    def enregistrer(self) -> None:
        p = self.app.services.centre.parametres()
        nouveau = replace(p, extra={**p.extra, CLE: self.logos()})
        self.app.proteger(lambda: self.app.services.centre.enregistrer_parametres(nouveau))


def construire(parent: tkinter.Misc, app) -> ttk.Frame:
    return PageFinanceurs(parent, app)
