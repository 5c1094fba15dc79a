"""Filling the placement questionnaire on screen, at the information meeting or at the end of a cycle.

Why one radio group per question with the digit keys: the animateur types answers read from a
paper questionnaire quickly (1, 2, 3 choose an answer and move to the next question).
"""

from __future__ import annotations

import tkinter

import ttkbootstrap as ttk

from atelier_app.domain.codes import NIVEAUX
from atelier_app.domain.questionnaire import CORRESPONDANCE_COOP, niveau, score
from atelier_app.gui.formulaires import Modale


class DialoguePositionnement(Modale):
    def __init__(self, parent: tkinter.Misc, app, personne_id: str, activite_id: str | None = None, *,
                 moment: str = "entree", cycle: str | None = None) -> None:
        self.app = app
        svc = app.services
        self.personne = svc.personnes.personne(personne_id)
        super().__init__(parent, f"Positionnement — {self.personne.prenom} {self.personne.nom}")
        self.questionnaire = svc.positionnement.questionnaire()
        self.cycle = cycle
        self.moment = tkinter.StringVar(value=moment)
        haut = ttk.Frame(self.corps)
        haut.pack(fill="x")
        ttk.Radiobutton(haut, text="À l'entrée (réunion d'information)", value="entree", variable=self.moment).pack(
            side="left")
        ttk.Radiobutton(haut, text="En fin de cycle", value="sortie", variable=self.moment).pack(side="left", padx=12)
        ttk.Label(self.corps, text="Touches 1, 2, 3 : choisir la réponse de la question active ; Tab : question suivante.",
                  bootstyle="secondary").pack(anchor="w", pady=(6, 6))
        zone = ttk.Frame(self.corps)
        zone.pack(fill="both", expand=True)
        fond = ttk.Style().lookup("TFrame", "background") or "white"
        self.toile = tkinter.Canvas(zone, highlightthickness=0, height=420, width=720, background=fond)
        barre = ttk.Scrollbar(zone, orient="vertical", command=self.toile.yview)
        self.interieur = ttk.Frame(self.toile)
        self.interieur.bind("<Configure>", lambda _e: self.toile.configure(scrollregion=self.toile.bbox("all")))
        self.toile.create_window((0, 0), window=self.interieur, anchor="nw")
        self.toile.configure(yscrollcommand=barre.set)
        self.toile.pack(side="left", fill="both", expand=True)
        barre.pack(side="right", fill="y")
        self.reponses: dict[str, tkinter.IntVar] = {}
        self.premiers: list[ttk.Radiobutton] = []
        for i, q in enumerate(self.questionnaire.questions, start=1):
            cadre = ttk.Labelframe(self.interieur, text=f"{i}. {q.texte}", padding=6)
            cadre.pack(fill="x", pady=3, padx=2)
            var = tkinter.IntVar(value=-1)
            self.reponses[q.id] = var
            boutons = []
            for j, c in enumerate(q.choix):
                b = ttk.Radiobutton(cadre, text=f"{j + 1}. {c.libelle}", value=j, variable=var, command=self.recalculer)
                b.pack(side="left", padx=(0, 14))
                boutons.append(b)
            for b in boutons:
                for j in range(len(boutons)):
                    b.bind(f"<KeyPress-{j + 1}>", lambda _e, v=var, k=j, n=i: self._touche(v, k, n))
            self.premiers.append(boutons[0])
        self.dispos: dict[str, tkinter.BooleanVar] = {}
        activite = svc.centre.activite(activite_id) if activite_id else None
        if activite is not None and activite.creneaux:
            cadre = ttk.Labelframe(self.corps, text="Créneaux possibles pour la personne", padding=6)
            cadre.pack(fill="x", pady=6)
            for c in activite.creneaux:
                var = tkinter.BooleanVar(value=True)
                ttk.Checkbutton(cadre, text=c.libelle, variable=var).pack(side="left", padx=(0, 14))
                self.dispos[f"{c.jour} {c.debut}"] = var
        self.resume = ttk.Label(self.corps, text="", font="AtelierGras")
        self.resume.pack(anchor="w", pady=(8, 0))
        self.bouton("Annuler", self.annuler)
        self.bouton("Enregistrer (Ctrl+S)", self.enregistrer, principal=True)
        self.bind("<Control-s>", lambda _e: self.enregistrer())
        self.recalculer()

    def _touche(self, var: tkinter.IntVar, k: int, numero: int) -> str:
        """A digit answers the active question and moves to the next one (numero starts at 1)."""
        var.set(k)
        self.recalculer()
        if numero < len(self.premiers):
            suivant = self.premiers[numero]
            suivant.focus_set()
            self.toile.yview_moveto(max(0.0, (numero - 1) / max(1, len(self.premiers))))
        return "break"

    def choisies(self) -> dict[str, int]:
        return {qid: v.get() for qid, v in self.reponses.items() if v.get() >= 0}

    def recalculer(self) -> None:
        rep = self.choisies()
        total = score(self.questionnaire, rep)
        niv = niveau(self.questionnaire, total)
        manque = len(self.questionnaire.questions) - len(rep)
        self.resume.configure(
            text=f"Score {total} / {self.questionnaire.maximum} → {NIVEAUX[niv]} ({CORRESPONDANCE_COOP[niv]})"
            + (f" — {manque} question(s) sans réponse" if manque else "")
        )

    def enregistrer(self) -> None:
        dispos = tuple(k for k, v in self.dispos.items() if v.get())
        if self.dispos and len(dispos) == len(self.dispos):
            dispos = ()
        resultat = self.app.proteger(lambda: self.app.services.positionnement.positionner(
            self.personne.id, self.choisies(), moment=self.moment.get(), disponibilites=dispos, cycle=self.cycle))
        if resultat is not None:
            self.resultat = resultat
            self.fermer()

    def montrer(self, focus: tkinter.Misc | None = None, attendre: bool = True) -> object:
        return super().montrer(focus or (self.premiers[0] if self.premiers else None), attendre)
