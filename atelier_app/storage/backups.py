"""Rotating backups and restore.

Why zip files of the data files: one file per backup is easy to copy onto a USB key and to reason
about, and a backup is taken at the first open of each day and before every import or restore.
Rotation keeps the first backup of each of the last 8 days, 5 weeks and 12 months (plus the 3
newest, whatever their date). Why the first: the morning's backup is the state before the day's
work, the one a user wants back. A backup made by hand (or decrypted from a USB key) is never
rotated: it stays until the user deletes it.

Why snapshots are listed too: a restore keeps the state it replaces by renaming its files into
``mis_de_cote/atelier-<AAAAMMJJ-HHMMSS>-avant-restauration/`` (instant, and part of the restore's kill-safe commit), not by
writing a 30 MB copy while the user waits; that folder is a backup like the others, listed,
checked, restorable and deletable here, never rotated.
"""

from __future__ import annotations

import io
import json
import logging
import re
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from atelier_app.ecriture import message_erreur
from atelier_app.errors import UserError
from atelier_app.storage import layout
from atelier_app.storage.atomic import atomic_write_bytes

log = logging.getLogger(__name__)

_NOM = re.compile(r"^atelier-(\d{8})-(\d{6})(?:-[\w-]+)?\.zip$")
_INSTANTANE = re.compile(r"^(?:atelier-)?(\d{8})-(\d{6})(?:-avant-restauration)?(?:-\d+)?$")
GARDER_JOURS, GARDER_SEMAINES, GARDER_MOIS, GARDER_RECENTES = 8, 5, 12, 3
#: Suffixes of backups the user asked for: kept until the user deletes them.
A_LA_MAIN = ("-manuelle", "-dechiffree")


@dataclass(frozen=True)
class Sauvegarde:
    chemin: Path
    quand: datetime

    @property
    def instantane(self) -> bool:
        """The state a restore replaced (a folder in mis_de_cote/), not a zip."""
        return self.chemin.parent.name == layout.DOSSIER_MIS_DE_COTE

    @property
    def libelle(self) -> str:
        return self.quand.strftime("%d/%m/%Y à %H:%M")

    @property
    def a_la_main(self) -> bool:
        return self.instantane or any(m in self.chemin.name for m in A_LA_MAIN)


def dossier_sauvegardes(dossier: Path) -> Path:
    return dossier / layout.DOSSIER_SAUVEGARDES


def lister(dossier: Path) -> list[Sauvegarde]:
    """Backups, newest first: the zips, and the snapshots of states a restore replaced."""
    out = []
    d = dossier_sauvegardes(dossier)
    if d.is_dir():
        for p in d.iterdir():
            m = _NOM.match(p.name)
            if m:
                out.append(Sauvegarde(p, datetime.strptime(m.group(1) + m.group(2), "%Y%m%d%H%M%S")))
    d = Path(dossier) / layout.DOSSIER_MIS_DE_COTE
    if d.is_dir():
        for p in d.iterdir():
            m = _INSTANTANE.match(p.name)
            if m and (p / layout.NOYAU).is_file() and not p.is_symlink():
                out.append(Sauvegarde(p, datetime.strptime(m.group(1) + m.group(2), "%Y%m%d%H%M%S")))
    return sorted(out, key=lambda s: (s.quand, s.chemin.name), reverse=True)


def a_garder(quands: list[datetime]) -> set[datetime]:
    """Which backup times the rotation keeps: the first of each of the last days, weeks, months."""
    ordre = sorted(quands)
    garde = set(ordre[-GARDER_RECENTES:])
    for cle, combien in (
        (lambda q: q.date(), GARDER_JOURS),
        (lambda q: q.isocalendar()[:2], GARDER_SEMAINES),
        (lambda q: (q.year, q.month), GARDER_MOIS),
    ):
        premiers: dict = {}
        for q in ordre:
            premiers.setdefault(cle(q), q)
        for k in sorted(premiers, reverse=True)[:combien]:
            garde.add(premiers[k])
    return garde


def archive(dossier: Path, niveau: int = 6) -> bytes:
    """Every data file zipped, in memory (an encrypted backup must leave no clear copy on disk)."""
    tampon = io.BytesIO()
    methode = zipfile.ZIP_DEFLATED if niveau else zipfile.ZIP_STORED
    with zipfile.ZipFile(tampon, "w", compression=methode, compresslevel=niveau or None) as z:
        for rel in layout.data_files(dossier):
            z.write(dossier / rel, rel)
    return tampon.getvalue()


def nom_libre(dossier: Path, quand: datetime, raison: str = "") -> Path:
    """``sauvegardes/atelier-AAAAMMJJ-HHMMSS[-raison][-n].zip``, a name not taken yet (folder made)."""
    suffixe = f"-{re.sub(r'[^a-z0-9-]+', '-', raison.lower()).strip('-')}" if raison else ""
    d = dossier_sauvegardes(dossier)
    d.mkdir(parents=True, exist_ok=True)
    cible = d / f"atelier-{quand:%Y%m%d-%H%M%S}{suffixe}.zip"
    n = 1
    while cible.exists():
        cible = d / f"atelier-{quand:%Y%m%d-%H%M%S}{suffixe}-{n}.zip"
        n += 1
    return cible


def sauvegarder(dossier: Path, raison: str = "", niveau: int = 6, *,
                horloge: Callable[[], datetime] = datetime.now) -> Path:
    """Zip every data file; the caller holds the folder lock (and the repository's mutex if open).

    ``niveau``: zlib's compression level, 0 for none: the backup a restore takes of the present is
    stored uncompressed (larger, but the user is waiting for the restore itself, and rotation
    removes it in time). ``horloge``: the caller's clock (the services' context), which names the file.
    """
    cible = nom_libre(dossier, horloge(), raison)
    try:
        atomic_write_bytes(cible, archive(dossier, niveau))
    except OSError as exc:
        raise UserError(message_erreur(exc, cible)) from exc
    log.info("Sauvegarde écrite : %s", cible.name)
    tourner(dossier)
    return cible


def tourner(dossier: Path) -> list[Path]:
    existantes = [s for s in lister(dossier) if not s.a_la_main]
    garde = a_garder([s.quand for s in existantes])
    supprimees = []
    for s in existantes:
        if s.quand not in garde:
            s.chemin.unlink(missing_ok=True)
            supprimees.append(s.chemin)
    return supprimees


def supprimer(dossier: Path, chemin: Path) -> None:
    """Delete one backup the user chose (only a backup of this folder, never another file)."""
    chemin = Path(chemin)
    instantane = chemin.parent.resolve() == (Path(dossier) / layout.DOSSIER_MIS_DE_COTE).resolve() \
        and bool(_INSTANTANE.match(chemin.name)) and not chemin.is_symlink()
    if not instantane and (chemin.parent.resolve() != dossier_sauvegardes(dossier).resolve()
                           or not _NOM.match(chemin.name)):
        raise UserError(f"« {chemin.name} » n'est pas une sauvegarde de ce dossier.")
    try:
        if instantane:
            if not chemin.is_dir():
                raise FileNotFoundError(chemin)
            shutil.rmtree(chemin)
            return
        chemin.unlink()
    except FileNotFoundError:
        raise UserError(f"La sauvegarde « {chemin.name} » n'existe plus.") from None
    except OSError as exc:
        raise UserError(message_erreur(exc, chemin).replace("d'écrire", "d'effacer")) from exc


def date_du_contenu(contenu: bytes) -> datetime | None:
    """When the data inside a backup was written (its newest member), for a decrypted copy's name."""
    try:
        with zipfile.ZipFile(io.BytesIO(contenu)) as z:
            return max((datetime(*i.date_time) for i in z.infolist()), default=None)
    except (zipfile.BadZipFile, ValueError):
        return None


def sauvegarde_du_jour_faite(dossier: Path, jour: date) -> bool:
    return any(s.quand.date() == jour and not s.instantane for s in lister(dossier))


def verifier_archive(chemin: Path) -> list[str]:
    """Names of the data files in a backup (a zip or a snapshot folder), after checking each one reads as JSON."""
    from atelier_app.storage.restauration import membre_sur, membres_instantane

    try:
        if chemin.is_dir():
            noms = membres_instantane(chemin, chemin.name)
            for n in noms:
                json.loads((chemin / n).read_bytes())
            return noms
        with zipfile.ZipFile(chemin) as z:
            for info in z.infolist():  # a trapped archive is refused before the window closes
                membre_sur(info)
            noms = [n for n in z.namelist() if n.endswith(".json")]
            if layout.NOYAU not in noms:
                raise UserError(f"La sauvegarde « {chemin.name} » ne contient pas « atelier.json ».")
            for n in noms:
                json.loads(z.read(n))
            return noms
    except (zipfile.BadZipFile, OSError, ValueError, RecursionError) as exc:
        raise UserError(f"La sauvegarde « {chemin.name} » est illisible ({type(exc).__name__}).") from exc


def derniere_bonne(dossier: Path) -> Path:
    """The newest backup that reads well, skipping the one just taken of the present (broken?) state.

    Why: ``restaurer`` backs up the current files first; when they are the broken ones, that fresh
    backup must not be what "the latest backup" means.
    """
    existantes = lister(dossier)
    if not existantes:
        raise UserError("Aucune sauvegarde n'existe encore dans ce dossier.")
    ordre = [s for s in existantes if "avant-restauration" not in s.chemin.name and not s.instantane]
    ordre += [s for s in existantes if s not in ordre]
    for s in ordre:
        try:
            verifier_archive(s.chemin)
        except UserError:
            log.warning("Sauvegarde illisible ignorée : %s", s.chemin.name)
            continue
        return s.chemin
    raise UserError("Aucune sauvegarde lisible n'existe dans ce dossier.")
