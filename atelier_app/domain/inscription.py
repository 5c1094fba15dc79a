"""Pure rules of enrolment: capacity, waiting list in arrival order, pre-list states, minors.

Why pure functions on frozen groups: the same rule serves the screen, the CLI and the tests, and
a group can never be written beyond its capacity because no function here builds one.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from atelier_app.domain.activites import Groupe
from atelier_app.domain.personnes import Personne
from atelier_app.domain.preliste import ChangementEtat, EntreePreliste
from atelier_app.errors import UserError

#: Allowed changes of a pre-list entry (workflow 1); "désisté" can be undone back to "à inviter".
TRANSITIONS: dict[str, frozenset[str]] = {
    "a_inviter": frozenset({"invite", "venu", "inscrit", "desiste"}),
    "invite": frozenset({"a_inviter", "venu", "inscrit", "desiste"}),
    "venu": frozenset({"inscrit", "desiste"}),
    "inscrit": frozenset({"desiste"}),
    "desiste": frozenset({"a_inviter"}),
}


def transition_permise(avant: str, apres: str) -> bool:
    return apres in TRANSITIONS.get(avant, frozenset())


def changer_etat(e: EntreePreliste, etat: str, le: date) -> EntreePreliste:
    """New entry in ``etat`` with the change dated in its history; refuses an impossible change."""
    if e.etat == etat:
        return e
    if not transition_permise(e.etat, etat):
        raise UserError(f"Pré-liste : passer de « {e.etat} » à « {etat} » n'est pas possible.")
    return replace(e, etat=etat, historique=(*e.historique, ChangementEtat(etat, le)))


def inscrire(g: Groupe, personne: str) -> tuple[Groupe, bool]:
    """Enrol, or queue at the end of the waiting list when full. Returns (group, enrolled?)."""
    if personne in g.inscrits:
        return g, True
    if personne in g.liste_attente:
        return g, False
    if len(g.inscrits) < g.capacite:
        return replace(g, inscrits=(*g.inscrits, personne)), True
    return replace(g, liste_attente=(*g.liste_attente, personne)), False


def retirer(g: Groupe, personne: str) -> Groupe:
    """Remove from the group or from its waiting list (the freed place is only proposed, not filled)."""
    return replace(
        g,
        inscrits=tuple(p for p in g.inscrits if p != personne),
        liste_attente=tuple(p for p in g.liste_attente if p != personne),
    )


def premier_en_attente(g: Groupe) -> str | None:
    """The person to propose when a place is free: first arrived on the waiting list."""
    return g.liste_attente[0] if g.liste_attente and g.places_libres > 0 else None


def confirmer(g: Groupe, personne: str) -> Groupe:
    """Move a waiting person into a free place (the animateur confirmed)."""
    if personne not in g.liste_attente:
        raise UserError(f"Groupe « {g.nom} » : cette personne n'est pas sur la liste d'attente.")
    if g.places_libres <= 0:
        raise UserError(f"Groupe « {g.nom} » : il n'y a plus de place libre.")
    return replace(
        g, inscrits=(*g.inscrits, personne), liste_attente=tuple(p for p in g.liste_attente if p != personne)
    )


def manque_pour_mineur(p: Personne, annee: int) -> list[str]:
    """What a minor's file lacks before enrolment (empty for adults or complete files)."""
    if not p.est_mineur(annee):
        return []
    manque = []
    if not p.responsable_legal.strip():
        manque.append("le nom du responsable légal")
    if not p.telephone_responsable.strip():
        manque.append("le téléphone du responsable légal")
    return manque
