"""Activités et groupes: activities (report-sheet fields, information meeting), pre-lists, cycles and groups.

Why one screen with three tabs: workflow 1 goes from the activity's meeting to its pre-list and on
to its groups; the animateur moves along the tabs with Ctrl+Tab without losing the chosen activity.
"""

from __future__ import annotations

import tkinter
from dataclasses import replace

import ttkbootstrap as ttk

from atelier_app.domain.activites import Reunion
from atelier_app.gui import dialogues, polices, raccourcis
from atelier_app.gui.activites_groupes import OngletGroupes
from atelier_app.gui.activites_preliste import OngletPreliste
from atelier_app.gui.ecran import Ecran
from atelier_app.gui.formulaires import Grille, liste, premiere_ligne, remplir, valeur_texte

_CHAMPS = (("nom", "Nom"), ("animateur", "Animateur"), ("lieu", "Lieu"))
_ZONES = (("objectif_pedagogique", "Objectif pédagogique"), ("description", "Description"), ("public", "Public"),
          ("points_positifs", "Points positifs"), ("perspectives", "Perspectives"))


class EcranActivites(Ecran):
    titre = "Activités et groupes"
    aide = ("Activités, pré-listes et lettres d'invitation, cycles et groupes. Ctrl+Tab change d'onglet. "
            "Partenaires : séparez-les par des virgules.")

    def construire(self) -> None:
        self._chargee: str | None = None
        self.carnet = ttk.Notebook(self)
        self.carnet.pack(fill="both", expand=True)
        self.carnet.enable_traversal()
        self._onglet_activites()
        self.preliste = OngletPreliste(self.carnet, self.app)
        self.carnet.add(self.preliste, text="Pré-liste", underline=0)
        self.groupes = OngletGroupes(self.carnet, self.app)
        self.carnet.add(self.groupes, text="Cycles et groupes", underline=0)

    def _onglet_activites(self) -> None:
        cadre = ttk.Frame(self.carnet, padding=8)
        self.carnet.add(cadre, text="Activités", underline=0)
        # with large text the list goes above the form, which then keeps the whole width for its fields
        grand = polices.facteur() > 1.2
        self.liste_act = liste(cadre, [("nom", "Activité", 270)], hauteur=5 if grand else 12)
        self.liste_act.cadre.pack(side="top" if grand else "left", fill="x" if grand else "y")
        self.liste_act.bind("<<TreeviewSelect>>", lambda _e: self._charger())
        droite = ttk.Frame(cadre, padding=(0, 8) if grand else (12, 0))
        droite.pack(side="left", fill="both", expand=True)
        g = Grille(droite)
        g.cadre.pack(fill="both", expand=True)
        self.champs = {c: g.texte(lib) for c, lib in _CHAMPS}
        self.partenaires = g.texte("Partenaires")
        self.zones = {c: g.zone_texte(lib, hauteur=2) for c, lib in _ZONES}
        self.reunion_date = g.champ("Réunion d'information : date",
                                    lambda p: ttk.DateEntry(p, date_format="%d/%m/%Y", first_weekday=0, value=None,
                                                            width=12))
        self.reunion_heure = g.texte("Réunion : heure (HH:MM)", largeur=8)
        self.reunion_lieu = g.texte("Réunion : lieu")
        boutons = ttk.Frame(droite)
        boutons.pack(anchor="e", pady=8)
        ttk.Button(boutons, text="Rythme et créneaux…", bootstyle="secondary",
                   command=lambda: self.app.proteger(self.rythme)).pack(side="left", padx=(0, 8))
        ttk.Button(boutons, text="Enregistrer (Ctrl+S)", bootstyle="primary",
                   command=lambda: self.app.proteger(self.enregistrer)).pack(side="left")
        # owned by the form's tab: Ctrl+S on the other tabs, or in a dialog over them, saves nothing here
        raccourcis.lier(cadre, "<Control-s>", lambda _e: self.app.proteger(self.enregistrer))

    def _activite(self):
        sel = self.liste_act.selection()
        return self.services.centre.activite(sel[0]) if sel else None

    def _charger(self) -> None:
        a = self._activite()
        if a is None or a.id == self._chargee:
            return  # a refresh re-selects the same row: keep what is being typed and the other tabs' choice
        self._chargee = a.id
        for c, e in self.champs.items():
            e.var.set(getattr(a, c))
        self.partenaires.var.set(", ".join(a.partenaires))
        for c, t in self.zones.items():
            t.delete("1.0", "end")
            t.insert("1.0", getattr(a, c))
        self.reunion_date.set_date(a.reunion.date)
        self.reunion_heure.var.set(a.reunion.heure)
        self.reunion_lieu.var.set(a.reunion.lieu)
        self.preliste.choisir(a.id)
        self.groupes.choisir(a.id)

    def enregistrer(self) -> None:
        a = self._activite()
        if a is None:
            dialogues.avertir(self, "Activités : choisissez d'abord une activité dans la liste.")
            return
        heure = self.reunion_heure.var.get().strip()
        if heure and (len(heure) != 5 or heure[2] != ":" or not heure.replace(":", "").isdigit()):
            dialogues.erreur(self, f"Réunion d'information : heure invalide « {heure} » (HH:MM, par exemple 14:00).")
            return
        texte_date = self.reunion_date.entry.get().strip()
        d = self.reunion_date.get_date()
        if texte_date and d is None:
            dialogues.erreur(self, f"Réunion d'information : date invalide « {texte_date} » (JJ/MM/AAAA).")
            return
        valeurs = {c: e.var.get().strip() for c, e in self.champs.items()}
        valeurs.update({c: valeur_texte(t) for c, t in self.zones.items()})
        partenaires = tuple(x.strip() for x in self.partenaires.var.get().split(",") if x.strip())
        reunion = Reunion(d.date() if d else None, heure, self.reunion_lieu.var.get().strip())
        self.services.activites.modifier(replace(a, partenaires=partenaires, reunion=reunion, **valeurs))
        dialogues.informer(self, f"Activité « {valeurs['nom']} » enregistrée.")

    def rythme(self) -> None:
        """The activity's defaults for new cycles (groups, places, sessions, usual slots)."""
        from atelier_app.gui.dialogues_cycles import DialogueRythme

        a = self._activite()
        if a is None:
            dialogues.avertir(self, "Activités : choisissez d'abord une activité dans la liste.")
            return
        DialogueRythme(self.app, a).montrer()

    def rafraichir(self) -> None:
        remplir(self.liste_act, [(a.id, (a.nom,)) for a in self.services.centre.activites()])
        if not self.liste_act.selection() and self.liste_act.get_children():
            self.liste_act.selection_set(self.liste_act.get_children()[0])
            self.liste_act.focus(self.liste_act.get_children()[0])
        self.preliste.rafraichir()
        self.groupes.rafraichir()

    def premier_focus(self) -> tkinter.Misc | None:
        premiere_ligne(self.liste_act)
        return self.liste_act
