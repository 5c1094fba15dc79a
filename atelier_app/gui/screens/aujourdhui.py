"""Aujourd'hui: today's sessions (one big « Faire l'appel » each), forgotten calls, people to phone,
places freed in full groups.

Why the home screen: attendance is what the annual report rests on; the first thing the app shows
must be the session about to start, one key away (Entrée on the focused button).
"""

from __future__ import annotations

import tkinter

import ttkbootstrap as ttk

from atelier_app.domain import comptage, nombres
from atelier_app.domain.codes import JOURS
from atelier_app.domain.francais import compte
from atelier_app.domain.roles import Permission
from atelier_app.gui import appel, polices
from atelier_app.gui.ecran import Ecran
from atelier_app.gui.formulaires import au_contenu, liste, remplir, souple


class EcranAujourdhui(Ecran):
    titre = "Aujourd'hui"

    def construire(self) -> None:
        self.date = ttk.Label(self.entete, text="", font=polices.GRAS)
        self.date.pack(side="left", padx=16)
        self.cadre_jour = ttk.Labelframe(self, text="Séances du jour", padding=12)
        self.cadre_jour.pack(fill="x")
        self.boutons_appel: list[ttk.Button] = []
        self.bas = ttk.Frame(self)
        self.bas.pack(fill="both", expand=True, pady=(12, 0))
        self.cadres: list[ttk.Labelframe] = []
        self.oublies = self._liste(0, "Appels oubliés (Entrée : faire l'appel)",
                                   (("date", "Date", 90), ("quoi", "Séance", 210)))
        self.oublies.bind("<Return>", lambda _e: self._appel_oublie())
        self.oublies.bind("<Double-1>", lambda _e: self._appel_oublie())
        self.rappeler = self._liste(1, "À rappeler (2 absences de suite ou plus)",
                                    (("nom", "Personne", 160), ("absences", "Absences", 70),
                                     ("groupe", "Groupe", 120), ("tel", "Téléphone", 100)))
        self.places = self._liste(2, "Places libérées", (("groupe", "Groupe", 110), ("places", "Places", 55),
                                                         ("attente", "Attente", 65)))

    def _liste(self, col: int, titre: str, colonnes) -> ttk.Treeview:
        cadre = ttk.Labelframe(self.bas, text=titre, padding=8)
        self.cadres.append(cadre)
        arbre = liste(cadre, colonnes, hauteur=6)
        arbre.plafond = 300  # type: ignore[attr-defined]  # side by side: each asks for little
        arbre.cadre.pack(fill="both", expand=True)
        arbre.titre = cadre  # type: ignore[attr-defined]
        return arbre

    def rafraichir(self) -> None:
        r = self.services.seances.aujourdhui()
        j = r.jour
        self.date.configure(text=f"{JOURS[j.weekday()].capitalize()} {nombres.date_longue(j)}")  # « 1er décembre »
        for w in self.cadre_jour.winfo_children():
            w.destroy()
        self.boutons_appel = []
        if not r.seances:
            ttk.Label(self.cadre_jour, text="Aucune séance prévue aujourd'hui.").pack(anchor="w")
        for ligne in r.seances:
            s = ligne.seance
            rang = ttk.Frame(self.cadre_jour)
            rang.pack(fill="x", pady=4)
            if comptage.est_annulee(s.etat):
                etat = f"annulée : {s.motif_annulation}"
            elif s.appel_fait:
                etat = f"appel fait ✓ — {compte(s.nb_venus, 'présent')}"
            else:
                etat = compte(ligne.nb_inscrits, "inscrit")
            b = ttk.Button(rang, text="Faire l'appel" if not s.appel_fait else "Revoir l'appel",
                           bootstyle="primary" if not s.appel_fait else "secondary", width=16,
                           command=lambda sid=s.id: self.faire_appel(sid))
            if comptage.est_annulee(s.etat):
                b.state(["disabled"])
            b.pack(side="left", ipady=6)
            souple(ttk.Label(rang, text=f"{ligne.libelle}   ({etat})", font=polices.GRAS)).pack(
                side="left", padx=12, fill="x", expand=True)  # wraps rather than cutting a long name
            self.boutons_appel.append(b)
        if r.benevole:
            self.bas.pack_forget()
            return
        if not self.bas.winfo_manager():
            self.bas.pack(fill="both", expand=True, pady=(12, 0))
        self._disposer()
        remplir(self.oublies, [(x.seance.id, (f"{x.seance.date:%d/%m/%Y}", f"{x.groupe} — {x.activite}"))
                               for x in r.oublies])
        tel = self.services.ctx.peut(Permission.VOIR_COORDONNEES)
        remplir(self.rappeler, [(f"{x.personne}|{x.groupe_id}", (x.nom, x.absences, x.groupe,
                                                              x.telephone if tel else ""))
                                for x in r.rappeler])
        remplir(self.places, [(x.groupe_id, (f"{x.groupe} — {x.activite}", x.places, x.en_attente))
                              for x in r.places])
        for arbre in (self.oublies, self.rappeler, self.places):
            au_contenu(arbre)  # nothing cut: a name or a phone number is read whole or not at all
        if not tel:
            self.rappeler.column("tel", width=0, minwidth=0)

    def _disposer(self) -> None:
        """Forgotten calls across the width (session names are long), then the people to phone and
        the freed places side by side; with large text, one list under the other."""
        empiler = polices.facteur() > 1.2
        for i in range(3):
            self.bas.columnconfigure(i, weight=0, uniform="")
            self.bas.rowconfigure(i, weight=0, uniform="")
        if empiler:
            for i, cadre in enumerate(self.cadres):
                cadre.grid(row=i, column=0, columnspan=1, sticky="nsew", pady=(0 if i == 0 else 6, 0), padx=0)
                self.bas.rowconfigure(i, weight=1, uniform="r")
            self.bas.columnconfigure(0, weight=1)
            return
        oublies, rappeler, places = self.cadres
        oublies.grid(row=0, column=0, columnspan=2, sticky="nsew", padx=0, pady=0)
        rappeler.grid(row=1, column=0, columnspan=1, sticky="nsew", padx=0, pady=(6, 0))
        places.grid(row=1, column=1, columnspan=1, sticky="nsew", padx=(6, 0), pady=(6, 0))
        self.bas.columnconfigure(0, weight=2)
        self.bas.columnconfigure(1, weight=1)
        for i in (0, 1):
            self.bas.rowconfigure(i, weight=1, uniform="r")

    def premier_focus(self) -> tkinter.Misc | None:
        actifs = [b for b in self.boutons_appel if b.instate(["!disabled"])]
        return actifs[0] if actifs else None

    def faire_appel(self, seance_id: str) -> None:
        self.app.proteger(lambda: appel.ouvrir(self, self.app, seance_id, attendre=False))

    def _appel_oublie(self) -> None:
        sid = self.oublies.focus()
        if sid:
            self.faire_appel(sid)
