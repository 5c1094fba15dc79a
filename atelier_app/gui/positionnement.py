"""Filling the placement questionnaire on screen, at the information meeting or at the end of a cycle.

Why one radio group per question with the digit keys: the animateur types answers read from a
paper questionnaire quickly (1, 2, 3 choose an answer and move to the next question).
"""

from __future__ import annotations

import tkinter

import ttkbootstrap as ttk

from atelier_app.domain.codes import NIVEAUX
from atelier_app.domain.questionnaire import CORRESPONDANCE_COOP, niveau, score
from atelier_app.gui.formulaires import BarreBoutons, Modale, souple


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
        # The questions sit in the dialog's own scrolling body (Modale's Defilement): at 200 % they
        # scroll with the rest, and each row of answers wraps rather than running off the window.
        haut = _rangee(self.corps)
        haut.pack(fill="x")
        haut.placer(ttk.Radiobutton(haut, text="À l'entrée (réunion d'information)", value="entree",
                                    variable=self.moment))
        haut.placer(ttk.Radiobutton(haut, text="En fin de cycle", value="sortie", variable=self.moment))
        souple(ttk.Label(self.corps, text="Touches 1, 2, 3 : choisir la réponse de la question active ; "
                                          "Tab : question suivante.", bootstyle="secondary", justify="left")
               ).pack(fill="x", anchor="w", pady=(6, 6))
        self.reponses: dict[str, tkinter.IntVar] = {}
        self.premiers: list[ttk.Radiobutton] = []
        self.rangees = [haut]
        for i, q in enumerate(self.questionnaire.questions, start=1):
            # the question is a label inside the box, not its title: a title cannot wrap at 200 %
            cadre = ttk.Frame(self.corps, padding=6, borderwidth=1, relief="solid")
            cadre.pack(fill="x", pady=3, padx=2)
            souple(ttk.Label(cadre, text=f"{i}. {q.texte}", font="AtelierGras", justify="left")).pack(
                fill="x", anchor="w", pady=(0, 4))
            var = tkinter.IntVar(value=-1)
            self.reponses[q.id] = var
            rangee = _rangee(cadre)
            rangee.pack(fill="x")
            self.rangees.append(rangee)
            boutons = []
            for j, c in enumerate(q.choix):
                boutons.append(rangee.placer(ttk.Radiobutton(rangee, text=f"{j + 1}. {c.libelle}", value=j,
                                                             variable=var, command=self.recalculer)))
            for b in boutons:
                for j in range(len(boutons)):
                    b.bind(f"<KeyPress-{j + 1}>", lambda _e, v=var, k=j, n=i: self._touche(v, k, n))
            self.premiers.append(boutons[0])
        self.dispos: dict[str, tkinter.BooleanVar] = {}
        self.activites = [a for a in svc.centre.activites() if a.creneaux]
        if activite_id is None:  # opened from the person's file: their pre-list activity first
            inscrites = [e.activite for e in svc.preliste.de_la_personne(personne_id)]
            activite_id = next((a for a in reversed(inscrites) if any(x.id == a for x in self.activites)), None)
        self.activite_id = activite_id
        self.cadre_dispos = ttk.Labelframe(self.corps, text="Créneaux possibles pour la personne", padding=6)
        self.cadre_dispos.pack(fill="x", pady=6)
        ligne = _rangee(self.cadre_dispos)
        ligne.pack(fill="x")
        ligne.placer(ttk.Label(ligne, text="Activité"))
        self.choix_activite = ligne.placer(ttk.Combobox(
            ligne, state="readonly", width=36,
            values=["(aucune : pas de créneau demandé)"] + [a.nom for a in self.activites]))
        self.rangees.append(ligne)
        self.choix_activite.bind("<<ComboboxSelected>>", lambda _e: self._activite_choisie())
        ids = [a.id for a in self.activites]
        self.choix_activite.current(ids.index(activite_id) + 1 if activite_id in ids else 0)
        self.cases = _rangee(self.cadre_dispos)
        self.cases.pack(fill="x", pady=(6, 0))
        self.rangees.append(self.cases)
        self._afficher_creneaux()
        # the score stays in sight beside the buttons, whatever part of the questions shows
        self.resume = souple(ttk.Label(self.boutons, text="", font="AtelierGras", justify="left"))
        self.bouton("Annuler", self.annuler)
        self.bouton("Enregistrer (Ctrl+S)", self.enregistrer, principal=True)
        self.resume.pack(side="left", fill="x", expand=True)
        self.bind("<Control-s>", lambda _e: self.enregistrer())
        self.recalculer()

    def _activite_choisie(self) -> None:
        i = self.choix_activite.current()
        self.activite_id = self.activites[i - 1].id if i > 0 else None
        self._afficher_creneaux()

    def _afficher_creneaux(self) -> None:
        """One box per slot of the chosen activity: the proposal places people on these slots only."""
        for w in self.cases.winfo_children():
            w.destroy()
        self.cases.boutons.clear()
        self.dispos = {}
        activite = next((a for a in self.activites if a.id == self.activite_id), None)
        if activite is None:
            self.cases.placer(ttk.Label(self.cases, text="Choisissez l'activité pour demander ses créneaux.",
                                        bootstyle="secondary"))
            return
        for c in activite.creneaux:
            var = tkinter.BooleanVar(value=True)
            self.cases.placer(ttk.Checkbutton(self.cases, text=c.libelle, variable=var))
            self.dispos[c.id] = var
        self.cases.placer(ttk.Label(self.cases, text="(aucune case cochée : tous les créneaux)", bootstyle="secondary"))

    def _touche(self, var: tkinter.IntVar, k: int, numero: int) -> str:
        """A digit answers the active question and moves to the next one (numero starts at 1)."""
        var.set(k)
        self.recalculer()
        if numero < len(self.premiers):
            suivant = self.premiers[numero]
            suivant.focus_set()
            self.defilement.montrer(suivant.master.master)  # the whole question (its box) in sight
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
        resultat = self.app.proteger(lambda: self.app.services.positionnement.positionner(
            self.personne.id, self.choisies(), moment=self.moment.get(), disponibilites=dispos, cycle=self.cycle,
            activite=self.activite_id))
        if resultat is not None:
            self.resultat = resultat
            self.fermer()

    def montrer(self, focus: tkinter.Misc | None = None, attendre: bool = True) -> object:
        # each row of answers asks for its one-line width, up to what the screen gives: the dialog
        # opens as wide as that, and a row wraps only when the screen is too narrow for it
        plafond = self.winfo_screenwidth() - 160
        for rangee in self.rangees:
            rangee.update_idletasks()
            voulu = sum(w.winfo_reqwidth() + rangee.ecart for w in rangee.boutons)
            rangee.configure(width=min(voulu, plafond))
        return super().montrer(focus or (self.premiers[0] if self.premiers else None), attendre)


def _rangee(parent: tkinter.Misc) -> BarreBoutons:
    """A row of answers (or of choices) that wraps onto more lines when the text is large."""
    return BarreBoutons(parent, ecart=14)


def imprimer_questionnaire(parent: tkinter.Misc, app, activite_id: str | None):
    """The paper questionnaire of an activity (with its slots to tick), for the information meeting."""
    from atelier_app.assemblage import dossier_exports
    from atelier_app.gui import dialogues
    from atelier_app.reports.questionnaire import ecrire

    svc = app.services
    activite = svc.centre.activite(activite_id) if activite_id else None
    nom = f"questionnaire-{activite.id}.pdf" if activite else "questionnaire-positionnement.pdf"
    chemin = ecrire(dossier_exports() / nom, svc.centre.centre(), svc.positionnement.questionnaire(), activite)
    dialogues.informer(parent, f"Questionnaire prêt à imprimer :\n{chemin.resolve()}")
    return chemin
