"""The tables on the server, their version and their migrations.

Why one documents table rather than one table per kind: a record is stored exactly as the folder
stores it (the same dict, in the same file-like ``shard``), so backups, exports and the folder's
migrations of record data work unchanged; the columns beside it carry what the server adds — a
version per record (optimistic concurrency), who saved it from which PC and when, and ``seq``,
the number of the transaction that last wrote it (how the other PCs learn what changed).
``data`` is ``json`` (text kept as written), not ``jsonb``: key order stays the folder's, so
exports of both stores compare equal byte for byte. A deleted record keeps its row with
``data`` NULL, so the other PCs see the deletion.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

#: Version of the tables themselves (the record data has its own, repository.SCHEMA_VERSION).
VERSION_TABLES = 1
CANAL = "atelier"
VERROU_SCHEMA = 7_141_803  # advisory lock id: two PCs opening a new database do not both create it

_CREATION = [
    "CREATE TABLE IF NOT EXISTS atelier_meta (cle text PRIMARY KEY, valeur text NOT NULL)",
    "CREATE SEQUENCE IF NOT EXISTS atelier_seq",
    "CREATE SEQUENCE IF NOT EXISTS atelier_rang",
    """CREATE TABLE IF NOT EXISTS atelier_docs (
        tbl text NOT NULL,
        id text NOT NULL,
        shard text NOT NULL,
        rang bigint NOT NULL DEFAULT nextval('atelier_rang'),
        version integer NOT NULL,
        data json,
        seq bigint NOT NULL,
        par text NOT NULL DEFAULT '',
        poste text NOT NULL DEFAULT '',
        le timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tbl, id))""",
    "CREATE INDEX IF NOT EXISTS atelier_docs_seq ON atelier_docs (seq)",
]

#: MIGRATIONS_TABLES[n]: SQL statements taking the tables from version n to n + 1.
MIGRATIONS_TABLES: dict[int, list[str]] = {}


def lire_meta(conn: Any, cle: str) -> str | None:
    row = conn.execute("SELECT valeur FROM atelier_meta WHERE cle = %s", (cle,)).fetchone()
    return None if row is None else row[0]


def preparer(conn: Any, version_donnees: int, migrer_donnees: Callable[[int], None]) -> None:
    """Create the tables of an empty database, or bring older ones up to date (one transaction)."""
    from atelier_app.errors import DonneesIllisibles

    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (VERROU_SCHEMA,))
        existe = conn.execute("SELECT to_regclass('atelier_meta') IS NOT NULL").fetchone()[0]
        if not existe:
            for sql in _CREATION:
                conn.execute(sql)
            conn.execute("INSERT INTO atelier_meta VALUES ('tables', %s), ('schema', %s), ('cree_le', now()::text)",
                         (str(VERSION_TABLES), str(version_donnees)))
            log.info("Tables d'Atelier créées sur le serveur")
            return
        tables = int(lire_meta(conn, "tables") or VERSION_TABLES)
        donnees = int(lire_meta(conn, "schema") or version_donnees)
        if tables > VERSION_TABLES or donnees > version_donnees:
            raise DonneesIllisibles("Cette base a été écrite par une version plus récente d'Atelier : "
                                    "mettez Atelier à jour sur ce poste.", fichier="atelier_meta")
        for n in range(tables, VERSION_TABLES):
            log.info("Migration des tables du serveur %d → %d", n, n + 1)
            for sql in MIGRATIONS_TABLES[n]:
                conn.execute(sql)
        conn.execute("UPDATE atelier_meta SET valeur = %s WHERE cle = 'tables'", (str(VERSION_TABLES),))
    if donnees < version_donnees:
        migrer_donnees(donnees)


def migrer_donnees(depot: Any, depuis: int) -> None:
    """The folder's migrations of record data, run on the same file-like contents, in one transaction."""
    from atelier_app.storage.migrations import MIGRATIONS
    from atelier_app.storage.repository import SCHEMA_VERSION

    depot._charger()
    contenus = {s: {t: dict(ids) for t, ids in ((t, depot._docs[t].get(s, {})) for t in depot._docs) if ids}
                for s in {s for par in depot._docs.values() for s in par}}
    for v in range(depuis, SCHEMA_VERSION):
        MIGRATIONS[v](contenus)
    with depot.transaction(f"Mise à jour des données (schéma {depuis} → {SCHEMA_VERSION})") as tx:
        for shard, tables in contenus.items():
            for tbl, docs in tables.items():
                for id_, doc in docs.items():
                    tx.ecrire_brut((tbl, id_), shard, doc)
    depot._conn.execute("UPDATE atelier_meta SET valeur = %s WHERE cle = 'schema'", (str(SCHEMA_VERSION),))
