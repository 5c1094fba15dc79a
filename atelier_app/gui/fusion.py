"""Merging two records of one person: both side by side, differences highlighted, and the undo.

Why side by side: « Charrier Alain » and « Charrier Céline » looked alike in a one-line choice;
seeing every field, with a warning when first name, sex, year or commune differ, lets the user see
they are two people before anything is merged.
"""

from __future__ import annotations

import tkinter

import ttkbootstrap as ttk

from atelier_app.domain.fusion import CHAMPS, alertes, differences, valeur_lisible
from atelier_app.gui import dialogues
from atelier_app.gui.formulaires import Modale, liste, remplir, souple


class ChoixFusion(Modale):
    """Which record to keep; returns its id (None when cancelled)."""

    def __init__(self, parent: tkinter.Misc, a, b) -> None:
        super().__init__(parent, "Fusionner deux fiches")
        self.a, self.b = a, b
        souple(ttk.Label(
            self.corps, justify="left", wraplength=640,
            text="Les deux fiches décrivent-elles la même personne ? Les lignes surlignées diffèrent. "
                 "La fiche gardée est complétée par l'autre (un champ rempli l'emporte sur un champ vide), "
                 "« présent » l'emporte sur « absent » à une même séance, et la pré-liste garde une "
                 "demande par activité. Une sauvegarde est faite avant ; la fusion peut être annulée.",
        )).pack(fill="x", anchor="w", pady=(0, 8))
        self.alertes = alertes(a, b)
        if self.alertes:
            souple(ttk.Label(self.corps, bootstyle="danger", justify="left", wraplength=640,
                             text="Attention, ces fiches diffèrent sur l'identité ; ce sont peut-être deux "
                                  "personnes différentes :\n• "
                                  + "\n• ".join(self.alertes))).pack(fill="x", anchor="w", pady=(0, 8))
        # the choice is packed first (at the bottom) so that a small screen squeezes the table, not it
        ligne = ttk.Frame(self.corps)
        ligne.pack(fill="x", pady=(8, 0), side="bottom")
        self.arbre = liste(self.corps, (("champ", "", 170), ("a", "Fiche 1", 240), ("b", "Fiche 2", 240)),
                           hauteur=10, selection="none")
        self.arbre.tag_configure("diff", background="#fff3cd")
        self.arbre.cadre.pack(fill="both", expand=True)
        self.differences = differences(a, b)
        remplir(self.arbre, [(c, (lib, valeur_lisible(c, getattr(a, c)), valeur_lisible(c, getattr(b, c))))
                             for c, lib in CHAMPS])
        for c in self.differences:
            self.arbre.item(c, tags=("diff",))
        self.choix = tkinter.StringVar(value=a.id)
        ttk.Label(ligne, text="Garder :").pack(side="left")
        self.radios = []
        for n, p in ((1, a), (2, b)):
            r = ttk.Radiobutton(ligne, text=f"Fiche {n} ({p.nom.upper()} {p.prenom})", value=p.id, variable=self.choix)
            r.pack(side="left", padx=(12, 0))
            self.radios.append(r)
        self.bouton("Annuler (Échap)", self.annuler)
        self.bouton("Fusionner (Entrée)", self.valider, principal=True)
        self.bind("<Return>", lambda _e: self.valider())

    def valider(self) -> None:
        if self.alertes and not dialogues.confirmer(
                self, "Ces deux fiches diffèrent sur l'identité :\n" + "\n".join(self.alertes)
                + "\n\nFusionner quand même ?"):
            return
        self.resultat = self.choix.get()
        self.fermer()

    def montrer(self, focus=None, attendre: bool = True):  # type: ignore[override]
        return super().montrer(focus or self.radios[0], attendre)


class AnnulerFusion(Modale):
    """The merges that can still be undone; « Annuler la fusion » puts both records back."""

    def __init__(self, parent: tkinter.Misc, app) -> None:
        super().__init__(parent, "Annuler une fusion")
        self.app = app
        souple(ttk.Label(self.corps, justify="left", wraplength=560,
                         text="Les fusions des 90 derniers jours. L'annulation remet les deux fiches, leurs "
                              "présences, groupes, pré-listes, positionnements, projets et accompagnements "
                              "comme avant la fusion ; ce qui a été saisi depuis reste sur la fiche gardée.")
               ).pack(fill="x", anchor="w", pady=(0, 8))
        self.arbre = liste(self.corps, (("le", "Fusion du", 150), ("gardee", "Fiche gardée", 200),
                                        ("retiree", "Fiche retirée", 200)), hauteur=8)
        self.arbre.cadre.pack(fill="both", expand=True)
        self.bouton("Fermer (Échap)", self.annuler)
        self.bouton("Annuler la fusion", self.defaire, principal=True)
        self.rafraichir()

    def rafraichir(self) -> None:
        remplir(self.arbre, [(a.id, (f"{a.le:%d/%m/%Y %H:%M}", a.garder.nom_complet, a.retirer.nom_complet))
                             for a in self.app.services.personnes.fusions_annulables()])

    def defaire(self) -> None:
        sel = self.arbre.selection()
        if not sel:
            dialogues.avertir(self, "Choisissez d'abord une fusion dans la liste.")
            return
        r = self.app.proteger(lambda: self.app.services.personnes.annuler_fusion(sel[0]))
        if r is not None:
            dialogues.informer(self, f"Les fiches de {r[0].nom_complet} et de {r[1].nom_complet} sont rétablies.")
            self.resultat = True
            self.rafraichir()

    def ouvrir(self, attendre: bool = True):
        from atelier_app.gui.formulaires import premiere_ligne

        self.after_idle(lambda: premiere_ligne(self.arbre) if self.winfo_exists() else None)
        return self.montrer(self.arbre, attendre)
