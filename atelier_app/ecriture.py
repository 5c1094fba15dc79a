"""The one writer of every file the app hands to the user, and the cell rule of FORMAT.md.

Why one writer: a statistics file cut by a full disk must not stay as a 0-byte ``.xlsx`` the
director sends to a funder, and an output path typed by mistake must never replace a data file.
Every output is produced into a temporary file beside its target, fsynced, then renamed over it;
on any failure the temporary file is removed and the target is left as it was. Paths inside an
open data folder are refused before anything is written.

Why here and not in storage/ or reports/: both layers write user files (the interchange export,
backups, spreadsheets, CSV), and both may use this module, like ``errors``.
"""

from __future__ import annotations

import errno
import gc
import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from atelier_app.errors import UserError

log = logging.getLogger(__name__)

SUFFIXE_TEMPORAIRE = ".tmp"
_PROTEGES: set[Path] = set()
_DEBUT_FORMULE = ("=", "+", "-", "@", "\t", "\r")


def proteger(dossier: Path) -> None:
    """Declare a data folder: no output may be written inside it (called when a folder is opened)."""
    _PROTEGES.add(Path(dossier).resolve())


def verifier_sortie(chemin: Path) -> None:
    """Refuse an output path inside a data folder (or the folder itself)."""
    cible = Path(chemin).resolve()
    for d in _PROTEGES:
        if cible == d or d in cible.parents:
            raise UserError(f"« {chemin} » est dans le dossier des données ({d}) : un document ne peut pas y être "
                            "écrit, il remplacerait des données. Choisissez un autre endroit ; rien n'a été écrit.")


def raison(exc: OSError) -> str:
    """Why a write failed, in French (the system's own text is English)."""
    raisons = {
        errno.ENOSPC: "le disque est plein",
        errno.EDQUOT: "le quota du disque est atteint",
        errno.EROFS: "le disque est en lecture seule",
        errno.EACCES: "l'accès est refusé (dossier en lecture seule ?)",
        errno.EPERM: "l'opération n'est pas permise",
        errno.ENOENT: "le dossier n'existe pas",
        errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
        errno.EISDIR: "c'est un dossier",
        errno.EFBIG: "le fichier dépasse la taille permise",
    }
    return raisons.get(exc.errno or 0, exc.strerror or type(exc).__name__)


def message_erreur(exc: OSError, chemin: Path) -> str:
    """A French sentence for a failed write, naming the file."""
    return f"Impossible d'écrire « {chemin} » : {raison(exc)}. Rien n'a été écrit."


def fsync_dossier(dossier: Path) -> None:
    """A renamed file's folder entry on disk too (else a power cut may bring the old name back)."""
    try:
        fd = os.open(dossier, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder; its rename is durable enough with the file fsync
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def ecrire_avec(chemin: Path, produire: Callable[[Path], Any]) -> Path:
    """``produire(temporaire)`` writes the content; the target appears whole or not at all."""
    chemin = Path(chemin)
    verifier_sortie(chemin)
    tmp = chemin.with_name(chemin.name + SUFFIXE_TEMPORAIRE)
    try:
        chemin.parent.mkdir(parents=True, exist_ok=True)
        produire(tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, chemin)
        fsync_dossier(chemin.parent)
    except OSError as exc:
        _fermer_orphelins(exc)
        _effacer(tmp)
        log.warning("Écriture de %s impossible : %s", chemin, exc)
        raise UserError(message_erreur(exc, chemin)) from exc
    except BaseException:
        _effacer(tmp)
        raise
    return chemin


def ecrire_octets(chemin: Path, contenu: bytes) -> Path:
    return ecrire_avec(chemin, lambda tmp: tmp.write_bytes(contenu))


def _fermer_orphelins(exc: BaseException) -> None:
    """Close now what the failed writer left open, its errors to the log.

    Why: a library cut by the failure (openpyxl's zip on a full disk) keeps its file open in the
    frames of the traceback; its ``__del__`` would close it later, fail again, and print a traceback
    on the user's terminal. Clearing those frames here closes it at once, while such errors are logged.
    """
    ancien = sys.unraisablehook
    sys.unraisablehook = lambda u: log.warning("Fichier fermé après l'échec d'écriture : %s", u.exc_value)
    try:
        traceback.clear_frames(exc.__traceback__)
        gc.collect()
    finally:
        sys.unraisablehook = ancien


def _effacer(tmp: Path) -> None:
    try:
        tmp.unlink(missing_ok=True)
    except OSError:
        log.warning("Fichier temporaire %s impossible à effacer", tmp)


_EXTENSIONS = (".json", ".csv", ".xlsx", ".ods", ".pdf", ".zip", ".atelier-chiffre")


def nettoyer_temporaires(dossier: Path, age_min_s: float = 3600) -> list[Path]:
    """Remove our temporary files left by a copy that was killed while writing (at open).

    Why an age: another copy of Atelier may be writing into the same exports folder right now.
    """
    import time

    effaces: list[Path] = []
    if not Path(dossier).is_dir():
        return effaces
    limite = time.time() - age_min_s
    for p in Path(dossier).glob(f"*{SUFFIXE_TEMPORAIRE}"):
        try:
            if p.name[: -len(SUFFIXE_TEMPORAIRE)].endswith(_EXTENSIONS) and p.stat().st_mtime < limite:
                p.unlink()
                effaces.append(p)
        except OSError:
            log.warning("Fichier temporaire %s impossible à effacer", p)
    if effaces:
        log.info("%d fichier(s) temporaire(s) périmé(s) effacé(s) dans %s", len(effaces), dossier)
    return effaces


def neutraliser(valeur: Any) -> Any:
    """A spreadsheet cell that cannot run as a formula (FORMAT.md, OWASP CSV injection).

    Text starting with ``= + - @``, a tab or a carriage return gets a leading apostrophe, which
    Excel and LibreOffice show as text; numbers stay numbers.
    """
    if isinstance(valeur, str) and valeur.startswith(_DEBUT_FORMULE):
        return "'" + valeur
    return valeur
