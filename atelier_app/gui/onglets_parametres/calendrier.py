"""Calendar settings: school-holiday zone, holiday periods typed by hand, volunteer mode, programmes.

Why hand-typed periods: the packaged school holidays end (summer 2028); after that the animateur
types the ministry's dates here so that generated sessions keep skipping the holidays.
"""

from __future__ import annotations

import tkinter
from dataclasses import replace
from datetime import date, datetime

import ttkbootstrap as ttk

from atelier_app.domain.calendrier import ZONES, fin_donnees_scolaires
from atelier_app.domain.centre import PeriodeVacances
from atelier_app.gui import dialogues
from atelier_app.gui.formulaires import BarreBoutons, Grille, liste, remplir, souple
from atelier_app.gui.onglets_parametres import empiler

TITRE = "Calendrier"
ORDRE = 30


def _jour(widget: ttk.DateEntry) -> date | None:
    v = widget.value
    return v.date() if isinstance(v, datetime) else v


class PageCalendrier(ttk.Frame):
    def __init__(self, parent: tkinter.Misc, app) -> None:
        super().__init__(parent, padding=12)
        self.app = app
        # rows that wrap (BarreBoutons): with large text nothing runs off the right edge
        ligne = BarreBoutons(self, ecart=14)
        ligne.pack(fill="x")
        ligne.placer(ttk.Label(ligne, text="Zone des vacances scolaires :"))
        self.zone = tkinter.StringVar()
        for z in ZONES:
            ligne.placer(ttk.Radiobutton(ligne, text=f"Zone {z}", value=z, variable=self.zone,
                                         command=lambda: self._enregistrer(zone_scolaire=self.zone.get())))
        souple(ttk.Label(self, text=f"Les vacances scolaires connues d'Atelier s'arrêtent le "
                                    f"{fin_donnees_scolaires():%d/%m/%Y}. Au-delà, saisissez les périodes "
                                    "ci-dessous (dates publiées par le ministère).",
                         justify="left")).pack(anchor="w", fill="x", pady=(12, 4))
        self.arbre = liste(self, (("nom", "Vacances", 220), ("debut", "Du", 110), ("fin", "Au", 110)), hauteur=5)
        self.arbre.cadre.pack(fill="x")
        self.arbre.bind("<Delete>", lambda _e: self.retirer())
        g = Grille(self)
        g.cadre.pack(fill="x", pady=8)
        self.nom = g.texte("Nom (ex. Toussaint 2028)")
        self.debut = g.champ("Du (JJ/MM/AAAA)", lambda p: ttk.DateEntry(p, date_format="%d/%m/%Y", first_weekday=0,
                                                                         value=None, width=12))
        self.fin = g.champ("Au (JJ/MM/AAAA)", lambda p: ttk.DateEntry(p, date_format="%d/%m/%Y", first_weekday=0,
                                                                      value=None, width=12))
        empiler(g.cadre)
        boutons = BarreBoutons(self)
        boutons.pack(fill="x")
        boutons.ajouter("Ajouter la période", self.ajouter, principal=True)
        boutons.ajouter("Retirer la période choisie (Suppr)", self.retirer)
        ttk.Separator(self).pack(fill="x", pady=12)
        self.benevole = tkinter.BooleanVar()
        ttk.Checkbutton(self, text="Mode bénévole", variable=self.benevole,
                        command=lambda: self._enregistrer(mode_benevole=self.benevole.get())).pack(anchor="w")
        souple(ttk.Label(self, text="L'écran ne montre alors que les séances du jour, les prénoms et noms des "
                                    "personnes, et ne permet que de noter les présences.", justify="left",
                         bootstyle="secondary")).pack(anchor="w", fill="x", padx=(28, 0))
        ttk.Separator(self).pack(fill="x", pady=12)
        souple(ttk.Label(self, text="Programme d'une activité (contenu prévu de chaque séance) :")).pack(
            anchor="w", fill="x")
        prog = BarreBoutons(self)
        prog.pack(fill="x", pady=(4, 0))
        self.activite = prog.placer(ttk.Combobox(prog, state="readonly", width=30))
        prog.ajouter("Modifier le programme…", self.programme)
        self.rafraichir()

    def rafraichir(self) -> None:
        p = self.app.services.centre.parametres()
        self.zone.set(p.zone_scolaire)
        self.benevole.set(p.mode_benevole)
        remplir(self.arbre, [(str(i), (v.nom, f"{v.debut:%d/%m/%Y}", f"{v.fin:%d/%m/%Y}"))
                             for i, v in enumerate(p.vacances_manuelles)])
        self.activites = self.app.services.centre.activites()
        self.activite.configure(values=[a.nom for a in self.activites])
        if self.activites and not self.activite.get():
            self.activite.current(0)

    def _enregistrer(self, **changes) -> None:
        p = self.app.services.centre.parametres()
        self.app.proteger(lambda: self.app.services.centre.enregistrer_parametres(replace(p, **changes)))
        self.rafraichir()

    def ajouter(self) -> None:
        debut, fin = _jour(self.debut), _jour(self.fin)
        if debut is None or fin is None:
            dialogues.erreur(self, "Période de vacances : tapez les deux dates, « Du » et « Au » (JJ/MM/AAAA).")
            return
        if fin < debut:
            dialogues.erreur(self, f"Période de vacances : la fin ({fin:%d/%m/%Y}) est avant le début "
                                   f"({debut:%d/%m/%Y}).")
            return
        p = self.app.services.centre.parametres()
        periodes = sorted((*p.vacances_manuelles, PeriodeVacances(debut, fin, self.nom.var.get().strip())),
                          key=lambda v: v.debut)
        self._enregistrer(vacances_manuelles=tuple(periodes))
        self.nom.var.set("")
        self.debut.set_date(None)
        self.fin.set_date(None)

    def retirer(self) -> None:
        i = self.arbre.focus()
        if not i:
            return
        p = self.app.services.centre.parametres()
        self._enregistrer(vacances_manuelles=tuple(v for k, v in enumerate(p.vacances_manuelles) if str(k) != i))

    def programme(self) -> None:
        from atelier_app.gui.screens.seances import EditeurProgramme

        i = self.activite.current()
        if 0 <= i < len(self.activites):
            EditeurProgramme(self, self.app, self.activites[i].id).montrer()


def construire(parent: tkinter.Misc, app) -> ttk.Frame:
    return PageCalendrier(parent, app)
