"""Backups: made every day by themselves; here one can make one now or see them."""

from __future__ import annotations

import tkinter
from pathlib import Path

import ttkbootstrap as ttk

from atelier_app.domain.nombres import decimal, entier
from atelier_app.domain.roles import Permission
from atelier_app.gui import dialogues
from atelier_app.gui.formulaires import BarreBoutons, liste, remplir, souple

TITRE = "Sauvegardes"
ORDRE = 80


def VISIBLE(app) -> bool:
    return app.services.ctx.peut(Permission.SAUVEGARDER)


class PageSauvegardes(ttk.Frame):
    def __init__(self, parent: tkinter.Misc, app) -> None:
        super().__init__(parent, padding=12)
        self.app = app
        souple(ttk.Label(
            self, wraplength=800, justify="left",
            text="Atelier fait une sauvegarde à la première ouverture de chaque jour et avant chaque import. "
                 "Il garde la première sauvegarde de chacun des 8 derniers jours, 5 dernières semaines et 12 "
                 "derniers mois ; une sauvegarde faite à la main reste jusqu'à ce que vous la supprimiez. "
                 "Pour revenir à une "
                 "sauvegarde, choisissez-la puis « Restaurer » : Atelier se ferme, la remet en place et se rouvre ; "
                 "les fichiers actuels sont d'abord sauvegardés et gardés de côté, rien n'est effacé.",
        )).pack(anchor="w", fill="x")
        boutons = BarreBoutons(self)  # wraps at large text sizes (three long labels)
        boutons.pack(fill="x", pady=8)
        boutons.ajouter("Sauvegarder maintenant", self.sauvegarder, principal=True)
        boutons.ajouter("Restaurer la sauvegarde choisie…", self.restaurer)
        boutons.ajouter("Supprimer la sauvegarde choisie…", self.supprimer)
        self.arbre = liste(self, (("quand", "Date", 200), ("fichier", "Fichier", 420), ("taille", "Taille", 100)), 10)
        self.arbre.cadre.pack(fill="both", expand=True)
        self.arbre.bind("<Return>", lambda _e: self.restaurer())
        self.rafraichir()

    def rafraichir(self) -> None:
        lignes = []
        for s in self.app.services.donnees.sauvegardes():
            lignes.append((str(s.chemin), (s.libelle, s.chemin.name, taille_lisible(s.chemin))))
        remplir(self.arbre, lignes)

    def sauvegarder(self) -> None:
        chemin = self.app.proteger(lambda: self.app.services.donnees.sauvegarder(raison="manuelle"))
        if chemin is not None:
            dialogues.informer(self, f"Sauvegarde écrite :\n{chemin}")
            self.rafraichir()

    def supprimer(self) -> None:
        choix = self.arbre.focus()
        if not choix:
            dialogues.informer(self, "Choisissez d'abord une sauvegarde dans la liste.")
            return
        libelle = self.arbre.item(choix, "values")[0]
        if not dialogues.confirmer(self, f"Supprimer définitivement la sauvegarde du {libelle} ?"):
            return
        self.app.proteger(lambda: self.app.services.donnees.supprimer_sauvegarde(Path(choix)))
        self.rafraichir()

    def restaurer(self) -> None:
        choix = self.arbre.focus()
        if not choix:
            dialogues.informer(self, "Choisissez d'abord une sauvegarde dans la liste.")
            return
        libelle = self.arbre.item(choix, "values")[0]
        if not dialogues.confirmer(
            self, f"Remettre en place la sauvegarde du {libelle} ?\n\nAtelier va se fermer puis se rouvrir. "
                  "Ce qui a été saisi depuis sera gardé de côté (dossier mis_de_cote), pas effacé."):
            return
        chemin = self.app.proteger(lambda: self.app.services.donnees.preparer_restauration(Path(choix)))
        if chemin is not None:
            self.app.redemarrer_avec(chemin)


def construire(parent: tkinter.Misc, app) -> ttk.Frame:
    return PageSauvegardes(parent, app)


def taille_lisible(chemin: Path) -> str:
    """« 312 Ko », « 29,4 Mo »: a backup is a zip, or the folder of the data set aside by a restore
    (its own entry weighs 4 Ko; what it holds is what the person wants to know)."""
    try:
        if chemin.is_dir():
            octets = sum(f.stat().st_size for f in chemin.rglob("*") if f.is_file())
        else:
            octets = chemin.stat().st_size
    except OSError:
        return "?"
    ko = octets / 1024
    return f"{entier(ko)} Ko" if ko < 1024 else f"{decimal(ko / 1024)} Mo"
