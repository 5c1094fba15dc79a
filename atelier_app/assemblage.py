"""The composition root: opens the data folder and builds the services, in one place.

Why here: the services must not import the storage layer (tests/test_architecture.py), so the
storage-side tools they need (interchange file, people lists, backups, demo data) are handed to them
from here, like Gaphor builds its services in one place.
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from atelier_app.services import Services
from atelier_app.services.contexte import Contexte

log = logging.getLogger(__name__)


def dossier_par_defaut() -> Path:
    env = os.environ.get("ATELIER_DONNEES")
    return Path(env) if env else Path.cwd() / "data"


def dossier_exports() -> Path:
    """Where documents are written by default: exports/ beside the working folder (created on demand)."""
    env = os.environ.get("ATELIER_EXPORTS")
    d = Path(env) if env else Path.cwd() / "exports"
    d.mkdir(parents=True, exist_ok=True)
    return d


class _Paresseux(SimpleNamespace):
    """Modules imported on first use, so the window opens fast."""

    _MODULES: dict[str, str] = {}

    def __getattr__(self, nom: str) -> Any:
        if nom in self._MODULES:
            module = importlib.import_module(self._MODULES[nom])
            setattr(self, nom, module)
            return module
        raise AttributeError(nom)


class _Documents(_Paresseux):
    """The document writers (reports), handed to ``services.documents`` which never imports them."""

    _MODULES = {
        "attestation": "atelier_app.reports.attestation",
        "coop_beneficiaires": "atelier_app.reports.coop_beneficiaires",
        "emargement": "atelier_app.reports.emargement",
        "export_stats": "atelier_app.reports.export_stats",
        "fiche": "atelier_app.reports.fiche",
        "lettres": "atelier_app.reports.lettres",
        "ords": "atelier_app.reports.ords",
        "rapport": "atelier_app.reports.rapport",
        "rgpd": "atelier_app.reports.rgpd",
        "statistiques": "atelier_app.reports.statistiques",
    }


class _Outils(_Paresseux):
    """Storage-side modules and the document writers: what the services use but may not import."""

    _MODULES = {
        "echange": "atelier_app.storage.interchange",
        "listes": "atelier_app.storage.listes",
        "sauvegardes": "atelier_app.storage.backups",
        "demo": "atelier_app.storage.demo",
        "chiffrement": "atelier_app.storage.chiffrement",
    }

    def __init__(self) -> None:
        super().__init__(documents=_Documents(), dossier_exports=dossier_exports)


def outils() -> SimpleNamespace:
    return _Outils()


def est_adresse(texte: object) -> bool:
    """Whether ``--donnees`` names a PostgreSQL server (``postgresql://…``) rather than a folder."""
    from atelier_app.storage import serveur

    return serveur.est_adresse(texte)


def dossier_local(adresse: str) -> Path:
    """This PC's folder for the server's backups and the log; UserError if the address is wrong."""
    from atelier_app.storage import serveur

    return serveur.dossier_local(adresse)


def _horloge(contexte: Contexte):
    def horloge() -> datetime:  # the store reads the date through the context (a test may replace it)
        return contexte.maintenant()

    return horloge


def ouvrir(dossier: Path | str | None = None, ctx: Contexte | None = None) -> Services:
    """Open (and lock) a data folder; raises DonneesVerrouillees / DonneesIllisibles in French.

    A ``postgresql://`` address (given as a string) opens the server's store instead (docs/serveur.md).
    """
    contexte = ctx or Contexte()
    if est_adresse(adresse := str(dossier) if dossier else os.environ.get("ATELIER_DONNEES", "")):
        return _ouvrir_serveur(adresse, contexte)
    from atelier_app.storage.repository import Depot

    depot = Depot.ouvrir(Path(dossier) if dossier else dossier_par_defaut(), horloge=_horloge(contexte))
    return Services(depot, contexte, outils=outils())


def _ouvrir_serveur(adresse: str, contexte: Contexte) -> Services:
    """The services on the server: other PCs' saves reach the screens through ``ctx.signaler``, who
    saves is the logged-in account, backups and encrypted backups are taken from the server."""
    from atelier_app.storage import serveur

    depot = serveur.ouvrir_depot(adresse, ecouter=contexte.signaler, horloge=_horloge(contexte))
    depot.auteur = lambda: contexte.utilisateur.libelle
    boite = outils()
    boite.sauvegardes = serveur.sauvegardes.PourServeur(depot)
    boite.chiffrement = serveur.sauvegardes.ChiffrementServeur(depot)
    return Services(depot, contexte, outils=boite)


def fermer(services: Services) -> None:
    services.depot.fermer()  # type: ignore[attr-defined]


def restaurer(dossier: Path, fichier: Path | None = None) -> tuple[Path, Path]:
    """Restore a backup (latest by default) while holding the lock, after backing up the present."""
    horloge = Contexte().maintenant
    if est_adresse(dossier):
        from atelier_app.storage import serveur

        return serveur.sauvegardes.restaurer(str(dossier), fichier, horloge=horloge)
    from atelier_app.storage import backups, layout
    from atelier_app.storage.lock import VerrouDossier

    verrou = VerrouDossier(dossier)
    verrou.acquerir()
    try:
        if layout.data_files(dossier):
            backups.sauvegarder(dossier, raison="avant-restauration", horloge=horloge)
        return backups.restaurer(dossier, fichier, horloge=horloge)
    finally:
        verrou.liberer()


def restaurer_chiffre(dossier: Path | str, fichier: Path, phrase: str, *,
                      horloge: Callable[[], datetime] | None = None) -> tuple[Path, Path]:
    """Restore an encrypted backup into a folder that is not open, or onto the server."""
    horloge = horloge or Contexte().maintenant
    if est_adresse(dossier):
        from atelier_app.storage import serveur

        return serveur.sauvegardes.restaurer_chiffre(str(dossier), fichier, phrase, horloge=horloge)
    from atelier_app.storage import chiffrement

    return chiffrement.restaurer_chiffre(Path(dossier), fichier, phrase, horloge=horloge)


def migrer(services: Services, vers: Path | str) -> dict[str, int]:
    """Copy every record of the open store to an empty folder or server (``atelier migrer``)."""
    from atelier_app.storage.serveur import copie

    return copie.migrer(services.depot, vers)
