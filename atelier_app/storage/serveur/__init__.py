"""The store on a PostgreSQL server, for a centre with several PCs (docs/serveur.md).

``ouvrir_depot`` is what the composition root calls when ``--donnees`` is a ``postgresql://``
address; everything else in the app sees a ``services.ports.Store`` and nothing more.
"""

from __future__ import annotations

from typing import Any

from atelier_app.storage.serveur import sauvegardes
from atelier_app.storage.serveur.adresse import dossier_local, est_adresse, lire_adresse

__all__ = ["dossier_local", "est_adresse", "lire_adresse", "ouvrir_depot", "ouvrir_services", "sauvegardes"]


def ouvrir_depot(texte: str, *, ecouter: Any = None):
    """Open the server's store; ``ecouter`` (a ``signaler(zone)`` callable) starts the listener."""
    from atelier_app.storage.serveur.depot import DepotServeur
    from atelier_app.storage.serveur.ecoute import Ecoute

    adresse = lire_adresse(texte)
    depot = DepotServeur.ouvrir(adresse, dossier_local(texte))
    if ecouter is not None:
        depot.ecoute = Ecoute(depot, ecouter).demarrer()
    return depot


def ouvrir_services(texte: str, ctx: Any, outils: Any):
    """The services on the server: who saves is the logged-in account, backups go through the server."""
    from atelier_app.services import Services
    from atelier_app.storage.serveur import sauvegardes

    depot = ouvrir_depot(texte, ecouter=ctx.signaler)
    depot.auteur = lambda: ctx.utilisateur.libelle
    outils.sauvegardes = sauvegardes.PourServeur(depot)
    outils.chiffrement = sauvegardes.ChiffrementServeur(depot)
    return Services(depot, ctx, outils=outils)
