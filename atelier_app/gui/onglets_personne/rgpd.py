"""Tab « Données personnelles » of a person's file: consents, export, anonymisation.

Why a strong confirmation for anonymising: it cannot be undone; typing the word makes it a
decision rather than a slipped Enter.
"""

from __future__ import annotations

import tkinter
from tkinter import filedialog

import ttkbootstrap as ttk

from atelier_app.domain.roles import Permission
from atelier_app.gui import dialogues, polices
from atelier_app.gui.formulaires import liste, remplir

TITRE = "Données personnelles"
ORDRE = 90
MOT_CONFIRMATION = "ANONYMISER"


class OngletRgpd(ttk.Frame):
    def __init__(self, parent: tkinter.Misc, app, personne) -> None:
        super().__init__(parent, padding=12)
        self.app, self.personne = app, personne
        ctx = app.services.ctx
        ttk.Label(self, text="Consentements", font=polices.GRAS).pack(anchor="w")
        self.arbre = liste(self, (("objet", "Objet", 220), ("le", "Donné le", 120), ("retire", "Retiré le", 120)), 5)
        self.arbre.cadre.pack(fill="x", pady=4)
        b = ttk.Frame(self)
        b.pack(fill="x")
        modifiable = ctx.peut(Permission.MODIFIER_PERSONNES) and not personne.anonymise
        self.b_ajouter = ttk.Button(b, text="Noter un consentement…", command=self.ajouter)
        self.b_retirer = ttk.Button(b, text="Retrait du consentement choisi", command=self.retirer)
        for w in (self.b_ajouter, self.b_retirer):
            w.pack(side="left", padx=(0, 8))
            if not modifiable:
                w.state(["disabled"])
        ttk.Separator(self).pack(fill="x", pady=10)
        ttk.Label(self, text="Droits de la personne", font=polices.GRAS).pack(anchor="w")
        ttk.Label(self, wraplength=640, justify="left",
                  text="Pour corriger, utilisez l'onglet Identité. L'export donne tout ce que le centre détient "
                       "sur la personne (PDF lisible et fichier JSON).").pack(anchor="w", pady=4)
        d = ttk.Frame(self)
        d.pack(fill="x")
        self.b_exporter = ttk.Button(d, text="Exporter ses données…", bootstyle="primary", command=self.exporter)
        self.b_exporter.pack(side="left")
        self.b_anonymiser = ttk.Button(d, text="Anonymiser…", bootstyle="danger", command=self.anonymiser)
        self.b_anonymiser.pack(side="left", padx=8)
        if not ctx.peut(Permission.EXPORTER):
            self.b_exporter.state(["disabled"])
        if not ctx.peut(Permission.ANONYMISER) or personne.anonymise:
            self.b_anonymiser.state(["disabled"])
        self.rafraichir()

    def rafraichir(self) -> None:
        remplir(self.arbre, [(str(i), (c.objet, f"{c.le:%d/%m/%Y}", f"{c.retire_le:%d/%m/%Y}" if c.retire_le else ""))
                             for i, c in enumerate(self.personne.consentements)])

    def _maj(self, p) -> None:
        self.personne = p
        fiche = self.winfo_toplevel()
        if hasattr(fiche, "personne"):
            fiche.personne = p  # the identity tab saves on top of the consents just recorded
        self.rafraichir()

    def ajouter(self) -> None:
        objet = dialogues.demander_texte(self, "Objet du consentement (par exemple : photos, envoi de SMS) :")
        if objet:
            p = self.app.proteger(lambda: self.app.services.rgpd.consentir(self.personne.id, objet))
            if p is not None:
                self._maj(p)

    def retirer(self) -> None:
        sel = self.arbre.selection()
        if not sel:
            dialogues.avertir(self, "Choisissez d'abord un consentement dans la liste.")
            return
        objet = self.personne.consentements[int(sel[0])].objet
        p = self.app.proteger(lambda: self.app.services.rgpd.retirer_consentement(self.personne.id, objet))
        if p is not None:
            self._maj(p)

    def exporter(self) -> None:
        from atelier_app.assemblage import dossier_exports

        dossier = filedialog.askdirectory(parent=self, title="Dossier où écrire l'export",
                                          initialdir=str(dossier_exports()))
        if not dossier:
            return
        r = self.app.proteger(lambda: self.app.services.documents.donnees_personne(self.personne.id, dossier))
        if r is not None:
            dialogues.informer(self, f"Export écrit :\n{r[0]}\n{r[1]}")

    def anonymiser(self) -> None:
        mot = dialogues.demander_texte(
            self, "L'anonymisation efface définitivement l'identité, les coordonnées, le responsable légal, les "
                  "consentements, les notes, les textes des projets et des réparations et les réponses aux "
                  "positionnements (le détail est dans la notice d'information). Les statistiques restent les "
                  f"mêmes.\nTapez {MOT_CONFIRMATION} pour confirmer :", "Anonymiser")
        if mot is None:
            return
        if mot.strip().upper() != MOT_CONFIRMATION:
            dialogues.avertir(self, f"Rien n'a été fait : il fallait taper {MOT_CONFIRMATION}.")
            return
        if self.app.proteger(lambda: self.app.services.rgpd.anonymiser(self.personne.id) or True):
            dialogues.informer(self, "La personne est anonymisée.")
            fiche = self.winfo_toplevel()
            if hasattr(fiche, "annuler"):
                fiche.annuler()  # its identity form still shows the old names: it must not save them back


def construire(parent: tkinter.Misc, app, personne) -> ttk.Frame:
    return OngletRgpd(parent, app, personne)
