"""One data file: a TinyDB instance on our atomic storage, with string ids chosen by the producer.

Why apart from the repository: the repository decides which files exist and how a user action
commits; this module only knows how one file is held in memory and read from disk.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table

from atelier_app.errors import DonneesIllisibles
from atelier_app.storage.atomic import ShardStorage


class StrIdTable(Table):
    """Our ids are strings chosen by the producer (FORMAT.md), used as TinyDB document ids."""

    # TinyDB infers ``type[int]`` from its default, yet documents this attribute as the way to other ids.
    document_id_class = str  # type: ignore[assignment]

    def _update_table(self, updater: Callable[[dict], None]) -> None:
        """TinyDB's, without rebuilding every id twice: ours are strings already.

        The table still gets a new dict (a copy), which is how the storage sees that it changed.
        """
        tables = self._storage.read() or {}
        table = dict(tables.get(self.name, {}))
        updater(table)
        tables[self.name] = table
        self._storage.write(tables)
        self.clear_cache()

    def put_many(self, docs: dict[str, dict[str, Any]]) -> None:
        def updater(table: dict) -> None:
            table.update(docs)

        self._storage.noter(self.name, docs)  # type: ignore[attr-defined]
        self._update_table(updater)

    def drop_ids(self, ids: Iterable[str]) -> None:
        ids = list(ids)
        self._storage.noter(self.name, ids)  # type: ignore[attr-defined]

        def updater(table: dict) -> None:
            for i in ids:
                table.pop(i, None)

        self._update_table(updater)


class _StrTinyDB(TinyDB):
    table_class = StrIdTable


class Shard:
    def __init__(self, name: str, path: Path, data: dict[str, Any] | None) -> None:
        self.name = name
        self.storage = ShardStorage(path, data)
        self.db = _StrTinyDB(storage=lambda: self.storage)

    def table(self, name: str) -> StrIdTable:
        return self.db.table(name, cache_size=0)  # type: ignore[return-value]


def lire_json(path: Path, rel: str) -> dict[str, Any]:
    try:
        with open(path, "rb") as f:
            data = json.load(f)
    except (OSError, ValueError, RecursionError) as exc:
        raise DonneesIllisibles(
            f"Le fichier de données « {rel} » est illisible ({type(exc).__name__}). "
            "Il n'a pas été modifié ; restaurez la dernière sauvegarde.",
            fichier=rel,
        ) from exc
    if not isinstance(data, dict):
        raise DonneesIllisibles(f"Le fichier de données « {rel} » n'a pas la forme attendue.", fichier=rel)
    return data


@contextmanager
def sans_ramasse_miettes() -> Iterator[None]:
    """Reading builds hundreds of thousands of small dicts, none of them garbage: the cyclic
    collector would only walk them again and again (a third of the opening time)."""
    actif = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if actif:
            gc.enable()
