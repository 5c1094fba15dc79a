"""Writing files so that a power cut at any instant leaves the old state or the new one.

Why not TinyDB's JSONStorage: it truncates and rewrites the file in place, so a cut in the middle
leaves half a file. Here every file is written to a temporary name, fsynced, then renamed over
the old one; the folder is fsynced too where the system allows it (not on Windows).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from atelier_app.ecriture import fsync_dossier


def fsync_dir(folder: Path) -> None:
    """The folder's entry of a renamed file on disk (one implementation: ``ecriture``'s)."""
    fsync_dossier(folder)


def write_durable(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` itself, fsynced (used for temporary files).

    The folder is created only when missing: this runs at every user action.
    """
    try:
        f = open(path, "wb")
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        f = open(path, "wb")
    with f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Temporary file beside, fsync, rename; the temporary file never outlives a failure."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        write_durable(tmp, data)
        os.replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise
    fsync_dir(path.parent)


def dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class ShardStorage(Storage):
    """TinyDB storage for one file, holding its content in memory.

    Why in memory: the repository is the only writer (the lock file guarantees it), so reading the
    file again on every query would only cost time. Writes are *deferred*: TinyDB hands the whole
    new content, the repository decides when the durable write happens (one per user action).

    Why the encoded pieces are kept: re-encoding a whole year of people for each new person would
    make an everyday write grow with the centre. Each document's ``"id":{...}`` bytes and each
    table's assembled bytes are kept; the table layer says which ids an action touched
    (:meth:`noter`), so a commit encodes only those and reuses every untouched table as it is.
    """

    def __init__(self, path: Path, data: dict[str, Any] | None = None) -> None:
        self.path = path
        self.data: dict[str, Any] = data if data is not None else {}
        self.dirty = False
        # per table, in file order: {id: '"id":{...}' bytes} and {id: the document object encoded}
        self._pieces: dict[str, dict[str, bytes]] = {}
        self._docs: dict[str, dict[str, Any]] = {}
        # table -> (its dict as last written, the bytes between its braces); TinyDB gives a table a
        # new dict whenever it writes to it, so the same dict object means the same content
        self._tables: dict[str, tuple[Any, bytes]] = {}
        self._touches: dict[str, set[str]] = {}  # ids changed since the last serialise, per table

    def read(self) -> dict[str, Any]:
        return self.data

    def write(self, data: dict[str, Any]) -> None:
        self.data = data
        self.dirty = True

    def noter(self, table: str, ids: Any) -> None:
        """The table layer tells which documents the coming write changes or removes."""
        self._touches.setdefault(table, set()).update(ids)

    def oublier_encodages(self) -> None:
        """Call after changing documents in place (migrations): everything is encoded again."""
        self._pieces.clear()
        self._docs.clear()
        self._tables.clear()
        self._touches.clear()

    def _encoder_table(self, table: str, docs: dict[str, Any]) -> bytes:
        pieces, vus = self._pieces.get(table), self._docs.get(table)
        touches = self._touches.get(table)
        if pieces is not None and vus is not None and touches is not None:
            for doc_id in touches:
                doc = docs.get(doc_id)
                if doc is None:
                    pieces.pop(doc_id, None)
                    vus.pop(doc_id, None)
                elif vus.get(doc_id) is not doc:
                    pieces[doc_id] = dumps(doc_id) + b":" + dumps(doc)
                    vus[doc_id] = doc
        if pieces is None or vus is None or touches is None or len(pieces) != len(docs):
            # first write, or a change the table layer did not announce: check every document
            anciens, anciens_vus = pieces or {}, vus or {}
            pieces, vus = {}, {}
            for doc_id, doc in docs.items():
                piece = anciens.get(doc_id)
                pieces[doc_id] = piece if piece is not None and anciens_vus.get(doc_id) is doc else (
                    dumps(doc_id) + b":" + dumps(doc))
                vus[doc_id] = doc
            self._pieces[table], self._docs[table] = pieces, vus
        return b",".join(pieces.values())

    def serialise(self) -> bytes:
        """The whole file, joined once: a year file is a megabyte, every extra copy shows."""
        sortie: list[bytes] = []
        tables: dict[str, tuple[Any, bytes]] = {}
        for table, docs in self.data.items():
            sortie.append(b"," if sortie else b"{")
            if not isinstance(docs, dict):
                sortie.append(dumps(table) + b":" + dumps(docs))
                continue
            deja = self._tables.get(table)
            if deja is not None and deja[0] is docs and table not in self._touches:
                corps = deja[1]
            else:
                corps = self._encoder_table(table, docs)
            tables[table] = (docs, corps)
            sortie += (dumps(table), b":{", corps, b"}")
        sortie.append(b"}" if sortie else b"{}")
        self._tables = tables
        self._touches = {}
        for table in [t for t in self._pieces if t not in tables]:
            del self._pieces[table]
            self._docs.pop(table, None)
        return b"".join(sortie)

    def close(self) -> None:
        pass
