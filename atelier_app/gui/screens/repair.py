"""Repair café: open projects (last visit first, forgotten ones flagged), visits, outcome, impact, ORDS export.

Why one screen: on Saturday the animateur finds the person's project, notes the visit and, the day
the object works again, closes it; the year's impact and the ORDS file are one click away.
"""

from __future__ import annotations

import tkinter
from datetime import date
from pathlib import Path
from tkinter import filedialog

import ttkbootstrap as ttk

from atelier_app.domain import ords
from atelier_app.domain import reparations as regles
from atelier_app.domain.codes import ETATS_PROJET, TYPES_PROJET
from atelier_app.domain.etats import EtatProjet
from atelier_app.domain.nombres import decimal
from atelier_app.gui import dialogues, polices
from atelier_app.gui.ecran import Ecran
from atelier_app.gui.formulaires import BarreBoutons, code_de, liste, premiere_ligne, remplir, souple
from atelier_app.gui.formulaires_repair import (  # noqa: F401 (CATEGORIES, ChoixPersonne: used by other modules)
    CATEGORIES,
    ChoixPersonne,
    FormulaireCloture,
    FormulaireProjet,
    FormulaireVisite,
    _heures,
    derniere_visite_affichee,
    libelle_categorie,
)

COLONNES = (("personne", "Personne", 140), ("type", "Type", 115), ("intitule", "Intitulé", 195),
            ("categorie", "Catégorie", 140), ("derniere", "Dernière visite", 115), ("visites", "Visites", 55),
            ("etat", "État", 255))
FILTRES = {"en_cours": "Projets en cours", "tous": "Tous les projets"}


class EcranRepair(Ecran):
    titre = "Repair café"
    aide = ("Projets en cours, dernière visite en premier. Entrée ajoute une visite au projet choisi ; "
            "les projets sans visite depuis plus d'un mois sont signalés.")

    def construire(self) -> None:
        haut = ttk.Frame(self)
        haut.pack(fill="x", pady=(0, 8))
        ttk.Label(haut, text="Afficher :").pack(side="left")
        annee = self.services.ctx.aujourd_hui().year
        self.filtres = dict(FILTRES) | {str(a): f"Projets de {a}" for a in range(annee, annee - 6, -1)}
        self.filtre = ttk.Combobox(haut, values=list(self.filtres.values()), state="readonly", width=22)
        self.filtre.set(FILTRES["en_cours"])
        self.filtre.codes = self.filtres  # type: ignore[attr-defined]
        self.filtre.pack(side="left", padx=8)
        self.filtre.bind("<<ComboboxSelected>>", lambda _e: self.rafraichir())
        self.alerte = ttk.Label(haut, text="", bootstyle="danger")
        self.alerte.pack(side="left", padx=12)
        self.impact = ttk.Label(self, text="", font=polices.GRAS)
        self.impact.pack(side="bottom", anchor="w", pady=(8, 0))
        boutons = BarreBoutons(self)
        boutons.pack(side="bottom", fill="x", pady=(8, 0))
        for texte, cmd, style in (("Nouveau projet (Ctrl+N)", self.nouveau, "primary"),
                                  ("Ajouter une visite (Entrée)", self.visite, "primary"),
                                  ("Modifier (Ctrl+M)", self.modifier, "secondary"),
                                  ("Clore (Ctrl+K)", self.clore, "secondary"),
                                  ("Rouvrir", self.rouvrir, "secondary"),
                                  ("Exporter en ORDS… (Ctrl+E)", self.exporter, "info")):
            boutons.ajouter(texte, cmd, style=style)
        corps = ttk.Panedwindow(self, orient="vertical")
        corps.pack(fill="both", expand=True)
        self.arbre = liste(corps, COLONNES, hauteur=12)
        self.arbre.tag_configure("oublie", foreground="#b02a37")
        corps.add(self.arbre.cadre, weight=3)
        bas = ttk.Labelframe(corps, text="Projet choisi", padding=8)
        corps.add(bas, weight=2)
        self.detail = souple(ttk.Label(bas, text="Choisissez un projet dans la liste.", justify="left",
                                       wraplength=1000))
        self.detail.pack(anchor="w", fill="x")
        self.visites = liste(bas, (("date", "Date", 90), ("duree", "Temps", 70), ("aidant", "Qui a aidé", 120),
                                   ("notes", "Ce qui a été fait", 360), ("suite", "Prochaine étape", 260)), hauteur=4)
        self.visites.cadre.pack(fill="both", expand=True, pady=(6, 0))
        self.arbre.bind("<<TreeviewSelect>>", lambda _e: self._afficher())
        self.arbre.bind("<Return>", lambda _e: self.visite())
        self.arbre.bind("<Double-1>", lambda _e: self.visite())
        for touche, cmd in (("<Control-n>", self.nouveau), ("<Control-m>", self.modifier),
                            ("<Control-k>", self.clore), ("<Control-e>", self.exporter)):
            self.bind_all(touche, lambda _e, c=cmd: c() if self.winfo_ismapped() else None, add="+")
        self._projets: dict[str, object] = {}

    def premier_focus(self) -> tkinter.Misc:
        return self.arbre if self.arbre.get_children() else self.filtre

    def annee_impact(self) -> int:
        code = code_de(self.filtre, "en_cours") or "en_cours"
        return int(code) if code.isdigit() else self.services.ctx.aujourd_hui().year

    def rafraichir(self) -> None:
        svc = self.services.reparations
        code = code_de(self.filtre, "en_cours") or "en_cours"
        projets = svc.en_cours() if code == "en_cours" else svc.tous() if code == "tous" else svc.de_l_annee(int(code))
        today = self.services.ctx.aujourd_hui()
        noms: dict[str, str] = {}
        lignes = []
        for p in projets:
            if p.personne not in noms:
                try:
                    noms[p.personne] = self.services.personnes.personne(p.personne).nom_complet
                except Exception:  # an anonymised or removed person still shows the project
                    noms[p.personne] = "—"
            oublie = regles.oublie(p, today)
            etat = ETATS_PROJET.get(p.etat, p.etat)
            if oublie:
                etat = "Sans visite depuis plus d'un mois"
            elif p.etat == EtatProjet.FIN_DE_VIE and ords.frein(p.frein_ords):
                etat += f" ({ords.frein(p.frein_ords).libelle})"
            lignes.append((p.id, (noms[p.personne], TYPES_PROJET.get(p.type, p.type), p.intitule,
                                  libelle_categorie(p), derniere_visite_affichee(p), len(p.visites), etat)))
        remplir(self.arbre, lignes)
        for p in projets:
            self.arbre.item(p.id, tags=("oublie",) if regles.oublie(p, today) else ())
        self._projets = {p.id: p for p in projets}
        n = sum(1 for p in projets if regles.oublie(p, today))
        self.alerte.configure(text=f"{n} projet(s) sans visite depuis plus d'un mois" if n else "")
        a = self.annee_impact()
        imp = svc.impact(date(a, 1, 1), date(a, 12, 31))
        self.impact.configure(text=(
            f"Impact {a} : {imp.repares} objet(s) réparé(s), {decimal(imp.dechets_kg)} kg de déchets évités, "
            f"{decimal(imp.co2_kg)} kg CO2e évités (méthode Restarters)"))
        self._afficher()

    def choisi(self):
        iid = self.arbre.focus() or (self.arbre.selection() or ("",))[0]
        return self._projets.get(iid)

    def _afficher(self) -> None:
        p = self.choisi()
        if p is None:
            self.detail.configure(text="Choisissez un projet dans la liste.")
            remplir(self.visites, [])
            return
        morceaux = [f"{TYPES_PROJET.get(p.type, p.type)} ouvert le {p.ouvert_le:%d/%m/%Y}"]
        if p.type == "reparation":
            objet = ", ".join(x for x in (libelle_categorie(p), p.marque,
                                          str(p.annee_fabrication or "") or (f"{decimal(p.age_produit, 2)} ans"
                                                                             if p.age_produit is not None else "")) if x)
            morceaux.append(objet)
        texte = " — ".join(morceaux)
        if p.probleme:
            texte += f"\nProblème : {p.probleme}"
        if p.description:
            texte += f"\n{p.description}"
        self.detail.configure(text=texte)
        remplir(self.visites, [(str(i), (f"{v.date:%d/%m/%Y}", _heures(v.duree), v.aidant, v.notes, v.prochaine_etape))
                               for i, v in enumerate(reversed(p.visites))])

    def _exiger_choix(self):
        p = self.choisi()
        if p is None:
            dialogues.avertir(self, "Choisissez d'abord un projet dans la liste (flèches puis Entrée).")
        return p

    def _apres(self, fait) -> None:
        if fait is not None:
            self.rafraichir()
            if self.arbre.exists(fait.id):
                self.arbre.selection_set(fait.id)
                self.arbre.focus(fait.id)
                self.arbre.see(fait.id)
                self._afficher()
            premiere_ligne(self.arbre)

    def nouveau(self, attendre: bool = True):
        f = FormulaireProjet(self, self.app)
        fait = f.ouvrir(attendre)
        if attendre:
            self._apres(fait)
        return f

    def modifier(self) -> None:
        p = self._exiger_choix()
        if p is not None:
            self._apres(FormulaireProjet(self, self.app, projet=p).ouvrir())

    def visite(self, attendre: bool = True):
        p = self._exiger_choix()
        if p is None:
            return None
        f = FormulaireVisite(self, self.app, p)
        fait = f.ouvrir(attendre)
        if attendre:
            self._apres(fait)
        return f

    def clore(self) -> None:
        p = self._exiger_choix()
        if p is not None and p.etat != EtatProjet.EN_COURS:
            dialogues.avertir(self, f"Le projet « {p.intitule} » est déjà clos ; « Rouvrir » le remet en cours.")
        elif p is not None:
            self._apres(FormulaireCloture(self, self.app, p).ouvrir())

    def rouvrir(self) -> None:
        p = self._exiger_choix()
        if p is not None:
            self._apres(self.app.proteger(lambda: self.services.reparations.rouvrir(p.id)))

    def exporter(self) -> None:
        from atelier_app.assemblage import dossier_exports

        code = code_de(self.filtre, "en_cours") or "en_cours"
        annee = int(code) if code.isdigit() else None
        chemin = filedialog.asksaveasfilename(
            parent=self, title="Exporter les réparations en ORDS", initialdir=str(dossier_exports()),
            initialfile=f"ords-{annee}.csv" if annee else "ords.csv", defaultextension=".csv",
            filetypes=[("CSV", "*.csv")])
        if chemin:
            self.exporter_vers(Path(chemin), annee)

    def exporter_vers(self, chemin: Path, annee: int | None = None) -> None:
        """Write the file off the Tk thread (one service method: check, data, file, journal)."""
        documents = self.services.documents
        self.app.taches.lancer(lambda _avancer: documents.ords(annee, chemin)[1],
                               lambda n: dialogues.informer(self, f"{n} réparation(s) exportée(s) au format ORDS :\n{chemin}"))
