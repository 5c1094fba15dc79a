"""Schema migrations, run at open when the data was written by an older Atelier.

Why on raw dicts: a migration must read data the current dataclasses no longer describe. Each step
takes every file's content (name → dict) from version N to N+1 in place. A backup is made first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from atelier_app.storage import layout

if TYPE_CHECKING:
    from atelier_app.storage.repository import Depot

log = logging.getLogger(__name__)

Migration = Callable[[dict[str, dict[str, Any]]], None]


def _personnes_par_mois(contenus: dict[str, dict[str, Any]]) -> None:
    """Schema 2: people leave the year files for month files (``personnes/AAAA-MM.json``), so that
    adding a person rewrites a small file however busy the centre is."""
    for nom in [n for n in contenus if layout.family_of(n) == "annee"]:
        personnes = contenus[nom].pop("personnes", None) or {}
        annee = layout.year_of(nom)
        for pid, doc in personnes.items():
            quand = str(doc.get("cree_le") or f"{annee:04d}-01-01")
            cible = layout.shard_of("personnes", date.fromisoformat(quand[:10]))
            contenus.setdefault(cible, {}).setdefault("personnes", {})[pid] = doc


#: MIGRATIONS[n] turns schema n into schema n + 1.
MIGRATIONS: dict[int, Migration] = {1: _personnes_par_mois}


def migrer(depot: Depot, depuis: int) -> None:
    from atelier_app.storage.backups import sauvegarder
    from atelier_app.storage.repository import META, SCHEMA_VERSION

    sauvegarder(depot.dossier, raison=f"avant-migration-{depuis}", horloge=depot.horloge)
    depot.charger_tout()
    with depot.transaction(f"Mise à jour des données (schéma {depuis} → {SCHEMA_VERSION})"):
        contenus = {name: shard.storage.data for name, shard in depot._shards.items()}
        for version in range(depuis, SCHEMA_VERSION):
            log.info("Migration du schéma %d vers %d", version, version + 1)
            MIGRATIONS[version](contenus)
        for name, contenu in contenus.items():  # a step may have created files
            shard = depot._shard(name, create=True)
            shard.storage.oublier_encodages()
            shard.storage.write(contenu)
        meta = depot._shards["atelier.json"].table(META)
        meta.put_many({"schema": {"version": SCHEMA_VERSION}})
    depot._index.clear()
    depot._objets.clear()
    for shard in depot._shards.values():
        depot._reindex(shard)
