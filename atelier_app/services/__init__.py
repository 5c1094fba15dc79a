"""The use cases, built once in one place and handed to the screens and the CLI.

Why a lazy registry: each area's service module is imported the first time it is used, so the
window opens fast and an area can be added without touching the others.
"""

from __future__ import annotations

import importlib
from typing import Any

from atelier_app.services.contexte import Contexte
from atelier_app.services.ports import Store

REGISTRE: dict[str, str] = {
    "centre": "atelier_app.services.centre:CentreService",
    "personnes": "atelier_app.services.personnes:PersonnesService",
    "donnees": "atelier_app.services.donnees:DonneesService",
    "activites": "atelier_app.services.activites:ActivitesService",
    "preliste": "atelier_app.services.preliste:PrelisteService",
    "inscriptions": "atelier_app.services.inscriptions:InscriptionsService",
    "seances": "atelier_app.services.seances:SeancesService",
    "presences": "atelier_app.services.presences:PresencesService",
    "positionnement": "atelier_app.services.positionnement:PositionnementService",
    "reparations": "atelier_app.services.reparations:ReparationsService",
    "accompagnements": "atelier_app.services.accompagnements:AccompagnementsService",
    "fiches": "atelier_app.services.fiches:FichesService",
    "comptes": "atelier_app.services.comptes:ComptesService",
    "rgpd": "atelier_app.services.rgpd:RgpdService",
    "journal": "atelier_app.services.journal:JournalService",
    "documents": "atelier_app.services.documents:DocumentsService",
}


class Services:
    """Holds the store, the context, the storage-side tools (``outils``) and every service."""

    def __init__(self, depot: Store, ctx: Contexte | None = None, outils: Any = None) -> None:
        self.depot = depot
        self.ctx = ctx or Contexte()
        self.outils = outils
        self._instances: dict[str, Any] = {}

    def __getattr__(self, nom: str) -> Any:
        if nom.startswith("_") or nom not in REGISTRE:
            raise AttributeError(nom)
        if nom not in self._instances:
            module, classe = REGISTRE[nom].split(":")
            self._instances[nom] = getattr(importlib.import_module(module), classe)(self)
        return self._instances[nom]
