"""Backups: made every day by themselves; here one can make one now or see them."""

from __future__ import annotations

import tkinter

import ttkbootstrap as ttk

from atelier_app.domain.roles import Permission
from atelier_app.gui import dialogues
from atelier_app.gui.formulaires import liste, remplir

TITRE = "Sauvegardes"
ORDRE = 80


def VISIBLE(app) -> bool:
    return app.services.ctx.peut(Permission.SAUVEGARDER)


class PageSauvegardes(ttk.Frame):
    def __init__(self, parent: tkinter.Misc, app) -> None:
        super().__init__(parent, padding=12)
        self.app = app
        ttk.Label(
            self, wraplength=800, justify="left",
            text="Atelier fait une sauvegarde à la première ouverture de chaque jour et avant chaque import. "
                 "Il garde 8 sauvegardes quotidiennes, 5 hebdomadaires et 12 mensuelles. Pour revenir à une "
                 "sauvegarde, fermez Atelier et lancez « atelier restaurer » (les fichiers actuels sont gardés de côté).",
        ).pack(anchor="w")
        ttk.Button(self, text="Sauvegarder maintenant", bootstyle="primary", command=self.sauvegarder).pack(
            anchor="w", pady=8)
        self.arbre = liste(self, (("quand", "Date", 200), ("fichier", "Fichier", 420), ("taille", "Taille", 100)), 10)
        self.arbre.cadre.pack(fill="both", expand=True)
        self.rafraichir()

    def rafraichir(self) -> None:
        lignes = []
        for s in self.app.services.donnees.sauvegardes():
            try:
                taille = f"{s.chemin.stat().st_size / 1024:.0f} Ko"
            except OSError:
                taille = "?"
            lignes.append((str(s.chemin), (s.libelle, s.chemin.name, taille)))
        remplir(self.arbre, lignes)

    def sauvegarder(self) -> None:
        chemin = self.app.proteger(lambda: self.app.services.donnees.sauvegarder(raison="manuelle"))
        if chemin is not None:
            dialogues.informer(self, f"Sauvegarde écrite :\n{chemin}")
            self.rafraichir()


def construire(parent: tkinter.Misc, app) -> ttk.Frame:
    return PageSauvegardes(parent, app)
