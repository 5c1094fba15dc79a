"""Pre-lists: people waiting for a course, from their request to their enrolment."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from atelier_app.domain.codes import ETATS_PRELISTE, ORIGINES
from atelier_app.domain.etats import EtatPreliste
from atelier_app.errors import Probleme

#: States of an entry still waiting for a place: enrolling the person closes it as « inscrit »,
#: « désisté » takes it off the list. The one list the services and the statistics read.
EN_ATTENTE: frozenset[str] = frozenset({EtatPreliste.A_INVITER, EtatPreliste.INVITE, EtatPreliste.VENU})


def est_en_attente(etat: str) -> bool:
    return etat in EN_ATTENTE


def etat_le(jour: str, etat: str, historique: tuple[tuple[str, str], ...]) -> str:
    """The state of an entry on ``jour`` (ISO), from its dated history of (ISO day, state) changes.

    Why from the history: a report on a past period asks who was waiting THEN, and the entry's state
    of today says nothing of it. The last change dated on or before the day wins (the later of two
    changes of one day); an entry without history (old files) keeps its current state; one whose
    changes all come after the day was still as any new entry is, to invite.
    """
    if not historique:
        return etat
    faits = [(le, i, e) for i, (le, e) in enumerate(historique) if le <= jour]
    return max(faits)[2] if faits else EtatPreliste.A_INVITER


@dataclass(frozen=True)
class ChangementEtat:
    etat: str
    le: date


@dataclass(frozen=True)
class EntreePreliste:
    TABLE: ClassVar[str] = "preliste"
    RANGEMENT: ClassVar[str] = "annee"

    id: str
    personne: str
    activite: str
    demande_le: date
    origine: str = "accueil"
    etat: str = "a_inviter"
    reunion: date | None = None
    notes: str = ""
    historique: tuple[ChangementEtat, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    def date_rangement(self) -> date:
        return self.demande_le

    def attente_jours(self, aujourd_hui: date) -> int:
        return max(0, (aujourd_hui - self.demande_le).days)


def valider_preliste(e: EntreePreliste, ou: str) -> list[Probleme]:
    problemes = []
    if e.origine not in ORIGINES:
        problemes.append(Probleme(ou, "origine", f"origine inconnue : « {e.origine} »"))
    if e.etat not in ETATS_PRELISTE:
        problemes.append(Probleme(ou, "etat", f"état inconnu : « {e.etat} »"))
    return problemes
