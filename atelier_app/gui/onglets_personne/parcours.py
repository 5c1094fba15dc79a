"""Tab « Parcours » of a person's file: pre-list requests, cycles and groups, waiting lists.

Why the guardian and image rights are here too: for a child, enrolment needs the guardian and the
photos of the club need the image rights, so the animateur checks both where the path is shown.
"""

from __future__ import annotations

import tkinter

import ttkbootstrap as ttk

from atelier_app.domain.codes import ETATS_PRELISTE, ORIGINES
from atelier_app.gui.formulaires import liste, remplir

TITRE = "Parcours"
ORDRE = 30


class OngletParcours(ttk.Frame):
    def __init__(self, parent: tkinter.Misc, app, personne) -> None:
        super().__init__(parent, padding=12)
        self.app, self.personne = app, personne
        self.mineur = ttk.Label(self, text="", justify="left")
        self.mineur.pack(anchor="w", pady=(0, 8))
        ttk.Label(self, text="Demandes (pré-listes)", font="AtelierGras").pack(anchor="w")
        self.demandes = liste(self, (("activite", "Activité", 260), ("demande", "Demande le", 100),
                                     ("etat", "État", 140), ("origine", "Envoyé par", 140)), hauteur=4)
        self.demandes.cadre.pack(fill="x", pady=(0, 8))
        ttk.Label(self, text="Cycles et groupes", font="AtelierGras").pack(anchor="w")
        self.groupes = liste(self, (("activite", "Activité", 240), ("cycle", "Cycle", 200), ("groupe", "Groupe", 200),
                                    ("place", "Place", 120)), hauteur=6)
        self.groupes.cadre.pack(fill="both", expand=True)
        self.rafraichir()

    def rafraichir(self) -> None:
        s = self.app.services
        p = s.personnes.personne(self.personne.id)
        if p.est_mineur(s.ctx.aujourd_hui().year):
            resp = p.responsable_legal or "non renseigné (obligatoire pour inscrire)"
            tel = p.telephone_responsable or "non renseigné (obligatoire pour inscrire)"
            self.mineur.configure(text=f"Mineur(e) — responsable légal : {resp} ; téléphone : {tel}\n"
                                       f"Droit à l'image : {'oui' if p.droit_image else 'non'}")
        else:
            self.mineur.configure(text="")
        activites = {a.id: a.nom for a in s.centre.activites(toutes=True)}
        remplir(self.demandes, [
            (e.id, (activites.get(e.activite, e.activite), e.demande_le.strftime("%d/%m/%Y"),
                    ETATS_PRELISTE.get(e.etat, e.etat), ORIGINES.get(e.origine, e.origine)))
            for e in s.preliste.de_la_personne(p.id)
        ])
        etapes = s.inscriptions.parcours(p.id)
        remplir(self.groupes, [
            (e.groupe.id, (e.activite.nom, e.cycle.nom, e.groupe.nom,
                           f"attente n° {e.groupe.liste_attente.index(p.id) + 1}" if e.en_attente else "inscrit(e)"))
            for e in etapes
        ])


def construire(parent: tkinter.Misc, app, personne) -> ttk.Frame:
    return OngletParcours(parent, app, personne)
