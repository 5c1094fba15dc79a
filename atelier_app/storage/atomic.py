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


def fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder; its rename is durable enough with the file fsync
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_durable(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` itself, fsynced (used for temporary files)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def atomic_write_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    write_durable(tmp, data)
    os.replace(tmp, path)
    fsync_dir(path.parent)


def dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class ShardStorage(Storage):
    """TinyDB storage for one file, holding its content in memory.

    Why in memory: the repository is the only writer (the lock file guarantees it), so reading the
    file again on every query would only cost time. Writes are *deferred*: TinyDB hands the whole
    new content, the repository decides when the durable write happens (one per user action).
    """

    def __init__(self, path: Path, data: dict[str, Any] | None = None) -> None:
        self.path = path
        self.data: dict[str, Any] = data if data is not None else {}
        self.dirty = False
        # (table, id) -> (the document object last encoded, its JSON bytes). TinyDB replaces a
        # changed document by a new dict and keeps the others as they are, so an unchanged object
        # identity means unchanged bytes: a commit re-encodes only what the action touched.
        self._encodes: dict[tuple[str, str], tuple[Any, bytes]] = {}

    def read(self) -> dict[str, Any]:
        return self.data

    def write(self, data: dict[str, Any]) -> None:
        self.data = data
        self.dirty = True

    def oublier_encodages(self) -> None:
        """Call after changing documents in place (migrations): everything is encoded again."""
        self._encodes.clear()

    def serialise(self) -> bytes:
        morceaux: list[bytes] = []
        garder: dict[tuple[str, str], tuple[Any, bytes]] = {}
        for table, docs in self.data.items():
            if not isinstance(docs, dict):
                morceaux.append(dumps(table) + b":" + dumps(docs))
                continue
            parties = []
            for doc_id, doc in docs.items():
                cle = (table, doc_id)
                deja = self._encodes.get(cle)
                if deja is not None and deja[0] is doc:
                    octets = deja[1]
                else:
                    octets = dumps(doc)
                garder[cle] = (doc, octets)
                parties.append(dumps(doc_id) + b":" + octets)
            morceaux.append(dumps(table) + b":{" + b",".join(parties) + b"}")
        self._encodes = garder
        return b"{" + b",".join(morceaux) + b"}"

    def close(self) -> None:
        pass
