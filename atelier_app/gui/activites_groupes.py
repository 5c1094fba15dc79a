"""Cycles and groups tab: open a cycle from the activity's defaults, enrol, waiting lists, attestations.

Why the freed places are listed here: when someone leaves, the animateur sees at once who is first
on the waiting list and confirms (or not) after a phone call.
"""

from __future__ import annotations

import ttkbootstrap as ttk

from atelier_app.domain.codes import NIVEAUX
from atelier_app.domain.etats import EtatPreliste
from atelier_app.domain.francais import compte
from atelier_app.errors import UserError
from atelier_app.gui import dialogues, polices, raccourcis
from atelier_app.gui.formulaires import BarreBoutons, liste, remplir

#: pre-list entries offered for a group, most advanced first, with their short label
_CANDIDATS = (EtatPreliste.VENU, EtatPreliste.INVITE, EtatPreliste.A_INVITER)
_LIBELLES_CANDIDATS = {EtatPreliste.VENU: "Venu", EtatPreliste.INVITE: "Invité", EtatPreliste.A_INVITER: "À inviter"}


class OngletGroupes(ttk.Frame):
    def __init__(self, parent, app) -> None:
        super().__init__(parent, padding=8)
        self.app = app
        self.services = app.services
        self.activite_id: str | None = None
        # bars that wrap onto more lines: with large text nothing runs off the right edge
        haut = BarreBoutons(self)
        haut.pack(fill="x")
        choix = ttk.Frame(haut)
        ttk.Label(choix, text="Activité").pack(side="left")
        self.choix_act = ttk.Combobox(choix, state="readonly", width=40)
        self.choix_act.pack(side="left", padx=6)
        haut.placer(choix)
        self.choix_act.bind("<<ComboboxSelected>>", lambda _e: self._activite_choisie())
        haut.ajouter("Nouveau cycle (Ctrl+N)", lambda: self.app.proteger(self.nouveau_cycle), principal=True)
        haut.ajouter("Proposer des groupes…", self.proposer)
        haut2 = BarreBoutons(self)
        haut2.pack(fill="x", pady=(6, 0))
        haut2.ajouter("Modifier le cycle…", lambda: self.app.proteger(self.modifier_cycle), style="secondary-outline")
        haut2.ajouter("Ajouter un groupe", lambda: self.app.proteger(self.ajouter_groupe), style="secondary-outline")
        haut2.ajouter("Modifier le groupe… (F2)", lambda: self.app.proteger(self.modifier_groupe),
                      style="secondary-outline")
        raccourcis.lier(self, "<Control-n>", lambda _e: self.app.proteger(self.nouveau_cycle))
        raccourcis.lier(self, "<Control-p>", lambda _e: self.app.proteger(self.confirmer_liberees))
        grand = polices.facteur() > 1.2  # large text: lists one under the other, each with the full width
        cote = "top" if grand else "left"
        milieu = ttk.Frame(self)
        milieu.pack(fill="both", expand=True, pady=6)
        self.cycles = liste(milieu, [("nom", "Cycle", 260), ("debut", "Début", 90)], hauteur=5)
        self.cycles.cadre.pack(side=cote, fill="x" if grand else "y")
        self.cycles.bind("<<TreeviewSelect>>", lambda _e: self._remplir_groupes())
        self.groupes = liste(milieu, [("nom", "Groupe", 230), ("niveau", "Niveau", 110), ("places", "Places", 80),
                                      ("attente", "En attente", 80), ("seances", "Séances", 70)], hauteur=5)
        self.groupes.cadre.pack(side=cote, fill="both", expand=True, padx=0 if grand else 6, pady=(6, 0) if grand else 0)
        self.groupes.bind("<<TreeviewSelect>>", lambda _e: self._remplir_membres())
        for touche in ("<F2>", "<Double-1>"):
            self.groupes.bind(touche, lambda _e: self.app.proteger(self.modifier_groupe))
        bas = ttk.Frame(self)
        bas.pack(fill="both", expand=True)
        gauche = ttk.Labelframe(bas, text="À inscrire (venus à la réunion, invités, à inviter)", padding=4)
        gauche.pack(side=cote, fill="both", expand=True)
        self.candidats = liste(gauche, [("nom", "Personne", 200), ("etat", "État", 110)], hauteur=8,
                               selection="extended")
        self.candidats.cadre.pack(fill="both", expand=True)
        self.candidats.bind("<Return>", lambda _e: self.app.proteger(self.inscrire))
        ttk.Button(gauche, text="Inscrire dans le groupe (Entrée)", bootstyle="primary",
                   command=lambda: self.app.proteger(self.inscrire)).pack(anchor="e", pady=4)
        droite = ttk.Labelframe(bas, text="Membres du groupe et liste d'attente", padding=4)
        droite.pack(side=cote, fill="both", expand=True, padx=0 if grand else (6, 0), pady=(6, 0) if grand else 0)
        self.membres = liste(droite, [("nom", "Personne", 200), ("place", "Place", 110), ("image", "Image", 110)],
                             hauteur=8)
        self.membres.cadre.pack(fill="both", expand=True)
        self.membres.bind("<Delete>", lambda _e: self.app.proteger(self.retirer))
        ligne = ttk.Frame(droite)
        ligne.pack(fill="x", pady=4)
        ttk.Button(ligne, text="Retirer (Suppr)", bootstyle="secondary",
                   command=lambda: self.app.proteger(self.retirer)).pack(side="left")
        ttk.Button(ligne, text="Attestation", bootstyle="secondary",
                   command=lambda: self.app.proteger(self.attestation)).pack(side="left", padx=6)
        self.liberees = ttk.Label(self, text="", foreground=polices.AVERTISSEMENT)
        self.liberees.pack(fill="x")

    # --- choosing -----------------------------------------------------------------------------
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

    def _cycle(self) -> str | None:
        sel = self.cycles.selection()
        return sel[0] if sel else None

    def _groupe(self) -> str | None:
        sel = self.groupes.selection()
        return sel[0] if sel else None

    def _cycle_choisi(self) -> str | None:
        """The selected cycle, or None after telling the user how to get one."""
        cid = self._cycle()
        if cid is None:
            dialogues.avertir(self, "Choisissez d'abord un cycle (ou créez-en un avec Ctrl+N).")
        return cid

    # --- filling ------------------------------------------------------------------------------
    def rafraichir(self) -> None:
        acts = self._activites()
        self.choix_act.configure(values=[a.nom for a in acts])
        if self.activite_id is None and acts:
            self.activite_id = acts[0].id
        ids = [a.id for a in acts]
        if self.activite_id not in ids:
            return
        self.choix_act.current(ids.index(self.activite_id))
        cycles = self.services.activites.cycles(self.activite_id)
        remplir(self.cycles, [(c.id, (c.nom, c.debut.strftime("%d/%m/%Y") if c.debut else "")) for c in cycles])
        if not self.cycles.selection() and cycles:
            self.cycles.selection_set(cycles[-1].id)
        self._remplir_groupes()
        cycle = self._cycle()
        deja = {p for g in (self.services.activites.groupes(cycle) if cycle else [])
                for p in (*g.inscrits, *g.liste_attente)}
        candidats = [e for e in self.services.preliste.entrees(self.activite_id)
                     if e.etat in _CANDIDATS and e.personne not in deja]
        candidats.sort(key=lambda e: _CANDIDATS.index(e.etat))
        lignes = []
        for e in candidats:
            p = self.services.personnes.personne(e.personne)
            lignes.append((e.id, (f"{p.nom.upper()} {p.prenom}", _LIBELLES_CANDIDATS[e.etat])))
        remplir(self.candidats, lignes)

    def _remplir_groupes(self) -> None:
        cycle = self._cycle()
        groupes = self.services.activites.groupes(cycle) if cycle else []
        remplir(self.groupes, [(g.id, (g.nom, NIVEAUX.get(g.niveau or "", "—"), f"{len(g.inscrits)}/{g.capacite}",
                                       len(g.liste_attente), g.nb_seances)) for g in groupes])
        if not self.groupes.selection() and groupes:
            self.groupes.selection_set(groupes[0].id)
        self._remplir_membres()
        liberees = self.services.inscriptions.places_liberees(cycle) if cycle else []
        self.liberees.configure(text="   ".join(
            f"Place libre dans « {g.nom} » : proposer {self._nom(p)} (Ctrl+P pour confirmer)" for g, p in liberees))
        self._liberees = liberees

    def _nom(self, personne_id: str) -> str:
        p = self.services.personnes.personne(personne_id)
        return f"{p.prenom} {p.nom}"

    def _remplir_membres(self) -> None:
        gid = self._groupe()
        if gid is None:
            remplir(self.membres, [])
            return
        g = self.services.activites.groupe(gid)
        enfants = self.services.centre.activite(self.activite_id).genre_activite == "club"
        lignes = []
        for rang, pid in [(None, p) for p in g.inscrits] + list(enumerate(g.liste_attente, 1)):
            p = self.services.personnes.personne(pid)
            image = ("droit à l'image : oui" if p.droit_image else "droit à l'image : non") if enfants else ""
            lignes.append((pid, (f"{p.nom.upper()} {p.prenom}", "inscrit" if rang is None else f"attente n° {rang}",
                                 image)))
        remplir(self.membres, lignes)

    # --- actions ------------------------------------------------------------------------------
    def nouveau_cycle(self) -> None:
        if self.activite_id is None:
            return
        from atelier_app.gui.dialogues_cycles import DialogueNouveauCycle

        fait = DialogueNouveauCycle(self.app, self.services.centre.activite(self.activite_id)).montrer()
        if not fait:
            return
        c, gs, n = fait
        self.rafraichir()
        self.cycles.selection_set(c.id)
        dialogues.informer(self, f"Cycle « {c.nom} » créé : {compte(len(gs), 'groupe')}, {compte(n, 'séance prévue')} "
                                 "(vacances scolaires et jours fériés sautés).")

    def modifier_cycle(self) -> None:
        from atelier_app.gui.dialogues_cycles import DialogueCycle

        cid = self._cycle_choisi()
        if cid is None:
            return
        DialogueCycle(self.app, self.services.activites.cycle(cid)).montrer()

    def ajouter_groupe(self) -> None:
        cid = self._cycle_choisi()
        if cid is None:
            return
        g = self.services.activites.ajouter_groupe(cid)
        self.groupes.selection_set(g.id)
        self.groupes.focus(g.id)

    def modifier_groupe(self) -> None:
        from atelier_app.gui.dialogues_cycles import DialogueGroupe

        gid = self._groupe()
        if gid is None:
            dialogues.avertir(self, "Choisissez d'abord un groupe dans la liste.")
            return
        DialogueGroupe(self.app, self.services.activites.groupe(gid)).montrer()

    def inscrire(self) -> None:
        gid = self._groupe()
        if gid is None:
            dialogues.avertir(self, "Inscription : choisissez d'abord un groupe (créez un cycle au besoin).")
            return
        messages = []
        for eid in self.candidats.selection():
            pid = self.services.preliste.entree(eid).personne
            try:
                if not self.services.inscriptions.inscrire(gid, pid):
                    messages.append(f"{self._nom(pid)} : groupe complet, mis(e) sur la liste d'attente.")
            except UserError as exc:  # the others chosen with this person are still enrolled
                messages.append(exc.texte())
        self.rafraichir()
        if messages:
            dialogues.informer(self, "\n".join(messages))

    def retirer(self) -> None:
        gid = self._groupe()
        sel = self.membres.selection()
        if gid is None or not sel:
            return
        if not dialogues.confirmer(self, f"Retirer {self._nom(sel[0])} du groupe ?"):
            return
        propose = self.services.inscriptions.retirer(gid, sel[0])
        self.rafraichir()
        if propose and dialogues.confirmer(self, f"Une place est libre : la proposer à {self._nom(propose)}, "
                                                 "premier(ère) sur la liste d'attente ?"):
            self.services.inscriptions.confirmer_place(gid, propose)
            self.rafraichir()

    def confirmer_liberees(self) -> None:
        for g, p in list(getattr(self, "_liberees", [])):
            if dialogues.confirmer(self, f"Donner la place libre de « {g.nom} » à {self._nom(p)} ?"):
                self.services.inscriptions.confirmer_place(g.id, p)
        self.rafraichir()

    def attestation(self) -> None:
        from atelier_app.gui.activites_preliste import ouvrir

        gid, sel = self._groupe(), self.membres.selection()
        if gid is None or not sel:
            dialogues.avertir(self, "Attestation : choisissez une personne du groupe.")
            return
        chemin = self.services.documents.attestation(gid, sel[0])
        if dialogues.confirmer(self, f"Attestation écrite : {chemin}\n\nOuvrir le PDF ?"):
            ouvrir(chemin, self)

    def proposer(self) -> None:
        cycle = self._cycle()
        if cycle is None:
            dialogues.avertir(self, "Proposer des groupes : choisissez d'abord un cycle.")
            return
        try:
            from atelier_app.gui.proposition import DialogueProposition
        except ImportError:
            dialogues.avertir(self, "La proposition de groupes n'est pas disponible dans cette version d'Atelier.")
            return
        self.app.proteger(lambda: DialogueProposition(self, self.app, cycle).montrer())
        self.rafraichir()
