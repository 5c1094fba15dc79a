"""First-run assistant: the centre, its project objectives and its activities with their rhythms.

Why an assistant: the first time, an animateur should answer a few plain questions and land on a
working app, not on empty settings screens.
"""

from __future__ import annotations

import tkinter
from dataclasses import replace
from tkinter import filedialog

import ttkbootstrap as ttk

from atelier_app.domain.centre import Centre
from atelier_app.gui import polices
from atelier_app.gui.formulaires import Grille, Modale, valeur_texte
from atelier_app.services.centre import OBJECTIFS_PAR_DEFAUT, activites_par_defaut


class Assistant(Modale):
    def __init__(self, app) -> None:
        super().__init__(app.racine, "Bienvenue dans Atelier")
        self.app = app
        self.etapes: list[ttk.Frame] = []
        self.index = 0
        self.activites = activites_par_defaut()
        self._etape_centre()
        self._etape_objectifs()
        self._etape_activites()
        from atelier_app.gui import assistant_compte

        self.etape_compte = assistant_compte.etape(self)
        self.etat = ttk.Label(self.boutons, text="")
        self.etat.pack(side="left")
        self.suivant = self.bouton("Suivant", self.avancer, principal=True)
        self.precedent = self.bouton("Précédent", self.reculer)
        self.bind("<Return>", lambda e: None if isinstance(e.widget, tkinter.Text) else self.avancer())
        self.afficher(0)

    def _page(self, titre: str, texte: str) -> ttk.Frame:
        page = ttk.Frame(self.corps)
        ttk.Label(page, text=titre, font=polices.TITRE).pack(anchor="w")
        ttk.Label(page, text=texte, wraplength=640, justify="left").pack(anchor="w", pady=(4, 12))
        self.etapes.append(page)
        return page

    def _etape_centre(self) -> None:
        page = self._page("Votre centre", "Ces informations figurent sur les lettres, les feuilles et le rapport annuel.")
        g = Grille(page)
        g.cadre.pack(fill="x")
        self.nom = g.texte("Nom du centre")
        self.adresse = g.texte("Adresse")
        self.cp = g.texte("Code postal", largeur=8)
        self.commune = g.texte("Commune")
        self.telephone = g.texte("Téléphone")
        self.logo = g.texte("Logo (facultatif)")
        ttk.Button(g.cadre, text="Choisir…", command=self._logo).grid(row=g.ligne - 1, column=2, padx=4)
        self.premier = self.nom

    def _logo(self) -> None:
        chemin = filedialog.askopenfilename(parent=self, filetypes=[("Images", "*.png *.jpg *.jpeg")])
        if chemin:
            self.logo.var.set(chemin)

    def _etape_objectifs(self) -> None:
        page = self._page("Les objectifs du contrat de projet",
                          "Un objectif par ligne ; ils sont repris sur chaque fiche bilan d'activité.")
        self.objectifs = tkinter.Text(page, height=6, width=70, wrap="word")
        self.objectifs.insert("1.0", "\n".join(OBJECTIFS_PAR_DEFAUT))
        self.objectifs.pack(fill="x")
        self.objectifs.bind("<Tab>", lambda e: (e.widget.tk_focusNext().focus_set(), "break")[1])

    def _etape_activites(self) -> None:
        page = self._page(
            "Vos activités",
            "Cochez les activités que le centre propose. Les rythmes habituels sont déjà remplis ; "
            "tout reste modifiable ensuite dans « Activités et groupes ».",
        )
        g = Grille(page)
        g.cadre.pack(fill="x")
        self.animateur = g.texte("Animateur·rice principal·e")
        self.lieu = g.texte("Lieu des ateliers", "Salle multimédia")
        self.coches: dict[str, tkinter.BooleanVar] = {}
        for a in self.activites:
            var = tkinter.BooleanVar(value=True)
            rythme = ""
            if a.genre_activite == "cycles":
                rythme = (f" — {a.nb_seances} séances de {a.duree_seance // 60} h"
                          f"{a.duree_seance % 60 or ''}, {a.nb_groupes} groupe(s) de {a.capacite_min} à {a.capacite_max}")
            elif a.creneaux:
                rythme = f" — {a.creneaux[0].libelle}"
            ttk.Checkbutton(page, text=a.nom + rythme, variable=var).pack(anchor="w", pady=2)
            self.coches[a.id] = var

    def afficher(self, i: int) -> None:
        for p in self.etapes:
            p.pack_forget()
        self.index = i
        self.etapes[i].pack(fill="both", expand=True)
        self.etat.configure(text=f"Étape {i + 1} sur {len(self.etapes)}")
        self.precedent.state(["disabled"] if i == 0 else ["!disabled"])
        self.suivant.configure(text="Terminer" if i == len(self.etapes) - 1 else "Suivant")
        focus = {0: self.nom, 1: self.objectifs, 2: self.animateur, 3: self.etape_compte.mdp}.get(i)
        if focus is not None:
            focus.focus_set()

    def reculer(self) -> None:
        if self.index > 0:
            self.afficher(self.index - 1)

    def avancer(self) -> None:
        if self.index == 0 and not self.nom.var.get().strip():
            self.app.montrer_erreur(_erreur("Indiquez le nom du centre pour continuer."))
            self.nom.focus_set()
            return
        if self.index < len(self.etapes) - 1:
            self.afficher(self.index + 1)
        else:
            self.terminer()

    def lire(self) -> tuple[Centre, list]:
        centre = Centre(
            nom=self.nom.var.get().strip(), adresse=self.adresse.var.get().strip(),
            code_postal=self.cp.var.get().strip(), commune=self.commune.var.get().strip(),
            telephone=self.telephone.var.get().strip(), logo=self.logo.var.get().strip(),
            objectifs_contrat_projet=tuple(x.strip() for x in valeur_texte(self.objectifs).splitlines() if x.strip()),
        )
        animateur, lieu = self.animateur.var.get().strip(), self.lieu.var.get().strip()
        activites = [replace(a, animateur=animateur, lieu=lieu) for a in self.activites if self.coches[a.id].get()]
        return centre, activites

    def terminer(self) -> None:
        if not self.etape_compte.verifier():
            self.afficher(len(self.etapes) - 1)
            return
        centre, activites = self.lire()
        try:
            self.app.services.centre.premier_demarrage(centre, activites)
        except Exception as exc:
            self.app.montrer_erreur(exc)
            return
        self.etape_compte.creer()
        self.resultat = True
        self.fermer()

    def ouvrir(self, attendre: bool = True) -> object:
        return self.montrer(self.nom, attendre)


def _erreur(texte: str):
    from atelier_app.errors import UserError

    return UserError(texte)
