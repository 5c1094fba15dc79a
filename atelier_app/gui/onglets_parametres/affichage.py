"""Text size: volunteers and animateurs are not all young or sharp-eyed."""

from __future__ import annotations

import tkinter
from dataclasses import replace

import ttkbootstrap as ttk

TITRE = "Affichage"
ORDRE = 20
TAILLES = (100, 125, 150, 175, 200)


class PageAffichage(ttk.Frame):
    def __init__(self, parent: tkinter.Misc, app) -> None:
        super().__init__(parent, padding=12)
        self.app = app
        ttk.Label(self, text="Taille du texte dans toute l'application :").pack(anchor="w")
        self.taille = tkinter.IntVar(value=app.services.centre.parametres().taille_texte)
        # one choice per line: side by side, « 200 % » ran off a small screen once the text was enlarged
        for t in TAILLES:
            ttk.Radiobutton(self, text=f"{t} %", value=t, variable=self.taille,
                            command=self.appliquer).pack(anchor="w", pady=2, padx=(12, 0))
        ttk.Label(self, text="Exemple : Jeudi 9 h — SÉNOU débutants — 6 inscrits").pack(anchor="w", pady=8)

    def rafraichir(self) -> None:
        self.taille.set(self.app.services.centre.parametres().taille_texte)

    def appliquer(self) -> None:
        p = self.app.services.centre.parametres()
        self.app.proteger(lambda: self.app.services.centre.enregistrer_parametres(replace(p, taille_texte=self.taille.get())))


def construire(parent: tkinter.Misc, app) -> ttk.Frame:
    return PageAffichage(parent, app)
