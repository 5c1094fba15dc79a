"""Pre-list tab of « Activités et groupes »: who waits, since when, and their invitation letters.

Why keys on the list (I, V, D, A): the animateur works through the list after the meeting and
ticks people one by one without the mouse.
"""

from __future__ import annotations

import logging
from pathlib import Path

import ttkbootstrap as ttk

from atelier_app.domain.codes import ETATS_PRELISTE, ORIGINES
from atelier_app.domain.etats import EtatPreliste
from atelier_app.domain.personnes import Personne
from atelier_app.gui import dialogues
from atelier_app.gui.formulaires import BarreBoutons, liste, remplir

log = logging.getLogger(__name__)

_TOUCHES = ((EtatPreliste.INVITE, "i", "Invité (I)"), (EtatPreliste.VENU, "v", "Venu (V)"),
            (EtatPreliste.DESISTE, "d", "Désisté (D)"), (EtatPreliste.A_INVITER, "a", "À inviter (A)"))


def _champ(barre: BarreBoutons, libelle: str, fabrique):
    """A label and its field kept together on a wrapping bar."""
    cadre = ttk.Frame(barre)
    ttk.Label(cadre, text=libelle).pack(side="left")
    champ = fabrique(cadre)
    champ.pack(side="left", padx=(6, 12))
    barre.placer(cadre)
    return champ


class OngletPreliste(ttk.Frame):
    def __init__(self, parent, app) -> None:
        super().__init__(parent, padding=8)
        self.app = app
        self.services = app.services
        self.activite_id: str | None = None
        # bars that wrap onto more lines: with large text nothing runs off the right edge
        haut = BarreBoutons(self)
        haut.pack(fill="x")
        self.choix_act = _champ(haut, "Activité", lambda p: ttk.Combobox(p, state="readonly", width=40))
        self.choix_act.bind("<<ComboboxSelected>>", lambda _e: self._activite_choisie())
        self.filtre = _champ(haut, "État", lambda p: ttk.Combobox(p, state="readonly", width=26))
        self.filtre.bind("<<ComboboxSelected>>", lambda _e: self.rafraichir())
        self._filtre_pour: str | None = None  # the activity whose list filter was chosen
        ajout = BarreBoutons(self)
        ajout.pack(fill="x", pady=6)
        self.saisie = _champ(ajout, "Ajouter (nom prénom, Entrée)", lambda p: ttk.Entry(p, width=20))
        self.saisie.bind("<Return>", lambda _e: self.app.proteger(self.ajouter))
        self.origine = _champ(ajout, "Envoyé par", lambda p: ttk.Combobox(p, state="readonly",
                                                                          values=list(ORIGINES.values()), width=18))
        self.origine.set(ORIGINES["accueil"])
        boutons = BarreBoutons(self)
        boutons.pack(fill="x", pady=6, side="bottom")
        self.arbre = liste(self, [("nom", "Personne", 220), ("etat", "État", 130), ("demande", "Demande le", 100),
                                  ("attente", "Attente (jours)", 110), ("origine", "Envoyé par", 140),
                                  ("notes", "Notes", 200)], hauteur=14, selection="extended")
        self.arbre.cadre.pack(fill="both", expand=True)
        for etat, touche, texte in _TOUCHES:
            boutons.ajouter(texte, lambda e=etat: self.app.proteger(lambda: self.changer(e)))
            self.arbre.bind(f"<KeyPress-{touche}>", lambda _ev, e=etat: self.app.proteger(lambda: self.changer(e)))
        boutons.ajouter("Positionner…", self.positionner)
        boutons.ajouter("Questionnaire papier", lambda: self.app.proteger(self.questionnaire_papier))
        self.bouton_lettres = boutons.ajouter("Écrire les lettres d'invitation", lambda: self.app.proteger(self.lettres),
                                              principal=True)

    def _activites(self):
        return [a for a in self.services.centre.activites() if a.genre_activite in ("cycles", "club")]

    def choisir(self, activite_id: str) -> None:
        if any(a.id == activite_id for a in self._activites()):
            self.activite_id = activite_id
            self.rafraichir()

    def _activite_choisie(self) -> None:
        acts = self._activites()
        i = self.choix_act.current()
        if 0 <= i < len(acts):
            self.activite_id = acts[i].id
        self.rafraichir()

    def _etat_filtre(self) -> str | None:
        i = self.filtre.current()
        return list(ETATS_PRELISTE)[i - 1] if i > 0 else None

    def rafraichir(self) -> None:
        acts = self._activites()
        self.choix_act.configure(values=[a.nom for a in acts])
        if self.activite_id is None and acts:
            self.activite_id = acts[0].id
        ids = [a.id for a in acts]
        if self.activite_id not in ids:
            return
        self.choix_act.current(ids.index(self.activite_id))
        comptes = self.services.preliste.comptes(self.activite_id)
        i = max(0, self.filtre.current())
        if self._filtre_pour != self.activite_id:  # a new activity: show first whoever waits for a letter
            self._filtre_pour = self.activite_id
            etats = list(comptes)
            i = 1 + etats.index(EtatPreliste.A_INVITER) if comptes.get(EtatPreliste.A_INVITER) else 0
        self.filtre.configure(values=[f"Tous ({sum(comptes.values())})"]
                              + [f"{ETATS_PRELISTE[e]} ({n})" for e, n in comptes.items()])
        self.filtre.current(i)
        lignes = []
        for e in self.services.preliste.entrees(self.activite_id, self._etat_filtre()):
            p = self.services.personnes.personne(e.personne)
            lignes.append((e.id, (f"{p.nom.upper()} {p.prenom}", ETATS_PRELISTE.get(e.etat, e.etat),
                                  e.demande_le.strftime("%d/%m/%Y"), self.services.preliste.attente_jours(e),
                                  ORIGINES.get(e.origine, e.origine), e.notes)))
        remplir(self.arbre, lignes)

    def ajouter(self) -> None:
        texte = self.saisie.get().strip()
        if not texte or self.activite_id is None:
            return
        origine = next((c for c, lib in ORIGINES.items() if lib == self.origine.get()), "accueil")
        trouves = self.services.personnes.rechercher(texte, limite=5)
        if len(trouves) == 1 and dialogues.confirmer(
                self, f"Ajouter {trouves[0].prenom} {trouves[0].nom} (fiche existante) à la pré-liste ?"):
            self.services.preliste.ajouter(self.activite_id, trouves[0].id, origine=origine)
        elif len(trouves) > 1:
            noms = ", ".join(f"{p.prenom} {p.nom}" for p in trouves)
            dialogues.avertir(self, f"Pré-liste : plusieurs personnes correspondent ({noms}). Précisez le nom.")
            return
        elif not trouves:
            mots = texte.split()
            if len(mots) < 2:
                dialogues.erreur(self, "Pré-liste : tapez le nom puis le prénom d'une nouvelle personne.")
                return
            nom, prenom = mots[0], " ".join(mots[1:])
            if not dialogues.confirmer(self, f"Créer la fiche de {prenom} {nom.upper()} et l'ajouter à la pré-liste ?"):
                return
            self.services.preliste.ajouter(self.activite_id, Personne(id="", nom=nom, prenom=prenom), origine=origine)
        else:
            return
        self.saisie.delete(0, "end")
        self.rafraichir()

    def changer(self, etat: str) -> None:
        for iid in self.arbre.selection():
            self.services.preliste.changer_etat(iid, etat)
        self.rafraichir()

    def positionner(self) -> None:
        sel = self.arbre.selection()
        if not sel:
            dialogues.avertir(self, "Pré-liste : choisissez d'abord une personne.")
            return
        try:
            from atelier_app.gui.positionnement import DialoguePositionnement
        except ImportError:
            dialogues.avertir(self, "Le positionnement n'est pas disponible dans cette version d'Atelier.")
            return
        personne = self.services.preliste.entree(sel[0]).personne
        self.app.proteger(lambda: DialoguePositionnement(self, self.app, personne, self.activite_id).montrer())

    def questionnaire_papier(self):
        from atelier_app.gui.positionnement import imprimer_questionnaire

        return imprimer_questionnaire(self, self.app, self.activite_id)

    def lettres(self):
        """Start writing the letters off the Tk thread; returns the worker thread (or None)."""
        activite = self.services.centre.activite(self.activite_id)
        if activite.reunion.date is None:
            dialogues.erreur(self, f"« {activite.nom} » : fixez d'abord la date de la réunion d'information "
                                   "(onglet Activités).")
            return None
        self.bouton_lettres.configure(state="disabled")

        def fini(resultat) -> None:
            self.bouton_lettres.configure(state="normal")
            if isinstance(resultat, BaseException):
                self.app.montrer_erreur(resultat)
                return
            chemin, n, sans = resultat
            texte = f"{n} lettre(s) écrite(s) : {chemin}" if chemin else "Aucune lettre à écrire."
            if sans:
                texte += "\n\nSans adresse postale, à appeler :\n" + "\n".join(
                    f"  {p.prenom} {p.nom} — {p.telephone or 'pas de téléphone'}" for p in sans)
            self.rafraichir()
            if chemin and dialogues.confirmer(self, texte + "\n\nOuvrir le PDF ?"):
                ouvrir(Path(chemin), self)
            elif not chemin:
                dialogues.informer(self, texte)

        def travail(_avancer):
            try:
                return self.services.documents.lettres(activite.id)
            except Exception as exc:  # shown on the Tk thread by fini
                return exc

        return self.app.taches.lancer(travail, fini)


def ouvrir(chemin: Path, parent=None) -> None:
    """Open a document with the system's viewer; when the PC has none, say where the file is
    (the action itself is done: the document is written)."""
    import os
    import subprocess
    import sys

    def prevenir() -> None:
        if parent is not None:
            dialogues.avertir(parent, "Ce poste n'a pas de lecteur de PDF pour ouvrir le document. Il est "
                                      f"enregistré ici :\n{chemin}\n\nOuvrez-le depuis ce dossier, ou faites "
                                      "installer un lecteur de PDF.")

    try:
        if sys.platform.startswith("win"):
            os.startfile(str(chemin))  # type: ignore[attr-defined]
            return
        processus = subprocess.Popen(["xdg-open", str(chemin)], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
    except OSError:
        log.warning("Impossible d'ouvrir %s", chemin)
        prevenir()
        return
    if parent is not None:  # xdg-open answers at once when no application takes PDFs
        parent.after(1500, lambda: processus.poll() not in (None, 0) and prevenir())
