"""Enrolment into groups: capacity, waiting lists, freed places and a person's path.

Why a freed place is only proposed: the animateur knows whether the first waiting person is still
available, so the service names them and waits for a confirmation (``confirmer_place``).
"""

from __future__ import annotations

from dataclasses import dataclass

from atelier_app.domain import comptage
from atelier_app.domain import inscription as regles
from atelier_app.domain.activites import Activite, Cycle, Groupe
from atelier_app.domain.etats import EtatPreliste
from atelier_app.domain.preliste import EN_ATTENTE, EntreePreliste
from atelier_app.domain.roles import Permission
from atelier_app.domain.seances import Seance
from atelier_app.errors import UserError
from atelier_app.services.base import Service

#: pre-list states still waiting (the domain's one list): enrolling the person closes them as « inscrit »
_EN_ATTENTE = EN_ATTENTE


@dataclass(frozen=True)
class Etape:
    """One line of a person's path: an activity's cycle and group, enrolled or waiting."""

    activite: Activite
    cycle: Cycle
    groupe: Groupe
    en_attente: bool


@dataclass(frozen=True)
class Participation:
    """What an attestation says: sessions attended and hours, first and last dates."""

    seances: int
    heures: float
    premiere: object
    derniere: object


class InscriptionsService(Service):
    def inscrire(self, groupe_id: str, personne_id: str) -> bool:
        """Enrol (True) or put on the waiting list when full (False); the pre-list entry follows."""
        self.ctx.exiger(Permission.GERER_ACTIVITES)
        g = self.services.activites.groupe(groupe_id)
        p = self.services.personnes.personne(personne_id)
        manque = regles.manque_pour_mineur(p, self.ctx.aujourd_hui().year)
        if manque:
            raise UserError(f"{p.prenom} {p.nom} est mineur(e) : il manque {' et '.join(manque)} "
                            "(fiche de la personne) avant l'inscription.")
        for autre in self.services.activites.groupes(g.cycle):
            if autre.id != g.id and (p.id in autre.inscrits or p.id in autre.liste_attente):
                ou = "inscrit(e)" if p.id in autre.inscrits else "sur la liste d'attente"
                raise UserError(f"{p.prenom} {p.nom} est déjà {ou} dans le groupe « {autre.nom} » de ce cycle : "
                                "retirez-le ou retirez-la d'abord de ce groupe.")
        g2, inscrit = regles.inscrire(g, p.id)
        cycle = self.services.activites.cycle(g.cycle)
        with self.depot.transaction("Inscription dans un groupe") as tx:
            tx.put(g2)
            if inscrit:
                for e in self.depot.all(EntreePreliste):
                    if e.personne == p.id and e.activite == cycle.activite and e.etat in _EN_ATTENTE:
                        tx.put(regles.changer_etat(e, EtatPreliste.INSCRIT, self.ctx.aujourd_hui()))
        self.ctx.signaler("activites")
        return inscrit

    def retirer(self, groupe_id: str, personne_id: str) -> str | None:
        """Unenrol; returns the first waiting person now proposed for the freed place (or None)."""
        self.ctx.exiger(Permission.GERER_ACTIVITES)
        g = regles.retirer(self.services.activites.groupe(groupe_id), personne_id)
        with self.depot.transaction("Retrait d'un groupe") as tx:
            tx.put(g)
        self.ctx.signaler("activites")
        return regles.premier_en_attente(g)

    def places_liberees(self, cycle_id: str | None = None) -> list[tuple[Groupe, str]]:
        """Groups with a free place and someone waiting: (group, first waiting person)."""
        self.ctx.exiger(Permission.VOIR_PERSONNES)
        out = []
        for g in self.depot.all(Groupe):
            if cycle_id is not None and g.cycle != cycle_id:
                continue
            premier = regles.premier_en_attente(g)
            if premier:
                out.append((g, premier))
        return out

    def confirmer_place(self, groupe_id: str, personne_id: str) -> Groupe:
        self.ctx.exiger(Permission.GERER_ACTIVITES)
        g = self.services.activites.groupe(groupe_id)
        if g.liste_attente and g.liste_attente[0] != personne_id:
            raise UserError(f"Groupe « {g.nom} » : la place revient d'abord à la première personne en attente.")
        g = regles.confirmer(g, personne_id)
        cycle = self.services.activites.cycle(g.cycle)
        with self.depot.transaction("Place confirmée") as tx:
            tx.put(g)
            for e in self.depot.all(EntreePreliste):
                if e.personne == personne_id and e.activite == cycle.activite and e.etat in _EN_ATTENTE:
                    tx.put(regles.changer_etat(e, EtatPreliste.INSCRIT, self.ctx.aujourd_hui()))
        self.ctx.signaler("activites")
        return g

    def parcours(self, personne_id: str) -> list[Etape]:
        """Every cycle and group of a person, enrolled or waiting, oldest first."""
        self.ctx.exiger(Permission.VOIR_PERSONNES)
        cycles = {c.id: c for c in self.depot.all(Cycle)}
        activites = {a.id: a for a in self.depot.all(Activite)}
        out = []
        for g in self.depot.all(Groupe):
            if personne_id in g.inscrits or personne_id in g.liste_attente:
                c = cycles.get(g.cycle)
                if c is not None and c.activite in activites:
                    out.append(Etape(activites[c.activite], c, g, personne_id in g.liste_attente))
        return sorted(out, key=lambda e: (e.cycle.debut or e.cycle.id, e.groupe.nom))

    def participation(self, groupe_id: str, personne_id: str) -> Participation:
        """Sessions attended (present or late) and hours (attended × duration of held sessions)."""
        self.ctx.exiger(Permission.VOIR_PERSONNES)
        venues = []
        for s in self.depot.all(Seance):
            if s.groupe == groupe_id and personne_id in comptage.venus_nommes(s):
                venues.append(s)
        venues.sort(key=lambda s: s.date)
        return Participation(len(venues), comptage.heures_tenues(venues),
                             venues[0].date if venues else None, venues[-1].date if venues else None)

    def donnees_attestation(self, groupe_id: str, personne_id: str) -> dict:
        """What an attestation needs (keyword arguments of the writer); printed by ``documents.attestation``."""
        self.ctx.exiger(Permission.IMPRIMER)
        g = self.services.activites.groupe(groupe_id)
        if personne_id not in g.inscrits:
            raise UserError(f"Attestation : cette personne n'est pas inscrite dans « {g.nom} ».")
        cycle = self.services.activites.cycle(g.cycle)
        donnees = {"personne": self.services.personnes.personne(personne_id),
                   "activite": self.services.centre.activite(cycle.activite), "cycle": cycle, "groupe": g,
                   "participation": self.participation(groupe_id, personne_id)}
        return donnees
