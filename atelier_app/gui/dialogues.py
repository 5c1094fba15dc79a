"""Every message box goes through here, so that tests can answer them and wording stays French.

Why a wrapper: ttkbootstrap's dialogs are modal (they wait), and its ``yesno`` answers the localized
button text (« Oui » in French); here callers just get True or False.
"""

from __future__ import annotations

import tkinter

from ttkbootstrap import Messagebox, Querybox


def informer(parent: tkinter.Misc, message: str, titre: str = "Atelier") -> None:
    Messagebox.show_info(message, titre, parent=parent)


def avertir(parent: tkinter.Misc, message: str, titre: str = "Atelier") -> None:
    Messagebox.show_warning(message, titre, parent=parent)


def erreur(parent: tkinter.Misc, message: str, titre: str = "Atelier — problème") -> None:
    Messagebox.show_error(message, titre, parent=parent)


def confirmer(parent: tkinter.Misc, message: str, titre: str = "Atelier — confirmation") -> bool:
    reponse = Messagebox.yesno(message, titre, parent=parent)
    return reponse in ("Oui", "Yes", "oui", "yes", True)


def demander_texte(parent: tkinter.Misc, question: str, titre: str = "Atelier", initial: str = "") -> str | None:
    """None when the user cancels."""
    return Querybox.get_string(question, titre, value=initial, parent=parent)
