"""Importing a people list from the Personnes screen: choose the file, read it in the background,
see every change (old → new) and the problems by line, then confirm line by line.

Why a preview with choices (issue 18, points 7 and 8): a list from a partner may hold an old phone
number or address; the director sees what would change and keeps the old value, or skips the line,
before anything is written.
"""

from __future__ import annotations

import tkinter
from tkinter import filedialog

import ttkbootstrap as ttk

from atelier_app.domain.plan_import import PlanImport
from atelier_app.gui import dialogues
from atelier_app.gui.formulaires import Modale, liste, souple

IMPORTER, IGNOREE = "importer", "ignorer"
NOUVELLE, ANCIENNE = "nouvelle", "ancienne"


def _n(nombre: int, singulier: str, pluriel: str) -> str:
    return f"{nombre} {singulier if nombre <= 1 else pluriel}"


class ApercuImport(Modale):
    """The plan, one row per line of the file and one per change; Espace switches the chosen row."""

    def __init__(self, parent: tkinter.Misc, plan: PlanImport) -> None:
        super().__init__(parent, f"Importer « {plan.fichier} »")
        self.plan = plan
        self.ignorer: set[int] = set()
        self.garder: dict[int, set[str]] = {}
        resume = (f"{_n(len(plan.nouvelles), 'nouvelle personne', 'nouvelles personnes')}, "
                  f"{_n(len(plan.modifiees), 'fiche modifiée', 'fiches modifiées')}, "
                  f"{_n(plan.inchangees, 'ligne', 'lignes')} sans changement.")
        if plan.colonnes_ignorees:
            resume += " Colonnes ignorées : " + ", ".join(plan.colonnes_ignorees) + "."
        souple(ttk.Label(self.corps, text=resume, justify="left", wraplength=720)).pack(fill="x", anchor="w")
        if plan.problemes:
            self._problemes()
            return
        souple(ttk.Label(self.corps, justify="left", wraplength=720,
                         text="Rien n'est encore enregistré. Espace (ou double-clic) sur une ligne du fichier : "
                              "l'importer ou l'ignorer ; sur un changement : prendre la nouvelle valeur ou garder "
                              "l'ancienne.")).pack(fill="x", anchor="w", pady=(4, 8))
        self.arbre = liste(self.corps, (("quoi", "Ligne du fichier / champ", 340), ("avant", "Avant", 180),
                                        ("apres", "Après", 180), ("choix", "Choix", 110)), hauteur=14)
        self.arbre.tag_configure("ligne", font="TkDefaultFont")
        self.arbre.cadre.pack(fill="both", expand=True)
        self._remplir()
        self.arbre.bind("<space>", lambda _e: self.basculer())
        self.arbre.bind("<Double-1>", lambda _e: self.basculer())
        self.bouton("Annuler (Échap)", self.annuler)
        self.bouton("Importer (Ctrl+S)", self.valider, principal=True)
        self.bind("<Control-s>", lambda _e: self.valider())

    def _problemes(self) -> None:
        souple(ttk.Label(self.corps, bootstyle="danger", justify="left", wraplength=720,
                         text=f"Import impossible : {len({p.enregistrement for p in self.plan.problemes})} ligne(s) "
                              "à corriger dans le fichier. Rien n'a été enregistré.")).pack(fill="x", pady=(4, 8))
        self.arbre = liste(self.corps, (("ligne", "Ligne", 90), ("colonne", "Colonne", 180),
                                        ("raison", "Problème", 420)), hauteur=12)
        self.arbre.cadre.pack(fill="both", expand=True)
        for i, p in enumerate(self.plan.problemes):
            self.arbre.insert("", "end", iid=str(i), values=(p.enregistrement, p.champ, p.raison))
        self.bouton("Fermer (Échap)", self.annuler, principal=True)

    def _remplir(self) -> None:
        for x in self.plan.lignes:
            p = x.personne
            quoi = f"Ligne {x.ligne} — {p.nom.upper()} {p.prenom}"
            if x.nouvelle:
                quoi += " (nouvelle personne)" if x.doublon_de_ligne is None else f" (comme ligne {x.doublon_de_ligne})"
            self.arbre.insert("", "end", iid=f"L{x.ligne}", values=(quoi, "", "", IMPORTER), tags=("ligne",))
            for c in x.changements:
                self.arbre.insert("", "end", iid=f"L{x.ligne}:{c.champ}",
                                  values=(f"    {c.libelle}", c.avant or "(vide)", c.apres, NOUVELLE))

    def basculer(self, iid: str | None = None) -> None:
        iid = iid or self.arbre.focus()
        if not iid:
            return
        n, _, champ = iid[1:].partition(":")
        ligne = int(n)
        if not champ:
            (self.ignorer.discard if ligne in self.ignorer else self.ignorer.add)(ligne)
            self.arbre.set(iid, "choix", IGNOREE if ligne in self.ignorer else IMPORTER)
            return
        gardes = self.garder.setdefault(ligne, set())
        (gardes.discard if champ in gardes else gardes.add)(champ)
        self.arbre.set(iid, "choix", ANCIENNE if champ in gardes else NOUVELLE)

    def valider(self) -> None:
        self.resultat = (set(self.ignorer), {k: set(v) for k, v in self.garder.items() if v})
        self.fermer()

    def ouvrir(self, attendre: bool = True) -> object:
        from atelier_app.gui.formulaires import premiere_ligne

        self.after_idle(lambda: premiere_ligne(self.arbre) if self.winfo_exists() else None)
        return self.montrer(self.arbre, attendre)


class Progression(ttk.Toplevel):
    """A small window while a long file is read (the work runs off the Tk thread)."""

    def __init__(self, parent: tkinter.Misc, fichier: str) -> None:
        super().__init__(title="Lecture de la liste", transient=parent.winfo_toplevel(), master=parent.winfo_toplevel())
        cadre = ttk.Frame(self, padding=16)
        cadre.pack(fill="both", expand=True)
        ttk.Label(cadre, text=f"Lecture de « {fichier} »…").pack(anchor="w")
        self.barre = ttk.Progressbar(cadre, length=360, maximum=1.0)
        self.barre.pack(fill="x", pady=8)
        self.texte = ttk.Label(cadre, text="")
        self.texte.pack(anchor="w")

    def avancer(self, fraction: float, texte: str = "") -> None:
        if self.winfo_exists():
            self.barre.configure(value=fraction)
            self.texte.configure(text=texte)


def importer(ecran, chemin: str | None = None) -> None:
    """Personnes › « Importer une liste… »: file, background reading, preview, then the chosen plan."""
    app = ecran.app
    chemin = chemin or filedialog.askopenfilename(
        parent=ecran, title="Liste de personnes à importer",
        filetypes=[("Listes", "*.csv *.xlsx *.ods"), ("Tous les fichiers", "*")])
    if not chemin:
        return
    from pathlib import Path

    attente = Progression(ecran, Path(chemin).name)

    def fini(resultat: PlanImport | Exception) -> None:
        attente.destroy()  # before any message: it must not stay over the dialog
        if isinstance(resultat, Exception):
            app.montrer_erreur(resultat)
        else:
            apercu(ecran, resultat)

    app.taches.lancer(lambda avancer: _preparer(app, chemin, avancer), fini, attente.avancer)


def _preparer(app, chemin, avancer) -> PlanImport | Exception:
    """The plan, or the error to show once the progress window is closed."""
    try:
        return app.services.personnes.preparer_import(chemin, avancer)
    except Exception as exc:
        return exc


def phrase_bilan(ajoutees: int, modifiees: int) -> str:
    """« Import terminé : 1 personne ajoutée, 2 fiches modifiées. » (never « 1 personnes mis à jour »)."""
    def n(nombre: int, mot: str, participe: str) -> str:
        s = "s" if nombre > 1 else ""
        return f"{nombre} {mot}{s} {participe}{s}"

    return f"Import terminé : {n(ajoutees, 'personne', 'ajoutée')}, {n(modifiees, 'fiche', 'modifiée')}."


def apercu(ecran, plan: PlanImport) -> None:
    app = ecran.app
    if not plan.lignes and not plan.problemes:
        dialogues.informer(ecran, f"« {plan.fichier} » : rien à importer, tout était déjà là.")
        return
    choix = ApercuImport(ecran, plan).ouvrir()
    if not choix:
        return
    ignorer, garder = choix  # type: ignore[misc]
    rapport = app.proteger(lambda: app.services.personnes.appliquer_import(plan, ignorer, garder))
    if rapport is not None:
        dialogues.informer(ecran, phrase_bilan(rapport.ajoutes.get("personnes", 0),
                                               rapport.mis_a_jour.get("personnes", 0)))
        ecran.rafraichir()
