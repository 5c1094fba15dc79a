"""A person's file: identity form first, then one tab per area (courses, attendance, projects…).

Why tabs discovered from ``gui/onglets_personne``: each area of the app adds what it knows about a
person (their cycles, their attendance, their projects) without touching this file. A tab module
has ``TITRE``, ``ORDRE`` and ``construire(parent, app, personne) -> widget``.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
import tkinter
from dataclasses import replace

import ttkbootstrap as ttk

from atelier_app.domain.codes import GENRES, STATUTS_SOCIAUX
from atelier_app.domain.francais import de
from atelier_app.domain.personnes import Personne
from atelier_app.errors import UserError
from atelier_app.gui import onglets_personne
from atelier_app.gui.formulaires import Grille, Modale, code_de, valeur_texte

log = logging.getLogger(__name__)


def onglets() -> list:
    mods = []
    for info in pkgutil.iter_modules(onglets_personne.__path__):
        mods.append(importlib.import_module(f"{onglets_personne.__name__}.{info.name}"))
    return sorted(mods, key=lambda m: getattr(m, "ORDRE", 50))


class FichePersonne(Modale):
    """Create (``personne`` None) or open a person's file."""

    def __init__(self, parent: tkinter.Misc, app, personne: Personne | None = None) -> None:
        super().__init__(parent, "Nouvelle personne" if personne is None else "Fiche " + de(f"{personne.prenom} {personne.nom}"))
        self.app = app
        self.personne = personne
        self.notebook = ttk.Notebook(self.corps)
        self.notebook.pack(fill="both", expand=True)
        identite = ttk.Frame(self.notebook, padding=12)
        self.notebook.add(identite, text="Identité", underline=0)
        self._formulaire(identite, personne or Personne(id="", nom="", prenom=""))
        if personne is not None:
            for mod in onglets():
                try:
                    w = mod.construire(self.notebook, app, personne)
                except Exception as exc:  # a broken tab must not stop the file from opening
                    log.exception("Onglet %s de la fiche", mod.__name__)
                    w = ttk.Label(self.notebook, text=f"Impossible d'afficher cet onglet : {exc}", padding=12)
                self.notebook.add(w, text=mod.TITRE)
        self.notebook.enable_traversal()
        self.bouton("Annuler", self.annuler)
        self.bouton("Enregistrer (Ctrl+S)", self.enregistrer, principal=True)
        self.bind("<Control-s>", lambda _e: self.enregistrer())

    def _formulaire(self, parent: tkinter.Misc, p: Personne) -> None:
        g = Grille(parent)
        g.cadre.pack(fill="both", expand=True)
        self.nom = g.texte("Nom", p.nom)
        self.prenom = g.texte("Prénom", p.prenom)
        self.annee = g.texte("Année de naissance", str(p.annee_naissance or ""), largeur=8)
        self.genre = g.choix("Genre", GENRES, p.genre)
        self.statut = g.choix("Situation", STATUTS_SOCIAUX, p.statut_social)
        self.adresse = g.texte("Adresse", p.adresse)
        self.cp = g.texte("Code postal", p.code_postal, largeur=8)
        self.commune = g.texte("Commune", p.commune)
        self.telephone = g.texte("Téléphone", p.telephone)
        self.email = g.texte("E-mail", p.email)
        self.responsable = g.texte("Responsable légal (mineurs)", p.responsable_legal)
        self.tel_responsable = g.texte("Téléphone du responsable", p.telephone_responsable)
        self.droit_image = g.case("Droit à l'image accordé (photos et vidéos)", p.droit_image)
        self.notes = g.zone_texte("Notes", p.notes)
        ttk.Label(
            parent,
            text="Seule l'année de naissance est demandée : elle suffit pour les statistiques.",
            bootstyle="secondary",
        ).pack(anchor="w", pady=(8, 0))

    def lire(self) -> Personne:
        texte_annee = self.annee.var.get().strip()
        annee = None
        if texte_annee:
            if not texte_annee.isdigit() or len(texte_annee) != 4:
                raise UserError(f"L'année de naissance doit s'écrire avec 4 chiffres (« {texte_annee} » ne convient pas).")
            annee = int(texte_annee)
        base = self.personne or Personne(id="", nom="", prenom="", cree_le=self.app.services.ctx.aujourd_hui())
        return replace(
            base,
            nom=self.nom.var.get().strip(),
            prenom=self.prenom.var.get().strip(),
            annee_naissance=annee,
            genre=code_de(self.genre, "non_communique") or "non_communique",
            statut_social=code_de(self.statut, "non_communique") or "non_communique",
            adresse=self.adresse.var.get().strip(),
            code_postal=self.cp.var.get().strip(),
            commune=self.commune.var.get().strip(),
            telephone=self.telephone.var.get().strip(),
            email=self.email.var.get().strip(),
            responsable_legal=self.responsable.var.get().strip(),
            telephone_responsable=self.tel_responsable.var.get().strip(),
            droit_image=bool(self.droit_image.var.get()),
            notes=valeur_texte(self.notes),
        )

    def enregistrer(self) -> None:
        try:
            p = self.lire()
            svc = self.app.services.personnes
            self.resultat = svc.ajouter(p) if self.personne is None else svc.modifier(p)
        except Exception as exc:
            self.app.montrer_erreur(exc)
            return
        self.fermer()

    def ouvrir(self, attendre: bool = True) -> Personne | None:
        return self.montrer(self.nom, attendre)  # type: ignore[return-value]
