"""Tab « Positionnement » of a person's file: each questionnaire (entry, end of cycle) and the progress."""

from __future__ import annotations

import tkinter

import ttkbootstrap as ttk

from atelier_app.domain.activites import libelle_disponibilite
from atelier_app.domain.codes import NIVEAUX
from atelier_app.gui.formulaires import liste, remplir

TITRE = "Positionnement"
ORDRE = 40


class OngletPositionnement(ttk.Frame):
    def __init__(self, parent: tkinter.Misc, app, personne) -> None:
        super().__init__(parent, padding=12)
        self.app, self.personne = app, personne
        self.progres = ttk.Label(self, text="", font="AtelierGras")
        self.progres.pack(anchor="w", pady=(0, 8))
        self.arbre = liste(self, (("date", "Date", 110), ("moment", "Moment", 140), ("score", "Score", 80),
                                  ("niveau", "Niveau", 140), ("dispo", "Créneaux possibles", 260)), hauteur=6)
        self.arbre.cadre.pack(fill="both", expand=True)
        ligne = ttk.Frame(self)
        ligne.pack(fill="x", pady=(8, 0))
        ttk.Button(ligne, text="Nouveau positionnement…", command=self.nouveau).pack(side="left")
        self.rafraichir()

    def rafraichir(self) -> None:
        svc = self.app.services.positionnement
        liste_p = svc.positionnements(self.personne.id)
        maximum = svc.questionnaire().maximum
        remplir(self.arbre, [
            (p.id, (p.date.strftime("%d/%m/%Y"), "Entrée" if p.moment == "entree" else "Fin de cycle",
                    f"{p.score} / {maximum}", NIVEAUX.get(p.niveau, p.niveau),
                    ", ".join(libelle_disponibilite(d) for d in p.disponibilites) or "tous"))
            for p in liste_p
        ])
        entree = [p for p in liste_p if p.moment == "entree"]
        sortie = [p for p in liste_p if p.moment == "sortie"]
        if entree and sortie:
            a, b = entree[-1], sortie[-1]
            self.progres.configure(text=f"Progression : {NIVEAUX[a.niveau]} → {NIVEAUX[b.niveau]} "
                                        f"(score {a.score} → {b.score})")
        elif entree:
            self.progres.configure(text=f"Niveau à l'entrée : {NIVEAUX[entree[-1].niveau]}")
        else:
            self.progres.configure(text="Pas encore de positionnement.")

    def nouveau(self) -> None:
        from atelier_app.gui.positionnement import DialoguePositionnement

        DialoguePositionnement(self, self.app, self.personne.id).montrer()
        self.rafraichir()


def construire(parent: tkinter.Misc, app, personne) -> ttk.Frame:
    return OngletPositionnement(parent, app, personne)
