"""Before a sheet or the annual report is printed: the empty fields of each sheet, to fill there.

Why a dialog and not a blank row: a « Perspectives » left empty goes to the funders as if the team
had nothing to say. The dialog lists every empty field sheet by sheet, lets the team write them in
place (saved through ``services.fiches.enregistrer``), or print anyway knowingly.
"""

from __future__ import annotations

import tkinter

import ttkbootstrap as ttk

from atelier_app.gui import dialogues
from atelier_app.gui.formulaires import Modale, valeur_texte
from atelier_app.reports.fiche import avertissement_petits, champs_vides


class DialogueChampsVides(Modale):
    """``resultat``: True to print (after saving what was written), None to go back."""

    def __init__(self, parent: tkinter.Misc, app, manquants: list) -> None:
        super().__init__(parent, "Champs vides avant l'impression")
        self.app = app
        self.manquants = manquants
        self.textes: dict[tuple[str, int, str], tkinter.Text] = {}
        n = sum(len(v) for _f, v in manquants)
        ttk.Label(self.corps, text=(f"{n} champ{'s' if n > 1 else ''} vide{'s' if n > 1 else ''} : "
                                    "ils seraient imprimés en blanc. Remplissez-les ici, ou imprimez quand même."),
                  wraplength=640, justify="left").pack(anchor="w", pady=(0, 8))
        # many sheets (the annual report) can have dozens of empty fields: they scroll
        defile = ttk.ScrolledFrame(self.corps, auto_hide=True, height=min(460, 70 * n + 40), width=720)
        defile.pack(fill="both", expand=True)
        zone = getattr(defile, "content", defile)
        zone.columnconfigure(1, weight=1)
        rang = 0
        for fiche, vides in manquants:
            ttk.Label(zone, text=f"Fiche bilan {fiche.annee} — {fiche.titre}", font="AtelierGras").grid(
                row=rang, column=0, columnspan=2, sticky="w", pady=(8, 2))
            rang += 1
            for lg in vides:
                ttk.Label(zone, text=lg.libelle, wraplength=230, justify="left").grid(
                    row=rang, column=0, sticky="nw", padx=(0, 12), pady=2)
                t = tkinter.Text(zone, height=2, width=60, wrap="word", undo=True)
                t.grid(row=rang, column=1, sticky="ew", pady=2)
                t.bind("<Tab>", lambda e: (e.widget.tk_focusNext().focus_set(), "break")[1])
                self.textes[(fiche.activite, fiche.annee, lg.cle)] = t
                rang += 1
        self.bouton("Annuler (Échap)", self.annuler)
        self.bouton("Imprimer quand même", self.quand_meme)
        self.bouton("Enregistrer et imprimer", self.enregistrer_et_imprimer, principal=True)

    def enregistrer_et_imprimer(self) -> None:
        par_fiche: dict[tuple[str, int], dict[str, str]] = {}
        for (activite, annee, cle), t in self.textes.items():
            texte = valeur_texte(t)
            if texte:
                par_fiche.setdefault((activite, annee), {})[cle] = texte
        svc = self.app.services.fiches
        for (activite, annee), champs in par_fiche.items():
            chiffres = champs.pop("chiffres", None)
            if self.app.proteger(lambda a=activite, y=annee, c=chiffres, ch=champs: svc.enregistrer(a, y, c, ch)) is None:
                return
        self.resultat = True
        self.fermer()

    def quand_meme(self) -> None:
        self.resultat = True
        self.fermer()


def verifier(parent: tkinter.Misc, app, fiches: list) -> bool:
    """Whether to go on printing these sheets: True at once when no field is empty and no Chiffres
    rewritten by hand shows a count of 1 to 4 (the computed text masks them; a typed one prints as
    typed, so the team is asked before it reaches the funders)."""
    manquants = [(f, v) for f in fiches if (v := champs_vides(f))]
    if manquants and DialogueChampsVides(parent, app, manquants).montrer() is not True:
        return False
    petits = avertissement_petits(fiches)
    return not petits or dialogues.confirmer(parent, f"{petits}\n\nImprimer quand même ?")
