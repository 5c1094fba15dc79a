"""The centre's identity, printed on letters, sheets and reports."""

from __future__ import annotations

import tkinter
from dataclasses import replace
from tkinter import filedialog

import ttkbootstrap as ttk

from atelier_app.gui.formulaires import Grille, valeur_texte
from atelier_app.gui.onglets_parametres import empiler

TITRE = "Centre"
ORDRE = 10


class PageCentre(ttk.Frame):
    def __init__(self, parent: tkinter.Misc, app) -> None:
        super().__init__(parent, padding=12)
        self.app = app
        g = Grille(self)
        g.cadre.pack(fill="x")
        self.nom = g.texte("Nom du centre")
        self.adresse = g.texte("Adresse")
        self.cp = g.texte("Code postal", largeur=8)
        self.commune = g.texte("Commune")
        self.telephone = g.texte("Téléphone")
        self.email = g.texte("E-mail")
        self.logo = g.texte("Logo (image PNG ou JPG)")
        ttk.Button(g.cadre, text="Choisir…", command=self.choisir_logo).grid(row=g.ligne - 1, column=2, padx=4)
        self.objectifs = g.zone_texte("Objectifs du contrat de projet\n(un par ligne)", hauteur=4)
        empiler(g.cadre)
        ttk.Button(self, text="Enregistrer", bootstyle="primary", command=self.enregistrer).pack(anchor="w", pady=12)
        self.rafraichir()

    def rafraichir(self) -> None:
        c = self.app.services.centre.centre()
        for champ, valeur in ((self.nom, c.nom), (self.adresse, c.adresse), (self.cp, c.code_postal),
                              (self.commune, c.commune), (self.telephone, c.telephone), (self.email, c.email),
                              (self.logo, c.logo)):
            champ.var.set(valeur)
        self.objectifs.delete("1.0", "end")
        self.objectifs.insert("1.0", "\n".join(c.objectifs_contrat_projet))

    def choisir_logo(self) -> None:
        chemin = filedialog.askopenfilename(
            parent=self, title="Logo du centre", filetypes=[("Images", "*.png *.jpg *.jpeg"), ("Tous", "*")]
        )
        if chemin:
            self.logo.var.set(chemin)

    def enregistrer(self) -> None:
        c = self.app.services.centre.centre()
        nouveau = replace(
            c, nom=self.nom.var.get().strip(), adresse=self.adresse.var.get().strip(),
            code_postal=self.cp.var.get().strip(), commune=self.commune.var.get().strip(),
            telephone=self.telephone.var.get().strip(), email=self.email.var.get().strip(),
            logo=self.logo.var.get().strip(),
            objectifs_contrat_projet=tuple(x.strip() for x in valeur_texte(self.objectifs).splitlines() if x.strip()),
        )
        self.app.proteger(lambda: self.app.services.centre.enregistrer_centre(nouveau))


def construire(parent: tkinter.Misc, app) -> ttk.Frame:
    return PageCentre(parent, app)
