"""The Personnes screen's « Exporter pour l'outil national… »: the people list in the Coop's template.

Why a module of its own: the screen gains one button; the file choice, the permission message and
the confirmation live here (the export itself is ``services.documents.beneficiaires_coop``).
"""

from __future__ import annotations

import tkinter
from pathlib import Path
from tkinter import filedialog

from atelier_app.gui import dialogues


def demander_fichier(parent: tkinter.Misc) -> Path | None:
    from atelier_app.assemblage import dossier_exports

    chemin = filedialog.asksaveasfilename(parent=parent, title="Bénéficiaires pour l'outil national",
                                          initialdir=str(dossier_exports()), initialfile="beneficiaires-coop.xlsx",
                                          filetypes=[("Classeur Excel", "*.xlsx")], defaultextension=".xlsx")
    return Path(chemin) if chemin else None


def exporter(ecran, demander=demander_fichier) -> int | None:
    """Ask where, write, say how many; None when cancelled or refused (the message says why)."""
    chemin = demander(ecran)
    if chemin is None:
        return None
    n = ecran.app.proteger(lambda: ecran.services.documents.beneficiaires_coop(chemin))
    if n is not None:
        dialogues.informer(ecran, f"{n} personne(s) écrite(s) dans {chemin}.\nDans l'outil national : "
                                  "Bénéficiaires, puis Importer des bénéficiaires, et choisissez ce fichier.")
    return n
