"""The first-run assistant's step that creates the direction account.

Why in the assistant: from the first day, the PC shared with volunteers must not open on the
people's files without a password.
"""

from __future__ import annotations

import ttkbootstrap as ttk

from atelier_app.domain.comptes import raisons_refus
from atelier_app.gui.formulaires import Grille
from atelier_app.services.comptes import phrase_refus


class EtapeCompte:
    def __init__(self, assistant) -> None:
        self.assistant = assistant
        page = assistant._page(
            "Compte de la direction",
            "Ce compte ouvre Atelier et crée ensuite les comptes de l'équipe et des bénévoles. "
            "Mot de passe : au moins 12 caractères avec majuscule, minuscule, chiffre et caractère spécial, "
            "ou une phrase de passe d'au moins 14 caractères en 3 mots ou plus.",
        )
        g = Grille(page)
        g.cadre.pack(fill="x")
        self.identifiant = g.texte("Identifiant", "direction", largeur=30)
        self.mdp = g.texte("Mot de passe", largeur=30)
        self.mdp2 = g.texte("Encore une fois", largeur=30)
        for e in (self.mdp, self.mdp2):
            e.configure(show="•")
        self.message = ttk.Label(page, text="", bootstyle="danger", wraplength=640, justify="left")
        self.message.pack(anchor="w", pady=8)
        self.page = page

    def verifier(self) -> bool:
        """Before finishing: the account can be created (message shown otherwise)."""
        ident, mdp = self.identifiant.var.get().strip(), self.mdp.var.get()
        if not ident:
            self.message.configure(text="Indiquez un identifiant.")
            return False
        if mdp != self.mdp2.var.get():
            self.message.configure(text="Les deux mots de passe ne sont pas identiques.")
            return False
        raisons = raisons_refus(mdp, ident)
        if raisons:
            self.message.configure(text=phrase_refus(raisons))
            self.mdp.focus_set()
            return False
        return True

    def creer(self) -> bool:
        """Create the account and sign in with it (after the centre is saved)."""
        svc = self.assistant.app.services.comptes
        ident, mdp = self.identifiant.var.get().strip(), self.mdp.var.get()
        if self.assistant.app.proteger(lambda: svc.creer(ident, "direction", mdp)) is None:
            return False
        svc.connecter(ident, mdp)
        return True


def etape(assistant) -> EtapeCompte:
    """Add the step to the assistant (call in ``Assistant.__init__`` after the other steps)."""
    return EtapeCompte(assistant)
