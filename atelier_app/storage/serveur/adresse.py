"""The server's address (`postgresql://UTILISATEUR@HÔTE[:PORT]/BASE`) and the connection to it.

Why the password never appears here: it comes from ``PGPASSWORD`` or ``~/.pgpass`` (read by
libpq itself), so it is never typed on a command line, shown by ``ps`` or written in a log. An
address that carries one is refused.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from atelier_app.errors import ServeurInaccessible, UserError

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger(__name__)

PREFIXES = ("postgresql://", "postgres://")
DELAI_CONNEXION = 5  # seconds: a PC on the wrong network must hear about it quickly


def est_adresse(texte: object) -> bool:
    return isinstance(texte, str) and texte.strip().lower().startswith(PREFIXES)


@dataclass(frozen=True)
class Adresse:
    utilisateur: str
    hote: str
    port: int
    base: str

    @property
    def libelle(self) -> str:
        """What the user sees (Paramètres, messages): never a password."""
        return f"postgresql://{self.utilisateur}@{self.hote}:{self.port}/{self.base}"

    def parametres(self) -> dict[str, Any]:
        return {"user": self.utilisateur, "host": self.hote, "port": self.port, "dbname": self.base,
                "connect_timeout": DELAI_CONNEXION, "application_name": "atelier"}


def lire_adresse(texte: str) -> Adresse:
    parts = urlsplit(texte.strip())
    if parts.password is not None:
        raise UserError("L'adresse du serveur ne doit pas contenir le mot de passe : retirez-le et mettez-le "
                        "dans la variable PGPASSWORD ou dans le fichier pgpass (voir docs/serveur.md).")
    base = unquote(parts.path.lstrip("/"))
    if not parts.hostname or not parts.username or not base:
        raise UserError(f"Adresse de serveur incomplète : « {texte} ». Forme attendue : "
                        "postgresql://UTILISATEUR@HÔTE[:PORT]/BASE.")
    try:
        port = parts.port or 5432
    except ValueError as exc:
        raise UserError(f"Port invalide dans l'adresse « {texte} ».") from exc
    return Adresse(unquote(parts.username), parts.hostname, port, base)


def dossier_local(texte: str) -> Path:
    """This PC's folder for the server's backups and the log (never the data itself)."""
    a = lire_adresse(texte)
    env = os.environ.get("ATELIER_DOSSIER_LOCAL")
    racine = Path(env) if env else Path.cwd()
    nom = re.sub(r"[^\w.-]+", "-", f"serveur-{a.hote}-{a.port}-{a.base}")
    d = racine / nom
    d.mkdir(parents=True, exist_ok=True)
    return d


def connecter(adresse: Adresse, **options: Any) -> psycopg.Connection[Any]:
    """A psycopg connection, or a French message naming what to check (exit 3 on the CLI)."""
    import psycopg

    try:
        return psycopg.connect(**adresse.parametres(), **options)
    except psycopg.OperationalError as exc:
        raise ServeurInaccessible(expliquer(adresse, exc)) from None


def expliquer(adresse: Adresse, exc: Exception) -> str:
    texte = str(exc)
    etat = getattr(exc, "sqlstate", None) or ""
    log.warning("Connexion impossible à %s : %s", adresse.libelle, texte.splitlines()[0] if texte else etat)
    if etat in ("28P01", "28000") or "password" in texte or "mot de passe" in texte:
        return (f"Le serveur {adresse.hote} refuse le compte « {adresse.utilisateur} » : vérifiez le mot de passe "
                "(variable PGPASSWORD ou fichier pgpass de ce poste) et que le compte existe sur le serveur.")
    if etat == "3D000" or "does not exist" in texte or "n'existe pas" in texte:
        return (f"La base « {adresse.base} » n'existe pas sur le serveur {adresse.hote} : vérifiez son nom dans "
                "l'adresse, ou créez-la (voir docs/serveur.md).")
    return (f"Le serveur {adresse.hote} (port {adresse.port}) ne répond pas : vérifiez que cet ordinateur est "
            "allumé et sur le même réseau, que PostgreSQL y est démarré et accepte les connexions de ce poste "
            "(pare-feu, listen_addresses, pg_hba.conf).")
