"""Lock the window after a while without keyboard or mouse activity.

Why: the PC is shared with volunteers and the public walks by; an open file left on screen is a
disclosure. After ``Parametres.verrouillage_minutes`` without use, a cover hides everything and
asks the signed-in person's password again (same slow-down and lock rules as the sign-in).
"""

from __future__ import annotations

import time
import tkinter

import ttkbootstrap as ttk

from atelier_app.errors import UserError
from atelier_app.gui import polices
from atelier_app.gui.formulaires import Grille

VERIFIER_MS = 15_000


class Verrou:
    def __init__(self, app) -> None:
        self.app = app
        self.derniere_activite = time.monotonic()
        self.voile: ttk.Frame | None = None
        self.caches: list = []  # windows (a person's file…) hidden while locked
        racine = app.racine
        for evt in ("<Any-KeyPress>", "<Any-ButtonPress>", "<Motion>", "<MouseWheel>"):
            racine.bind_all(evt, self._activite, add="+")
        self._planifier()

    def _activite(self, _e=None) -> None:
        if self.voile is None:
            self.derniere_activite = time.monotonic()

    def _planifier(self) -> None:
        try:
            self.app.racine.after(VERIFIER_MS, self._verifier)
        except Exception:  # the window is gone
            return

    def delai_secondes(self) -> float:
        return self.app.services.centre.parametres().verrouillage_minutes * 60

    def _verifier(self) -> None:
        minutes = self.app.services.centre.parametres().verrouillage_minutes
        if (self.voile is None and minutes > 0 and self.app.services.comptes.existe_des_comptes()
                and time.monotonic() - self.derniere_activite >= self.delai_secondes()):
            self.verrouiller()
        self._planifier()

    def verrouiller(self) -> None:
        """Cover the whole window and ask for the password."""
        if self.voile is not None:
            return
        u = self.app.services.ctx.utilisateur
        # The cover only hides the main window: an open person's file is a window of its own.
        self.caches = [f for f in self.app.racine.winfo_children()
                       if isinstance(f, tkinter.Toplevel) and f.winfo_viewable()]
        self.prise = self.app.racine.grab_current()  # a modal window keeps the keyboard: take it back
        if self.prise is not None:
            self.prise.grab_release()
        for f in self.caches:
            f.withdraw()
        v = ttk.Frame(self.app.racine, padding=40)
        v.place(relx=0, rely=0, relwidth=1, relheight=1)
        v.lift()
        boite = ttk.Frame(v)
        boite.place(relx=0.5, rely=0.35, anchor="center")
        ttk.Label(boite, text="Atelier est verrouillé", font=polices.TITRE).pack(anchor="w")
        ttk.Label(boite, text=f"Compte : {u.identifiant}. Tapez votre mot de passe pour reprendre.",
                  wraplength=460, justify="left").pack(anchor="w", pady=(6, 12))
        g = Grille(boite)
        g.cadre.pack(fill="x")
        self.mot_de_passe = g.texte("Mot de passe", largeur=28)
        self.mot_de_passe.configure(show="•")
        self.message = ttk.Label(boite, text="", bootstyle="danger", wraplength=460, justify="left")
        self.message.pack(anchor="w", pady=(8, 0))
        boutons = ttk.Frame(boite)
        boutons.pack(anchor="w", pady=(8, 0))
        ttk.Button(boutons, text="Déverrouiller (Entrée)", bootstyle="primary",
                   command=self.deverrouiller).pack(side="left")
        ttk.Button(boutons, text="Changer d'utilisateur", bootstyle="secondary",
                   command=self.app.changer_utilisateur).pack(side="left", padx=(8, 0))
        self.mot_de_passe.bind("<Return>", lambda _e: self.deverrouiller())
        self.voile = v
        self.mot_de_passe.focus_set()

    def deverrouiller(self) -> bool:
        if self.voile is None:
            return True
        try:
            self.app.services.comptes.connecter(self.app.services.ctx.utilisateur.identifiant,
                                                self.mot_de_passe.var.get())
        except UserError as exc:
            self.message.configure(text=exc.texte())
            self.mot_de_passe.var.set("")
            return False
        self.voile.destroy()
        self.voile = None
        self.derniere_activite = time.monotonic()
        for f in self.caches:
            if f.winfo_exists():
                f.deiconify()
        self.caches = []
        prise, self.prise = getattr(self, "prise", None), None
        if prise is not None and prise.winfo_exists():
            try:
                prise.grab_set()
            except tkinter.TclError:
                pass
        return True


def installer(app) -> Verrou:
    """Start watching for inactivity; call once after the sign-in."""
    app.verrou = Verrou(app)
    return app.verrou
