"""Tab « Comptes » of Paramètres: list, create, deactivate, reactivate, unlock, delete, reset a password,
and the idle-lock delay (direction only)."""

from __future__ import annotations

import tkinter

import ttkbootstrap as ttk

from atelier_app.domain.comptes import raisons_refus
from atelier_app.domain.roles import ROLES_LIBELLES, Permission
from atelier_app.gui import dialogues, raccourcis
from atelier_app.gui.formulaires import BarreBoutons, Grille, Modale, code_de, liste, remplir, souple
from atelier_app.services.comptes import VERROU_MAX, VERROU_MIN, phrase_refus

TITRE = "Comptes"
ORDRE = 90


def VISIBLE(app) -> bool:
    return app.services.ctx.peut(Permission.GERER_COMPTES)


class FenetreCompte(Modale):
    """New account (identifiant, role, password twice) or a new password for an existing one."""

    def __init__(self, parent: tkinter.Misc, app, identifiant: str | None = None, role: str = "benevole") -> None:
        super().__init__(parent, "Nouveau mot de passe" if identifiant else "Nouveau compte")
        self.app, self.existant = app, identifiant
        g = Grille(self.corps)
        g.cadre.pack(fill="x")
        self.identifiant = g.texte("Identifiant", identifiant or "", largeur=30)
        if identifiant:
            self.identifiant.configure(state="readonly")
        self.role = g.choix("Rôle", dict(ROLES_LIBELLES), role)
        if identifiant:
            self.role.configure(state="disabled")
        self.mdp = g.texte("Mot de passe", largeur=30)
        self.mdp2 = g.texte("Encore une fois", largeur=30)
        for e in (self.mdp, self.mdp2):
            e.configure(show="•")
        ttk.Label(self.corps, wraplength=460, justify="left",
                  text="Au moins 12 caractères avec majuscule, minuscule, chiffre et caractère spécial, "
                       "ou une phrase de passe d'au moins 14 caractères en 3 mots ou plus.").pack(anchor="w", pady=6)
        self.message = ttk.Label(self.corps, text="", bootstyle="danger", wraplength=460, justify="left")
        self.message.pack(anchor="w")
        self.bouton("Enregistrer (Entrée)", self.valider, principal=True)
        self.bouton("Annuler (Échap)", self.annuler)
        self.bind("<Return>", lambda _e: self.valider())

    def valider(self) -> None:
        ident, mdp = self.identifiant.var.get().strip(), self.mdp.var.get()
        if mdp != self.mdp2.var.get():
            self.message.configure(text="Les deux mots de passe ne sont pas identiques.")
            return
        raisons = raisons_refus(mdp, ident)
        if raisons:
            self.message.configure(text=phrase_refus(raisons))
            return
        svc = self.app.services.comptes
        if self.existant:
            ok = self.app.proteger(lambda: svc.changer_mot_de_passe(ident, mdp) or True)
        else:
            ok = self.app.proteger(lambda: svc.creer(ident, code_de(self.role, "benevole"), mdp))
        if ok:
            self.resultat = ident
            self.fermer()

    def ouvrir(self, attendre: bool = True) -> object:
        return self.montrer(self.mdp if self.existant else self.identifiant, attendre)


class PageComptes(ttk.Frame):
    def __init__(self, parent: tkinter.Misc, app) -> None:
        super().__init__(parent, padding=12)
        self.app = app
        souple(ttk.Label(self, wraplength=800, justify="left",
                         text="Chaque personne qui utilise Atelier a son compte. Direction : tout ; animateur·rice : "
                              "tout sauf les comptes et le journal ; bénévole : séances du jour et présences "
                              "seulement.")).pack(anchor="w", fill="x")
        barre = BarreBoutons(self)
        barre.pack(fill="x", pady=8)
        barre.ajouter("Nouveau compte… (Alt+N)", self.nouveau, principal=True)
        barre.ajouter("Nouveau mot de passe…", self.reinitialiser)
        barre.ajouter("Débloquer", self.debloquer)
        barre.ajouter("Réactiver", self.reactiver)
        barre.ajouter("Désactiver", self.desactiver, style="danger-outline")
        barre.ajouter("Supprimer…", self.supprimer, style="danger")
        raccourcis.lier(self, "<Alt-n>", lambda _e: self.nouveau())
        # packed before the list so that the list, not this row, gives way; wraps at large text sizes
        ligne = BarreBoutons(self)
        ligne.pack(fill="x", pady=(10, 0), side="bottom")
        ligne.placer(ttk.Label(ligne, text="Verrouiller après (minutes sans utilisation) :"))
        self.minutes = tkinter.StringVar(value=str(app.services.centre.parametres().verrouillage_minutes))
        ligne.placer(ttk.Spinbox(ligne, from_=VERROU_MIN, to=VERROU_MAX, width=5, textvariable=self.minutes))
        ligne.ajouter("Enregistrer", self.regler)
        self.arbre = liste(self, (("id", "Identifiant", 130), ("etat", "État", 220), ("role", "Rôle", 140),
                                  ("cree", "Créé le", 110)), 10)
        self.arbre.cadre.pack(fill="both", expand=True)
        self.rafraichir()

    def rafraichir(self) -> None:
        lignes = []
        svc = self.app.services.comptes
        self.roles = {}
        for c in svc.lister():
            etat = svc.etat(c)
            self.roles[c.id] = c.role
            lignes.append((c.id, (c.id, etat, ROLES_LIBELLES.get(c.role, c.role),
                                  f"{c.cree_le:%d/%m/%Y}" if c.cree_le else "")))
        remplir(self.arbre, lignes)

    def _choisi(self) -> str | None:
        sel = self.arbre.selection()
        if not sel:
            dialogues.avertir(self, "Choisissez d'abord un compte dans la liste.")
            return None
        return sel[0]

    def nouveau(self) -> None:
        if FenetreCompte(self, self.app).ouvrir():
            self.rafraichir()

    def reinitialiser(self) -> None:
        ident = self._choisi()
        if ident and FenetreCompte(self, self.app, ident, self.roles.get(ident, "benevole")).ouvrir():
            dialogues.informer(self, f"Le mot de passe de « {ident} » est changé.")

    def desactiver(self) -> None:
        ident = self._choisi()
        if ident and dialogues.confirmer(self, f"Désactiver le compte « {ident} » ? Il ne pourra plus se connecter."):
            self.app.proteger(lambda: self.app.services.comptes.desactiver(ident))
            self.rafraichir()

    def reactiver(self) -> None:
        ident = self._choisi()
        if ident and self.app.proteger(lambda: self.app.services.comptes.reactiver(ident) or True):
            self.rafraichir()
            dialogues.informer(self, f"Le compte « {ident} » peut de nouveau se connecter.")

    def debloquer(self) -> None:
        ident = self._choisi()
        if ident and self.app.proteger(lambda: self.app.services.comptes.debloquer(ident) or True):
            self.rafraichir()
            dialogues.informer(self, f"Le compte « {ident} » est débloqué ; son mot de passe n'a pas changé.")

    def supprimer(self) -> None:
        ident = self._choisi()
        if ident and dialogues.confirmer(
                self, f"Supprimer définitivement le compte « {ident} » ? Le journal garde la trace de ses actions. "
                      "Pour une absence, préférez « Désactiver »."):
            self.app.proteger(lambda: self.app.services.comptes.supprimer(ident))
            self.rafraichir()

    def regler(self) -> None:
        try:
            minutes = int(self.minutes.get().strip())
        except ValueError:
            dialogues.erreur(self, f"Verrouillage : écrivez un nombre de minutes entre {VERROU_MIN} et {VERROU_MAX}.")
            return
        if self.app.proteger(lambda: self.app.services.comptes.regler_verrouillage(minutes) or True):
            dialogues.informer(self, f"L'écran se verrouillera après {minutes} minute{'s' if minutes > 1 else ''} "
                                     "sans utilisation.")


def construire(parent: tkinter.Misc, app) -> ttk.Frame:
    return PageComptes(parent, app)
