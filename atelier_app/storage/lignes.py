"""Stored documents to the light rows of ``domain/lignes.py`` (``Depot.lignes``).

Why here: only storage knows how a record is spelt on disk (field names, defaults left out of old
files, ISO dates); the services get immutable rows and never see a live stored dict.
Defaults are those of the records, so an old file that lacks a field reads as the record would.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from atelier_app.domain import comptage
from atelier_app.domain.accompagnements import Accompagnement
from atelier_app.domain.activites import Activite, Cycle, Groupe
from atelier_app.domain.etats import VENUS, EtatPreliste, EtatProjet, EtatSeance, StatutPresence
from atelier_app.domain.lignes import (
    AccompagnementLigne,
    ActiviteLigne,
    CycleLigne,
    GroupeLigne,
    MarqueLigne,
    PositionnementLigne,
    PrelisteLigne,
    ProjetLigne,
    SeanceLigne,
    VenuesLigne,
    VisiteLigne,
)
from atelier_app.domain.positionnement import Positionnement
from atelier_app.domain.preliste import EntreePreliste
from atelier_app.domain.projets import Projet
from atelier_app.domain.seances import Seance

Doc = Mapping[str, Any]
NC = "non_communique"


def _jour(v: Any) -> date | None:
    return date.fromisoformat(v) if v else None


def _activite(d: Doc) -> ActiviteLigne:
    return ActiviteLigne(d["id"], d.get("nom", ""), d.get("genre_activite", "cycles"))


def _cycle(d: Doc) -> CycleLigne:
    return CycleLigne(d["id"], d.get("activite", ""), _jour(d.get("debut")), _jour(d.get("fin")))


def _groupe(d: Doc) -> GroupeLigne:
    return GroupeLigne(d["id"], d.get("cycle", ""), tuple(d.get("inscrits", ())))


def _marque(p: Doc) -> MarqueLigne:
    return MarqueLigne(p["personne"], p.get("statut", StatutPresence.PRESENT), p.get("inscrit", True),
                       p.get("tranche_age") or NC, p.get("genre") or NC, p.get("statut_social") or NC,
                       p.get("commune") or "")


def _seance(d: Doc) -> SeanceLigne:
    return SeanceLigne(d["id"], d["groupe"], d["date"], d.get("duree", 120), d.get("etat", EtatSeance.PREVUE),
                       tuple(d.get("thematiques", ())), d.get("anonymes", 0), bool(d.get("appel_fait")),
                       tuple(_marque(p) for p in d.get("presences", ())))


def _venues(d: Doc) -> VenuesLigne:
    """Read for every session of every year: ``comptage.est_venue`` is its set ``VENUS``, tested inline."""
    etat = d.get("etat", EtatSeance.PREVUE)
    if not comptage.est_tenue(etat):
        return VenuesLigne(d["groupe"], d["date"], etat, ())
    present = StatutPresence.PRESENT
    return VenuesLigne(d["groupe"], d["date"], etat,
                       tuple([p["personne"] for p in d.get("presences", ()) if p.get("statut", present) in VENUS]))


def _projet(d: Doc) -> ProjetLigne:
    return ProjetLigne(d["id"], d["personne"], d.get("etat", EtatProjet.EN_COURS), date.fromisoformat(d["ouvert_le"]),
                       _jour(d.get("repare_le")), _jour(d.get("clos_le")),
                       tuple(VisiteLigne(date.fromisoformat(v["date"]), v.get("duree", 0))
                             for v in d.get("visites", ()) if v.get("date")))


def _accompagnement(d: Doc) -> AccompagnementLigne:
    return AccompagnementLigne(d["date"], d.get("duree", 30), tuple(d.get("thematiques", ())),
                               d.get("suite", "autre"), d.get("personne"), d.get("tranche_age") or NC,
                               d.get("genre") or NC, d.get("statut_social") or NC, d.get("commune") or "")


def _preliste(d: Doc) -> PrelisteLigne:
    historique = tuple((h["le"], h["etat"]) for h in d.get("historique", ()) if h.get("le") and h.get("etat"))
    inscrit_le = next((le for le, etat in historique if etat == EtatPreliste.INSCRIT), None)
    return PrelisteLigne(d["activite"], d["demande_le"], d.get("etat", EtatPreliste.A_INVITER), inscrit_le, historique)


def _positionnement(d: Doc) -> PositionnementLigne:
    return PositionnementLigne(d["personne"], d["date"], d.get("niveau", "debutant"), d.get("moment", "entree"),
                               d.get("cycle"))


#: row type -> (record kind it is read from, conversion of one stored document)
LECTEURS: dict[type, tuple[type, Callable[[Doc], Any]]] = {
    ActiviteLigne: (Activite, _activite),
    CycleLigne: (Cycle, _cycle),
    GroupeLigne: (Groupe, _groupe),
    SeanceLigne: (Seance, _seance),
    VenuesLigne: (Seance, _venues),
    ProjetLigne: (Projet, _projet),
    AccompagnementLigne: (Accompagnement, _accompagnement),
    PrelisteLigne: (EntreePreliste, _preliste),
    PositionnementLigne: (Positionnement, _positionnement),
}
