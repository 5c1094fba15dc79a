"""Editing the information notice and the register of processing (Paramètres › Données personnelles).

Why section by section: each section answers one item of the GDPR (docs/rgpd-checklist.md); the
director corrects the proposed text where the centre differs (its DPO, its partners, a host)
without being able to drop an item by accident.
"""

from __future__ import annotations

import tkinter

import ttkbootstrap as ttk

from atelier_app.gui import dialogues
from atelier_app.gui.formulaires import Modale, souple

TITRES = {"notice": "Notice d'information", "registre": "Registre des traitements"}


class EditeurTextes(Modale):
    def __init__(self, parent: tkinter.Misc, app, quoi: str) -> None:
        super().__init__(parent, f"Modifier : {TITRES[quoi]}")
        self.app, self.quoi = app, quoi
        rgpd = app.services.rgpd
        self.sections = [list(s) for s in rgpd.textes(quoi)]
        souple(ttk.Label(self.corps, justify="left", wraplength=760,
                         text="Chaque partie répond à un point du RGPD. Corrigez ce qui diffère chez vous ; "
                              "« Rétablir le texte proposé » revient au texte établi d'après les réglages du "
                              "centre." + (" Ce texte a déjà été modifié." if rgpd.texte_modifie(quoi) else ""))
              ).pack(fill="x", anchor="w", pady=(0, 8))
        ligne = ttk.Frame(self.corps)
        ligne.pack(fill="x", pady=(0, 8))
        ttk.Label(ligne, text="Délégué à la protection des données (vide s'il n'y en a pas) :").pack(side="left")
        self.dpo = tkinter.StringVar(value=rgpd.situation().dpo)
        ttk.Entry(ligne, textvariable=self.dpo, width=36).pack(side="left", fill="x", expand=True, padx=(8, 0))
        milieu = ttk.Frame(self.corps)
        milieu.pack(fill="both", expand=True)
        self.liste = tkinter.Listbox(milieu, width=34, height=16, exportselection=False, activestyle="dotbox")
        for t, _x in self.sections:
            self.liste.insert("end", t)
        self.liste.pack(side="left", fill="y")
        self.texte = tkinter.Text(milieu, width=64, height=16, wrap="word", undo=True)
        self.texte.pack(side="left", fill="both", expand=True, padx=(8, 0))
        self.courante = 0
        self.liste.bind("<<ListboxSelect>>", lambda _e: self._choisir())
        self.bouton("Annuler (Échap)", self.annuler)
        self.bouton("Rétablir le texte proposé", self.retablir)
        self.bouton("Enregistrer (Ctrl+S)", self.enregistrer, principal=True)
        self.bind("<Control-s>", lambda _e: self.enregistrer())
        self.liste.selection_set(0)
        self._montrer(0)

    def _garder(self) -> None:
        self.sections[self.courante][1] = self.texte.get("1.0", "end").strip()

    def _montrer(self, i: int) -> None:
        self.courante = i
        self.texte.delete("1.0", "end")
        self.texte.insert("1.0", self.sections[i][1])

    def _choisir(self) -> None:
        sel = self.liste.curselection()
        if sel and sel[0] != self.courante:
            self._garder()
            self._montrer(sel[0])

    def enregistrer(self) -> None:
        self._garder()
        sections = tuple((t, x) for t, x in self.sections)
        if self.app.proteger(lambda: self.app.services.rgpd.enregistrer_textes(
                self.quoi, sections, dpo=self.dpo.get()) or True):
            self.resultat = True
            self.fermer()

    def retablir(self) -> None:
        if not dialogues.confirmer(self, f"Revenir au texte proposé pour « {TITRES[self.quoi]} » ? "
                                         "Vos corrections seront perdues."):
            return
        if self.app.proteger(lambda: self.app.services.rgpd.enregistrer_textes(
                self.quoi, None, dpo=self.dpo.get()) or True):
            self.resultat = True
            self.fermer()

    def ouvrir(self, attendre: bool = True) -> object:
        return self.montrer(self.texte, attendre)
