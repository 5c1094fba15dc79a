"""Every message box goes through here, so that tests can answer them and wording stays French.

Why a wrapper: ttkbootstrap's dialogs are modal (they wait), and its ``yesno`` answers the localized
button text (« Oui » in French); here callers just get True or False.
"""

from __future__ import annotations

import tkinter

import ttkbootstrap as ttk
from ttkbootstrap import Messagebox


def informer(parent: tkinter.Misc, message: str, titre: str = "Atelier") -> None:
    Messagebox.show_info(message, titre, parent=parent)


def avertir(parent: tkinter.Misc, message: str, titre: str = "Atelier") -> None:
    Messagebox.show_warning(message, titre, parent=parent)


def erreur(parent: tkinter.Misc, message: str, titre: str = "Atelier — problème") -> None:
    Messagebox.show_error(message, titre, parent=parent)


def confirmer(parent: tkinter.Misc, message: str, titre: str = "Atelier — confirmation") -> bool:
    # The buttons are named here: without a French locale installed, ttkbootstrap shows « Yes / No ».
    reponse = Messagebox.yesno(message, titre, parent=parent, buttons=["Non:secondary", "Oui:primary"],
                               localize=False)
    return reponse in ("Oui", "Yes", "oui", "yes", True)


def demander_texte(parent: tkinter.Misc, question: str, titre: str = "Atelier", initial: str = "") -> str | None:
    """None when the user cancels.

    Why our own window rather than ``Querybox``: its keyword changed between ttkbootstrap versions
    (``value`` became ``initialvalue``) and the crash went unseen; a Modale has French buttons, the
    same keys as every other dialog, and tests can drive it like the user does.
    """
    from atelier_app.gui.formulaires import Modale, souple

    m = Modale(parent, titre)
    souple(ttk.Label(m.corps, text=question, justify="left", wraplength=460)).pack(fill="x", anchor="w")
    var = tkinter.StringVar(value=initial)
    champ = ttk.Entry(m.corps, textvariable=var, width=48)
    champ.pack(fill="x", pady=(8, 0))

    def valider() -> None:
        m.resultat = var.get()
        m.fermer()

    m.bouton("Valider (Entrée)", valider, principal=True)
    m.bouton("Annuler (Échap)", m.annuler)
    champ.bind("<Return>", lambda _e: valider())
    champ.select_range(0, "end")
    r = m.montrer(champ)
    return r if isinstance(r, str) else None
