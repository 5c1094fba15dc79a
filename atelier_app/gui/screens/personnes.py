"""Personnes: find someone as you type, open their file, add, merge two records of one person."""

from __future__ import annotations

import tkinter

import ttkbootstrap as ttk

from atelier_app.domain.codes import GENRES, libelle
from atelier_app.domain.roles import Permission
from atelier_app.gui import dialogues
from atelier_app.gui.ecran import Ecran
from atelier_app.gui.fiche_personne import FichePersonne
from atelier_app.gui.formulaires import BarreBoutons, liste, premiere_ligne, remplir
from atelier_app.gui.fusion import AnnulerFusion, ChoixFusion

COLONNES = (
    ("nom", "Nom", 160), ("prenom", "Prénom", 140), ("annee", "Naissance", 90),
    ("genre", "Genre", 110), ("commune", "Commune", 160), ("telephone", "Téléphone", 130),
)


class EcranPersonnes(Ecran):
    titre = "Personnes"
    aide = "Tapez quelques lettres du nom, du prénom, de la commune ou du téléphone. Entrée ouvre la fiche."

    def construire(self) -> None:
        haut = ttk.Frame(self)
        haut.pack(fill="x", pady=(0, 8))
        ttk.Label(haut, text="Rechercher :").pack(side="left")
        self.recherche = tkinter.StringVar()
        self.compte = ttk.Label(haut, text="")
        self.compte.pack(side="right", padx=8)  # packed before the field: the count keeps its room
        self.champ = ttk.Entry(haut, textvariable=self.recherche, width=20)
        self.champ.pack(side="left", padx=8, fill="x", expand=True)
        # a bar that wraps: with large text every button stays on screen, on two lines if needed
        self.boutons = boutons = BarreBoutons(self)
        boutons.pack(fill="x", side="bottom", pady=(8, 0))
        boutons.ajouter("Nouvelle personne (Ctrl+N)", self.nouvelle, principal=True)
        boutons.ajouter("Ouvrir la fiche (Entrée)", self.ouvrir)
        boutons.ajouter("Fusionner deux fiches…", self.fusionner)
        boutons.ajouter("Annuler une fusion…", self.annuler_fusion)
        if self.services.ctx.peut(Permission.IMPORTER):
            boutons.ajouter("Importer une liste…", self.importer)
        boutons.ajouter("Exporter pour l'outil national…", self._exporter_coop)
        self.arbre = liste(self, COLONNES, selection="extended")
        self.arbre.cadre.pack(fill="both", expand=True)
        self._attente: str | None = None
        self.recherche.trace_add("write", lambda *_a: self._plus_tard())
        self.champ.bind("<Down>", lambda _e: premiere_ligne(self.arbre))
        self.champ.bind("<Return>", lambda _e: self._ouvrir_premiere())
        self.arbre.bind("<Return>", lambda _e: self.ouvrir())
        self.arbre.bind("<Double-1>", lambda _e: self.ouvrir())
        self.bind_all("<Control-n>", lambda _e: self.nouvelle() if self.winfo_ismapped() else None, add="+")

    def _exporter_coop(self) -> None:
        from atelier_app.gui import export_coop

        export_coop.exporter(self)

    def premier_focus(self) -> tkinter.Misc:
        return self.champ

    def _plus_tard(self) -> None:
        if self._attente:
            self.after_cancel(self._attente)
        self._attente = self.after(120, self.rafraichir)

    def rafraichir(self) -> None:
        self._attente = None
        texte = self.recherche.get()
        personnes = self.services.personnes.rechercher(texte, limite=500)
        remplir(self.arbre, [
            (p.id, (p.nom.upper(), p.prenom, p.annee_naissance or "", libelle(GENRES, p.genre), p.commune, p.telephone))
            for p in personnes
        ])
        total = self.services.personnes.nombre()
        montre = len(personnes)
        self.compte.configure(
            text=f"{montre} personne(s)" + (f" sur {total}" if texte.strip() else "")
            + (" — affinez la recherche" if montre >= 500 else "")
        )

    def _ouvrir_premiere(self) -> None:
        enfants = self.arbre.get_children()
        if len(enfants) >= 1:
            self.arbre.selection_set(enfants[0])
            self.arbre.focus(enfants[0])
            self.ouvrir()

    def nouvelle(self) -> None:
        p = FichePersonne(self, self.app).ouvrir()
        if p is not None:
            self.recherche.set(f"{p.nom} {p.prenom}")
            self.rafraichir()

    def ouvrir(self) -> None:
        sel = self.arbre.selection() or ((self.arbre.focus(),) if self.arbre.focus() else ())
        if not sel:
            return
        personne = self.app.proteger(lambda: self.services.personnes.personne(sel[0]))
        if personne is not None:
            FichePersonne(self, self.app, personne).ouvrir()
            self.rafraichir()
            if self.arbre.exists(sel[0]):
                self.arbre.selection_set(sel[0])
                self.arbre.focus(sel[0])
            self.arbre.focus_set()

    def fusionner(self) -> None:
        sel = self.arbre.selection()
        if len(sel) != 2:
            dialogues.informer(self, "Sélectionnez exactement deux fiches (Ctrl + clic, ou Maj + flèches), "
                                     "puis cliquez sur « Fusionner deux fiches… ».")
            return
        a, b = (self.services.personnes.personne(i) for i in sel)
        garder = ChoixFusion(self, a, b).montrer()
        if garder is None:
            return
        retirer = b.id if garder == a.id else a.id
        if self.app.proteger(lambda: self.services.personnes.fusionner(garder, retirer)) is not None:
            self.rafraichir()

    def importer(self) -> None:
        from atelier_app.gui import import_personnes

        import_personnes.importer(self)

    def annuler_fusion(self) -> None:
        if AnnulerFusion(self, self.app).ouvrir():
            self.rafraichir()
