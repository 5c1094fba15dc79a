"""The proposed groups of a cycle: why each person is where they are, moves by hand, then confirm.

Why the animateur confirms: the app proposes, the animateur knows the people (DESIGN.md: « the
animateur decides »). Moving someone: select them, press the group's number (1, 2, 3…) or 0 for
« non placé ».
"""

from __future__ import annotations

import tkinter

import ttkbootstrap as ttk

from atelier_app.domain.codes import ETATS_PRELISTE, NIVEAUX
from atelier_app.gui import polices
from atelier_app.gui.formulaires import Modale, liste, premiere_ligne, remplir
from atelier_app.services.positionnement import ETATS_PROPOSES

NON_PLACE = "__non_place__"


class DialogueProposition(Modale):
    def __init__(self, parent: tkinter.Misc, app, cycle_id: str) -> None:
        super().__init__(parent, "Proposition de groupes")
        self.app = app
        self.cycle_id = cycle_id
        svc = app.services.positionnement
        self.groupes = svc.groupes_du_cycle(cycle_id)  # numbered in this order: key 1 is the first
        touches = ", ".join(f"{i} = {g.nom}" for i, g in enumerate(self.groupes, start=1))
        large = min(round(860 * max(1.0, polices.facteur())), self.winfo_screenwidth() - 160)
        ttk.Label(self.corps, wraplength=large, justify="left", text=(
            "Groupes proposés, aussi homogènes que possible dans la limite des places et des créneaux de chacun. "
            f"Pour déplacer quelqu'un : sélectionnez-le et tapez le numéro du groupe ({touches}, 0 = non placé).")
        ).pack(anchor="w", pady=(0, 8))
        etats = ttk.Frame(self.corps)
        etats.pack(fill="x", pady=(0, 6))
        ttk.Label(etats, text="Personnes de la pré-liste :").pack(side="left")
        self.etats: dict[str, tkinter.BooleanVar] = {}
        for code, libelle in ETATS_PRELISTE.items():
            var = tkinter.BooleanVar(value=code in ETATS_PROPOSES)
            ttk.Checkbutton(etats, text=libelle, variable=var, command=self.proposer).pack(side="left", padx=(8, 0))
            self.etats[code] = var
        # the totals and the selected person's full reason stay visible however large the text
        self.bilan = ttk.Label(self.corps, text="", wraplength=large, justify="left")
        self.bilan.pack(side="bottom", anchor="w", pady=(8, 0))
        self.pourquoi = ttk.Label(self.corps, text="", wraplength=large, justify="left")
        self.pourquoi.pack(side="bottom", anchor="w", pady=(6, 0))
        self.arbre = liste(self.corps, (("nom", "Personne", 220), ("niveau", "Niveau", 120),
                                        ("groupe", "Groupe proposé", 250), ("raison", "Pourquoi", 420)),
                           hauteur=max(5, round(16 / max(1.0, polices.facteur()))))
        self.arbre.cadre.pack(fill="both", expand=True)
        self.arbre.bind("<<TreeviewSelect>>", lambda _e: self._montrer_pourquoi())
        for i, g in enumerate(self.groupes, start=1):
            self.arbre.bind(f"<KeyPress-{i}>", lambda _e, gid=g.id: self.deplacer(gid))
        self.arbre.bind("<KeyPress-0>", lambda _e: self.deplacer(NON_PLACE))
        self.bouton("Annuler", self.annuler)
        self.bouton("Confirmer les groupes", self.confirmer, principal=True)
        self.proposer()

    def _montrer_pourquoi(self) -> None:
        sel = self.arbre.selection()
        if not sel:
            self.pourquoi.configure(text="")
            return
        nom, _niveau, groupe, raison = self.arbre.item(sel[0], "values")
        self.pourquoi.configure(text=f"{nom} — {groupe} : {raison}")

    def etats_choisis(self) -> tuple[str, ...]:
        return tuple(code for code, var in self.etats.items() if var.get())

    def proposer(self) -> None:
        """(Re)compute the proposal for the pre-list states ticked; moves by hand start again."""
        svc = self.app.services.positionnement
        etats = self.etats_choisis()
        self.proposition = svc.proposer(self.cycle_id, etats)
        candidats = svc.candidats(self.cycle_id, etats)
        self.noms = {c.personne: c.nom for c in candidats}
        self.niveaux = {c.personne: c.niveau for c in candidats}
        self.affectation: dict[str, str] = {}
        for gid, membres in self.proposition.affectations.items():
            for p in membres:
                self.affectation[p] = gid
        for p in self.proposition.non_places:
            self.affectation[p] = NON_PLACE
        self.afficher()

    def _libelle_groupe(self, gid: str) -> str:
        if gid == NON_PLACE:
            return "— non placé —"
        g = next(x for x in self.groupes if x.id == gid)
        cible = self.proposition.niveaux_cibles.get(gid)
        return g.nom + (f" ({NIVEAUX[cible].lower()})" if cible and not g.niveau else "")

    def afficher(self) -> None:
        lignes = []
        rang = {g.id: i for i, g in enumerate(self.groupes)}
        for pid in sorted(self.affectation, key=lambda p: (rang.get(self.affectation[p], len(rang)),
                                                           self.noms.get(p, p))):
            gid = self.affectation[pid]
            raison = self.proposition.non_places.get(pid) if gid == NON_PLACE else self.proposition.raisons.get(pid, "")
            lignes.append((pid, (self.noms.get(pid, pid), NIVEAUX.get(self.niveaux.get(pid, ""), ""),
                                 self._libelle_groupe(gid), raison or "déplacé à la main")))
        remplir(self.arbre, lignes)
        morceaux = []
        for g in self.groupes:
            n = sum(1 for v in self.affectation.values() if v == g.id) + len(g.inscrits)
            morceaux.append(f"{g.nom} : {n}/{g.capacite}")
        non = sum(1 for v in self.affectation.values() if v == NON_PLACE)
        self.bilan.configure(text=" · ".join(morceaux) + (f" · non placé(s) : {non}" if non else ""))
        self._montrer_pourquoi()

    def deplacer(self, gid: str) -> str:
        for pid in self.arbre.selection():
            if self.affectation.get(pid) != gid:
                self.affectation[pid] = gid
                self.proposition.raisons.pop(pid, None)
                self.proposition.non_places.pop(pid, None)
        self.afficher()
        return "break"

    def affectations(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {g.id: [] for g in self.groupes}
        for pid, gid in self.affectation.items():
            if gid != NON_PLACE:
                out[gid].append(pid)
        return out

    def confirmer(self) -> None:
        n = self.app.proteger(lambda: self.app.services.positionnement.confirmer(self.cycle_id, self.affectations()))
        if n is not None:
            self.resultat = n
            self.fermer()

    def montrer(self, focus: tkinter.Misc | None = None, attendre: bool = True) -> object:
        self.after_idle(lambda: premiere_ligne(self.arbre))
        return super().montrer(focus or self.arbre, attendre)
