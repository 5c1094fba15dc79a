"""Schema migrations, run at open when the data was written by an older Atelier.

Why on raw dicts: a migration must read data the current dataclasses no longer describe. Each step
takes every file's content (name → dict) from version N to N+1 in place. A backup is made first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from atelier_app.storage.repository import Depot

log = logging.getLogger(__name__)

Migration = Callable[[dict[str, dict[str, Any]]], None]

#: MIGRATIONS[n] turns schema n into schema n + 1.
MIGRATIONS: dict[int, Migration] = {}


def migrer(depot: Depot, depuis: int) -> None:
    from atelier_app.storage.backups import sauvegarder
    from atelier_app.storage.repository import META, SCHEMA_VERSION

    sauvegarder(depot.dossier, raison=f"avant-migration-{depuis}")
    depot.charger_tout()
    with depot.transaction(f"Mise à jour des données (schéma {depuis} → {SCHEMA_VERSION})"):
        contenus = {name: shard.storage.data for name, shard in depot._shards.items()}
        for version in range(depuis, SCHEMA_VERSION):
            log.info("Migration du schéma %d vers %d", version, version + 1)
            MIGRATIONS[version](contenus)
        for name, shard in depot._shards.items():
            shard.storage.oublier_encodages()
            shard.storage.write(contenus[name])
        meta = depot._shards["atelier.json"].table(META)
        meta.put_many({"schema": {"version": SCHEMA_VERSION}})
    depot._index.clear()
    for shard in depot._shards.values():
        depot._reindex(shard)
