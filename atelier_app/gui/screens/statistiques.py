"""Statistiques: the figures of a year or any period, the activity sheets and the annual report.

Why everything heavy runs through ``app.taches``: at ten-year scale the statistics and the report
take seconds; the window keeps answering and a progress bar says what is being done. The reports
compute (in plain Python: pandas is no dependency of the app), matplotlib is imported when a chart
is first drawn.
"""

from __future__ import annotations

import tkinter
from datetime import date, datetime
from pathlib import Path
from tkinter import filedialog

import ttkbootstrap as ttk

from atelier_app.gui import dialogues, polices
from atelier_app.gui.chiffres_ecran import en_cours, evolution
from atelier_app.gui.ecran import Ecran
from atelier_app.gui.fiche_bilan import DialogueFiche
from atelier_app.gui.formulaires import BarreBoutons, souple
from atelier_app.gui.statistiques_memoire import memoire

TOUTES = "Toutes les activités"
__all__ = ["DialogueFiche", "EcranStatistiques"]  # the sheet's dialog is opened from here


def _jour(widget: ttk.DateEntry) -> date | None:
    valeur = widget.get_date()
    if valeur is None:
        return None
    return valeur.date() if isinstance(valeur, datetime) else valeur


def _lancer(app, travail, fini, progression=None) -> None:
    app.taches.lancer(travail, fini, progression)


class EcranStatistiques(Ecran):
    titre = "Statistiques"
    aide = ("Choisissez l'année (ou une période) et l'activité, puis Entrée. Chaque chiffre est comparé à "
            "la même période de l'année précédente. Ici, les vrais chiffres ; dans les exports et le rapport "
            "destinés aux financeurs, les effectifs de moins de 5 personnes sont notés « < 5 », et « s » ceux "
            "qu'il faut masquer pour qu'un petit effectif ne se retrouve pas par différence.")

    def construire(self) -> None:
        self.stats = None
        self._cle_affichee: tuple | None = None  # what the figures on screen were computed for
        self.memoire = memoire(self.services)
        self._canevas = None
        self.activites: dict[str, str] = {}
        filtres = BarreBoutons(self, ecart=16)  # wraps onto two lines when the text is enlarged
        filtres.pack(fill="x", pady=(0, 8))
        aujourd_hui = self.services.ctx.aujourd_hui()
        annee = aujourd_hui.year
        f = filtres.placer(ttk.Frame(filtres))
        ttk.Label(f, text="Année :").pack(side="left")
        self.annee = tkinter.StringVar(value=str(annee))
        self.champ_annee = ttk.Spinbox(f, from_=2000, to=2100, textvariable=self.annee, width=6,
                                       command=self._annee_changee)
        self.champ_annee.pack(side="left", padx=(4, 0))
        self.champ_annee.bind("<FocusOut>", lambda _e: self._annee_changee())
        f = filtres.placer(ttk.Frame(filtres))
        ttk.Label(f, text="Du :").pack(side="left")
        self.du = ttk.DateEntry(f, date_format="%d/%m/%Y", first_weekday=0, value=date(annee, 1, 1), width=11)
        self.du.pack(side="left", padx=(4, 0))
        f = filtres.placer(ttk.Frame(filtres))
        ttk.Label(f, text="Au :").pack(side="left")
        self.au = ttk.DateEntry(f, date_format="%d/%m/%Y", first_weekday=0, value=min(date(annee, 12, 31), aujourd_hui),
                                width=11)
        self.au.pack(side="left", padx=(4, 0))
        f = filtres.placer(ttk.Frame(filtres))
        ttk.Label(f, text="Activité :").pack(side="left")
        self.activite = ttk.Combobox(f, state="readonly", width=26)
        self.activite.pack(side="left", padx=(4, 0))
        self.bouton_calculer = filtres.ajouter("Calculer (Entrée)", self.calculer, principal=True)
        for w in (self.du.entry, self.au.entry, self.activite):
            w.bind("<Return>", lambda _e: self.calculer())
        self.champ_annee.bind("<Return>", lambda _e: (self._annee_changee(), self.calculer()))
        self.activite.bind("<<ComboboxSelected>>", lambda _e: self.calculer(garder=True))

        actions = BarreBoutons(self)
        actions.pack(fill="x", side="bottom", pady=(8, 0))
        actions.ajouter("Fiche de l'activité… (Ctrl+B)", self.fiche)
        actions.ajouter("Rapport annuel… (Ctrl+R)", self.rapport)
        actions.ajouter("Exporter… (Ctrl+E)", self.exporter)
        actions.ajouter("Accompagnement individuel (Ctrl+I)", self.accompagnement, style="success")
        suivi = ttk.Frame(self)
        suivi.pack(fill="x", side="bottom", pady=(6, 0))
        self.progression = ttk.Progressbar(suivi, maximum=100, length=260)
        self.progression.pack(side="left")
        self.etat = ttk.Label(suivi, text="")
        self.etat.pack(side="left", padx=8)

        # a year in progress is compared with the same dates of last year, and says so (DESIGN.md)
        self.en_cours = souple(ttk.Label(self, text="", foreground=polices.AVERTISSEMENT, justify="left"))
        self.en_cours.pack(fill="x", pady=(0, 4))
        corps = ttk.Frame(self)
        corps.pack(fill="both", expand=True)
        corps.lift(filtres)  # Tab goes from the filters to the figures, then to the buttons
        # with large text the chart goes under the figures: beside them it left the table too narrow
        # for its columns of figures, and it cut its own title
        grand = polices.facteur() > 1.2
        corps.columnconfigure(0, weight=11)
        corps.columnconfigure(1, weight=0 if grand else 9)
        corps.rowconfigure(0, weight=1)
        gauche = ttk.Frame(corps)
        gauche.grid(row=0, column=0, columnspan=2 if grand else 1, sticky="nsew")
        gauche.rowconfigure(0, weight=1)
        gauche.columnconfigure(0, weight=1)
        self.arbre = ttk.Treeview(gauche, columns=("nombre", "pct", "avant", "evol"), show="tree headings",
                                  selectmode="browse")
        self.arbre.au_contenu = True  # its columns are sized here (polices.ajuster_colonnes leaves them)
        f = max(1.0, polices.facteur())
        for cle, titre, largeur in (("nombre", "Nombre", 70), ("pct", "%", 50), ("avant", "Année préc.", 70),
                                    ("evol", "Évolution", 80)):
            self.arbre.heading(cle, text=titre, anchor="e")
            self.arbre.column(cle, width=round(largeur * f), minwidth=round(largeur * f), anchor="e", stretch=False)
        self.arbre.heading("#0", text="Indicateur", anchor="w")
        # wide enough for « Commune de résidence des bénéficiaires » without cutting it; it gives way
        # first (the figures stay in sight) when the window is narrower, and the table scrolls beyond
        self.arbre.column("#0", width=round(330 * f), minwidth=round(170 * f), stretch=True)
        de_cote = ttk.Scrollbar(gauche, orient="horizontal", command=self.arbre.xview)

        def montrer_de_cote(debut: str, fin: str) -> None:
            """The sideways bar only when the columns are wider than the table."""
            de_cote.set(debut, fin)
            if (float(debut), float(fin)) == (0.0, 1.0):
                de_cote.grid_remove()
            else:
                de_cote.grid(row=1, column=0, sticky="ew")

        chiffres = sum(int(self.arbre.column(c, "width")) for c in self.arbre.cget("columns"))

        def ajuster(evt) -> None:
            libelles = max(round(170 * f), min(round(330 * f), evt.width - chiffres - 4))
            if int(self.arbre.column("#0", "width")) != libelles:
                self.arbre.column("#0", width=libelles)
            self.after_idle(lambda: montrer_de_cote(*(str(x) for x in self.arbre.xview())))

        self.arbre.bind("<Configure>", ajuster, add="+")
        barre = ttk.Scrollbar(gauche, orient="vertical", command=self.arbre.yview)
        self.arbre.configure(yscrollcommand=barre.set, xscrollcommand=montrer_de_cote)
        self.arbre.grid(row=0, column=0, sticky="nsew")
        barre.grid(row=0, column=1, sticky="ns")
        self.zone_graphique = ttk.Frame(corps, padding=(0, 8, 0, 0) if grand else (8, 0, 0, 0))
        if grand:
            self.zone_graphique.grid(row=1, column=0, columnspan=2, sticky="nsew")
        else:
            self.zone_graphique.grid(row=0, column=1, sticky="nsew")
        self.arbre.bind("<<TreeviewSelect>>", lambda _e: self._dessiner_selection())
        for touche, action in (("<Control-b>", self.fiche), ("<Control-r>", self.rapport),
                               ("<Control-e>", self.exporter), ("<Control-i>", self.accompagnement)):
            self.bind_all(touche, lambda _e, a=action: a() if self.winfo_ismapped() else None, add="+")

    def premier_focus(self) -> tkinter.Misc:
        return self.champ_annee

    # ------------------------------------------------------------ filters
    def _annee_changee(self) -> None:
        try:
            annee = int(self.annee.get())
        except ValueError:
            return
        if 2000 <= annee <= 2100:
            from atelier_app.domain.periode import annee as periode_annee

            p = periode_annee(annee, self.services.ctx.aujourd_hui())
            self.du.set_date(p.debut)
            self.au.set_date(p.fin)

    def activite_choisie(self) -> str | None:
        return self.activites.get(self.activite.get())

    def rafraichir(self) -> None:
        acts = self.services.centre.activites()
        self.activites = {a.nom: a.id for a in acts}
        courant = self.activite.get()
        self.activite.configure(values=[TOUTES, *self.activites])
        self.activite.set(courant if courant in self.activites else TOUTES)
        self.calculer(garder=True)

    def periode(self) -> tuple[date, date] | None:
        du, au = _jour(self.du), _jour(self.au)
        if du is None or au is None:
            dialogues.erreur(self, "Période : écrivez les deux dates sous la forme JJ/MM/AAAA.")
            return None
        if au < du:
            dialogues.erreur(self, f"Période : la date de fin ({au:%d/%m/%Y}) est avant la date de début "
                                   f"({du:%d/%m/%Y}).")
            return None
        return du, au

    # -------------------------------------------------------- statistics
    def calculer(self, garder: bool = False) -> None:
        """Compute the figures of the filters; ``garder``: a visit, which shows the figures kept
        from an earlier computation when the data has not changed since (``statistiques_memoire``)."""
        periode = self.periode()
        if periode is None:
            return
        from atelier_app.reports.statistiques import pour_periode

        # a period running past today stops today: compared with the same dates of last year, never
        # with the whole of it (DESIGN.md, "A year still in progress")
        du, au = periode
        aujourd_hui = self.services.ctx.aujourd_hui()
        if du <= aujourd_hui < au:
            periode = (du, aujourd_hui)
        collecter, activite = self.services.fiches.collecte, self.activite_choisie()
        cle = self.memoire.cle(*periode, activite, aujourd_hui, self.services.ctx.role)
        if garder and cle == self._cle_affichee:
            return  # on screen already, and still true
        gardees = self.memoire.lire(cle) if garder else None
        if gardees is not None:
            self._afficher(gardees, cle)
            return
        self._avancer(0.1, "Calcul des statistiques…")
        if garder and self.memoire.rejoindre(cle, self._calcule):
            return
        memoire = self.memoire
        memoire.commencer(cle, self._calcule)

        def travail(_avancer):
            try:
                return pour_periode(collecter, *periode, activite)
            except BaseException:
                memoire.abandonner(cle)
                raise

        _lancer(self.app, travail, lambda stats: memoire.finir(cle, stats))

    def _calcule(self, stats, cle: tuple) -> None:
        self._afficher(stats, cle if self.memoire.a_jour(cle) else None)

    def _afficher(self, stats, cle: tuple | None = None) -> None:
        from atelier_app.reports import cellules
        from atelier_app.reports.cellules import titre as titre_section

        self.stats, self._cle_affichee = stats, cle
        self._avancer(0, "")
        self.en_cours.configure(text=en_cours(stats, self.services.ctx.aujourd_hui()))
        self.arbre.delete(*self.arbre.get_children())
        if stats.precedent:
            self.arbre.heading("avant", text=str(stats.precedent[0].year) if stats.debut.year == stats.fin.year
                               else "Année préc.")
        premier = None
        for i, s in enumerate(stats.sections):
            parent = self.arbre.insert("", "end", iid=f"s{i}", text=titre_section(s), open=True)
            premier = premier or (parent if s.graphique else None)
            vide = cellules.sans_denominateur(s)
            for j, lg in enumerate(s.lignes):
                self.arbre.insert(parent, "end", iid=f"s{i}-{j}", text=cellules.libelle(lg),
                                  values=(cellules.taux(s, lg, lg.valeur), cellules.pourcentage(lg.pourcentage, vide=vide),
                                          cellules.taux(s, lg, lg.precedent, precedent=True),
                                          evolution(lg.valeur, lg.precedent, lg.unite)))
        if premier:
            self.arbre.selection_set(premier)
            self.arbre.focus(premier)

    def _dessiner_selection(self) -> None:
        sel = self.arbre.selection()
        if not sel or self.stats is None:
            return
        section = self.stats.sections[int(sel[0].split("-")[0][1:])]
        self.dessiner(section)

    def dessiner(self, section) -> None:
        from atelier_app.gui.graphique_ecran import toile
        from atelier_app.reports.graphiques import figure

        if self._canevas is not None:
            self._canevas.get_tk_widget().destroy()
            self._canevas = None
        if not section.graphique:
            return
        avant = str(self.stats.precedent[0].year) if self.stats.precedent and section.graphique != "mois" else None
        self._canevas = toile(figure(section, str(self.stats.debut.year), avant, largeur=5.2), self.zone_graphique)
        self._canevas.get_tk_widget().pack(fill="both", expand=True)

    def _avancer(self, fraction: float, texte: str) -> None:
        self.progression.configure(value=round(100 * fraction))
        self.etat.configure(text=texte)

    # ---------------------------------------------------------- documents
    def demander_fichier(self, titre: str, nom: str, types: list[tuple[str, str]]) -> Path | None:
        from atelier_app.assemblage import dossier_exports

        chemin = filedialog.asksaveasfilename(parent=self, title=titre, initialdir=str(dossier_exports()),
                                              initialfile=nom, filetypes=types, defaultextension=types[0][1][1:])
        return Path(chemin) if chemin else None

    def fiche(self) -> None:
        activite = self.activite_choisie()
        if activite is None:
            dialogues.informer(self, "Choisissez d'abord une activité dans la liste « Activité » : "
                                     "la fiche bilan est faite pour une activité et une année.")
            self.activite.focus_set()
            return
        annee = (self.periode() or (date(int(self.annee.get()), 1, 1),))[0].year
        fiche = self.app.proteger(lambda: self.services.fiches.fiche(activite, annee))
        if fiche is not None:
            DialogueFiche(self, self.app, fiche).montrer(attendre=False)

    def rapport(self) -> None:
        from atelier_app.domain.roles import Permission

        if not self.services.ctx.peut(Permission.IMPRIMER):
            dialogues.erreur(self, "Votre compte ne permet pas d'imprimer des documents.")
            return
        try:
            annee = int(self.annee.get())
        except ValueError:
            dialogues.erreur(self, f"Année : « {self.annee.get()} » n'est pas une année (AAAA).")
            return
        if not self._fiches_remplies(annee):
            return
        chemin = self.demander_fichier("Rapport annuel", f"rapport-{annee}.pdf", [("PDF", "*.pdf")])
        if chemin is None:
            return
        documents = self.services.documents

        def fini(resultat) -> None:
            self._avancer(1.0, f"Rapport écrit : {resultat}")
            dialogues.informer(self, f"Le rapport annuel {annee} est écrit :\n{resultat}")

        _lancer(self.app, lambda avancer: documents.rapport(annee, chemin, avancer), fini, self._avancer)

    def _fiches_remplies(self, annee: int) -> bool:
        """Every sheet of the report checked for empty fields first (``champs_vides``)."""
        from atelier_app.gui import champs_vides

        svc = self.services
        fiches = self.app.proteger(lambda: [svc.fiches.fiche(a.id, annee) for a in svc.centre.activites()])
        return fiches is not None and champs_vides.verifier(self, self.app, fiches)

    def exporter(self) -> None:
        if self.stats is None:
            return
        stats = self.stats
        nom = f"statistiques-{stats.debut:%Y%m%d}-{stats.fin:%Y%m%d}.xlsx"
        chemin = self.demander_fichier("Exporter les statistiques", nom,
                                       [("Classeur Excel", "*.xlsx"), ("Classeur LibreOffice", "*.ods"),
                                        ("CSV pour Excel (;)", "*.csv")])
        if chemin is None:
            return
        from atelier_app.domain.roles import Permission

        if not self.services.ctx.peut(Permission.EXPORTER):
            dialogues.erreur(self, "Votre compte ne permet pas d'exporter des données.")
            return
        documents = self.services.documents

        def fini(resultat) -> None:
            self._avancer(1.0, f"Export écrit : {resultat}")
            dialogues.informer(self, f"Statistiques exportées :\n{resultat}")

        self._avancer(0.3, "Export en cours…")
        _lancer(self.app, lambda _av: documents.statistiques(stats.debut, stats.fin, chemin, stats.activite),
                fini)

    def accompagnement(self) -> None:
        from atelier_app.gui.accompagnement import FormulaireAccompagnement

        if FormulaireAccompagnement(self, self.app).ouvrir() is not None:
            self.calculer()
