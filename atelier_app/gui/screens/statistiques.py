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

from atelier_app.domain.fiches import CHAMPS_MODIFIABLES
from atelier_app.gui import dialogues
from atelier_app.gui.chiffres_ecran import en_cours, evolution
from atelier_app.gui.ecran import Ecran
from atelier_app.gui.formulaires import BarreBoutons, Modale, souple, valeur_texte

TOUTES = "Toutes les activités"


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
        self.activite.bind("<<ComboboxSelected>>", lambda _e: self.calculer())

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
        self.en_cours = souple(ttk.Label(self, text="", bootstyle="warning", justify="left"))
        self.en_cours.pack(fill="x", pady=(0, 4))
        corps = ttk.Frame(self)
        corps.pack(fill="both", expand=True)
        corps.lift(filtres)  # Tab goes from the filters to the figures, then to the buttons
        corps.columnconfigure(0, weight=11)
        corps.columnconfigure(1, weight=9)
        corps.rowconfigure(0, weight=1)
        gauche = ttk.Frame(corps)
        gauche.grid(row=0, column=0, sticky="nsew")
        self.arbre = ttk.Treeview(gauche, columns=("nombre", "pct", "avant", "evol"), show="tree headings",
                                  selectmode="browse")
        for cle, titre, largeur in (("nombre", "Nombre", 70), ("pct", "%", 60), ("avant", "Année préc.", 70),
                                    ("evol", "Évolution", 80)):
            self.arbre.heading(cle, text=titre, anchor="e")
            self.arbre.column(cle, width=largeur, anchor="e", stretch=False)
        self.arbre.heading("#0", text="Indicateur", anchor="w")
        # wide enough for « Commune de résidence des bénéficiaires » without cutting it
        self.arbre.column("#0", width=330, minwidth=260, stretch=True)
        barre = ttk.Scrollbar(gauche, orient="vertical", command=self.arbre.yview)
        self.arbre.configure(yscrollcommand=barre.set)
        self.arbre.pack(side="left", fill="both", expand=True)
        barre.pack(side="right", fill="y")
        self.zone_graphique = ttk.Frame(corps, padding=(8, 0, 0, 0))
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
        self.calculer()

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
    def calculer(self) -> None:
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
        self._avancer(0.1, "Calcul des statistiques…")
        _lancer(self.app, lambda _av: pour_periode(collecter, *periode, activite), self._afficher)

    def _afficher(self, stats) -> None:
        from atelier_app.reports import cellules
        from atelier_app.reports.cellules import titre as titre_section

        self.stats = stats
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
        from matplotlib.backends.backend_tkagg import FigureCanvasTkAgg

        from atelier_app.reports.graphiques import figure

        if self._canevas is not None:
            self._canevas.get_tk_widget().destroy()
            self._canevas = None
        if not section.graphique:
            return
        avant = str(self.stats.precedent[0].year) if self.stats.precedent and section.graphique != "mois" else None
        fig = figure(section, str(self.stats.debut.year), avant, largeur=5.2)
        self._canevas = FigureCanvasTkAgg(fig, master=self.zone_graphique)
        self._canevas.draw()
        self._canevas.get_tk_widget().configure(takefocus=0)
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


class DialogueFiche(Modale):
    """The sheet on screen: every label in order; Chiffres and the year's texts are editable."""

    EDITABLES = ("chiffres", *CHAMPS_MODIFIABLES)

    def __init__(self, parent: tkinter.Misc, app, fiche) -> None:
        super().__init__(parent, f"Fiche bilan {fiche.annee} — {fiche.titre}")
        self.app, self.fiche, self.ecran = app, fiche, parent
        self.textes: dict[str, tkinter.Text] = {}
        self.corps.columnconfigure(1, weight=1)
        for i, lg in enumerate(fiche.lignes):
            ttk.Label(self.corps, text=lg.libelle, font="AtelierGras", wraplength=230, justify="left").grid(
                row=i, column=0, sticky="nw", padx=(0, 12), pady=3)
            if lg.cle in self.EDITABLES:
                hauteur = {"chiffres": 5, "animateur": 1, "lieu": 1, "partenaires": 1, "public": 1}.get(lg.cle, 3)
                t = tkinter.Text(self.corps, height=hauteur, width=80, wrap="word", undo=True)
                t.insert("1.0", lg.valeur)
                t.bind("<Tab>", lambda e: (e.widget.tk_focusNext().focus_set(), "break")[1])
                t.bind("<Shift-Tab>", lambda e: (e.widget.tk_focusPrev().focus_set(), "break")[1])
                t.grid(row=i, column=1, sticky="ew", pady=3)
                self.textes[lg.cle] = t
            else:
                ttk.Label(self.corps, text=lg.valeur, wraplength=560, justify="left").grid(
                    row=i, column=1, sticky="w", pady=3)
        self.mention = ttk.Label(self.corps, text="", bootstyle="secondary")
        self.mention.grid(row=len(fiche.lignes), column=1, sticky="w")
        self._mention()
        self.bouton("Fermer (Échap)", self.annuler)
        self.bouton("Imprimer en PDF (Ctrl+P)", self.imprimer)
        self.bouton("Enregistrer (Ctrl+S)", self.enregistrer, principal=True)
        self.bouton("Revenir au texte calculé", self.revenir)
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
