"""The repair café's forms: a project (with its opening date), a visit, the outcome.

Why apart from the screen: the person's file (tab « Projets ») opens the same forms, and the screen
module stays short enough to read.
"""

from __future__ import annotations

import tkinter

import ttkbootstrap as ttk

from atelier_app.domain import ords
from atelier_app.domain import reparations as regles
from atelier_app.domain.codes import ETATS_PROJET, TYPES_PROJET
from atelier_app.domain.etats import EtatProjet
from atelier_app.domain.nombres import decimal, lire_decimal
from atelier_app.gui import dialogues
from atelier_app.gui.formulaires import Grille, Modale, code_de, valeur_texte

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


def derniere_visite_affichee(p) -> str:
    """« — » for a project without visit: its opening date is not a visit."""
    d = regles.visite_la_plus_recente(p)
    return f"{d:%d/%m/%Y}" if d else "—"


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
        self.ouvert_le = g.champ("Ouvert le :", lambda p: ttk.DateEntry(
            p, date_format="%d/%m/%Y", first_weekday=0, width=12,
            value=projet.ouvert_le if projet else app.services.ctx.aujourd_hui()))
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
            age = decimal(projet.age_produit, 2)
        self.age = g.texte("Année de fabrication ou âge (ans) :", age, 10)
        self.poids = g.texte("Poids estimé (kg, objets divers) :",
                             decimal(projet.poids_estime_kg, 2) if projet and projet.poids_estime_kg else "", 10)
        self.probleme = g.zone_texte("Problème :", projet.probleme if projet else "", 2)
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
        age_txt, poids_txt = self.age.get().strip(), self.poids.get().strip()
        try:
            n = lire_decimal(age_txt) if age_txt else None
            poids = lire_decimal(poids_txt) if poids_txt else None
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
        ouvert = self.ouvert_le.entry.get().strip() and self.ouvert_le.get_date()
        if not ouvert:
            dialogues.erreur(self, f"Ouvert le : « {self.ouvert_le.entry.get()} » n'est pas une date (JJ/MM/AAAA).")
            return
        ouvert = ouvert.date() if hasattr(ouvert, "date") else ouvert
        cat = self.categorie.code() if self.categorie.get().strip() else None
        if self.categorie.get().strip() and cat is None:
            dialogues.erreur(self, f"Catégorie : « {self.categorie.get()} » n'est pas dans la liste.")
            return
        champs = dict(type=code_de(self.type, "reparation"), intitule=self.intitule.get().strip(),
                      description=valeur_texte(self.description), marque=self.marque.get().strip(),
                      annee_fabrication=annee, age_produit=age, probleme=valeur_texte(self.probleme),
                      poids_estime_kg=poids, ouvert_le=ouvert,
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
        self.frein.configure(state="readonly" if code_de(self.issue) == EtatProjet.FIN_DE_VIE else "disabled")

    def enregistrer(self) -> None:
        issue = code_de(self.issue)
        frein = code_de(self.frein) if issue == EtatProjet.FIN_DE_VIE else None
        fait = self.app.proteger(lambda: self.app.services.reparations.clore(self.projet.id, issue or "", frein))
        if fait is not None:
            self.resultat = fait
            self.fermer()

    def ouvrir(self, attendre: bool = True):
        return self.montrer(focus=self.issue, attendre=attendre)
