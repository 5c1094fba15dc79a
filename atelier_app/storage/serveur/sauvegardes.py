"""Backups of the server, in the folder's own format, and restoring one onto the server.

Why the same zip as the folder: a backup taken from the server is the data folder's files
(``atelier.json``, ``seances/AAAA-MM.json``…), so it can be restored into a folder on a PC without
a server, checked by the folder's tools, or put back on the server. The backups are kept on the PC
that took them (``dossier_local``), with the folder's rotation.
"""

from __future__ import annotations

import io
import json
import logging
import zipfile
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from atelier_app.errors import UserError
from atelier_app.storage import backups, layout
from atelier_app.storage.atomic import atomic_write_bytes, dumps

log = logging.getLogger(__name__)


def lignes_serveur(depot: Any) -> Iterator[tuple[str, str, str, Any]]:
    """(shard, table, id, doc) of every live record, read in one snapshot of the server."""
    conn = depot._conn
    with depot._verrou:
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            cur = conn.execute("SELECT shard, tbl, id, data FROM atelier_docs WHERE data IS NOT NULL "
                               "ORDER BY shard, rang")
            yield from cur
        finally:
            conn.execute("ROLLBACK")


def contenus(lignes: Iterator[tuple[str, str, str, Any]], schema_version: int,
             jour: date) -> dict[str, dict[str, Any]]:
    """File name -> the file's content, exactly as the folder store writes it (``jour``: created on)."""
    out: dict[str, dict[str, Any]] = {}
    for shard, tbl, id_, doc in lignes:
        out.setdefault(shard, {}).setdefault(tbl, {})[id_] = doc
    from atelier_app.storage.repository import META

    noyau = out.setdefault(layout.NOYAU, {})
    noyau[META] = {"schema": {"version": schema_version, "cree_le": jour.isoformat()}}
    return out


def ecrire_zip(cible: Path, fichiers: dict[str, dict[str, Any]]) -> Path:
    tampon = io.BytesIO()
    with zipfile.ZipFile(tampon, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for nom in sorted(fichiers):
            z.writestr(nom, dumps(fichiers[nom]))
    atomic_write_bytes(cible, tampon.getvalue())
    return cible


def lire_zip(chemin: Path) -> dict[str, dict[str, Any]]:
    noms = backups.verifier_archive(chemin)
    with zipfile.ZipFile(chemin) as z:
        return {n: json.loads(z.read(n)) for n in noms}


def lignes_fichiers(fichiers: dict[str, dict[str, Any]]) -> Iterator[tuple[str, str, str, Any]]:
    from atelier_app.storage.repository import META

    for shard in sorted(fichiers):
        for tbl, docs in fichiers[shard].items():
            if tbl != META and isinstance(docs, dict):
                for id_, doc in docs.items():
                    yield shard, tbl, id_, doc


class PourServeur:
    """The ``outils.sauvegardes`` the services use, when the data is on the server."""

    def __init__(self, depot: Any) -> None:
        self.depot = depot

    def sauvegarder(self, dossier: Path, raison: str = "", *,
                    horloge: Callable[[], datetime] | None = None) -> Path:
        now = (horloge or self.depot.horloge)()
        cible = backups.nom_libre(dossier, now, raison)
        ecrire_zip(cible, contenus(lignes_serveur(self.depot), self.depot.schema_version(), now.date()))
        log.info("Sauvegarde du serveur écrite : %s", cible.name)
        backups.tourner(dossier)
        return cible

    def lister(self, dossier: Path) -> list[backups.Sauvegarde]:
        return backups.lister(dossier)

    def sauvegarde_du_jour_faite(self, dossier: Path, jour: date) -> bool:
        return backups.sauvegarde_du_jour_faite(dossier, jour)

    def verifier_archive(self, chemin: Path) -> list[str]:
        return backups.verifier_archive(chemin)

    def derniere_bonne(self, dossier: Path) -> Path:
        return backups.derniere_bonne(dossier)


def remplacer(depot: Any, lignes: Iterator[tuple[str, str, str, Any]], action: str) -> int:
    """Make the server hold exactly these records, in ONE transaction (all or nothing)."""
    with depot.transaction(action) as tx:
        gardes = set()
        n = 0
        for shard, tbl, id_, doc in lignes:
            tx.ecrire_brut((tbl, id_), shard, doc)
            gardes.add((tbl, id_))
            n += 1
        for tbl, ids in list(depot._ou.items()):
            for id_ in list(ids):
                if (tbl, id_) not in gardes:
                    tx.ecrire_brut((tbl, id_), None, None)
    return n


def restaurer(texte: str, fichier: Path | None = None, *,
              horloge: Callable[[], datetime] = datetime.now) -> tuple[Path, Path]:
    """The CLI's ``restaurer`` on the server: back up the present, then put the backup in place."""
    from atelier_app.storage.serveur import ouvrir_depot

    depot = ouvrir_depot(texte, horloge=horloge)
    try:
        outil = PourServeur(depot)
        chemin = Path(fichier) if fichier else backups.derniere_bonne(depot.dossier)
        if not chemin.is_file():
            raise UserError(f"La sauvegarde « {chemin} » n'existe pas.")
        fichiers = lire_zip(chemin)
        avant = outil.sauvegarder(depot.dossier, raison="avant-restauration")
        remplacer(depot, lignes_fichiers(fichiers), f"Restauration de {chemin.name}")
        log.info("Sauvegarde %s restaurée sur le serveur ; l'état d'avant est dans %s", chemin.name, avant.name)
        return chemin, avant
    finally:
        depot.fermer()


class ChiffrementServeur:
    """The ``outils.chiffrement`` of the services on the server: the encrypted backup (RGPD, USB key)
    is the server's backup, encrypted the folder's way; everything else is the folder's module."""

    def __init__(self, depot: Any) -> None:
        self.depot = depot

    def __getattr__(self, nom: str) -> Any:
        from atelier_app.storage import chiffrement

        return getattr(chiffrement, nom)

    def sauvegarder_chiffre(self, dossier: Path, vers: Path, phrase: str, *,
                            horloge: Callable[[], datetime] | None = None) -> Path:
        from atelier_app.storage import chiffrement

        horloge = horloge or self.depot.horloge

        chiffrement.verifier_phrase(phrase)
        vers = Path(vers)
        if not vers.is_dir():
            raise UserError(f"Le dossier « {vers} » n'existe pas (la clé USB est-elle branchée ?).")
        zip_ = PourServeur(self.depot).sauvegarder(dossier, raison="chiffree", horloge=horloge)
        cible = vers / f"atelier-{horloge():%Y%m%d-%H%M%S}{chiffrement.EXTENSION}"
        atomic_write_bytes(cible, chiffrement.chiffrer(zip_.read_bytes(), phrase))
        log.info("Sauvegarde chiffrée du serveur écrite : %s", cible)
        return cible


def restaurer_chiffre(texte: str, fichier: Path, phrase: str, *,
                      horloge: Callable[[], datetime] = datetime.now) -> tuple[Path, Path]:
    """The CLI's ``restaurer-chiffree`` on the server: decrypt into this PC's backups, then restore.

    A wrong passphrase or a damaged file stops before the server is touched; the server's present
    state is backed up first, as for any restore.
    """
    from atelier_app.storage import chiffrement
    from atelier_app.storage.serveur.adresse import dossier_local

    zip_ = chiffrement.dechiffrer_vers_sauvegardes(dossier_local(texte), fichier, phrase, horloge=horloge)
    _utilisee, avant = restaurer(texte, zip_, horloge=horloge)
    return zip_, avant
