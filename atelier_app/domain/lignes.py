"""Light frozen rows the store hands out for bulk reading (``Store.lignes``), and the statistics' rows.

Why rows and not the stored dicts: a service reading a dict depends on how storage spells its
fields and could mutate the live store by mistake; a record costs a full decode per document, too
much for ten years of sessions. A row is a ``NamedTuple`` of the few fields the counts read:
immutable, built in one call, and counted in one pass (``reports/statistiques.py``).

Dates of sessions, help-desk visits, pre-list entries and placements stay ISO text (``"2025-03-06"``)
as stored: ISO order is date order, so a year is filtered and grouped by month without parsing tens
of thousands of dates. Repair projects, few, carry real dates (``comptage.projet_actif`` reads them).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple


class ActiviteLigne(NamedTuple):
    id: str
    nom: str
    genre_activite: str


class CycleLigne(NamedTuple):
    id: str
    activite: str
    debut: date | None
    fin: date | None


class GroupeLigne(NamedTuple):
    id: str
    cycle: str
    inscrits: tuple[str, ...]


class MarqueLigne(NamedTuple):
    """One attendance mark, with the demographic snapshot kept on it (DESIGN.md, counting rules)."""

    personne: str
    statut: str
    inscrit: bool
    tranche_age: str
    genre: str
    statut_social: str
    commune: str


class SeanceLigne(NamedTuple):
    id: str
    groupe: str
    jour: str  # ISO
    duree: int
    etat: str
    thematiques: tuple[str, ...]
    anonymes: int
    appel_fait: bool
    presences: tuple[MarqueLigne, ...]


class VenuesLigne(NamedTuple):
    """A session reduced to who came: what the history over every year reads (each person's first
    attendance ever, each group's held days), ten years of it without one row per mark."""

    groupe: str
    jour: str  # ISO
    etat: str
    venus: tuple[str, ...]  # the people who came (``comptage.venus_nommes``): none unless held


class VisiteLigne(NamedTuple):
    date: date
    duree: int


class ProjetLigne(NamedTuple):
    id: str
    personne: str
    etat: str
    ouvert_le: date
    repare_le: date | None
    clos_le: date | None
    visites: tuple[VisiteLigne, ...]


class AccompagnementLigne(NamedTuple):
    """A help-desk visit with the demographic snapshot kept on it (DESIGN.md, counting rules)."""

    date: str  # ISO
    duree: int
    thematiques: tuple[str, ...]
    suite: str
    personne: str | None
    tranche_age: str
    genre: str
    statut_social: str
    commune: str


class PrelisteLigne(NamedTuple):
    activite: str
    demande_le: str  # ISO
    etat: str
    inscrit_le: str | None  # ISO: the day the entry reached "inscrit", if it did
    historique: tuple[tuple[str, str], ...]  # (ISO day, state) of each change, in order: its state on any day


class PositionnementLigne(NamedTuple):
    personne: str
    date: str  # ISO
    niveau: str
    moment: str
    cycle: str | None


#: Every kind of row ``Store.lignes`` hands out.
LIGNES: tuple[type, ...] = (ActiviteLigne, CycleLigne, GroupeLigne, SeanceLigne, VenuesLigne, ProjetLigne,
                            AccompagnementLigne, PrelisteLigne, PositionnementLigne)


# ------------------------------------------------------------------ rows of the statistics
class SeanceStat(NamedTuple):
    """A session of the period, as the statistics count it."""

    id: str
    activite: str | None
    cycle: str | None
    groupe: str
    date: str
    duree: int
    etat: str
    thematiques: tuple[str, ...]
    anonymes: int
    venus: int
    tenue: bool  # comptage.est_tenue, so the statistics filter on the one rule


class PresenceStat(NamedTuple):
    """A mark of a held session, as the statistics count it."""

    seance: str
    activite: str | None
    cycle: str | None
    groupe: str
    date: str
    duree: int
    personne: str
    statut: str
    venue: bool
    inscrit: bool
    tranche_age: str
    genre: str
    statut_social: str
    commune: str


class InscriptionStat(NamedTuple):
    activite: str | None
    cycle: str
    groupe: str
    personne: str
