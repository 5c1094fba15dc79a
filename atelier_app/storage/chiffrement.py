"""Encrypted backups for a USB key or another folder, and their restore.

Why: a backup that leaves the PC must be unreadable without the passphrase. The ordinary backup
zip is encrypted with AES-256-GCM under a key derived from the passphrase by scrypt; the salt
and the scrypt parameters are in a small header (authenticated too), so a wrong passphrase or a
tampered file is refused before anything is written.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from atelier_app.ecriture import ecrire_octets
from atelier_app.errors import UserError
from atelier_app.storage import backups
from atelier_app.storage.atomic import atomic_write_bytes

log = logging.getLogger(__name__)

MAGIE = b"ATELIER-CHIFFRE-1\n"
EXTENSION = ".atelier-chiffre"
SCRYPT = {"n": 2**15, "r": 8, "p": 1}


def _cle(phrase: str, sel: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=sel, length=32, n=n, r=r, p=p).derive(phrase.encode("utf-8"))


def verifier_phrase(phrase: str) -> None:
    """The passwords' rule (CNIL 2022 floor, then the strength estimate): a backup leaves the PC."""
    from atelier_app.domain.comptes import raisons_refus

    raisons = raisons_refus(phrase)
    if raisons:
        raise UserError("Phrase de passe trop faible : il faut " + " ; ".join(raisons) + ".")


def chiffrer(contenu: bytes, phrase: str) -> bytes:
    sel, nonce = os.urandom(16), os.urandom(12)
    entete = json.dumps({**SCRYPT, "sel": sel.hex(), "nonce": nonce.hex()}).encode("ascii") + b"\n"
    cle = _cle(phrase, sel, **SCRYPT)
    return MAGIE + entete + AESGCM(cle).encrypt(nonce, contenu, MAGIE + entete)


def dechiffrer(donnees: bytes, phrase: str, nom: str = "le fichier") -> bytes:
    """The clear content; a French UserError for a wrong passphrase or a damaged file."""
    if not donnees.startswith(MAGIE):
        raise UserError(f"« {nom} » n'est pas une sauvegarde chiffrée d'Atelier.")
    reste = donnees[len(MAGIE):]
    fin = reste.find(b"\n")
    try:
        entete = json.loads(reste[:fin])
        sel, nonce = bytes.fromhex(entete["sel"]), bytes.fromhex(entete["nonce"])
        n, r, p = int(entete["n"]), int(entete["r"]), int(entete["p"])
        if not (2**10 <= n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16):
            raise ValueError("paramètres")
    except (ValueError, KeyError, TypeError) as exc:
        raise UserError(f"« {nom} » est endommagé : son en-tête est illisible.") from exc
    try:
        return AESGCM(_cle(phrase, sel, n, r, p)).decrypt(nonce, reste[fin + 1:], MAGIE + reste[:fin + 1])
    except InvalidTag:
        raise UserError(
            f"Impossible d'ouvrir « {nom} » : la phrase de passe est fausse ou le fichier a été modifié. "
            "Rien n'a été changé."
        ) from None


def sauvegarder_chiffre(dossier: Path, vers: Path | str, phrase: str, *,
                        horloge: Callable[[], datetime] = datetime.now) -> Path:
    """Take a backup of the data folder and write it encrypted into ``vers`` (caller holds the lock)."""
    verifier_phrase(phrase)
    vers = Path(vers)
    if not vers.is_dir():
        raise UserError(f"Le dossier « {vers} » n'existe pas (la clé USB est-elle branchée ?).")
    cible = vers / f"atelier-{horloge():%Y%m%d-%H%M%S}{EXTENSION}"
    ecrire_octets(cible, chiffrer(backups.archive(dossier), phrase))  # the clear zip stays in memory
    log.info("Sauvegarde chiffrée écrite : %s", cible)
    return cible


def dechiffrer_vers_sauvegardes(dossier: Path, fichier: Path | str, phrase: str, *,
                                horloge: Callable[[], datetime] = datetime.now) -> Path:
    """Decrypt an encrypted backup into the folder's backups, checked; returns the zip's path."""
    fichier = Path(fichier)
    if not fichier.is_file():
        raise UserError(f"Le fichier « {fichier} » n'existe pas.")
    contenu = dechiffrer(fichier.read_bytes(), phrase, fichier.name)
    d = backups.dossier_sauvegardes(dossier)
    d.mkdir(parents=True, exist_ok=True)
    quand = backups.date_du_contenu(contenu) or horloge()  # listed with the date of what it holds
    cible = d / f"atelier-{quand:%Y%m%d-%H%M%S}-dechiffree.zip"
    n = 1
    while cible.exists():
        cible, n = d / f"atelier-{quand:%Y%m%d-%H%M%S}-dechiffree-{n}.zip", n + 1
    atomic_write_bytes(cible, contenu)
    try:
        backups.verifier_archive(cible)
    except UserError:
        cible.unlink(missing_ok=True)
        raise
    return cible


def lire_chiffre(fichier: Path, phrase: str) -> bytes:
    """The clear backup held in memory, for a restore that leaves no plaintext copy on disk."""
    fichier = Path(fichier)
    if not fichier.is_file():
        raise UserError(f"Le fichier « {fichier} » n'existe pas.")
    return dechiffrer(fichier.read_bytes(), phrase, fichier.name)
