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
        "restauration": "atelier_app.storage.restauration",
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


def _horloge(contexte: Contexte) -> Callable[[], datetime]:
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
    from atelier_app import ecriture
    from atelier_app.storage.repository import Depot

    depot = Depot.ouvrir(Path(dossier) if dossier else dossier_par_defaut(), horloge=_horloge(contexte))
    ecriture.proteger(depot.dossier)
    exports = os.environ.get("ATELIER_EXPORTS")
    ecriture.nettoyer_temporaires(Path(exports) if exports else Path.cwd() / "exports")  # left by a killed export
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


def restaurer(dossier: Path, fichier: Path | None = None, contenu: bytes | None = None,
              nom: str = "") -> tuple[Path, Path]:
    """Restore a backup (latest by default, or ``contenu``: a decrypted one held in memory) atomically.

    Why here: the staged data is opened as a centre of its own and the services re-apply, on it and
    before the swap, the erasures made since the backup and the restore's journal entry; then one
    commit point puts it in place (storage/restauration.py). The folder lock is held throughout.
    """
    horloge = Contexte().maintenant  # the command line's clock: the context's, as everywhere
    if est_adresse(dossier):
        from atelier_app.storage import serveur

        return serveur.sauvegardes.restaurer(str(dossier), fichier, horloge=horloge)
    from atelier_app.errors import UserError
    from atelier_app.storage import backups, layout, restauration
    from atelier_app.storage.lock import VerrouDossier
    from atelier_app.storage.repository import recover_transaction

    dossier = Path(dossier)
    if dossier.exists() and not dossier.is_dir():
        raise UserError(f"« {dossier} » est un fichier, pas un dossier de données.")
    dossier.mkdir(parents=True, exist_ok=True)
    verrou = VerrouDossier(dossier)
    verrou.acquerir()
    try:
        recover_transaction(dossier)
        if contenu is None:
            fichier = Path(fichier) if fichier else backups.derniere_bonne(dossier)
            if not fichier.exists():  # a zip, or a snapshot folder mis_de_cote/<instant> (backups.lister)
                raise UserError(f"La sauvegarde « {fichier} » n'existe pas.")
            nom = nom or fichier.name
        utilisee = fichier if fichier is not None else Path(nom)
        # the present is kept by the swap itself: its files are renamed into mis_de_cote/<instant>/, a
        # snapshot listed and restorable like a backup (no copy of 30 MB written while the user waits)
        staging = _preparer(dossier, contenu if contenu is not None else utilisee, nom, contenu is not None)
        base = horloge().strftime("atelier-%Y%m%d-%H%M%S-avant-restauration")  # listed as a backup (backups.lister)
        a_cote, n = dossier / layout.DOSSIER_MIS_DE_COTE / base, 1
        while a_cote.exists():
            a_cote, n = a_cote.with_name(f"{base}-{n}"), n + 1
        restauration.basculer(dossier, staging, a_cote)
        log.info("Sauvegarde %s restaurée ; anciens fichiers dans %s", nom, a_cote)
        return utilisee, a_cote
    finally:
        verrou.liberer()


def _preparer(dossier: Path, source: Path | bytes, nom: str, chiffree: bool) -> Path:
    """Unpack, open and check the staged data, erasures re-applied and the restore journaled in it."""
    import shutil

    from atelier_app.errors import DonneesIllisibles, UserError
    from atelier_app.storage import restauration
    from atelier_app.storage.fichier import sans_ramasse_miettes

    with sans_ramasse_miettes():  # a million short-lived dicts, no cycle: the collector would only walk them
        staging, decodes = restauration.extraire(dossier, source, nom)
        try:
            restauration.garder_journal_actuel(dossier, staging, decodes)
            try:
                depot = restauration.ouvrir_prepare(staging, decodes)
            except DonneesIllisibles as exc:
                raise UserError(f"La sauvegarde « {nom} » ne peut pas être ouverte : {exc.texte()} "
                                "Rien n'a été changé.") from exc
            try:
                services = Services(depot, Contexte(), outils=outils())
                problemes = services.donnees.apres_restauration(
                    nom, restauration.effacements(dossier), "restauration_chiffree" if chiffree else "restauration")
            finally:
                depot.fermer()
            del services, depot, decodes  # freed here, before the collector is on again
            if problemes:
                raise UserError(f"La sauvegarde « {nom} » est incohérente ; rien n'a été changé.", problemes[:20])
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return staging


def restaurer_chiffre(dossier: Path | str, fichier: Path, phrase: str) -> tuple[Path, Path]:
    """Restore an encrypted backup: decrypted in memory (a wrong passphrase stops before anything);
    onto the server when ``dossier`` is a postgresql:// address."""
    if est_adresse(dossier):
        from atelier_app.storage import serveur

        resultat = serveur.sauvegardes.restaurer_chiffre(str(dossier), fichier, phrase,
                                                         horloge=Contexte().maintenant)
        services = ouvrir(str(dossier))
        try:
            services.rgpd.journaliser_action("restauration_chiffree", (), Path(fichier).name)
        finally:
            fermer(services)
        return resultat
    from atelier_app.storage import chiffrement

    contenu = chiffrement.lire_chiffre(Path(fichier), phrase)
    return restaurer(Path(dossier), contenu=contenu, nom=Path(fichier).name)


def migrer(services: Services, vers: Path | str) -> dict[str, int]:
    """Copy every record of the open store to an empty folder or server (``atelier migrer``)."""
    from atelier_app.storage.serveur import copie

    return copie.migrer(services.depot, vers)
