"""Putting a backup in place as one atomic step, and what must survive it.

Why staged then swapped: a restore replaces many files. Written one by one, a kill in the middle
leaves a folder that is neither the old centre nor the backup. Here the archive is unpacked into
a staging folder beside the data (``.restauration/``), every member checked (no absolute path, no
``..``, no link, only data files), the staged data opened and checked like a live folder; only
then a small plan file (``restauration.json``) is written atomically: that is the commit point.
Before it, the live folder was never touched and the staging folder is dropped at the next open;
after it, the plan is replayed (idempotently) at the next open until it is done.

Why a list of erased people outside the data (``effacements.json``, ids only): an erasure must
not be undone by restoring a backup taken before it; the ids are re-applied to the staged data
before the swap, so the restored centre never shows the erased identities, even for an instant.
"""

from __future__ import annotations

import io
import json
import logging
import os
import shutil
import stat
import zipfile
from contextlib import ExitStack
from pathlib import Path, PurePosixPath

from atelier_app.errors import UserError
from atelier_app.storage import layout
from atelier_app.storage.atomic import atomic_write_bytes, dumps, fsync_dir, write_durable

log = logging.getLogger(__name__)

STAGING = ".restauration"
PLAN = "restauration.json"
EFFACEMENTS = "effacements.json"
#: A data file larger than this in an archive is refused (the grande demo's largest is ~3 MB).
TAILLE_MAX_MEMBRE = 200 * 1024 * 1024


def membre_sur(info: zipfile.ZipInfo) -> str | None:
    """The member's relative name if it is a data file that may be unpacked; None for a folder entry."""
    nom = info.filename
    chemin = PurePosixPath(nom)
    if nom.startswith(("/", "\\")) or "\\" in nom or ":" in nom or chemin.is_absolute():
        raise UserError(f"La sauvegarde contient un chemin absolu interdit : « {nom} ». Rien n'a été changé.")
    if ".." in chemin.parts:
        raise UserError(f"La sauvegarde contient un chemin qui sort du dossier : « {nom} ». Rien n'a été changé.")
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise UserError(f"La sauvegarde contient un lien : « {nom} ». Rien n'a été changé.")
    if info.is_dir():
        if nom.rstrip("/") in (layout.DOSSIER_ANNEES, layout.DOSSIER_PERSONNES, layout.DOSSIER_SEANCES):
            return None
        raise UserError(f"La sauvegarde contient un dossier inattendu : « {nom} ». Rien n'a été changé.")
    if nom not in (layout.NOYAU, layout.JOURNAL):
        try:
            layout.family_of(nom)
        except ValueError:
            raise UserError(f"La sauvegarde contient un fichier qui n'est pas une donnée d'Atelier : « {nom} ». "
                            "Rien n'a été changé.") from None
    if info.file_size > TAILLE_MAX_MEMBRE:
        raise UserError(f"Le fichier « {nom} » de la sauvegarde est trop gros "
                        f"({info.file_size // (1024 * 1024)} Mo). Rien n'a été changé.")
    return nom


def dossier_staging(dossier: Path) -> Path:
    return Path(dossier) / STAGING


def _membres_zip(z: zipfile.ZipFile, nom: str) -> list[tuple[zipfile.ZipInfo, str]]:
    membres = [(i, n) for i in z.infolist() if (n := membre_sur(i)) is not None]
    if layout.NOYAU not in [n for _i, n in membres]:
        raise UserError(f"La sauvegarde « {nom} » ne contient pas « atelier.json ». Rien n'a été changé.")
    return membres


def membres_instantane(source: Path, nom: str) -> list[str]:
    """The data files of a snapshot folder (``mis_de_cote/…``), checked like an archive's members."""
    noms = layout.data_files(source)
    if layout.NOYAU not in noms:
        raise UserError(f"« {nom} » ne contient pas « atelier.json ». Rien n'a été changé.")
    for rel in noms:
        chemin = source / rel
        if chemin.is_symlink() or chemin.parent.is_symlink():
            raise UserError(f"La sauvegarde contient un lien : « {rel} ». Rien n'a été changé.")
        if chemin.stat().st_size > TAILLE_MAX_MEMBRE:
            raise UserError(f"Le fichier « {rel} » de la sauvegarde est trop gros "
                            f"({chemin.stat().st_size // (1024 * 1024)} Mo). Rien n'a été changé.")
    return noms


def _decoder(rel: str, octets: bytes, nom: str) -> dict:
    try:
        data = json.loads(octets)
    except (ValueError, RecursionError) as exc:
        raise UserError(f"La sauvegarde « {nom} » ne peut pas être ouverte : le fichier de données « {rel} » est "
                        f"illisible ({type(exc).__name__}). Rien n'a été changé.") from exc
    if not isinstance(data, dict):
        raise UserError(f"La sauvegarde « {nom} » ne peut pas être ouverte : le fichier de données « {rel} » n'a "
                        "pas la forme attendue. Rien n'a été changé.")
    return data


def extraire(dossier: Path, archive: Path | bytes, nom: str = "") -> tuple[Path, dict[str, dict]]:
    """Unpack a backup (a zip's path or bytes, or a snapshot folder) into a fresh staging folder, in one pass.

    Each member is decompressed once and decoded here (every file is checked, even one identical to
    the live one): the staged store is then built from these dicts (``ouvrir_prepare``), never by
    reading the staged files again. Any bad member refuses the whole archive, staging removed.
    Why no writer thread: measured, it was slower (the lock passes
    back and forth between decoding and writing on a busy two-core machine).
    Returns the staging folder and the decoded data files by relative name.
    """
    nom = nom or (archive.name if isinstance(archive, Path) else "la sauvegarde")
    staging = dossier_staging(dossier)
    shutil.rmtree(staging, ignore_errors=True)
    decodes: dict[str, dict] = {}
    try:
        with ExitStack() as pile:
            if isinstance(archive, Path) and archive.is_dir():
                noms = membres_instantane(archive, nom)
                lire = lambda rel: (archive / rel).read_bytes()  # noqa: E731
            else:
                z = pile.enter_context(zipfile.ZipFile(io.BytesIO(archive) if isinstance(archive, bytes) else archive))
                membres = _membres_zip(z, nom)
                infos = {rel: i for i, rel in membres}
                noms = [rel for _i, rel in membres]
                lire = lambda rel: z.read(infos[rel])  # noqa: E731
            staging.mkdir(parents=True)
            for sous in {PurePosixPath(rel).parent for rel in noms} - {PurePosixPath(".")}:
                (staging / sous).mkdir(parents=True, exist_ok=True)
            for rel in noms:
                octets = lire(rel)
                decodes[rel] = _decoder(rel, octets, nom)
                _poser(Path(dossier), staging, rel, octets)
    except UserError:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, RecursionError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise UserError(f"La sauvegarde « {nom} » est illisible ({type(exc).__name__}). Rien n'a été changé.") from exc
    _durcir(staging, noms)
    return staging, decodes


def _poser(dossier: Path, staging: Path, rel: str, octets: bytes) -> None:
    """Put one staged file on disk: a hard link to the live file when that holds the same bytes.

    Why: a backup of last week differs from today's folder in a few month files and the journal;
    the other years are the same bytes. A link costs no write and no space. It is safe because no
    data file is ever changed in place (every write is a temporary file renamed over it,
    storage/atomic.py): the live file, the staged one and, after the swap, the one kept in
    mis_de_cote/ never diverge by accident. A system without links (a FAT USB key) gets a copy.
    """
    cible, vivant = staging / rel, dossier / rel
    try:
        if not vivant.is_symlink() and vivant.stat().st_size == len(octets) and vivant.read_bytes() == octets:
            os.link(vivant, cible)
            return
    except OSError:
        pass
    cible.write_bytes(octets)


def _durcir(staging: Path, noms: list[str]) -> None:
    """Every staged file on disk before the commit point. Why one ``sync`` where the system has it:
    some 250 separate fsyncs were most of a restore's time (issued from threads they were slower
    still); one flush of the disks does the same work at once."""
    if hasattr(os, "sync"):
        os.sync()
        return
    for rel in noms:
        fd = os.open(staging / rel, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def garder_journal_actuel(dossier: Path, staging: Path, decodes: dict[str, dict]) -> None:
    """The live journal replaces the archive's: a restore must not erase the trace of what was done since."""
    actuel = Path(dossier) / layout.JOURNAL
    try:
        contenu = actuel.read_bytes()
        data = json.loads(contenu)
    except (OSError, ValueError, RecursionError):
        return  # no readable journal here: the archive's one is better than none
    if not isinstance(data, dict):
        return
    (staging / layout.JOURNAL).unlink(missing_ok=True)  # maybe a link to the live journal: never written through
    write_durable(staging / layout.JOURNAL, contenu)
    decodes[layout.JOURNAL] = data


def ouvrir_prepare(staging: Path, decodes: dict[str, dict]):
    """The staged data opened as a store (no lock: the live folder's is held), from the decoded dicts.

    Why a subclass reading ``decodes``: the open is the full check (schema, migrations, every
    record), and decoding 30 MB again from the staged files would double a restore's main cost.
    A file not in ``decodes`` (written by a migration, say) is read from disk as usual.
    """
    from atelier_app.storage.fichier import Shard
    from atelier_app.storage.repository import Depot

    class DepotPrepare(Depot):
        def _load(self, name: str) -> Shard:
            data = decodes.pop(name, None)
            if data is None:
                return super()._load(name)
            shard = Shard(name, self.dossier / name, data)
            self._shards[name] = shard
            self._reindex(shard)
            return shard

        def fermer(self) -> None:
            """Drop every record now: the caller frees a million dicts before the collector is back on."""
            super().fermer()
            self._shards.clear()
            self._objets.clear()
            self._index.clear()

    return DepotPrepare.ouvrir(staging, verrou=False)


# ------------------------------------------------------------------ the list of erased people
def effacements(dossier: Path) -> set[str]:
    try:
        return set(json.loads((Path(dossier) / EFFACEMENTS).read_text(encoding="utf-8"))["ids"])
    except (OSError, ValueError, KeyError, TypeError):
        return set()


def noter_effacements(dossier: Path, ids: list[str] | tuple[str, ...] | set[str]) -> None:
    """Add ids to the list kept outside the backups (ids only, never a name)."""
    tous = effacements(dossier) | set(ids)
    atomic_write_bytes(Path(dossier) / EFFACEMENTS, dumps({"ids": sorted(tous)}))


# ------------------------------------------------------------------ the swap
#: What a swap moves: the two core files and the three folders of data files, each as one rename.
_ELEMENTS = (layout.NOYAU, layout.JOURNAL, layout.TRANSACTION, layout.DOSSIER_ANNEES, layout.DOSSIER_PERSONNES,
             layout.DOSSIER_SEANCES)


def basculer(dossier: Path, staging: Path, a_cote: Path) -> None:
    """Commit point then swap: old data to ``a_cote``, staged data in place (a few renames)."""
    dossier = Path(dossier)
    plan = {"a_cote": os.path.relpath(a_cote, dossier).replace(os.sep, "/"),
            "anciens": [e for e in _ELEMENTS if (dossier / e).exists()],
            "nouveaux": [e for e in _ELEMENTS if (staging / e).exists()]}
    atomic_write_bytes(dossier / PLAN, dumps(plan))
    _appliquer(dossier, plan)


def _appliquer(dossier: Path, plan: dict) -> None:
    """Replayable from any point: each step checks whether it was done already."""
    staging = dossier_staging(dossier)
    a_cote = dossier / plan["a_cote"]
    a_cote.mkdir(parents=True, exist_ok=True)
    for rel in plan["anciens"]:
        src, dst = dossier / rel, a_cote / rel
        if src.exists() and not dst.exists():
            os.replace(src, dst)
    fsync_dir(a_cote)
    fsync_dir(dossier)
    for rel in plan["nouveaux"]:
        src, dst = staging / rel, dossier / rel
        if src.exists():
            if dst.is_dir():  # a folder that appeared since: put aside too, nothing is ever deleted
                n = 1
                while (a_cote / f"{rel}-{n}").exists():
                    n += 1
                os.replace(dst, a_cote / f"{rel}-{n}")
            os.replace(src, dst)
    fsync_dir(dossier)
    (dossier / PLAN).unlink(missing_ok=True)
    fsync_dir(dossier)
    shutil.rmtree(staging, ignore_errors=True)


def reprendre(dossier: Path) -> None:
    """At every open: finish a restore past its commit point, or drop one that did not reach it."""
    dossier = Path(dossier)
    plan_fichier = dossier / PLAN
    if plan_fichier.exists():
        try:
            plan = json.loads(plan_fichier.read_text(encoding="utf-8"))
            plan = {"a_cote": str(plan["a_cote"]), "anciens": list(plan["anciens"]),
                    "nouveaux": list(plan["nouveaux"])}
        except (OSError, ValueError, KeyError, TypeError):
            plan = None
        if plan is not None and _plan_sur(plan):
            log.warning("Restauration interrompue terminée au démarrage")
            _appliquer(dossier, plan)
            return
        plan_fichier.unlink(missing_ok=True)
    staging = dossier_staging(dossier)
    if staging.exists():
        log.warning("Restauration interrompue avant son terme : dossier de préparation supprimé")
        shutil.rmtree(staging, ignore_errors=True)
    for reste in (dossier / layout.DOSSIER_SAUVEGARDES).glob("*.tmp"):  # a backup cut in the middle
        reste.unlink(missing_ok=True)


def _plan_sur(plan: dict) -> bool:
    """A plan names only data files and a folder under mis_de_cote (never trust a file on disk blindly)."""
    a_cote = PurePosixPath(plan["a_cote"])
    if a_cote.is_absolute() or ".." in a_cote.parts or a_cote.parts[:1] != (layout.DOSSIER_MIS_DE_COTE,):
        return False
    return all(rel in _ELEMENTS for rel in [*plan["anciens"], *plan["nouveaux"]])
