"""Pre-lists: who waits for which activity, since when, and where they are in workflow 1.

Why each change is dated in ``historique``: the report and the animateur both ask how long people
wait between their request, the meeting and their enrolment.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

from atelier_app.domain.codes import ETATS_PRELISTE
from atelier_app.domain.etats import EtatPreliste
from atelier_app.domain.inscription import changer_etat
from atelier_app.domain.invitations import reunion_pour
from atelier_app.domain.personnes import Personne
from atelier_app.domain.preliste import ChangementEtat, EntreePreliste, valider_preliste
from atelier_app.domain.records import nouvel_id
from atelier_app.domain.roles import Permission
from atelier_app.errors import UserError
from atelier_app.services.base import Service


def a_une_adresse(p: Personne) -> bool:
    return bool(p.adresse.strip() and p.code_postal.strip() and p.commune.strip())


class PrelisteService(Service):
    def entrees(self, activite_id: str, etat: str | None = None) -> list[EntreePreliste]:
        self.ctx.exiger(Permission.VOIR_PERSONNES)
        es = [e for e in self.depot.all(EntreePreliste) if e.activite == activite_id]
        if etat is not None:
            es = [e for e in es if e.etat == etat]
        return sorted(es, key=lambda e: e.demande_le)  # stable: same day keeps order of arrival

    def de_la_personne(self, personne_id: str) -> list[EntreePreliste]:
        self.ctx.exiger(Permission.VOIR_PERSONNES)
        return sorted((e for e in self.depot.all(EntreePreliste) if e.personne == personne_id),
                      key=lambda e: e.demande_le)

    def entree(self, entree_id: str) -> EntreePreliste:
        self.ctx.exiger(Permission.VOIR_PERSONNES)  # origin and notes about the person
        for e in self.depot.all(EntreePreliste):
            if e.id == entree_id:
                return e
        raise UserError(f"La demande « {entree_id} » n'est plus sur la pré-liste.")

    def comptes(self, activite_id: str) -> dict[str, int]:
        """Number of entries per state (every state present, zero included)."""
        self.ctx.exiger(Permission.VOIR_PERSONNES)
        c = Counter(e.etat for e in self.entrees(activite_id))
        return {etat: c.get(etat, 0) for etat in ETATS_PRELISTE}

    def attente_jours(self, e: EntreePreliste) -> int:
        """Days waited: until today, or until enrolment / withdrawal once the wait is over."""
        if e.etat in (EtatPreliste.INSCRIT, EtatPreliste.DESISTE):
            fin = next((h.le for h in reversed(e.historique) if h.etat == e.etat), None)
            if fin is not None:
                return e.attente_jours(fin)
        return e.attente_jours(self.ctx.aujourd_hui())

    def ajouter(self, activite_id: str, personne: Personne | str, origine: str = "accueil", notes: str = "",
                demande_le: date | None = None) -> EntreePreliste:
        """Put an existing person (id) or a new one (record without id) on the activity's pre-list."""
        self.ctx.exiger(Permission.MODIFIER_PERSONNES)
        activite = self.services.centre.activite(activite_id)
        if isinstance(personne, Personne):
            personne = self.services.personnes.ajouter(personne).id
        p = self.services.personnes.personne(personne)
        for e in self.depot.all(EntreePreliste):
            if e.personne == p.id and e.activite == activite.id and e.etat not in (EtatPreliste.INSCRIT, EtatPreliste.DESISTE):
                raise UserError(f"{p.prenom} {p.nom} est déjà sur la pré-liste « {activite.nom} ».")
        le = demande_le or self.ctx.aujourd_hui()
        e = EntreePreliste(id=nouvel_id("e"), personne=p.id, activite=activite.id, demande_le=le,
                           origine=origine, notes=notes, historique=(ChangementEtat(EtatPreliste.A_INVITER, le),))
        problemes = valider_preliste(e, f"Pré-liste « {activite.nom} »")
        return self.sauver(e, "Ajout à la pré-liste", "preliste", problemes, "La demande n'est pas enregistrée.")

    def changer_etat(self, entree_id: str, etat: str) -> EntreePreliste:
        self.ctx.exiger(Permission.MODIFIER_PERSONNES)
        e = changer_etat(self.entree(entree_id), etat, self.ctx.aujourd_hui())
        return self.sauver(e, "Changement d'état sur la pré-liste", "preliste")

    def modifier_notes(self, entree_id: str, origine: str, notes: str) -> EntreePreliste:
        self.ctx.exiger(Permission.MODIFIER_PERSONNES)
        e = replace(self.entree(entree_id), origine=origine, notes=notes)
        problemes = valider_preliste(e, "Pré-liste")
        return self.sauver(e, "Modification d'une demande", "preliste", problemes, "La demande n'est pas enregistrée.")

    def lettres_a_envoyer(self, activite_id: str) -> tuple[list[Personne], list[Personne]]:
        """People waiting to be invited: (with a postal address, without — to phone)."""
        self.ctx.exiger(Permission.VOIR_COORDONNEES)
        avec: list[Personne] = []
        sans: list[Personne] = []
        for e in self.entrees(activite_id, EtatPreliste.A_INVITER):
            p = self.services.personnes.personne(e.personne)
            (avec if a_une_adresse(p) else sans).append(p)
        return avec, sans

    def marquer_invites(self, activite_id: str, personnes: list[str], details: str = "") -> int:
        """Mark as invited to the activity's meeting, with a journal entry of the printing."""
        self.ctx.exiger(Permission.IMPRIMER)
        a = self.services.centre.activite(activite_id)
        cibles = set(personnes)
        faits = []
        for e in self.entrees(activite_id, EtatPreliste.A_INVITER):
            if e.personne in cibles:
                reunion = reunion_pour(a, e.reunion)  # never erase the entry's own meeting date
                faits.append(replace(changer_etat(e, EtatPreliste.INVITE, self.ctx.aujourd_hui()),
                                     reunion=reunion.date if reunion else None))
        with self.depot.transaction("Lettres d'invitation") as tx:
            tx.put_many(faits)
            self.journaliser(tx, "impression", [e.personne for e in faits],
                             details or f"lettres d'invitation {activite_id}")
        self.ctx.signaler("preliste")
        return len(faits)
