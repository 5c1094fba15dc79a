"""The store on a PostgreSQL server: the same queries as the folder's Depot, several PCs at once.

Why a local copy of the records: every screen and statistic reads through ``get``/``choisir``
hundreds of times per action; answering from memory keeps them as fast as on the folder. The copy
is filled at open and kept current by the listener (``ecoute.py``), which applies every other PC's
committed transaction within a second and tells the screens.

Why it never silently overwrites: each record has a version; a save writes a record only if the
server still holds the version this PC had (``WHERE version = …`` in one statement), else nothing of
the user action is written and a :class:`Conflit` names who saved it and when. A record this PC
opened (``get``) and another PC changed since raises the same once, even when the listener already
brought the new version: the user typed on the old one. One user action is one SQL transaction;
rows are written in a fixed order, so two PCs never deadlock, and nothing is locked beyond the rows
being written. A connection cut mid-save is rolled back by the server (nothing half-written); when
the cut hides whether COMMIT arrived, the transaction's number is looked up after reconnecting.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from atelier_app.domain.records import Record
from atelier_app.errors import Conflit, UserError
from atelier_app.storage import layout
from atelier_app.storage.codec import from_dict, to_dict
from atelier_app.storage.lignes import LECTEURS
from atelier_app.storage.serveur import schema
from atelier_app.storage.serveur.adresse import Adresse, connecter
from atelier_app.storage.serveur.messages import message_conflit

log = logging.getLogger(__name__)

T = TypeVar("T", bound=Record)
L = TypeVar("L")
Cle = tuple[str, str]

#: A record opened less than this long before another PC changed it counts as "being edited here"
#: (a form left open over a long break still gets the message, at worst once too often).
DUREE_EDITION = 2 * 60 * 60

UPSERT = """INSERT INTO atelier_docs AS d (tbl, id, shard, version, data, seq, par, poste)
VALUES (%s, %s, %s, %s + 1, %s::json, %s, %s, %s)
ON CONFLICT (tbl, id) DO UPDATE SET shard = EXCLUDED.shard, version = EXCLUDED.version,
  data = EXCLUDED.data, seq = EXCLUDED.seq, par = EXCLUDED.par, poste = EXCLUDED.poste, le = now(),
  rang = CASE WHEN d.shard = EXCLUDED.shard THEN d.rang ELSE EXCLUDED.rang END
WHERE d.version = EXCLUDED.version - 1"""
SUPPRIMER = """UPDATE atelier_docs SET data = NULL, version = version + 1, seq = %s, par = %s, poste = %s,
  le = now() WHERE tbl = %s AND id = %s AND version = %s"""
COLONNES = "tbl, id, shard, version, data, par, poste, le"


class _Refus(Exception):
    """Some row's version moved on the server: the whole transaction is rolled back."""


class TransactionServeur:
    """One user action: changes go into the local copy at once (later reads see them) and are
    remembered, with what they replaced, to be sent in one SQL transaction or undone."""

    def __init__(self, depot: DepotServeur, action: str) -> None:
        self.depot = depot
        self.action = action
        self.ecrits: dict[Cle, Any] = {}          # key -> dict to write, or None to delete
        self.avant: dict[Cle, tuple[str | None, Any, int]] = {}

    def _noter(self, cle: Cle) -> None:
        if cle not in self.avant:
            shard = self.depot._ou.get(cle[0], {}).get(cle[1])
            doc = self.depot._docs[cle[0]][shard][cle[1]] if shard else None
            self.avant[cle] = (shard, doc, self.depot._versions.get(cle[0], {}).get(cle[1], 0))

    def put(self, obj: Record) -> None:
        self.put_many([obj])

    def put_many(self, objs: Iterable[Record]) -> None:
        d = self.depot
        for obj in objs:
            cle = (type(obj).TABLE, obj.id)
            self._noter(cle)
            doc = to_dict(obj)
            d._placer(cle, d.shard_name(obj), doc)
            d._objets.setdefault(cle[0], {})[cle[1]] = (doc, obj)
            self.ecrits[cle] = doc

    def delete(self, kind: type[Record], id: str) -> None:
        cle = (kind.TABLE, id)
        if self.depot._ou.get(cle[0], {}).get(id) is None:
            return
        self._noter(cle)
        self.depot._retirer(cle)
        self.ecrits[cle] = None

    def ecrire_brut(self, cle: Cle, shard: str | None, doc: Any) -> None:
        """A stored dict as is (restore, copy, migrations); ``doc`` None deletes."""
        self._noter(cle)
        if doc is None:
            if self.depot._ou.get(cle[0], {}).get(cle[1]) is None:
                return
            self.depot._retirer(cle)
        else:
            self.depot._placer(cle, shard or "", doc)
            self.depot._objets.get(cle[0], {}).pop(cle[1], None)
        self.ecrits[cle] = doc

    def annuler(self) -> None:
        for cle, (shard, doc, _v) in self.avant.items():
            self.depot._retirer(cle)
            if shard is not None:
                self.depot._placer(cle, shard, doc)


class DepotServeur:
    """Implements services.ports.Store on a PostgreSQL database (see the module's docstring)."""

    def __init__(self, adresse: Adresse, dossier: Path, horloge: Callable[[], datetime] = datetime.now) -> None:
        self.adresse = adresse
        self.dossier = dossier          # this PC's folder for backups and the log, not the data
        #: The clock, handed in by the caller (the services' context): storage never reads the date itself.
        self.horloge = horloge
        self.auteur: Callable[[], str] = lambda: ""
        self.poste = socket.gethostname()
        self._docs: dict[str, dict[str, dict[str, Any]]] = {}
        self._ou: dict[str, dict[str, str]] = {}
        self._versions: dict[str, dict[str, int]] = {}
        self._objets: dict[str, dict[str, tuple[Any, Any]]] = {}
        self._lus: dict[Cle, float] = {}
        self._alertes: dict[Cle, tuple[str, str, datetime | None]] = {}
        self._miens: set[int] = set()
        self._verrou = threading.RLock()
        self._tx: TransactionServeur | None = None
        self._conn: Any = None
        self.ecoute: Any = None
        self.derniere_ecriture: datetime | None = None

    @property
    def libelle(self) -> str:
        return f"serveur PostgreSQL {self.adresse.libelle}"

    # ---------------------------------------------------------------- opening
    @classmethod
    def ouvrir(cls, adresse: Adresse, dossier: Path,
               horloge: Callable[[], datetime] = datetime.now) -> DepotServeur:
        from atelier_app.storage.repository import SCHEMA_VERSION

        depot = cls(adresse, dossier, horloge)
        depot._conn = connecter(adresse, autocommit=True)
        try:
            schema.preparer(depot._conn, SCHEMA_VERSION, lambda depuis: schema.migrer_donnees(depot, depuis))
            depot._charger()
        except BaseException:
            depot.fermer()
            raise
        return depot

    def _charger(self) -> None:
        with self._verrou, self._conn.transaction():
            cur = self._conn.execute("SELECT tbl, id, shard, version, data FROM atelier_docs ORDER BY shard, rang")
            for tbl, id_, shard, version, data in cur:
                self._versions.setdefault(tbl, {})[id_] = version
                if data is not None:
                    self._placer((tbl, id_), shard, data)

    def schema_version(self) -> int:
        return int(schema.lire_meta(self._conn, "schema") or 0)

    def fermer(self) -> None:
        if self.ecoute is not None:
            conn = self._conn
            self.ecoute.arreter(lambda: conn.execute("SELECT pg_notify(%s, 'arret')", (schema.CANAL,)))
            self.ecoute = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # ------------------------------------------------------------ local copy
    def shard_name(self, obj: Record) -> str:
        rangement = type(obj).RANGEMENT
        quand = obj.date_rangement() if rangement in ("annee", "mois", "personnes") else date(2000, 1, 1)
        return layout.shard_of(rangement, quand)

    def _placer(self, cle: Cle, shard: str, doc: Any) -> None:
        tbl, id_ = cle
        ou = self._ou.setdefault(tbl, {})
        ancien = ou.get(id_)
        if ancien is not None and ancien != shard:
            self._docs[tbl][ancien].pop(id_, None)
        self._docs.setdefault(tbl, {}).setdefault(shard, {})[id_] = doc
        ou[id_] = shard

    def _retirer(self, cle: Cle) -> None:
        tbl, id_ = cle
        shard = self._ou.get(tbl, {}).pop(id_, None)
        if shard is not None:
            self._docs[tbl][shard].pop(id_, None)
        self._objets.get(tbl, {}).pop(id_, None)

    def _shards(self, kind: type[Record], annee: int | None) -> list[dict[str, Any]]:
        par_shard = self._docs.get(kind.TABLE, {})
        noms = sorted(par_shard)
        if annee is not None and kind.RANGEMENT in ("annee", "mois", "personnes"):
            noms = [n for n in noms if layout.year_of(n) == annee]
        return [par_shard[n] for n in noms]

    # ---------------------------------------------------------------- queries
    def get(self, kind: type[T], id: str) -> T | None:
        doc = self.get_dict(kind, id)
        if doc is None:
            return None
        self._lus[(kind.TABLE, id)] = time.monotonic()
        return self._decoder(kind, id, doc)

    def _decoder(self, kind: type[T], id: str, doc: Any) -> T:
        objets = self._objets.setdefault(kind.TABLE, {})
        deja = objets.get(id)
        if deja is not None and deja[0] is doc:
            return deja[1]
        obj = from_dict(kind, doc)
        objets[id] = (doc, obj)
        return obj

    def get_dict(self, kind: type[Record], id: str) -> Mapping[str, Any] | None:
        shard = self._ou.get(kind.TABLE, {}).get(id)
        if shard is None:
            return None
        return self._docs[kind.TABLE].get(shard, {}).get(id)

    def all(self, kind: type[T], annee: int | None = None) -> list[T]:
        return self.choisir(kind, annee)

    def choisir(self, kind: type[T], annee: int | None = None,
                garder: Callable[[Mapping[str, Any]], bool] | None = None) -> list[T]:
        out: list[T] = []
        for docs in self._shards(kind, annee):
            out.extend(self._decoder(kind, i, d) for i, d in list(docs.items()) if garder is None or garder(d))
        return out

    def all_dicts(self, kind: type[Record], annee: int | None = None) -> Iterator[Mapping[str, Any]]:
        for docs in self._shards(kind, annee):
            yield from list(docs.values())

    def lignes(self, ligne: type[L], annee: int | None = None) -> tuple[L, ...]:
        """Light frozen rows of one kind (``domain/lignes.py``), built from the stored dicts with the
        same converters as the folder's store, so both stores count alike."""
        kind, lire = LECTEURS[ligne]
        return tuple(lire(d) for docs in self._shards(kind, annee) for d in list(docs.values()))

    def count(self, kind: type[Record]) -> int:
        return len(self._ou.get(kind.TABLE, {}))

    def annees(self, kind: type[Record]) -> list[int]:
        par_shard = list(self._docs.get(kind.TABLE, {}).items())  # the listener may add a shard meanwhile
        return sorted({y for n, docs in par_shard if docs and (y := layout.year_of(n))})

    def charger_tout(self) -> None:
        """Everything is read at open: nothing more to load."""

    @contextmanager
    def exclusif(self) -> Iterator[None]:
        """Hold off this PC's writes and the listener while another thread reads the local copy."""
        with self._verrou:
            yield

    # ---------------------------------------------------------------- writing
    @contextmanager
    def transaction(self, action: str) -> Iterator[TransactionServeur]:
        """One user action, sent as one SQL transaction.

        Why the nesting is decided under the lock: a transaction belongs to the thread that opened
        it. Another thread waits for the lock and then opens its own; it never joins one it does not
        own, whose rollback would take its record away from this PC's copy before it was ever sent.
        """
        with self._verrou:
            if self._tx is not None:  # the lock is ours, so this is ours: part of the enclosing action
                yield self._tx
                return
            tx = TransactionServeur(self, action)
            self._tx = tx
            try:
                yield tx
            except BaseException:
                tx.annuler()
                raise
            else:
                self._commit(action)
            finally:
                self._tx = None

    def _commit(self, action: str) -> None:
        """Send the open user action (``self._tx``) as one SQL transaction."""
        tx = self._tx
        if tx is None or not tx.ecrits:
            return
        alertes = [(cle, a) for cle in sorted(tx.ecrits) if (a := self._alertes.pop(cle, None)) is not None]
        if alertes:  # all told at once: the save after this message goes through
            tx.annuler()
            (tbl, _id), (par, poste, le) = alertes[0]
            raise Conflit(message_conflit(tbl, par, poste, le), par=par, le=str(le or ""))
        try:
            seq = self._envoyer(tx)
        except _Refus:
            tx.annuler()
            self._conflit(tx)
        except UserError:
            tx.annuler()
            raise
        for cle in tx.ecrits:
            self._versions.setdefault(cle[0], {})[cle[1]] = tx.avant[cle][2] + 1
        self._miens.add(seq)
        self.derniere_ecriture = self.horloge()
        log.info("Enregistré sur le serveur : %s (%d enregistrements)", tx.action, len(tx.ecrits))

    def _envoyer(self, tx: TransactionServeur) -> int:
        import psycopg

        par = self.auteur()
        seq = None
        if self._conn is None or self._conn.closed or self._conn.broken:
            self._reconnecter()
        try:
            with self._conn.transaction():
                seq = self._conn.execute("SELECT nextval('atelier_seq')").fetchone()[0]
                self.ecrire_lignes(tx.ecrits, lambda cle: tx.avant[cle][2], seq, par)
                self._conn.execute("SELECT pg_notify(%s, %s)", (schema.CANAL, str(seq)))
            return seq
        except (psycopg.errors.DeadlockDetected, psycopg.errors.SerializationFailure) as exc:
            raise _Refus() from exc
        except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
            log.warning("Connexion coupée pendant « %s » : %s", tx.action, str(exc).splitlines()[0] if str(exc) else "")
            self._reconnecter()
            if seq is not None and self._conn.execute(
                    "SELECT EXISTS (SELECT 1 FROM atelier_docs WHERE seq = %s)", (seq,)).fetchone()[0]:
                self._conn.commit()
                return seq  # COMMIT had arrived: the save is complete
            self._conn.rollback()
            raise UserError(f"La connexion au serveur a été coupée pendant l'enregistrement ({tx.action}) : "
                            "rien n'a été enregistré. Vérifiez le réseau, puis enregistrez de nouveau.") from None

    def ecrire_lignes(self, ecrits: Mapping[Cle, Any], version: Callable[[Cle], int], seq: int, par: str) -> None:
        """Write rows inside the open SQL transaction; :class:`_Refus` if any version moved."""
        from psycopg.types.json import Json

        cles = sorted(ecrits)
        mises = [(t, i, self._ou[t][i], version((t, i)), Json(ecrits[(t, i)]), seq, par, self.poste)
                 for t, i in cles if ecrits[(t, i)] is not None]
        retraits = [(seq, par, self.poste, t, i, version((t, i))) for t, i in cles if ecrits[(t, i)] is None]
        with self._conn.cursor() as cur:
            for sql, lignes in ((UPSERT, mises), (SUPPRIMER, retraits)):
                if lignes:
                    cur.executemany(sql, lignes)
                    if cur.rowcount != len(lignes):
                        raise _Refus()

    def _reconnecter(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:  # already broken: closing is best effort
                log.debug("Fermeture d'une connexion coupée", exc_info=True)
        self._conn = connecter(self.adresse, autocommit=True)

    def _conflit(self, tx: TransactionServeur) -> None:
        """Bring the records that moved into the local copy, then say who changed them."""
        cles = sorted(tx.ecrits)
        lignes = self._conn.execute(
            f"SELECT {COLONNES} FROM atelier_docs WHERE (tbl, id) IN (SELECT * FROM unnest(%s::text[], %s::text[]))",
            ([c[0] for c in cles], [c[1] for c in cles])).fetchall()
        self._conn.commit()
        bouges = [r for r in lignes if r[3] != tx.avant[(r[0], r[1])][2]]
        self.appliquer(lignes, alerter=False)
        tbl, _i, _s, _v, _d, par, poste, le = bouges[0] if bouges else (cles[0][0], "", "", 0, None, "", "", None)
        raise Conflit(message_conflit(tbl, par, poste, le), par=par, le=str(le or ""))

    # ------------------------------------------------------ other PCs' changes
    def appliquer(self, lignes: Iterable[tuple], alerter: bool = True) -> set[str]:
        """Rows read from the server (``COLONNES``) into the local copy; returns the tables changed."""
        tables = set()
        limite = time.monotonic() - DUREE_EDITION
        with self._verrou:
            for tbl, id_, shard, version, data, par, poste, le in lignes:
                versions = self._versions.setdefault(tbl, {})
                if version <= versions.get(id_, 0):
                    continue
                versions[id_] = version
                cle = (tbl, id_)
                self._retirer(cle)
                if data is not None:
                    self._placer(cle, shard, data)
                if alerter and self._lus.get(cle, 0) > limite:
                    self._alertes[cle] = (par, poste, le)
                tables.add(tbl)
        return tables
