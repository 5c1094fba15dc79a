"""The store on a PostgreSQL server, for a centre with several PCs (docs/serveur.md).

``ouvrir_depot`` is what the composition root (``assemblage.py``) calls when ``--donnees`` is a
``postgresql://`` address; everything else in the app sees a ``services.ports.Store`` and nothing more.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from atelier_app.storage.serveur import sauvegardes
from atelier_app.storage.serveur.adresse import dossier_local, est_adresse, lire_adresse

if TYPE_CHECKING:
    from atelier_app.storage.serveur.depot import DepotServeur

__all__ = ["dossier_local", "est_adresse", "lire_adresse", "ouvrir_depot", "sauvegardes"]


def ouvrir_depot(texte: str, *, ecouter: Any = None, horloge: Callable[[], datetime] = datetime.now) -> DepotServeur:
    """Open the server's store; ``ecouter`` (a ``signaler(zone)`` callable) starts the listener;
    ``horloge`` is the caller's clock (the services' context), as for the folder's Depot."""
    from atelier_app.storage.serveur.depot import DepotServeur
    from atelier_app.storage.serveur.ecoute import Ecoute

    adresse = lire_adresse(texte)
    depot = DepotServeur.ouvrir(adresse, dossier_local(texte), horloge=horloge)
    if ecouter is not None:
        depot.ecoute = Ecoute(depot, ecouter).demarrer()
    return depot
