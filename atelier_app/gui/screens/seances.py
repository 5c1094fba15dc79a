"""Séances: the calendar of a group (activity → cycle → group), its changes, the programme, the sheets.

Why everything about a group's sessions on one screen: the animateur prepares a cycle once
(generate, check the holidays, adjust), then comes back only to move or cancel a date and print.
"""

from __future__ import annotations

import gc
import tkinter
from datetime import date, datetime
from pathlib import Path

import ttkbootstrap as ttk

from atelier_app.domain import comptage
from atelier_app.domain.codes import ETATS_SEANCE, JOURS, MOIS, THEMATIQUES
from atelier_app.domain.francais import compte
from atelier_app.errors import UserError
from atelier_app.gui import appel, dialogues, polices
from atelier_app.gui.ecran import Ecran
from atelier_app.gui.formulaires import BarreBoutons, Grille, Modale, liste, premiere_ligne, remplir, souple


def _jour(widget: ttk.DateEntry) -> date | None:
    v = widget.value
    return v.date() if isinstance(v, datetime) else v


class ChoixDate(Modale):
    """A date (and a start time) for moving or adding a session."""

    def __init__(self, parent: tkinter.Misc, titre: str, jour: date, debut: str) -> None:
        super().__init__(parent, titre)
        g = Grille(self.corps)
        g.cadre.pack(fill="x")
        self.date = g.champ("Date (JJ/MM/AAAA)", lambda p: ttk.DateEntry(p, date_format="%d/%m/%Y", first_weekday=0,
                                                                         value=jour, width=12))
        self.debut = g.texte("Heure de début (HH:MM)", debut, largeur=8)
        self.bouton("Valider (Entrée)", self.valider, principal=True)
        self.bouton("Annuler (Échap)", self.annuler)
        self.bind("<Return>", lambda _e: self.valider())

    def valider(self) -> None:
        jour = _jour(self.date)
        if jour is None:
            dialogues.erreur(self, f"Date : « {self.date.entry.get()} » n'est pas une date (JJ/MM/AAAA).")
            return
        self.resultat = (jour, self.debut.var.get().strip())
        self.fermer()


def cycle_courant(cycles: list, aujourd_hui: date) -> int:
    """Index of the cycle running today: the last one already started, else the first to come."""
    commences = [i for i, c in enumerate(cycles) if c.debut is None or c.debut <= aujourd_hui]
    return commences[-1] if commences else 0


class ChoixMois(Modale):
    """Which month the monthly attendance sheet is for (the months the group has sessions in)."""

    def __init__(self, parent: tkinter.Misc, mois: list[tuple[int, int]], defaut: tuple[int, int]) -> None:
        super().__init__(parent, "Feuille du mois")
        self.mois = mois
        noms = [f"{MOIS[m - 1]} {a}" for a, m in mois]
        ttk.Label(self.corps, text="Mois de la feuille de présences :").pack(anchor="w")
        self.liste = ttk.Combobox(self.corps, state="readonly", values=noms, width=20)
        self.liste.pack(anchor="w", pady=6)
        proche = min(range(len(mois)), key=lambda i: abs((mois[i][0] - defaut[0]) * 12 + mois[i][1] - defaut[1]))
        self.liste.current(proche)
        self.bouton("Imprimer (Entrée)", self.valider, principal=True)
        self.bouton("Annuler (Échap)", self.annuler)
        self.bind("<Return>", lambda _e: self.valider())

    def montrer(self, focus=None, attendre=True):
        return super().montrer(focus or self.liste, attendre)

    def valider(self) -> None:
        self.resultat = self.mois[self.liste.current()]
        self.fermer()


class EditeurProgramme(Modale):
    """An activity's programme: one line per session, « contenu | code, code » (themes of coop.md)."""

    def __init__(self, parent: tkinter.Misc, app, activite_id: str) -> None:
        a = app.services.centre.activite(activite_id)
        super().__init__(parent, f"Programme — {a.nom}")
        self.app, self.activite_id = app, activite_id
        ttk.Label(self.corps, text="Une ligne par séance, dans l'ordre : le contenu prévu, puis éventuellement "
                                   "« | » et les codes des thématiques.\nSur la liste de droite, Entrée ajoute "
                                   "la thématique à la ligne où est le curseur.", justify="left").pack(anchor="w")
        cadre = ttk.Frame(self.corps)
        cadre.pack(fill="both", expand=True, pady=8)
        self.texte = tkinter.Text(cadre, width=70, height=14, wrap="none", undo=True)
        self.texte.pack(side="left", fill="both", expand=True)
        self.texte.bind("<Tab>", lambda _e: (self.themes.focus_set(), "break")[1])
        for e in sorted(a.programme, key=lambda e: e.numero):
            ligne = e.contenu + (" | " + ", ".join(e.thematiques) if e.thematiques else "")
            self.texte.insert("end", ligne + "\n")
        self.codes = list(THEMATIQUES)
        self.themes = tkinter.Listbox(cadre, height=14, width=34, exportselection=False)
        for c in self.codes:
            self.themes.insert("end", THEMATIQUES[c])
        self.themes.pack(side="left", fill="y", padx=(8, 0))
        self.themes.bind("<Return>", lambda _e: self._ajouter_theme())
        self.themes.bind("<Double-1>", lambda _e: self._ajouter_theme())
        self.bouton("Enregistrer (Ctrl+S)", self.enregistrer, principal=True)
        self.bouton("Annuler (Échap)", self.annuler)
        self.bind("<Control-s>", lambda _e: self.enregistrer())

    def montrer(self, focus=None, attendre=True):
        return super().montrer(focus or self.texte, attendre)

    def _ajouter_theme(self) -> None:
        choix = self.themes.curselection()
        if not choix:
            return
        code = self.codes[choix[0]]
        ligne = self.texte.get("insert linestart", "insert lineend")
        ajout = (", " if "|" in ligne else " | ") + code
        self.texte.insert("insert lineend", ajout)

    def etapes(self) -> list[tuple[str, tuple[str, ...]]]:
        out = []
        for ligne in self.texte.get("1.0", "end").splitlines():
            if not ligne.strip():
                continue
            contenu, _sep, codes = ligne.partition("|")
            out.append((contenu.strip(), tuple(c.strip() for c in codes.split(",") if c.strip())))
        return out

    def enregistrer(self) -> None:
        if self.app.proteger(lambda: self.app.services.seances.modifier_programme(self.activite_id,
                                                                                 self.etapes())) is not None:
            self.resultat = True
            self.fermer()


class EcranSeances(Ecran):
    titre = "Séances"
    aide = ("Choisissez l'activité, le cycle puis le groupe. Entrée sur une séance : faire l'appel. "
            "Les vacances scolaires et les jours fériés sont sautés à la génération.")

    def construire(self) -> None:
        choix = ttk.Frame(self)
        choix.pack(fill="x")
        self.c_activite = self._combo(choix, "Activité", 28)
        self.c_cycle = self._combo(choix, "Cycle", 22)
        self.c_groupe = self._combo(choix, "Groupe", 26)
        self.c_activite.bind("<<ComboboxSelected>>", lambda _e: self._activite_choisie())
        self.c_cycle.bind("<<ComboboxSelected>>", lambda _e: self._cycle_choisi())
        self.c_groupe.bind("<<ComboboxSelected>>", lambda _e: self._afficher())
        self.info = souple(ttk.Label(self, text="", justify="left", wraplength=1000))
        self.info.pack(fill="x", pady=(8, 4))
        self.arbre = liste(self, (("n", "N°", 40), ("date", "Date", 130), ("heure", "Heure", 70),
                                  ("etat", "État", 150), ("venus", "Présents", 80), ("contenu", "Contenu", 380)),
                           hauteur=12)
        self.arbre.cadre.pack(fill="both", expand=True)
        self.arbre.bind("<Return>", lambda _e: self.faire_appel())
        self.arbre.bind("<Double-1>", lambda _e: self.faire_appel())
        actions = (
            ("Faire l'appel (Entrée)", self.faire_appel, None),
            ("Déplacer… (Ctrl+D)", self.deplacer, "<Control-d>"),
            ("Annuler la séance…", self.annuler_seance, None),
            ("Ajouter une séance… (Ctrl+J)", self.ajouter, "<Control-j>"),
            ("Générer le calendrier (Ctrl+G)", self.generer, "<Control-g>"),
            ("Programme… (Ctrl+R)", self.programme, "<Control-r>"),
            ("Feuille d'émargement (Ctrl+P)", self.imprimer, "<Control-p>"),
            ("Feuille du mois", self.imprimer_mois, None),
        )
        barre = BarreBoutons(self)
        for texte, commande, touche in actions:
            barre.ajouter(texte, lambda c=commande: self.app.proteger(c), principal=commande == self.faire_appel)
            if touche:
                self.bind_all(touche, lambda _e, c=commande: self._raccourci(c), add="+")
        # packed before the list: with large text the buttons stay visible, on more lines if needed
        barre.pack(side="bottom", fill="x", pady=(6, 0), before=self.arbre.cadre)
        self.activites: list = []
        self.cycles: list = []
        self.groupes: list = []
        self._dates: dict[str, date] = {}

    def _combo(self, parent, libelle: str, largeur: int) -> ttk.Combobox:
        """Label and list side by side in a grid whose lists shrink together; with large text, the
        three choices one under the other (side by side they would not fit a 1366-pixel screen)."""
        if polices.facteur() > 1.2:
            ligne = len(parent.grid_slaves(column=0))
            ttk.Label(parent, text=libelle + " :").grid(row=ligne, column=0, padx=(0, 4), pady=2, sticky="w")
            c = ttk.Combobox(parent, state="readonly", width=largeur)
            c.grid(row=ligne, column=1, pady=2, sticky="ew")
            parent.columnconfigure(1, weight=1)
            return c
        col = len(parent.grid_slaves(row=0))
        ttk.Label(parent, text=libelle + " :").grid(row=0, column=col, padx=(0, 4), sticky="w")
        c = ttk.Combobox(parent, state="readonly", width=largeur)
        c.grid(row=0, column=col + 1, padx=(0, 16), sticky="ew")
        parent.columnconfigure(col + 1, weight=largeur, uniform="listes")
        return c

    def _raccourci(self, commande) -> None:
        if self.app.zone_courante == "seances" and self.winfo_ismapped():
            self.app.proteger(commande)

    # ------------------------------------------------------------ choices
    def rafraichir(self) -> None:
        svc = self.services
        self.activites = [a for a in svc.centre.activites() if a.en_cycles or a.creneaux]
        noms = [a.nom for a in self.activites]
        self.c_activite.configure(values=noms)
        if self.c_activite.get() not in noms and noms:
            self.c_activite.current(0)
        self._activite_choisie(garder=True)

    def _activite(self):
        i = self.c_activite.current()
        return self.activites[i] if 0 <= i < len(self.activites) else None

    def _activite_choisie(self, garder: bool = False) -> None:
        a = self._activite()
        self.cycles = self.services.seances.cycles(a.id) if a else []
        noms = [c.nom + (f" ({c.debut:%d/%m/%Y})" if c.debut else "") for c in self.cycles]
        ancien = self.c_cycle.get()
        self.c_cycle.configure(values=noms)
        if not (garder and ancien in noms):
            self.c_cycle.set(noms[cycle_courant(self.cycles, self.services.ctx.aujourd_hui())] if noms else "")
        self._cycle_choisi(garder)

    def _cycle_choisi(self, garder: bool = False) -> None:
        i = self.c_cycle.current()
        self.groupes = self.services.seances.groupes(self.cycles[i].id) if 0 <= i < len(self.cycles) else []
        noms = [g.nom for g in self.groupes]
        ancien = self.c_groupe.get()
        self.c_groupe.configure(values=noms)
        if not (garder and ancien in noms):
            self.c_groupe.set(noms[0] if noms else "")
        self._afficher()

    def groupe(self):
        i = self.c_groupe.current()
        return self.groupes[i] if 0 <= i < len(self.groupes) else None

    def _afficher(self) -> None:
        g = self.groupe()
        if g is None:
            self.info.configure(text="Aucun groupe pour ce cycle : créez les cycles et les groupes dans "
                                     "« Activités et groupes ».")
            remplir(self.arbre, [])
            return
        seances = self.services.seances.seances_du_groupe(g.id)
        cr = g.creneau
        self.info.configure(text=f"{g.nom} — {len(g.inscrits)} inscrits sur {g.capacite} — "
                                 f"{cr.libelle if cr else 'créneau de l’activité'} — "
                                 f"{compte(len([s for s in seances if not comptage.est_annulee(s.etat)]), 'séance')}"
                                 + (f" sur {g.nb_seances}" if g.nb_seances else ""))
        lignes = []
        for n, s in enumerate(seances, start=1):
            etat = ETATS_SEANCE[s.etat]
            if comptage.est_annulee(s.etat):
                etat += f" ({s.motif_annulation})"
            elif comptage.appel_a_faire(s.etat, s.appel_fait, s.date, self.services.ctx.aujourd_hui()):
                etat = "Appel oublié"
            lignes.append((s.id, (n, f"{JOURS[s.date.weekday()][:3]}. {s.date:%d/%m/%Y}", s.debut, etat,
                                  s.nb_venus if s.appel_fait else "", s.contenu)))
        remplir(self.arbre, lignes)
        self._dates = {s.id: s.date for s in seances}

    def premier_focus(self) -> tkinter.Misc | None:
        lignes = self.arbre.get_children()
        if not lignes:
            return self.c_activite
        premiere_ligne(self.arbre)
        aujourd_hui = self.services.ctx.aujourd_hui()
        prochaine = next((sid for sid, d in self._dates.items() if d >= aujourd_hui), lignes[-1])
        self.arbre.focus(prochaine)
        self.arbre.selection_set(prochaine)
        self.arbre.see(prochaine)
        return self.arbre

    def _seance_choisie(self) -> str:
        sid = self.arbre.focus()
        if not sid:
            raise UserError("Choisissez d'abord une séance dans la liste (flèches haut et bas).")
        return sid

    def _groupe_choisi(self):
        g = self.groupe()
        if g is None:
            raise UserError("Choisissez d'abord une activité, un cycle et un groupe.")
        return g

    # ------------------------------------------------------------ actions
    def generer(self) -> None:
        g = self._groupe_choisi()
        if self.services.seances.seances_du_groupe(g.id) and not dialogues.confirmer(
                self, "Regénérer le calendrier ? Les séances déjà faites ou annulées sont gardées ; "
                      "les autres sont replacées."):
            return
        cal = self.services.seances.generer(g.id)
        texte = f"{compte(len(cal.dates), 'séance placée')}."
        if cal.sautees:
            texte += "\nJours sautés :\n" + "\n".join(f"  {d:%d/%m/%Y} : {r}" for d, r in cal.sautees[:12])
        if cal.avertissement:
            dialogues.avertir(self, texte + "\n\n" + cal.avertissement)
        else:
            dialogues.informer(self, texte)
        self._afficher()

    def faire_appel(self) -> None:
        appel.ouvrir(self, self.app, self._seance_choisie(), attendre=False)

    def deplacer(self) -> None:
        s = self.services.seances.seance(self._seance_choisie())
        r = ChoixDate(self, "Déplacer la séance", s.date, s.debut).montrer()
        if r:
            _s, avert = self.services.seances.deplacer(s.id, *r)
            if avert:
                dialogues.avertir(self, avert)
            self._afficher()

    def annuler_seance(self) -> None:
        s = self.services.seances.seance(self._seance_choisie())
        motif = dialogues.demander_texte(self, f"Motif de l'annulation de la séance du {s.date:%d/%m/%Y} :",
                                         "Annuler la séance")
        if motif is not None:
            self.services.seances.annuler(s.id, motif)
            self._afficher()

    def ajouter(self) -> None:
        g = self._groupe_choisi()
        cr = self.services.seances.creneau_du_groupe(g)
        r = ChoixDate(self, "Ajouter une séance", self.services.ctx.aujourd_hui(), cr.debut).montrer()
        if r:
            self.services.seances.ajouter(g.id, r[0], r[1])
            self._afficher()

    def programme(self) -> None:
        a = self._activite()
        if a is None:
            raise UserError("Choisissez d'abord une activité.")
        EditeurProgramme(self, self.app, a.id).montrer()

    def imprimer(self) -> None:
        sid = self._seance_choisie()
        documents = self.services.documents
        self._lancer(lambda _a: documents.emargement_seance(sid))

    def imprimer_mois(self) -> None:
        g = self._groupe_choisi()
        mois = sorted({(d.year, d.month) for d in self._dates.values()})
        if not mois:
            raise UserError(f"Groupe « {g.nom} » : aucune séance, donc pas de feuille du mois.")
        sid = self.arbre.focus()
        jour = self._dates.get(sid) or self.services.ctx.aujourd_hui()
        choix = ChoixMois(self, mois, (jour.year, jour.month)).montrer()
        if choix is None:
            return
        documents = self.services.documents
        self._lancer(lambda _a: documents.emargement_mois(g.id, choix[0], choix[1]))

    def _lancer(self, travail) -> None:
        def fini(chemin: Path) -> None:
            dialogues.informer(self, f"Feuille écrite :\n{chemin}")

        gc.collect()  # dead Tk images collected in the worker thread would fail there
        self.app.taches.lancer(travail, fini)
