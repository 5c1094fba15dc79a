"""Paramètres › Positionnement: the questions, their answers and points, the two thresholds."""

from __future__ import annotations

import tkinter
from dataclasses import replace

import ttkbootstrap as ttk

from atelier_app.domain.questionnaire import DOMAINES, Question, ecrire_choix, lire_choix
from atelier_app.domain.records import nouvel_id
from atelier_app.domain.roles import Permission
from atelier_app.errors import UserError
from atelier_app.gui import dialogues
from atelier_app.gui.formulaires import BarreBoutons, Grille, Modale, code_de, liste, remplir, souple, valeur_texte

TITRE = "Positionnement"
ORDRE = 40


def VISIBLE(app) -> bool:
    return app.services.ctx.peut(Permission.PARAMETRES)


class PageQuestionnaire(ttk.Frame):
    def __init__(self, parent: tkinter.Misc, app) -> None:
        super().__init__(parent, padding=12)
        self.app = app
        souple(ttk.Label(self, wraplength=900, justify="left", text=(
            "Le questionnaire de positionnement place chaque personne à un niveau : débutant, à rassurer ou "
            "intermédiaire. Chaque réponse rapporte des points ; les deux seuils transforment le total en niveau.")
        )).pack(anchor="w", fill="x")
        self.arbre = liste(self, (("n", "N°", 40), ("texte", "Question", 460), ("domaine", "Domaine", 200),
                                  ("choix", "Réponses (points)", 360)), hauteur=11)
        self.arbre.cadre.pack(fill="both", expand=True, pady=8)
        self.arbre.bind("<Return>", lambda _e: self.modifier())
        self.arbre.bind("<Double-1>", lambda _e: self.modifier())
        # rows that wrap (BarreBoutons): with large text nothing runs off the right edge
        b = BarreBoutons(self)
        b.pack(fill="x")
        for texte, cmd in (("Modifier (Entrée)", self.modifier), ("Ajouter", self.ajouter), ("Supprimer", self.supprimer),
                           ("Monter", lambda: self.deplacer(-1)), ("Descendre", lambda: self.deplacer(1))):
            b.ajouter(texte, cmd, style="primary")
        s = BarreBoutons(self)
        s.pack(fill="x", pady=8)
        s.placer(ttk.Label(s, text="« À rassurer » à partir de"))
        self.seuil1 = tkinter.IntVar()
        s.placer(ttk.Spinbox(s, from_=1, to=200, width=5, textvariable=self.seuil1))
        s.placer(ttk.Label(s, text="points ; « intermédiaire » à partir de"))
        self.seuil2 = tkinter.IntVar()
        s.placer(ttk.Spinbox(s, from_=1, to=200, width=5, textvariable=self.seuil2))
        self.maxi = s.placer(ttk.Label(s, text=""))
        self.seuils = s
        bas = BarreBoutons(self)
        bas.pack(fill="x")
        bas.ajouter("Enregistrer", self.enregistrer, principal=True)
        bas.ajouter("Imprimer le questionnaire (PDF)", self.imprimer, style="primary")
        bas.ajouter("Rétablir les questions proposées", self.retablir, style="primary")
        self.rafraichir()

    def rafraichir(self) -> None:
        self.q = self.app.services.positionnement.questionnaire()
        self.afficher()

    def afficher(self) -> None:
        remplir(self.arbre, [
            (qu.id, (i, qu.texte, DOMAINES.get(qu.domaine, qu.domaine),
                     " ; ".join(f"{c.libelle} ({c.points})" for c in qu.choix)))
            for i, qu in enumerate(self.q.questions, start=1)
        ])
        self.seuil1.set(self.q.seuil_a_rassurer)
        self.seuil2.set(self.q.seuil_intermediaire)
        self.maxi.configure(text=f"(score maximal : {self.q.maximum})")
        self.seuils.ranger_boutons(self.seuils.winfo_width() if self.seuils.winfo_width() > 1 else 10_000)

    def _courante(self) -> int | None:
        sel = self.arbre.selection()
        ids = [x.id for x in self.q.questions]
        return ids.index(sel[0]) if sel and sel[0] in ids else None

    def modifier(self) -> None:
        i = self._courante()
        if i is None:
            return
        nouvelle = EditionQuestion(self, self.app, self.q.questions[i]).montrer()
        if nouvelle is not None:
            qs = list(self.q.questions)
            qs[i] = nouvelle
            self.q = replace(self.q, questions=tuple(qs))
            self.afficher()

    def ajouter(self) -> None:
        vide = Question(nouvel_id("q"), "", "equipement", ())
        nouvelle = EditionQuestion(self, self.app, vide).montrer()
        if nouvelle is not None:
            self.q = replace(self.q, questions=(*self.q.questions, nouvelle))
            self.afficher()

    def supprimer(self) -> None:
        i = self._courante()
        if i is not None and dialogues.confirmer(self, "Supprimer cette question du questionnaire ?"):
            self.q = replace(self.q, questions=tuple(q for j, q in enumerate(self.q.questions) if j != i))
            self.afficher()

    def deplacer(self, sens: int) -> None:
        i = self._courante()
        if i is None or not 0 <= i + sens < len(self.q.questions):
            return
        qs = list(self.q.questions)
        qs[i], qs[i + sens] = qs[i + sens], qs[i]
        self.q = replace(self.q, questions=tuple(qs))
        self.afficher()
        self.arbre.selection_set(qs[i + sens].id)
        self.arbre.focus(qs[i + sens].id)

    def enregistrer(self) -> None:
        try:
            q = replace(self.q, seuil_a_rassurer=int(self.seuil1.get()), seuil_intermediaire=int(self.seuil2.get()))
        except (tkinter.TclError, ValueError):
            self.app.montrer_erreur(UserError("Les seuils doivent être des nombres entiers."))
            return
        if self.app.proteger(lambda: self.app.services.positionnement.enregistrer_questionnaire(q)) is not None:
            dialogues.informer(self, "Questionnaire enregistré.")

    def retablir(self) -> None:
        if dialogues.confirmer(self, "Remettre les questions, les points et les seuils proposés par Atelier ?"):
            self.app.proteger(self.app.services.positionnement.revenir_au_questionnaire_par_defaut)
            self.rafraichir()

    def imprimer(self) -> None:
        from atelier_app.assemblage import dossier_exports
        from atelier_app.reports.questionnaire import ecrire

        centre = self.app.services.centre.centre()
        chemin = dossier_exports() / "questionnaire-positionnement.pdf"
        if self.app.proteger(lambda: ecrire(chemin, centre, self.q)) is not None:
            dialogues.informer(self, f"Questionnaire prêt à imprimer :\n{chemin.resolve()}")


class EditionQuestion(Modale):
    def __init__(self, parent: tkinter.Misc, app, question: Question) -> None:
        super().__init__(parent, "Question du positionnement")
        self.app, self.question = app, question
        g = Grille(self.corps)
        g.cadre.pack(fill="both", expand=True)
        self.texte = g.texte("Question", question.texte, largeur=60)
        self.domaine = g.choix("Domaine", DOMAINES, question.domaine)
        self.choix = g.zone_texte("Réponses\n(une par ligne :\n« réponse = points »)", ecrire_choix(question.choix), 5)
        self.bouton("Annuler", self.annuler)
        self.bouton("Valider", self.valider, principal=True)

    def valider(self) -> None:
        choix, erreurs = lire_choix(valeur_texte(self.choix))
        if not self.texte.var.get().strip():
            erreurs.insert(0, "le texte de la question est vide")
        if erreurs:
            self.app.montrer_erreur(UserError("La question n'est pas valide :", erreurs))
            return
        self.resultat = replace(self.question, texte=self.texte.var.get().strip(),
                                domaine=code_de(self.domaine, "equipement") or "equipement", choix=choix)
        self.fermer()

    def montrer(self, focus: tkinter.Misc | None = None, attendre: bool = True) -> object:
        return super().montrer(focus or self.texte, attendre)


def construire(parent: tkinter.Misc, app) -> ttk.Frame:
    return PageQuestionnaire(parent, app)
