"""Repair-café and personal projects: the records (rules in ``reparations``, code lists in ``ords``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from atelier_app.domain.codes import ETATS_PROJET, TYPES_PROJET
from atelier_app.domain.limites import verifier_textes
from atelier_app.errors import Probleme


@dataclass(frozen=True)
class Visite:
    date: date
    duree: int = 60
    aidant: str = ""
    notes: str = ""
    prochaine_etape: str = ""


@dataclass(frozen=True)
class Projet:
    TABLE: ClassVar[str] = "projets"
    RANGEMENT: ClassVar[str] = "annee"

    id: str
    personne: str
    type: str
    intitule: str
    ouvert_le: date
    description: str = ""
    categorie_ords: int | None = None
    marque: str = ""
    annee_fabrication: int | None = None
    age_produit: float | None = None
    probleme: str = ""
    etat: str = "en_cours"
    frein_ords: str | None = None
    repare_le: date | None = None
    clos_le: date | None = None
    visites: tuple[Visite, ...] = ()
    #: unpowered item (code of ``ords.NON_ELECTRIQUES``) when the object has no ORDS category
    categorie_non_electrique: str = ""
    #: weight typed by the animateur (kg), used for Misc and unpowered items as Restarters does
    poids_estime_kg: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def date_rangement(self) -> date:
        return self.ouvert_le


def valider_projet(p: Projet, ou: str) -> list[Probleme]:
    problemes = verifier_textes(ou, {"intitule": p.intitule, "description": p.description, "marque": p.marque,
                                     "probleme": p.probleme})
    for v in p.visites:
        problemes += verifier_textes(ou, {"notes": v.notes, "prochaine_etape": v.prochaine_etape})
    if p.type not in TYPES_PROJET:
        problemes.append(Probleme(ou, "type", f"type inconnu : « {p.type} »"))
    if p.etat not in ETATS_PROJET:
        problemes.append(Probleme(ou, "etat", f"état inconnu : « {p.etat} »"))
    if p.categorie_ords is not None and not 1 <= p.categorie_ords <= 40:
        problemes.append(Probleme(ou, "categorie_ords", f"catégorie ORDS inconnue : {p.categorie_ords}"))
    if not p.intitule.strip():
        problemes.append(Probleme(ou, "intitule", "l'intitulé est obligatoire"))
    return problemes
