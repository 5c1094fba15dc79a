"""Tab « Projets » of a person's file: their repair-café and digital projects, a new one in a keystroke."""

from __future__ import annotations

import tkinter

import ttkbootstrap as ttk

from atelier_app.domain import comptage
from atelier_app.domain.codes import ETATS_PROJET, TYPES_PROJET
from atelier_app.gui.formulaires import liste, remplir
from atelier_app.gui.formulaires_repair import (
    FormulaireProjet,
    FormulaireVisite,
    derniere_visite_affichee,
    libelle_categorie,
)

TITRE = "Projets"
ORDRE = 40


class OngletProjets(ttk.Frame):
    def __init__(self, parent: tkinter.Misc, app, personne) -> None:
        super().__init__(parent, padding=12)
        self.app, self.personne = app, personne
        self.total = ttk.Label(self, text="")
        self.total.pack(anchor="w", pady=(0, 8))
        boutons = ttk.Frame(self)
        boutons.pack(side="bottom", fill="x", pady=(8, 0))
        ttk.Button(boutons, text="Nouveau projet…", bootstyle="primary", command=self.nouveau).pack(side="left")
        ttk.Button(boutons, text="Ajouter une visite (Entrée)", command=self.visite).pack(side="left", padx=8)
        self.arbre = liste(self, (("intitule", "Intitulé", 200), ("type", "Type", 120), ("categorie", "Catégorie", 160),
                                  ("ouvert", "Ouvert le", 90), ("derniere", "Dernière visite", 120),
                                  ("visites", "Visites", 60), ("etat", "État", 110)), hauteur=6)
        self.arbre.cadre.pack(fill="both", expand=True)
        self.arbre.bind("<Return>", lambda _e: self.visite())
        self._projets: dict = {}
        self.rafraichir()

    def rafraichir(self) -> None:
        projets = self.app.services.reparations.de_personne(self.personne.id)
        self._projets = {p.id: p for p in projets}
        remplir(self.arbre, [(p.id, (p.intitule, TYPES_PROJET.get(p.type, p.type), libelle_categorie(p),
                                     f"{p.ouvert_le:%d/%m/%Y}", derniere_visite_affichee(p),
                                     len(p.visites), ETATS_PROJET.get(p.etat, p.etat))) for p in projets])
        en_cours = sum(1 for p in projets if comptage.est_en_cours(p.etat))
        self.total.configure(text=f"{len(projets)} projet(s), dont {en_cours} en cours." if projets
                             else "Aucun projet pour l'instant.")

    def nouveau(self) -> None:
        if FormulaireProjet(self, self.app, personne_id=self.personne.id).ouvrir() is not None:
            self.rafraichir()

    def visite(self) -> None:
        p = self._projets.get(self.arbre.focus())
        if p is not None and FormulaireVisite(self, self.app, p).ouvrir() is not None:
            self.rafraichir()


def construire(parent: tkinter.Misc, app, personne) -> ttk.Frame:
    return OngletProjets(parent, app, personne)
