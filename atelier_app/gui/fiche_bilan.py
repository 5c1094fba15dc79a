"""The activity's sheet (fiche bilan) on screen, opened from Statistiques (Ctrl+B).

Why a dialog of its own: the team reads every label in order before printing, and edits the
figures and the year's texts there; the printed sheet is made from what is saved.
"""

from __future__ import annotations

import tkinter

import ttkbootstrap as ttk

from atelier_app.domain.fiches import CHAMPS_MODIFIABLES
from atelier_app.gui import dialogues
from atelier_app.gui.formulaires import BarreBoutons, Modale, valeur_texte


class DialogueFiche(Modale):
    """The sheet on screen: every label in order; Chiffres and the year's texts are editable."""

    EDITABLES = ("chiffres", *CHAMPS_MODIFIABLES)

    def __init__(self, parent: tkinter.Misc, app, fiche) -> None:
        super().__init__(parent, f"Fiche bilan {fiche.annee} — {fiche.titre}")
        self.app, self.fiche, self.ecran = app, fiche, parent
        self.textes: dict[str, tkinter.Text] = {}
        self.corps.columnconfigure(1, weight=1)
        rangee = 0
        for lg in fiche.lignes:
            ttk.Label(self.corps, text=lg.libelle, font="AtelierGras", wraplength=230, justify="left").grid(
                row=rangee, column=0, sticky="nw", padx=(0, 12), pady=3)
            if lg.cle in self.EDITABLES:
                hauteur = {"chiffres": 5, "animateur": 1, "lieu": 1, "partenaires": 1, "public": 1}.get(lg.cle, 3)
                t = tkinter.Text(self.corps, height=hauteur, width=80, wrap="word", undo=True)
                t.insert("1.0", lg.valeur)
                t.bind("<Tab>", lambda e: (e.widget.tk_focusNext().focus_set(), "break")[1])
                t.bind("<Shift-Tab>", lambda e: (e.widget.tk_focusPrev().focus_set(), "break")[1])
                t.grid(row=rangee, column=1, sticky="ew", pady=3)
                self.textes[lg.cle] = t
            else:
                ttk.Label(self.corps, text=lg.valeur, wraplength=560, justify="left").grid(
                    row=rangee, column=1, sticky="w", pady=3)
            rangee += 1
            if lg.cle == "chiffres":
                # under the figures they act on: four buttons in the bottom row did not fit at 200 %
                sous = BarreBoutons(self.corps, ecart=12)
                sous.grid(row=rangee, column=1, sticky="ew", pady=(0, 6))
                self.mention = sous.placer(ttk.Label(sous, text="", bootstyle="secondary"))
                sous.placer(ttk.Button(sous, text="Revenir au texte calculé", command=self.revenir,
                                       bootstyle="secondary-outline"))
                rangee += 1
        self._mention()
        self.bouton("Fermer (Échap)", self.annuler)
        self.bouton("Imprimer en PDF (Ctrl+P)", self.imprimer)
        self.bouton("Enregistrer (Ctrl+S)", self.enregistrer, principal=True)
        self.bind("<Control-s>", lambda _e: self.enregistrer())
        self.bind("<Control-p>", lambda _e: self.imprimer())

    def _champs_remplis(self) -> bool:
        """The empty fields listed before printing (``champs_vides``); what is written there shows here."""
        from atelier_app.gui import champs_vides

        if not champs_vides.verifier(self, self.app, [self.fiche]):
            return False
        f = self.fiche
        self.fiche = self.app.services.fiches.fiche(f.activite, f.annee)
        for lg in self.fiche.lignes:
            t = self.textes.get(lg.cle)
            if t is not None and valeur_texte(t) != lg.valeur:
                t.delete("1.0", "end")
                t.insert("1.0", lg.valeur)
        return True

    def _mention(self) -> None:
        self.mention.configure(text="Chiffres modifiés à la main (le texte calculé reste disponible)."
                               if self.fiche.chiffres_modifies else "Chiffres calculés à partir des données.")

    def montrer(self, focus=None, attendre: bool = True):
        return super().montrer(focus=focus or self.textes["chiffres"], attendre=attendre)

    def enregistrer(self) -> bool:
        svc = self.app.services.fiches
        f = self.fiche
        champs = {k: valeur_texte(t) for k, t in self.textes.items() if k != "chiffres"}
        res = self.app.proteger(lambda: svc.enregistrer(f.activite, f.annee, valeur_texte(self.textes["chiffres"]),
                                                        champs))
        if res is None:
            return False
        self.fiche = res
        self._mention()
        return True

    def revenir(self) -> None:
        f = self.fiche
        res = self.app.proteger(lambda: self.app.services.fiches.revenir_au_calcule(f.activite, f.annee))
        if res is not None:
            self.fiche = res
            t = self.textes["chiffres"]
            t.delete("1.0", "end")
            t.insert("1.0", res.chiffres_calcules)
            self._mention()

    def imprimer(self) -> None:
        if not self.enregistrer():
            return
        if not self._champs_remplis():
            return
        f = self.fiche
        chemin = self.ecran.demander_fichier("Fiche bilan", f"fiche-{f.activite}-{f.annee}.pdf", [("PDF", "*.pdf")])
        if chemin is None:
            return
        if self.app.proteger(lambda: self.app.services.documents.fiche(f.activite, f.annee, chemin)) is not None:
            dialogues.informer(self, f"Fiche bilan écrite :\n{chemin}")
