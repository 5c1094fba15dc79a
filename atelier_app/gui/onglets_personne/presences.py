"""Tab « Présences » of a person's file: per group, sessions attended, hours, attendance rate."""

from __future__ import annotations

import tkinter

import ttkbootstrap as ttk

from atelier_app.domain.francais import compte
from atelier_app.gui import polices
from atelier_app.gui.formulaires import liste, remplir

TITRE = "Présences"
ORDRE = 30


def _heures(h: float) -> str:
    entier = int(h)
    minutes = round((h - entier) * 60)
    return f"{entier} h" + (f" {minutes:02d}" if minutes else "")


class OngletPresences(ttk.Frame):
    def __init__(self, parent: tkinter.Misc, app, personne) -> None:
        super().__init__(parent, padding=12)
        self.app, self.personne = app, personne
        self.total = ttk.Label(self, text="", font=polices.GRAS)
        self.total.pack(anchor="w", pady=(0, 8))
        self.arbre = liste(self, (("activite", "Activité", 200), ("groupe", "Groupe", 180),
                                  ("venues", "Séances suivies", 120), ("absences", "Absences", 90),
                                  ("excuses", "Excusées", 90), ("heures", "Heures", 80), ("taux", "Assiduité", 90)),
                           hauteur=6)
        self.arbre.cadre.pack(fill="both", expand=True)
        self.rafraichir()

    def rafraichir(self) -> None:
        svc = self.app.services.presences
        lignes = svc.assiduite(self.personne.id)
        remplir(self.arbre, [(f"{i}", (x.activite, x.groupe, f"{x.assiduite.venues} / {x.assiduite.prevues}",
                                       x.assiduite.absences, x.assiduite.excuses, _heures(x.assiduite.heures),
                                       x.assiduite.taux_texte))
                             for i, x in enumerate(lignes)])
        t = svc.total(self.personne.id)
        if not lignes:
            self.total.configure(text="Aucune séance suivie pour l'instant.")
        else:
            self.total.configure(text=f"{compte(t.venues, 'séance suivie')}, {_heures(t.heures)} de formation, "
                                      f"assiduité {t.taux_texte}")


def construire(parent: tkinter.Misc, app, personne) -> ttk.Frame:
    return OngletPresences(parent, app, personne)
