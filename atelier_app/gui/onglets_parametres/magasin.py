"""Where the data is: this PC's folder, or the centre's PostgreSQL server (read-only line).

Why shown: with several PCs, the person who looks after them must see at a glance that a PC works
on the shared server and not on a folder of its own (docs/serveur.md).
"""

from __future__ import annotations

import tkinter

import ttkbootstrap as ttk

from atelier_app.gui.formulaires import souple

TITRE = "Données"
ORDRE = 85


def VISIBLE(app) -> bool:
    return True


def description(depot) -> str:
    libelle = getattr(depot, "libelle", None)
    if libelle:
        return (f"Les données sont sur le {libelle}. Plusieurs postes peuvent y travailler en même temps ; "
                f"les sauvegardes de ce poste sont dans {depot.dossier}.")
    return (f"Les données sont dans le dossier {depot.dossier} de cet ordinateur (un seul poste à la fois). "
            "Pour travailler à plusieurs postes, voir le guide « serveur.md ».")


class PageMagasin(ttk.Frame):
    def __init__(self, parent: tkinter.Misc, app) -> None:
        super().__init__(parent, padding=12)
        self.app = app
        self.ligne = souple(ttk.Label(self, wraplength=800, justify="left", text=""))
        self.ligne.pack(anchor="w", fill="x")
        self.rafraichir()

    def rafraichir(self) -> None:
        self.ligne.configure(text=description(self.app.services.depot))


def construire(parent: tkinter.Misc, app) -> ttk.Frame:
    return PageMagasin(parent, app)
