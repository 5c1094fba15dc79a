"""The composition root: opens the data folder and builds the services, in one place.

Why here: the services must not import the storage layer (tests/test_architecture.py), so the
storage-side tools they need (interchange file, people lists, backups, demo data) are handed to them
from here, like Gaphor builds its services in one place.
"""

from __future__ import annotations

import importlib
import logging
import os
from pathlib import Path
from types import SimpleNamespace

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


class _Outils(SimpleNamespace):
    """Storage-side modules, imported on first use so the window opens fast."""

    _MODULES = {
        "echange": "atelier_app.storage.interchange",
        "listes": "atelier_app.storage.listes",
        "sauvegardes": "atelier_app.storage.backups",
        "demo": "atelier_app.storage.demo",
        "chiffrement": "atelier_app.storage.chiffrement",
    }

    def __getattr__(self, nom: str):
        if nom in self._MODULES:
            module = importlib.import_module(self._MODULES[nom])
            setattr(self, nom, module)
            return module
        raise AttributeError(nom)


def outils() -> SimpleNamespace:
    return _Outils()


def ouvrir(dossier: Path | str | None = None, ctx: Contexte | None = None) -> Services:
    """Open (and lock) a data folder; raises DonneesVerrouillees / DonneesIllisibles in French.

    A ``postgresql://`` address (given as a string) opens the server's store instead (docs/serveur.md).
    """
    from atelier_app.storage import serveur

    if serveur.est_adresse(adresse := str(dossier) if dossier else os.environ.get("ATELIER_DONNEES", "")):
        return serveur.ouvrir_services(adresse, ctx or Contexte(), outils())
    from atelier_app.storage.repository import Depot

    depot = Depot.ouvrir(Path(dossier) if dossier else dossier_par_defaut())
    return Services(depot, ctx or Contexte(), outils=outils())


def fermer(services: Services) -> None:
    services.depot.fermer()  # type: ignore[attr-defined]


def restaurer(dossier: Path, fichier: Path | None = None) -> tuple[Path, Path]:
    """Restore a backup (latest by default) while holding the lock, after backing up the present."""
    from atelier_app.storage import serveur

    if serveur.est_adresse(dossier):
        return serveur.sauvegardes.restaurer(str(dossier), fichier)
    from atelier_app.storage import backups, layout
    from atelier_app.storage.lock import VerrouDossier

    verrou = VerrouDossier(dossier)
    verrou.acquerir()
    try:
        if layout.data_files(dossier):
            backups.sauvegarder(dossier, raison="avant-restauration")
        return backups.restaurer(dossier, fichier)
    finally:
        verrou.liberer()
