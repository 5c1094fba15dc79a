"""Level placement and group proposals (DESIGN.md workflow 2).

Why the proposal only places people not yet in a group: the animateur may already have placed some
by hand; their places are kept and the proposal fills what is left, then the animateur confirms.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from atelier_app.domain.activites import (
    Activite,
    Cycle,
    Groupe,
    creneau_convient,
    libelle_disponibilite,
    normaliser_disponibilite,
    ordre_groupes,
)
from atelier_app.domain.etats import EtatPreliste
from atelier_app.domain.personnes import Personne
from atelier_app.domain.positionnement import Positionnement
from atelier_app.domain.preliste import ChangementEtat, EntreePreliste
from atelier_app.domain.proposition import RANG, Candidat, GroupeCible, Proposition, proposer
from atelier_app.domain.questionnaire import (
    QUESTIONNAIRE_PAR_DEFAUT,
    Questionnaire,
    niveau,
    score,
    valider_questionnaire,
)
from atelier_app.domain.records import nouvel_id
from atelier_app.domain.roles import Permission
from atelier_app.errors import UserError
from atelier_app.services.base import Service

#: Who the proposal considers by default: on the pre-list and not enrolled yet (people marked
#: « inscrit » finished or follow an earlier cycle; the team may tick them back in).
ETATS_PROPOSES: tuple[str, ...] = (EtatPreliste.A_INVITER, EtatPreliste.INVITE, EtatPreliste.VENU)


class PositionnementService(Service):
    # ------------------------------------------------------------ questionnaire
    def questionnaire(self) -> Questionnaire:
        return self.depot.get(Questionnaire, Questionnaire.ID) or QUESTIONNAIRE_PAR_DEFAUT

    def enregistrer_questionnaire(self, q: Questionnaire) -> Questionnaire:
        self.ctx.exiger(Permission.PARAMETRES)
        problemes = valider_questionnaire(q)
        return self.sauver(q, "Modification du questionnaire", "positionnement", problemes, "Le questionnaire n'est pas enregistré.")

    def revenir_au_questionnaire_par_defaut(self) -> Questionnaire:
        return self.enregistrer_questionnaire(QUESTIONNAIRE_PAR_DEFAUT)

    # ------------------------------------------------------------ placements
    def positionner(self, personne_id: str, reponses: dict[str, int], *, moment: str = "entree",
                    disponibilites: tuple[str, ...] = (), cycle: str | None = None,
                    le: date | None = None, activite: str | None = None) -> Positionnement:
        """Record a questionnaire; ``disponibilites`` are slot ids of ``activite`` (empty: any slot)."""
        self.ctx.exiger(Permission.MODIFIER_PERSONNES)
        if self.depot.get(Personne, personne_id) is None:
            raise UserError(f"La personne « {personne_id} » n'existe pas.")
        if moment not in ("entree", "sortie"):
            raise UserError("Le moment du positionnement est « entree » ou « sortie ».")
        if activite is not None:
            a = self.depot.get(Activite, activite)
            if a is None:
                raise UserError(f"L'activité « {activite} » n'existe pas.")
            connus = {c.id for c in a.creneaux}
            inconnus = [d for d in disponibilites if normaliser_disponibilite(d) not in connus]
            if inconnus:
                raise UserError(f"Positionnement : « {inconnus[0]} » n'est pas un créneau de « {a.nom} ».")
        q = self.questionnaire()
        total = score(q, reponses)
        p = Positionnement(
            id=nouvel_id("pos"), personne=personne_id, date=le or self.ctx.aujourd_hui(),
            reponses=dict(reponses), score=total, niveau=niveau(q, total), moment=moment,
            cycle=cycle, disponibilites=tuple(normaliser_disponibilite(d) for d in disponibilites),
            activite=activite,
        )
        return self.sauver(p, "Positionnement", "positionnement")

    def positionnements(self, personne_id: str) -> list[Positionnement]:
        self.ctx.exiger(Permission.VOIR_PERSONNES)
        return sorted((p for p in self.depot.all(Positionnement) if p.personne == personne_id),
                      key=lambda p: (p.date, p.moment != "entree"))

    def dernier(self, personne_id: str, moment: str = "entree") -> Positionnement | None:
        self.ctx.exiger(Permission.VOIR_PERSONNES)
        liste = [p for p in self.depot.all(Positionnement) if p.personne == personne_id and p.moment == moment]
        return max(liste, key=lambda p: (p.date, p.id)) if liste else None

    # ------------------------------------------------------------ proposals
    def _cycle(self, cycle_id: str) -> tuple[Cycle, list[Groupe]]:
        cycle = self.depot.get(Cycle, cycle_id)
        if cycle is None:
            raise UserError(f"Le cycle « {cycle_id} » n'existe pas.")
        groupes = ordre_groupes(g for g in self.depot.all(Groupe) if g.cycle == cycle_id)
        if not groupes:
            raise UserError(f"Le cycle « {cycle.nom} » n'a pas encore de groupe : créez-les d'abord.")
        return cycle, groupes

    def groupes_du_cycle(self, cycle_id: str) -> list[Groupe]:
        return self._cycle(cycle_id)[1]

    def disponibilites(self, personne_id: str, activite: str) -> tuple[str, ...]:
        """The slots the person said they can attend for this activity (latest answer; empty: any).

        An availability given for another activity names other slots, so it is not used here."""
        self.ctx.exiger(Permission.VOIR_PERSONNES)
        liste = [p for p in self.depot.all(Positionnement) if p.personne == personne_id
                 and p.moment == "entree" and p.activite in (None, activite)]
        return max(liste, key=lambda p: (p.date, p.id)).disponibilites if liste else ()

    def candidats(self, cycle_id: str, etats: tuple[str, ...] | None = None) -> list[Candidat]:
        """People of the activity's pre-list in one of ``etats`` who are in no group of the cycle yet."""
        self.ctx.exiger(Permission.VOIR_PERSONNES)
        cycle, groupes = self._cycle(cycle_id)
        etats = ETATS_PROPOSES if etats is None else tuple(etats)
        deja = {p for g in groupes for p in (*g.inscrits, *g.liste_attente)}
        ids: list[str] = []
        for e in sorted(self.depot.all(EntreePreliste), key=lambda e: (e.demande_le, e.id)):
            if e.activite == cycle.activite and e.etat in etats and e.personne not in deja:
                if e.personne not in ids:
                    ids.append(e.personne)
        out = []
        for pid in ids:
            personne = self.depot.get(Personne, pid)
            if personne is None:
                continue
            pos = self.dernier(pid)
            dispo = self.disponibilites(pid, cycle.activite)
            possibles = frozenset(g.id for g in groupes if g.creneau is None or creneau_convient(dispo, g.creneau))
            out.append(Candidat(pid, pos.niveau if pos else "debutant", possibles, personne.nom_complet,
                                ", ".join(libelle_disponibilite(d) for d in dispo)))
        return out

    def proposer(self, cycle_id: str, etats: tuple[str, ...] | None = None) -> Proposition:
        self.ctx.exiger(Permission.GERER_ACTIVITES)
        _cycle, groupes = self._cycle(cycle_id)
        cibles = [GroupeCible(g.id, g.capacite, g.niveau, g.nom, len(g.inscrits)) for g in groupes]
        candidats = self.candidats(cycle_id, etats)
        prop = proposer(candidats, cibles)
        for c in candidats:
            if c.personne in prop.raisons and self.dernier(c.personne) is None:
                prop.raisons[c.personne] += " ; pas encore positionné(e) : compté(e) débutant(e)"
        return prop

    def confirmer(self, cycle_id: str, affectations: dict[str, list[str]]) -> int:
        """Enrol as decided by the animateur (after moving people by hand), in one durable write."""
        self.ctx.exiger(Permission.GERER_ACTIVITES)
        cycle, groupes = self._cycle(cycle_id)
        par_id = {g.id: g for g in groupes}
        vus: set[str] = set()
        nouveaux: list[Groupe] = []
        for gid, personnes in affectations.items():
            g = par_id.get(gid)
            if g is None:
                raise UserError(f"Le groupe « {gid} » n'appartient pas à ce cycle.")
            ajout = [p for p in personnes if p not in g.inscrits]
            if vus & set(ajout):
                raise UserError("Une personne est proposée dans deux groupes à la fois.")
            vus |= set(ajout)
            if len(g.inscrits) + len(ajout) > g.capacite:
                raise UserError(f"Le groupe « {g.nom} » est complet : {g.capacite} places, "
                                f"{len(g.inscrits) + len(ajout)} personnes proposées.")
            nouveaux.append(replace(g, inscrits=g.inscrits + tuple(ajout),
                                    liste_attente=tuple(x for x in g.liste_attente if x not in ajout)))
        aujourd_hui = self.ctx.aujourd_hui()
        activite = cycle.activite
        with self.depot.transaction("Constitution des groupes") as tx:
            tx.put_many(nouveaux)
            for e in self.depot.all(EntreePreliste):
                if e.activite == activite and e.personne in vus and e.etat != EtatPreliste.INSCRIT:
                    tx.put(replace(e, etat=EtatPreliste.INSCRIT.value, historique=(*e.historique, ChangementEtat(EtatPreliste.INSCRIT.value, aujourd_hui))))
        self.ctx.signaler("groupes")
        return len(vus)

    # ------------------------------------------------------------ progress
    def progres(self, annee: int, activite: str | None = None) -> dict[str, int]:
        """People with an entry and an exit placement in the year: how many moved up, stayed, went down."""
        self.ctx.exiger(Permission.STATISTIQUES)
        cycles_activite = None
        if activite is not None:
            if self.depot.get(Activite, activite) is None:
                raise UserError(f"L'activité « {activite} » n'existe pas.")
            cycles_activite = {c.id for c in self.depot.all(Cycle) if c.activite == activite}
        entree: dict[str, Positionnement] = {}
        sortie: dict[str, Positionnement] = {}
        for p in self.depot.all(Positionnement, annee=annee):
            if cycles_activite is not None and p.cycle not in cycles_activite:
                continue
            cible = entree if p.moment == "entree" else sortie
            if p.personne not in cible or p.date >= cible[p.personne].date:
                cible[p.personne] = p
        out = {"evalues": 0, "progresse": 0, "stable": 0, "recul": 0}
        for pid, s in sortie.items():
            e = entree.get(pid)
            if e is None:
                continue
            out["evalues"] += 1
            d = RANG[s.niveau] - RANG[e.niveau]
            out["progresse" if d > 0 else "stable" if d == 0 else "recul"] += 1
        return out
