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
from atelier_app.gui import dialogues, polices
from atelier_app.gui.ecran import Ecran
from atelier_app.gui.formulaires import (
    BarreBoutons,
    Grille,
    Modale,
    code_de,
    liste,
    premiere_ligne,
    remplir,
    souple,
    valeur_texte,
)

#: The object list: the 40 ORDS categories, then unpowered items, by French label.
CATEGORIES: dict[str, str] = dict(sorted(
    [(str(c.id), c.libelle) for c in ords.CATEGORIES.values()]
    + [(f"ne:{c.code}", f"{c.libelle} (non électrique)") for c in ords.NON_ELECTRIQUES.values()],
    key=lambda kv: kv[1].casefold()))
FREINS = {str(f.code): f.libelle for f in ords.FREINS.values()}


def libelle_categorie(p) -> str:
    if p.categorie_ords is not None:
        return CATEGORIES.get(str(p.categorie_ords), "")
    return CATEGORIES.get(f"ne:{p.categorie_non_electrique}", "") if p.categorie_non_electrique else ""


def _heures(minutes: int) -> str:
    return f"{minutes // 60} h {minutes % 60:02d}" if minutes >= 60 else f"{minutes} min"


class ChoixPersonne(ttk.Frame):
    """Search-as-you-type: type two letters, pick in the list (Down opens it)."""

    def __init__(self, parent: tkinter.Misc, services) -> None:
        super().__init__(parent)
        self.services, self.personne_id, self._trouvees = services, None, []
        self.recherche = tkinter.StringVar()
        self.champ = ttk.Entry(self, textvariable=self.recherche, width=18)
        self.champ.pack(side="left")
        self.choix = ttk.Combobox(self, state="readonly", width=36)
        self.choix.pack(side="left", padx=(8, 0), fill="x", expand=True)
        self.recherche.trace_add("write", lambda *_a: self.chercher())
        self.choix.bind("<<ComboboxSelected>>", lambda _e: self._choisir())

    def chercher(self) -> None:
        texte = self.recherche.get().strip()
        self._trouvees = self.services.personnes.rechercher(texte, limite=30) if len(texte) >= 2 else []
        self.choix.configure(values=[f"{p.nom_complet} ({p.annee_naissance or '—'})" for p in self._trouvees])
        if len(self._trouvees) == 1:
            self.choix.current(0)
        elif not self._trouvees:
            self.choix.set("")
        self._choisir()

    def _choisir(self) -> None:
        i = self.choix.current()
        self.personne_id = self._trouvees[i].id if 0 <= i < len(self._trouvees) else None


class ChoixCategorie(ttk.Combobox):
    """The ORDS categories by French label; typing filters the list."""

    def __init__(self, parent: tkinter.Misc) -> None:
        super().__init__(parent, values=list(CATEGORIES.values()), width=40)
        self.bind("<KeyRelease>", self._filtrer)

    def _filtrer(self, e) -> None:
        if e.keysym in ("Down", "Up", "Return", "Escape", "Tab"):
            return
        t = self.get().casefold()
        self.configure(values=[v for v in CATEGORIES.values() if t in v.casefold()] or list(CATEGORIES.values()))

    def code(self) -> str | None:
        return next((c for c, v in CATEGORIES.items() if v == self.get()), None)


class FormulaireProjet(Modale):
    def __init__(self, parent: tkinter.Misc, app, personne_id: str | None = None, projet=None) -> None:
        super().__init__(parent, "Projet" if projet else "Nouveau projet")
        self.app, self.projet = app, projet
        g = Grille(self.corps)
        g.cadre.pack(fill="both", expand=True)
        self.personne = g.champ("Personne (tapez le nom) :", lambda p: ChoixPersonne(p, app.services))
        if personne_id or projet:
            pers = app.services.personnes.personne(personne_id or projet.personne)
            self.personne.recherche.set(pers.nom_complet)
            self.personne._trouvees = [pers]
            self.personne.choix.configure(values=[pers.nom_complet])
            self.personne.choix.current(0)
            self.personne.personne_id = pers.id
        self.type = g.choix("Type :", TYPES_PROJET, projet.type if projet else "reparation")
        self.intitule = g.texte("Intitulé :", projet.intitule if projet else "")
        self.description = g.zone_texte("Description :", projet.description if projet else "", 2)
        self.categorie = g.champ("Catégorie de l'objet :", ChoixCategorie)
        if projet:
            self.categorie.set(libelle_categorie(projet))
        self.marque = g.texte("Marque :", projet.marque if projet else "")
        age = ""
        if projet and projet.annee_fabrication:
            age = str(projet.annee_fabrication)
        elif projet and projet.age_produit is not None:
            age = f"{projet.age_produit:g}"
        self.age = g.texte("Année de fabrication ou âge (ans) :", age, 10)
        self.poids = g.texte("Poids estimé (kg, objets divers) :",
                             f"{projet.poids_estime_kg:g}" if projet and projet.poids_estime_kg else "", 10)
        self.probleme = g.zone_texte("Problème :", projet.probleme if projet else "", 3)
        self.type.bind("<<ComboboxSelected>>", lambda _e: self._type_change())
        self._type_change()
        self.bouton("Annuler (Échap)", self.annuler)
        self.bouton("Enregistrer (Ctrl+S)", self.enregistrer, principal=True)
        self.bind("<Control-s>", lambda _e: self.enregistrer())

    def _type_change(self) -> None:
        """The object's fields only make sense for a repair."""
        etat = "normal" if code_de(self.type, "reparation") == "reparation" else "disabled"
        for w in (self.categorie, self.marque, self.age, self.poids):
            w.configure(state=etat)
        self.probleme.configure(state=etat)

    def _nombres(self) -> tuple[int | None, float | None, float | None] | None:
        age_txt, poids_txt = self.age.get().strip().replace(",", "."), self.poids.get().strip().replace(",", ".")
        try:
            n = float(age_txt) if age_txt else None
            poids = float(poids_txt) if poids_txt else None
        except ValueError:
            dialogues.erreur(self, "Année ou âge, poids : écrivez des nombres (2015, 7, 1,5).")
            return None
        if n is not None and n >= 1900:
            return int(n), None, poids
        return None, n, poids

    def enregistrer(self) -> None:
        nombres = self._nombres()
        if nombres is None:
            return
        annee, age, poids = nombres
        cat = self.categorie.code() if self.categorie.get().strip() else None
        if self.categorie.get().strip() and cat is None:
            dialogues.erreur(self, f"Catégorie : « {self.categorie.get()} » n'est pas dans la liste.")
            return
        champs = dict(type=code_de(self.type, "reparation"), intitule=self.intitule.get().strip(),
                      description=valeur_texte(self.description), marque=self.marque.get().strip(),
                      annee_fabrication=annee, age_produit=age, probleme=valeur_texte(self.probleme),
                      poids_estime_kg=poids,
                      categorie_ords=int(cat) if cat and not cat.startswith("ne:") else None,
                      categorie_non_electrique=cat[3:] if cat and cat.startswith("ne:") else "")
        svc = self.app.services.reparations
        if self.projet is None:
            fait = self.app.proteger(lambda: svc.ouvrir(
                self.personne.personne_id or "", champs.pop("type"), champs.pop("intitule"),
                champs.pop("description"), **champs))
        else:
            from dataclasses import replace

            fait = self.app.proteger(lambda: svc.modifier(replace(
                self.projet, personne=self.personne.personne_id or "", **champs)))
        if fait is not None:
            self.resultat = fait
            self.fermer()

    def ouvrir(self, attendre: bool = True):
        return self.montrer(focus=self.personne.champ if self.projet is None else self.intitule, attendre=attendre)


class FormulaireVisite(Modale):
    def __init__(self, parent: tkinter.Misc, app, projet) -> None:
        super().__init__(parent, f"Visite — {projet.intitule}")
        self.app, self.projet = app, projet
        g = Grille(self.corps)
        g.cadre.pack(fill="both", expand=True)
        self.date = g.champ("Date :", lambda p: ttk.DateEntry(p, date_format="%d/%m/%Y", first_weekday=0,
                                                                 value=app.services.ctx.aujourd_hui(), width=12))
        self.duree = g.texte("Temps passé (minutes) :", "60", 8)
        self.aidant = g.texte("Qui a aidé :", projet.visites[-1].aidant if projet.visites else "")
        self.notes = g.zone_texte("Ce qui a été fait :", "", 3)
        self.suite = g.texte("Prochaine étape :", "")
        self.bouton("Annuler (Échap)", self.annuler)
        self.bouton("Enregistrer (Ctrl+S)", self.enregistrer, principal=True)
        self.bind("<Control-s>", lambda _e: self.enregistrer())

    def enregistrer(self) -> None:
        quand = self.date.value
        if quand is None:
            dialogues.erreur(self, "Date : écrivez-la sous la forme JJ/MM/AAAA.")
            return
        try:
            duree = int(self.duree.get().strip())
        except ValueError:
            dialogues.erreur(self, "Temps passé : un nombre de minutes (par exemple 90).")
            return
        jour = quand.date() if hasattr(quand, "date") else quand
        fait = self.app.proteger(lambda: self.app.services.reparations.ajouter_visite(
            self.projet.id, jour, duree, aidant=self.aidant.get(), notes=valeur_texte(self.notes),
            prochaine_etape=self.suite.get()))
        if fait is not None:
            self.resultat = fait
            self.fermer()

    def ouvrir(self, attendre: bool = True):
        return self.montrer(focus=self.duree, attendre=attendre)


class FormulaireCloture(Modale):
    def __init__(self, parent: tkinter.Misc, app, projet) -> None:
        super().__init__(parent, f"Clore — {projet.intitule}")
        self.app, self.projet = app, projet
        g = Grille(self.corps)
        g.cadre.pack(fill="both", expand=True)
        issues = {i: ETATS_PROJET[i] for i in regles.issues_possibles(projet.type)}
        self.issue = g.choix("Issue :", issues, next(iter(issues)))
        self.frein = g.choix("Principal frein (fin de vie) :", FREINS, None)
        self.issue.bind("<<ComboboxSelected>>", lambda _e: self._maj())
        self._maj()
        self.bouton("Annuler (Échap)", self.annuler)
        self.bouton("Clore (Ctrl+S)", self.enregistrer, principal=True)
        self.bind("<Control-s>", lambda _e: self.enregistrer())

    def _maj(self) -> None:
        self.frein.configure(state="readonly" if code_de(self.issue) == "fin_de_vie" else "disabled")

    def enregistrer(self) -> None:
        issue = code_de(self.issue)
        frein = code_de(self.frein) if issue == "fin_de_vie" else None
        fait = self.app.proteger(lambda: self.app.services.reparations.clore(self.projet.id, issue or "", frein))
        if fait is not None:
            self.resultat = fait
            self.fermer()

    def ouvrir(self, attendre: bool = True):
        return self.montrer(focus=self.issue, attendre=attendre)


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
            elif p.etat == "fin_de_vie" and ords.frein(p.frein_ords):
                etat += f" ({ords.frein(p.frein_ords).libelle})"
            lignes.append((p.id, (noms[p.personne], TYPES_PROJET.get(p.type, p.type), p.intitule,
                                  libelle_categorie(p), f"{regles.derniere_visite(p):%d/%m/%Y}", len(p.visites), etat)))
        remplir(self.arbre, lignes)
        for p in projets:
            self.arbre.item(p.id, tags=("oublie",) if regles.oublie(p, today) else ())
        self._projets = {p.id: p for p in projets}
        n = sum(1 for p in projets if regles.oublie(p, today))
        self.alerte.configure(text=f"{n} projet(s) sans visite depuis plus d'un mois" if n else "")
        a = self.annee_impact()
        imp = svc.impact(date(a, 1, 1), date(a, 12, 31))
        self.impact.configure(text=(
            f"Impact {a} : {imp.repares} objet(s) réparé(s), {imp.dechets_kg:.1f} kg de déchets évités, "
            f"{imp.co2_kg:.1f} kg CO2e évités (méthode Restarters)").replace(".", ","))
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
                                          str(p.annee_fabrication or "") or (f"{p.age_produit:g} ans"
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
        if p is not None and p.etat != "en_cours":
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
