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

TITRE = "Financeurs"
ORDRE = 15
CLE = "logos_financeurs"


class PageFinanceurs(ttk.Frame):
    def __init__(self, parent: tkinter.Misc, app) -> None:
        super().__init__(parent, padding=12)
        self.app = app
        ttk.Label(self, text="Logos des financeurs, imprimés sur la couverture du rapport annuel "
                             "(images PNG ou JPG), dans l'ordre de la liste.", wraplength=560,
                  justify="left").pack(anchor="w", pady=(0, 8))
        self.liste = tkinter.Listbox(self, height=6, width=24, exportselection=False)  # fills the row: asks little width (200 % text)
        self.liste.pack(anchor="w", fill="x")
        boutons = ttk.Frame(self)
        boutons.pack(anchor="w", pady=8)
        ttk.Button(boutons, text="Ajouter un logo…", command=self.ajouter).pack(side="left")
        ttk.Button(boutons, text="Retirer", command=self.retirer).pack(side="left", padx=8)
        ttk.Button(boutons, text="Enregistrer", bootstyle="primary", command=self.enregistrer).pack(side="left")
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
