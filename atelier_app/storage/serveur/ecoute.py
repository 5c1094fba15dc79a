"""Keeping this PC's copy current: LISTEN for other PCs' commits, apply them, tell the screens.

Why one notification per transaction carrying its number: NOTIFY is delivered only after COMMIT
and in commit order, and every row a transaction writes carries its number, so the rows to fetch
are exactly ``WHERE seq = n`` — no gap, however the transactions interleave. When the listening
connection is lost, the copy is compared with the server by versions once reconnected.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from atelier_app.errors import UserError
from atelier_app.storage.serveur import schema
from atelier_app.storage.serveur.adresse import connecter

log = logging.getLogger(__name__)

#: Which screens a table's change concerns (ctx.signaler's words); the journal concerns none.
ZONES = {"cycles": "activites", "groupes": "activites", "journal": "", "fiches": "fiches",
         "questionnaire": "parametres", "positionnements": "personnes", "projets": "reparations"}


class Ecoute:
    """A daemon thread; ``signaler`` is ctx.signaler (queued to the Tk thread by the context)."""

    def __init__(self, depot: Any, signaler: Callable[[str], None], attente: float = 0.5) -> None:
        self.depot = depot
        self.signaler = signaler
        self.attente = attente
        self._stop = threading.Event()
        self._pret = threading.Event()
        self._fil = threading.Thread(target=self._tourner, name="atelier-ecoute", daemon=True)

    def demarrer(self) -> Ecoute:
        self._fil.start()
        self._pret.wait(10)
        return self

    def arreter(self, reveil: Callable[[], None] | None = None) -> None:
        """Stop; ``reveil`` sends a notification so the thread need not wait for its timeout."""
        self._stop.set()
        if reveil is not None:
            try:
                reveil()
            except Exception:  # the connection may be gone already: the timeout will do
                log.debug("Réveil de l'écoute impossible", exc_info=True)
        if self._fil.is_alive() and threading.current_thread() is not self._fil:
            self._fil.join(5)

    def _tourner(self) -> None:
        premiere = True
        while not self._stop.is_set():
            try:
                conn = connecter(self.depot.adresse, autocommit=True)
            except UserError:
                self._pret.set()
                self._stop.wait(2)
                continue
            try:
                conn.execute(f"LISTEN {schema.CANAL}")
                self._pret.set()
                if not premiere:
                    self._dire(rattraper(self.depot, conn))
                premiere = False
                self._ecouter(conn)
            except Exception as exc:  # connection lost: reconnect and catch up (never kill the thread)
                if not self._stop.is_set():
                    log.warning("Écoute du serveur interrompue (%s) ; reconnexion", type(exc).__name__)
                self._stop.wait(1)
            finally:
                conn.close()

    def _ecouter(self, conn: Any) -> None:
        from atelier_app.storage.serveur.depot import COLONNES

        while not self._stop.is_set():
            # the generator holds the connection: gather first, query after (stop_after=1: no waiting)
            notes = list(conn.notifies(timeout=self.attente, stop_after=1))
            for note in notes:
                try:
                    seq = int(note.payload)
                except ValueError:
                    continue
                if seq in self.depot._miens:
                    self.depot._miens.discard(seq)
                    continue
                lignes = conn.execute(f"SELECT {COLONNES} FROM atelier_docs WHERE seq = %s", (seq,)).fetchall()
                self._dire(self.depot.appliquer(lignes))

    def _dire(self, tables: set[str]) -> None:
        zones = {ZONES.get(t, t) for t in tables} - {""}
        for zone in sorted(zones):
            try:
                self.signaler(zone)
            except Exception:  # a screen's refresh must not stop the listening
                log.exception("Rafraîchissement après une modification d'un autre poste")


def rattraper(depot: Any, conn: Any) -> set[str]:
    """After the listening connection was lost: fetch every row whose version differs from the copy's."""
    from atelier_app.storage.serveur.depot import COLONNES

    with depot._verrou:
        connues = {(t, i): v for t, par in depot._versions.items() for i, v in par.items()}
    rows = conn.execute("SELECT tbl, id, version FROM atelier_docs").fetchall()
    nouvelles = [(t, i) for t, i, v in rows if connues.get((t, i), 0) < v]
    if not nouvelles:
        return set()
    lignes = conn.execute(
        f"SELECT {COLONNES} FROM atelier_docs WHERE (tbl, id) IN (SELECT * FROM unnest(%s::text[], %s::text[]))",
        ([c[0] for c in nouvelles], [c[1] for c in nouvelles])).fetchall()
    return depot.appliquer(lignes)
