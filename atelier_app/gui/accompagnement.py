"""The quick form of a help-desk request (*accompagnement individuel*), filled while the person is there.

Why so short: the help desk is busy; date, duration, themes and what followed take a few keys,
the person is optional (many come once). Themes are the national list, administrative ones
included, chosen with the arrows and the space bar.
"""

from __future__ import annotations

import tkinter
from datetime import date

import ttkbootstrap as ttk

from atelier_app.domain.codes import SUITES_ACCOMPAGNEMENT, THEMATIQUES_DEMARCHES, THEMATIQUES_MEDIATION
from atelier_app.gui import dialogues
from atelier_app.gui.formulaires import Modale, code_de

DUREES = {"15": "15 min", "30": "30 min", "45": "45 min", "60": "1 h", "90": "1 h 30", "120": "2 h"}


class FormulaireAccompagnement(Modale):
    def __init__(self, parent: tkinter.Misc, app) -> None:
        super().__init__(parent, "Accompagnement individuel")
        self.app = app
        self.services = app.services
        self.personne_id: str | None = None
        self._trouvees: list = []
        g = ttk.Frame(self.corps)
        g.pack(fill="both", expand=True)
        g.columnconfigure(1, weight=1)
        ttk.Label(g, text="Date :").grid(row=0, column=0, sticky="w", pady=4, padx=(0, 12))
        self.date = ttk.DateEntry(g, date_format="%d/%m/%Y", first_weekday=0,
                                  value=self.services.ctx.aujourd_hui(), width=12)
        self.date.grid(row=0, column=1, sticky="w", pady=4)
        ttk.Label(g, text="Durée :").grid(row=1, column=0, sticky="w", pady=4, padx=(0, 12))
        self.duree = ttk.Combobox(g, values=list(DUREES.values()), state="readonly", width=10)
        self.duree.set(DUREES["30"])
        self.duree.codes = DUREES  # type: ignore[attr-defined]
        self.duree.grid(row=1, column=1, sticky="w", pady=4)
        ttk.Label(g, text="Thématiques :\n(flèches, Espace\npour cocher)").grid(row=2, column=0, sticky="nw", pady=4)
        cadre = ttk.Frame(g)
        cadre.grid(row=2, column=1, sticky="nsew", pady=4)
        self.codes_themes = list(THEMATIQUES_MEDIATION) + list(THEMATIQUES_DEMARCHES)
        libelles = list(THEMATIQUES_MEDIATION.values()) + [f"Démarche : {v}" for v in THEMATIQUES_DEMARCHES.values()]
        self.themes = tkinter.Listbox(cadre, selectmode="multiple", height=7, width=48, exportselection=False,
                                      activestyle="dotbox")
        for lib in libelles:
            self.themes.insert("end", lib)
        barre = ttk.Scrollbar(cadre, orient="vertical", command=self.themes.yview)
        self.themes.configure(yscrollcommand=barre.set)
        self.themes.pack(side="left", fill="both", expand=True)
        barre.pack(side="right", fill="y")
        ttk.Label(g, text="Personne :").grid(row=3, column=0, sticky="w", pady=4, padx=(0, 12))
        ligne = ttk.Frame(g)
        ligne.grid(row=3, column=1, sticky="ew", pady=4)
        self.recherche = tkinter.StringVar()
        self.champ_personne = ttk.Entry(ligne, textvariable=self.recherche, width=22)
        self.champ_personne.pack(side="left")
        self.choix_personne = ttk.Combobox(ligne, state="readonly", width=34)
        self.choix_personne.pack(side="left", padx=(8, 0))
        self.recherche.trace_add("write", lambda *_a: self._chercher())
        self.choix_personne.bind("<<ComboboxSelected>>", lambda _e: self._choisir())
        # Saying « anonyme » is a choice the user makes, never what happens when a name is ambiguous.
        self.anonyme = tkinter.BooleanVar(value=True)
        ttk.Checkbutton(g, text="Personne anonyme (pas de fiche)", variable=self.anonyme,
                        command=self._anonyme_coche).grid(row=4, column=1, sticky="w", pady=4)
        ttk.Label(g, text="Suite donnée :").grid(row=5, column=0, sticky="w", pady=4, padx=(0, 12))
        self.suite = ttk.Combobox(g, values=list(SUITES_ACCOMPAGNEMENT.values()), state="readonly", width=32)
        self.suite.codes = SUITES_ACCOMPAGNEMENT  # type: ignore[attr-defined]
        self.suite.set(SUITES_ACCOMPAGNEMENT["autonome"])
        self.suite.grid(row=5, column=1, sticky="w", pady=4)
        ttk.Label(g, text="Notes :").grid(row=7, column=0, sticky="w", pady=4, padx=(0, 12))
        self.notes = tkinter.StringVar()
        ttk.Entry(g, textvariable=self.notes, width=50).grid(row=7, column=1, sticky="ew", pady=4)
        self.bouton("Annuler (Échap)", self.annuler)
        self.bouton("Enregistrer (Ctrl+S)", self.enregistrer, principal=True)
        self.bind("<Control-s>", lambda _e: self.enregistrer())
        self.themes.bind("<space>", self._basculer)

    def _basculer(self, _e=None) -> str:
        i = self.themes.index("active")
        if self.themes.selection_includes(i):
            self.themes.selection_clear(i)
        else:
            self.themes.selection_set(i)
        return "break"

    def _anonyme_coche(self) -> None:
        if self.anonyme.get():
            self.recherche.set("")

    def _chercher(self) -> None:
        texte = self.recherche.get().strip()
        if texte:
            self.anonyme.set(False)
        self._trouvees = self.services.personnes.rechercher(texte, limite=30) if len(texte) >= 2 else []
        self.choix_personne.configure(values=[
            f"{p.nom.upper()} {p.prenom} ({p.annee_naissance or '—'}, {p.commune or '—'})" for p in self._trouvees])
        if len(self._trouvees) == 1:
            self.choix_personne.current(0)
            self._choisir()
        elif not self._trouvees:
            self.choix_personne.set("")
            self.personne_id = None

    def _choisir(self) -> None:
        i = self.choix_personne.current()
        self.personne_id = self._trouvees[i].id if 0 <= i < len(self._trouvees) else None

    def thematiques_choisies(self) -> list[str]:
        return [self.codes_themes[i] for i in self.themes.curselection()]

    def probleme_personne(self) -> str | None:
        """Why the person part cannot be saved as it is (None: a person is chosen, or « anonyme »)."""
        if self.personne_id or self.anonyme.get():
            return None
        texte = self.recherche.get().strip()
        if not texte:
            return "Personne : cherchez la personne par son nom, ou cochez « Personne anonyme »."
        if self._trouvees:
            return (f"Personne : {len(self._trouvees)} personnes correspondent à « {texte} ». Choisissez-en une "
                    "dans la liste, ou cochez « Personne anonyme ».")
        return (f"Personne : aucune fiche ne correspond à « {texte} ». Corrigez le nom, ou cochez "
                "« Personne anonyme ».")

    def enregistrer(self) -> None:
        probleme = self.probleme_personne()
        if probleme:
            dialogues.erreur(self, probleme)
            self.choix_personne.focus_set() if self._trouvees else self.champ_personne.focus_set()
            return
        quand = self.date.get_date()
        if quand is None:
            dialogues.erreur(self, "Date : écrivez-la sous la forme JJ/MM/AAAA.")
            return
        jour = quand.date() if hasattr(quand, "date") else quand
        duree = int(code_de(self.duree, "30") or 30)
        fait = self.app.proteger(lambda: self.services.accompagnements.enregistrer(
            jour if isinstance(jour, date) else self.services.ctx.aujourd_hui(), duree, self.thematiques_choisies(),
            code_de(self.suite, "autre") or "autre", personne=self.personne_id, notes=self.notes.get()))
        if fait is not None:
            self.resultat = fait
            self.fermer()

    def ouvrir(self, attendre: bool = True):
        return self.montrer(focus=self.themes, attendre=attendre)
