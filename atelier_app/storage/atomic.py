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

    def read(self) -> dict[str, Any]:
        return self.data

    def write(self, data: dict[str, Any]) -> None:
        self.data = data
        self.dirty = True

    def serialise(self) -> bytes:
        return dumps(self.data)

    def close(self) -> None:
        pass
