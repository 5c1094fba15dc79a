"""Logging to a file in the data folder: details for whoever supports the centre, never shown raw."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path


def configurer(dossier: Path | None, verbeux: bool = False) -> Path | None:
    racine = logging.getLogger()
    racine.setLevel(logging.DEBUG if verbeux else logging.INFO)
    for h in list(racine.handlers):
        if getattr(h, "_atelier", False):
            racine.removeHandler(h)
    if dossier is None:
        return None
    try:
        dossier.mkdir(parents=True, exist_ok=True)
        fichier = dossier / "atelier.log"
        h = logging.handlers.RotatingFileHandler(fichier, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    h.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    h._atelier = True  # type: ignore[attr-defined]
    racine.addHandler(h)
    logging.getLogger("PIL").setLevel(logging.WARNING)
    logging.getLogger("matplotlib").setLevel(logging.WARNING)
    return fichier
