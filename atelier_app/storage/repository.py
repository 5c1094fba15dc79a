"""The one door to the data: TinyDB files behind a repository of frozen records.

Why this shape:
- one TinyDB instance per file, all owned here, so no two instances ever disagree;
- every change happens inside ``transaction()``, which ends in exactly one durable commit: one
  file written atomically, or several files committed together through a small transaction
  journal, so a power cut leaves either the old state or the new one;
- queries return frozen dataclasses built from copies, so nothing outside can mutate what TinyDB
  holds in memory;
- month files of sessions from past years are read only when asked for.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar, cast

from atelier_app.domain.records import Record
from atelier_app.ecriture import raison
from atelier_app.errors import DonneesIllisibles, UserError
from atelier_app.storage import layout
from atelier_app.storage.atomic import atomic_write_bytes, dumps, fsync_dir, write_durable
from atelier_app.storage.codec import from_dict, to_dict
from atelier_app.storage.fichier import Shard, lire_json, sans_ramasse_miettes
from atelier_app.storage.lignes import LECTEURS
from atelier_app.storage.lock import VerrouDossier

log = logging.getLogger(__name__)

T = TypeVar("T", bound=Record)
L = TypeVar("L")

SCHEMA_VERSION = 2
META = "_meta"


def recover_transaction(dossier: Path) -> None:
    """Finish a multi-file commit interrupted after its commit point, or drop one interrupted before."""
    from atelier_app.storage import restauration

    restauration.reprendre(dossier)  # an interrupted restore first: it may move the files below
    journal = dossier / layout.TRANSACTION
    if journal.exists():
        try:
            entries = json.loads(journal.read_text(encoding="utf-8"))["fichiers"]
        except (OSError, ValueError, KeyError):
            entries = []
        for rel in entries:
            tmp = dossier / (rel + ".tx")
            if tmp.exists():
                tmp.replace(dossier / rel)
        journal.unlink(missing_ok=True)
        fsync_dir(dossier)
        log.warning("Écriture interrompue terminée au démarrage (%d fichiers)", len(entries))
    for motif in ("*.tx", "*/*.tx", "*.json.tmp", "*/*.json.tmp"):  # half-written temporary files
        for stray in dossier.glob(motif):
            stray.unlink(missing_ok=True)


class Transaction:
    """The changes of one user action; committed as one durable write when the block ends."""

    def __init__(self, depot: Depot, action: str) -> None:
        self.depot = depot
        self.action = action

    def put(self, obj: Record) -> None:
        self.put_many([obj])

    def put_many(self, objs: Iterable[Record]) -> None:
        groups: dict[tuple[str, str], dict[str, dict[str, Any]]] = {}
        for obj in objs:
            table = type(obj).TABLE
            shard = self.depot.shard_name(obj)
            old = self.depot._index.setdefault(table, {}).get(obj.id)
            if old is not None and old != shard:
                self.depot._shard(old).table(table).drop_ids([obj.id])
            doc = to_dict(obj)
            groups.setdefault((shard, table), {})[obj.id] = doc
            self.depot._index[table][obj.id] = shard
            self.depot._objets.setdefault(type(obj), {})[obj.id] = (doc, obj)
        for (shard, table), docs in groups.items():
            self.depot._shard(shard, create=True).table(table).put_many(docs)

    def delete(self, kind: type[Record], id: str) -> None:
        shard = self.depot._locate(kind, id)
        if shard is None:
            return
        self.depot._shard(shard).table(kind.TABLE).drop_ids([id])
        self.depot._index[kind.TABLE].pop(id, None)


class Depot:
    """The repository. Open it with :meth:`ouvrir`; close it with :meth:`fermer`."""

    def __init__(self, dossier: Path, horloge: Callable[[], datetime] = datetime.now) -> None:
        self.dossier = Path(dossier)
        #: The clock, handed in by the caller (the services' context): storage never reads the date itself.
        self.horloge = horloge
        self._shards: dict[str, Shard] = {}
        self._available: set[str] = set()
        self._index: dict[str, dict[str, str]] = {}
        # kind -> id -> (stored dict, the frozen record decoded from it). Records are immutable, so
        # one decoded record serves every reader as long as its stored dict is the same object.
        self._objets: dict[type, dict[str, tuple[Any, Any]]] = {}
        self._tx: Transaction | None = None
        self._mutex = threading.RLock()
        self._verrou: VerrouDossier | None = None
        self.derniere_ecriture: datetime | None = None

    # ---------------------------------------------------------------- opening
    @classmethod
    def ouvrir(cls, dossier: Path | str, *, verrou: bool = True,
               horloge: Callable[[], datetime] = datetime.now) -> Depot:
        depot = cls(Path(dossier), horloge)
        depot.dossier.mkdir(parents=True, exist_ok=True)
        if verrou:
            depot._verrou = VerrouDossier(depot.dossier)
            depot._verrou.acquerir()
        try:
            depot._charger()
        except BaseException:
            depot.fermer()
            raise
        return depot

    def _charger(self) -> None:
        recover_transaction(self.dossier)
        self._available = set(layout.data_files(self.dossier))
        if layout.NOYAU not in self._available:
            if any(n != layout.JOURNAL for n in self._available):
                raise DonneesIllisibles(
                    "Le fichier principal « atelier.json » manque alors que d'autres données sont là. "
                    "Restaurez la dernière sauvegarde.",
                    fichier=layout.NOYAU,
                )
            self._create_empty()
        current = self.horloge().year
        with sans_ramasse_miettes():
            for name in sorted(self._available):
                family = layout.family_of(name)
                if family != "mois" or (layout.year_of(name) or 0) >= current - 1:
                    self._load(name)
        self._check_schema()

    def _create_empty(self) -> None:
        shard = Shard(layout.NOYAU, self.dossier / layout.NOYAU, {})
        self._shards[layout.NOYAU] = shard
        self._available.add(layout.NOYAU)
        shard.table(META).put_many({"schema": {"version": SCHEMA_VERSION, "cree_le": self.horloge().date().isoformat()}})
        atomic_write_bytes(shard.storage.path, shard.storage.serialise())
        shard.storage.dirty = False

    def _check_schema(self) -> None:
        from atelier_app.storage.migrations import migrer

        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise DonneesIllisibles(
                f"Ces données viennent d'une version plus récente d'Atelier (schéma {version}). "
                "Mettez Atelier à jour avant de les ouvrir.",
                fichier=layout.NOYAU,
            )
        if version < SCHEMA_VERSION:
            migrer(self, version)

    def schema_version(self) -> int:
        # TinyDB types doc_id as int; StrIdTable (document_id_class = str) takes our string ids.
        meta = self._shards[layout.NOYAU].table(META).get(doc_id="schema")  # type: ignore[call-overload]
        return int(meta["version"]) if meta else SCHEMA_VERSION

    def _load(self, name: str) -> Shard:
        data = lire_json(self.dossier / name, name)
        shard = Shard(name, self.dossier / name, data)
        self._shards[name] = shard
        self._reindex(shard)
        return shard

    def _reindex(self, shard: Shard) -> None:
        for table, docs in shard.storage.data.items():
            if table == META or not isinstance(docs, dict):
                continue
            idx = self._index.setdefault(table, {})
            for doc_id in docs:
                idx[doc_id] = shard.name

    def charger_tout(self) -> None:
        """Read every file, including past years' sessions (exports, checks, statistics)."""
        with sans_ramasse_miettes():
            for name in sorted(self._available - set(self._shards)):
                self._load(name)

    def fermer(self) -> None:
        if self._verrou is not None:
            self._verrou.liberer()
            self._verrou = None

    # ------------------------------------------------------------------ files
    def shard_name(self, obj: Record) -> str:
        rangement = type(obj).RANGEMENT
        quand = obj.date_rangement() if rangement in ("annee", "mois", "personnes") else date(2000, 1, 1)
        return layout.shard_of(rangement, quand)

    def _shard(self, name: str, create: bool = False) -> Shard:
        if name in self._shards:
            return self._shards[name]
        if name in self._available:
            return self._load(name)
        if not create:
            raise KeyError(name)
        shard = Shard(name, self.dossier / name, {})
        self._shards[name] = shard
        return shard

    def _family_shards(self, kind: type[Record], annee: int | None) -> list[str]:
        rangement = kind.RANGEMENT
        if rangement == "noyau":
            return [layout.NOYAU]
        if rangement == "journal":
            return [layout.JOURNAL]
        names = set(self._available) | set(self._shards)
        out = [n for n in names if layout.family_of(n) == rangement]
        if annee is not None:
            out = [n for n in out if layout.year_of(n) == annee]
        return sorted(out)

    def _locate(self, kind: type[Record], id: str) -> str | None:
        shard = self._index.get(kind.TABLE, {}).get(id)
        if shard is None and kind.RANGEMENT == "mois":
            for name in self._family_shards(kind, None):
                if name not in self._shards:
                    self._load(name)
            shard = self._index.get(kind.TABLE, {}).get(id)
        return shard

    # ---------------------------------------------------------------- queries
    def get(self, kind: type[T], id: str) -> T | None:
        doc = self.get_dict(kind, id)
        return None if doc is None else self._decoder(kind, id, doc)

    def _decoder(self, kind: type[T], id: str, doc: dict[str, Any]) -> T:
        objets = self._objets.setdefault(kind, {})
        deja = objets.get(id)
        if deja is not None and deja[0] is doc:
            return deja[1]
        obj = from_dict(kind, doc)
        objets[id] = (doc, obj)
        return obj

    def get_dict(self, kind: type[Record], id: str) -> dict[str, Any] | None:
        """The stored dict itself, not a copy (read-only: never mutate it).

        Why no copy: an attendance save reads a few fields of every person of the session, and
        copying each whole record cost more than the rest of the save.
        """
        shard = self._locate(kind, id)
        if shard is None:
            return None
        docs = self._shard(shard).storage.data.get(kind.TABLE)
        return docs.get(id) if isinstance(docs, dict) else None

    def all(self, kind: type[T], annee: int | None = None) -> list[T]:
        return self.choisir(kind, annee)

    def choisir(self, kind: type[T], annee: int | None = None,
                garder: Callable[[dict[str, Any]], bool] | None = None) -> list[T]:
        """Records whose stored dict passes ``garder``, decoded only once chosen.

        Why: the home screen needs a few dozen of the year's thousand sessions, and decoding is
        what costs, not looking at a field of the raw dict (read-only: ``garder`` must not mutate it).
        """
        out: list[T] = []
        for name in self._family_shards(kind, annee):
            if name not in self._shards and name not in self._available:
                continue
            docs = self._shard(name).storage.data.get(kind.TABLE)
            if isinstance(docs, dict):
                out.extend(self._decoder(kind, i, d) for i, d in docs.items() if garder is None or garder(d))
        return out

    def all_dicts(self, kind: type[Record], annee: int | None = None) -> Iterator[dict[str, Any]]:
        """The stored dicts themselves, for bulk reading (statistics). Read-only: never mutate them.

        Why no copy: the statistics of a year read some 20,000 records; copying each cost more than
        the figures themselves.
        """
        for name in self._family_shards(kind, annee):
            if name not in self._shards and name not in self._available:
                continue
            docs = self._shard(name).storage.data.get(kind.TABLE)
            if isinstance(docs, dict):
                yield from docs.values()

    def lignes(self, ligne: type[L], annee: int | None = None) -> tuple[L, ...]:
        """Light frozen rows (``domain/lignes.py``) of one kind, for bulk reading by the services.

        Why: the counts read a few fields of thousands of documents; a row is built straight from
        the stored dict (no full decode) and, being immutable, cannot alter the store. Rows are kept
        while their document is the same object, and built with the cyclic collector paused (ten
        years of rows are tens of thousands of tuples, none of them garbage: each collection would
        walk the whole loaded store again).
        """
        kind, lire = LECTEURS[ligne]
        table: str = cast(Any, kind).TABLE
        faits = self._objets.setdefault(ligne, {})  # id -> (stored dict, its row), as for records
        out: list[L] = []
        with sans_ramasse_miettes():
            for name in self._family_shards(kind, annee):
                if name not in self._shards and name not in self._available:
                    continue
                docs = self._shard(name).storage.data.get(table)
                if not isinstance(docs, dict):
                    continue
                for i, d in docs.items():
                    deja = faits.get(i)
                    if deja is None or deja[0] is not d:
                        deja = faits[i] = (d, lire(d))
                    out.append(deja[1])
        return tuple(out)

    def count(self, kind: type[Record]) -> int:
        return len(self._index.get(kind.TABLE, {}))

    def annees(self, kind: type[Record]) -> list[int]:
        """Years for which some file of this kind exists (cheap: file names only)."""
        return sorted({y for n in self._family_shards(kind, None) if (y := layout.year_of(n))})

    # ---------------------------------------------------------------- writing
    @contextmanager
    def transaction(self, action: str) -> Iterator[Transaction]:
        """One user action's changes, committed together.

        Why the nesting is decided under the lock: a transaction belongs to the thread that opened
        it. Another thread (a save on the Tk thread while a background task writes) waits for the
        lock and then opens its own; it never joins a transaction it does not own, whose rollback
        would silently take its record away.
        """
        with self._mutex:
            if self._tx is not None:  # the lock is ours, so this is ours: part of the enclosing action
                yield self._tx
                return
            tx = Transaction(self, action)
            self._tx = tx
            try:
                yield tx
            except BaseException:
                self._rollback()
                raise
            else:
                self._commit(action)
            finally:
                self._tx = None

    def _dirty(self) -> list[Shard]:
        return [s for s in self._shards.values() if s.storage.dirty]

    def _commit(self, action: str) -> None:
        dirty = self._dirty()
        if not dirty:
            return
        try:
            if len(dirty) == 1:
                atomic_write_bytes(dirty[0].storage.path, dirty[0].storage.serialise())
            else:
                self._commit_many(dirty)
        except OSError as exc:
            self._rollback()
            raise UserError(f"Impossible d'enregistrer ({action}) : {raison(exc)} ; "
                            f"rien n'a été changé (dossier {self.dossier}).") from exc
        for s in dirty:
            s.storage.dirty = False
            self._available.add(s.name)
        self.derniere_ecriture = self.horloge()
        log.info("Enregistré : %s (%s)", action, ", ".join(s.name for s in dirty))

    def _commit_many(self, dirty: list[Shard]) -> None:
        for s in dirty:
            write_durable(s.storage.path.with_name(s.storage.path.name + ".tx"), s.storage.serialise())
        for folder in {s.storage.path.parent for s in dirty} - {self.dossier}:
            fsync_dir(folder)  # every .tx must be on disk before the journal says "commit"
        journal = self.dossier / layout.TRANSACTION
        atomic_write_bytes(journal, dumps({"fichiers": [s.name for s in dirty]}))
        folders = set()
        for s in dirty:
            s.storage.path.with_name(s.storage.path.name + ".tx").replace(s.storage.path)
            folders.add(s.storage.path.parent)
        for folder in folders:
            fsync_dir(folder)
        journal.unlink()
        fsync_dir(self.dossier)

    def _rollback(self) -> None:
        for s in self._dirty():
            for idx in self._index.values():
                for doc_id in [k for k, v in idx.items() if v == s.name]:
                    del idx[doc_id]
            del self._shards[s.name]
            if (self.dossier / s.name).exists():
                self._load(s.name)
        for table, idx in self._index.items():  # entries moved out of a clean shard come back
            for s in self._shards.values():
                docs = s.storage.data.get(table)
                if isinstance(docs, dict):
                    for doc_id in docs:
                        idx.setdefault(doc_id, s.name)

    @contextmanager
    def exclusif(self) -> Iterator[None]:
        """Hold off writes while another thread reads the files (backups)."""
        with self._mutex:
            yield
