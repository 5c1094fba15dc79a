"""Sign-in dialog, and which areas each role sees.

Why the areas here: a volunteer uses the shared PC for the day's sessions only ("Aujourd'hui",
where the day's sessions open on the attendance); the services refuse the rest anyway, the menu
just does not offer it.
"""

from __future__ import annotations

import ttkbootstrap as ttk

from atelier_app.domain.roles import ROLES_LIBELLES, Role
from atelier_app.errors import UserError
from atelier_app.gui import polices
from atelier_app.gui.formulaires import Grille, Modale

ZONES_BENEVOLE = ["aujourdhui"]


def zones_pour_role(role: Role | str, toutes: list[str] | None = None) -> list[str]:
    """The areas of the main window a role sees (in the window's order)."""
    from atelier_app.gui.app import ZONES

    toutes = toutes if toutes is not None else [c for c, _l, _p in ZONES]
    if Role(role) == Role.BENEVOLE:
        return [z for z in toutes if z in ZONES_BENEVOLE]
    return list(toutes)


class DialogueConnexion(Modale):
    """Identifiant + mot de passe; the message says what went wrong and how long to wait."""

    def __init__(self, app, identifiant: str = "", titre: str = "Connexion à Atelier") -> None:
        super().__init__(app.racine, titre)
        self.app = app
        ttk.Label(self.corps, text=titre, font=polices.TITRE).pack(anchor="w")
        ttk.Label(self.corps, text="Chaque personne a son propre compte ; ne le prêtez pas.",
                  wraplength=420, justify="left").pack(anchor="w", pady=(4, 12))
        g = Grille(self.corps)
        g.cadre.pack(fill="x")
        self.identifiant = g.texte("Identifiant", identifiant, largeur=28)
        self.mot_de_passe = g.texte("Mot de passe", largeur=28)
        self.mot_de_passe.configure(show="•")
        self.message = ttk.Label(self.corps, text="", bootstyle="danger", wraplength=420, justify="left")
        self.message.pack(anchor="w", pady=(10, 0))
        self.bouton("Se connecter (Entrée)", self.valider, principal=True)
        self.bouton("Quitter (Échap)", self.annuler)
        self.bind("<Return>", lambda _e: self.valider())

    def valider(self) -> None:
        ident = self.identifiant.var.get().strip()
        if not ident:
            self.message.configure(text="Indiquez votre identifiant.")
            self.identifiant.focus_set()
            return
        try:
            u = self.app.services.comptes.connecter(ident, self.mot_de_passe.var.get())
        except UserError as exc:
            self.message.configure(text=exc.texte())
            self.mot_de_passe.var.set("")
            self.mot_de_passe.focus_set()
            return
        self.resultat = u
        self.fermer()
        appliquer_role(self.app)

    def ouvrir(self, attendre: bool = True) -> object:
        focus = self.mot_de_passe if self.identifiant.var.get() else self.identifiant
        return self.montrer(focus, attendre)


def appliquer_role(app) -> None:
    """Show only the areas of the signed-in role in the navigation bar, and who is signed in."""
    app.appliquer_role()
    etat = app.etat.cget("text")
    if "(" not in etat:
        app.etat.configure(text=f"{etat} ({ROLES_LIBELLES[app.services.ctx.role]})")


def session_ouverte(app) -> bool:
    """May the window show anything? Yes without accounts; with accounts only once someone signed
    in, and not while the idle lock covers the window (its shortcuts would act under the cover)."""
    comptes = app.services.comptes
    if not comptes.existe_des_comptes():
        return True
    verrou = getattr(app, "verrou", None)
    if verrou is not None and verrou.voile is not None:
        return False
    return comptes.est_connecte()


def vider(app) -> None:
    """Nobody signed in: no screen, no open file, no area button, no name in the header.

    Why destroy rather than hide: a hidden screen still holds people's data, and the next user
    may have fewer rights than the one who built it.
    """
    import tkinter

    if app.services.comptes.existe_des_comptes() and not app.services.comptes.est_connecte():
        app.services.comptes.deconnecter()  # the PC's default user has direction rights: drop them
    for f in list(app.racine.winfo_children()):
        if isinstance(f, tkinter.Toplevel) and f is not getattr(app, "dialogue_connexion", None):
            f.destroy()
    for ecran in app.ecrans.values():
        ecran.destroy()
    app.ecrans.clear()
    app.zone_courante = None
    for b in app.boutons.values():
        b.pack_forget()
    app.mettre_a_jour_barre()


def exiger_connexion(app, attendre: bool = True) -> bool:
    """When accounts exist, ask who is there before showing anything; False if they gave up."""
    if not app.services.comptes.existe_des_comptes():
        return True
    vider(app)
    d = DialogueConnexion(app)
    app.dialogue_connexion = d
    return d.ouvrir(attendre) is not None

