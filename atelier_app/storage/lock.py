"""One running copy per data folder.

Why filelock: it uses the operating system's own locks (fcntl on Linux, msvcrt on Windows), which
the system releases when a process dies, so a copy that crashed never blocks the next start.
"""

from __future__ import annotations

import logging
import os
import socket
from pathlib import Path

from filelock import FileLock, Timeout

from atelier_app.errors import DonneesIllisibles, DonneesVerrouillees

log = logging.getLogger(__name__)


class VerrouDossier:
    def __init__(self, dossier: Path) -> None:
        self.fichier = dossier / "atelier.lock"
        self.info = dossier / "atelier.lock.info"
        self._lock = FileLock(self.fichier, timeout=0)

    def acquerir(self) -> None:
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            qui = ""
            try:
                qui = self.info.read_text(encoding="utf-8").strip()
            except OSError:
                pass
            raise DonneesVerrouillees(
                "Les données sont déjà ouvertes par une autre copie d'Atelier"
                + (f" ({qui})" if qui else "")
                + ". Fermez-la avant d'en ouvrir une autre."
            ) from None
        except OSError as exc:  # after Timeout, which is an OSError too
            from atelier_app.ecriture import raison

            raise DonneesIllisibles(
                f"Le dossier de données « {self.fichier.parent} » ne peut pas être ouvert : {raison(exc)}. "
                "Atelier doit pouvoir y écrire (verrou, sauvegardes, enregistrements)."
            ) from None
        try:
            self.info.write_text(f"poste {socket.gethostname()}, processus {os.getpid()}", encoding="utf-8")
        except OSError:
            log.warning("Impossible d'écrire %s", self.info)

    def liberer(self) -> None:
        if self._lock.is_locked:
            try:
                self.info.unlink(missing_ok=True)
            except OSError:
                pass
            self._lock.release()
