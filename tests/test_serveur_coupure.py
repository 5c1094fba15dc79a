"""The cut that hides whether COMMIT arrived: the save is looked up after reconnecting, not lost or doubled."""

from __future__ import annotations

from contextlib import contextmanager

import psycopg

from atelier_app import assemblage
from atelier_app.domain.seances import Seance
from tests.serveur_processus import preparer


def test_coupure_juste_apres_le_commit(base_serveur, grappe) -> None:
    s = assemblage.ouvrir(base_serveur)
    try:
        preparer(s, nb_seances=2)
        sid = s.seances.seances_du_groupe("g-initiation")[0].id
        inscrits = s.activites.groupe("g-initiation").inscrits
        conn = s.depot._conn
        vraie = conn.transaction

        @contextmanager
        def transaction_puis_coupure(*a, **k):
            with vraie(*a, **k) as t:
                yield t
            grappe.sql("SELECT pg_terminate_backend(%s)", "postgres", (conn.info.backend_pid,))
            raise psycopg.OperationalError("server closed the connection unexpectedly")

        conn.transaction = transaction_puis_coupure
        s.presences.enregistrer(sid, dict.fromkeys(inscrits, "present"))  # no error: it was saved
        assert s.depot._conn is not conn  # reconnected
        base = base_serveur.rsplit("/", 1)[1]
        assert grappe.sql("SELECT version FROM atelier_docs WHERE tbl = 'seances' AND id = %s", base, (sid,)) == [(2,)]
        s.presences.enregistrer(sid, dict.fromkeys(inscrits, "absent"))  # versions still agree: no conflict
        assert {p.statut for p in s.depot.get(Seance, sid).presences} == {"absent"}
    finally:
        assemblage.fermer(s)


def test_ecoute_coupee_rattrape_les_changements(base_serveur, grappe) -> None:
    import time

    from atelier_app.domain.personnes import Personne

    a = assemblage.ouvrir(base_serveur)
    b = assemblage.ouvrir(base_serveur)
    vus: list[str] = []
    b.ctx.ecouteurs.append(vus.append)
    try:
        base = base_serveur.rsplit("/", 1)[1]
        grappe.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND query LIKE 'LISTEN%%'",
                   "postgres", (base,))
        with a.depot.transaction("Pendant la coupure") as tx:
            tx.put(Personne(id="p-coupure", nom="Martin", prenom="Léa"))
        limite = time.monotonic() + 10
        while b.depot.get(Personne, "p-coupure") is None and time.monotonic() < limite:
            time.sleep(0.05)
        assert b.depot.get(Personne, "p-coupure") is not None and "personnes" in vus
    finally:
        assemblage.fermer(a)
        assemblage.fermer(b)


def test_migration_des_donnees_d_un_ancien_schema(base_serveur, grappe) -> None:
    """Data written by an older Atelier is brought up to date at open, by the folder's own migrations."""
    from atelier_app.domain.personnes import Personne

    s = assemblage.ouvrir(base_serveur)
    assemblage.fermer(s)
    base = base_serveur.rsplit("/", 1)[1]
    doc = '{"id": "p-ancien", "nom": "Petit", "prenom": "Jean", "cree_le": "2024-03-05"}'
    grappe.sql("INSERT INTO atelier_docs (tbl, id, shard, version, data, seq) "
               "VALUES ('personnes', 'p-ancien', 'annees/2024.json', 1, %s::json, 0)", base, (doc,))
    grappe.sql("UPDATE atelier_meta SET valeur = '1' WHERE cle = 'schema'", base)
    s = assemblage.ouvrir(base_serveur)
    try:
        assert s.depot.get(Personne, "p-ancien").nom == "Petit"
        assert s.depot.schema_version() == 2
        assert grappe.sql("SELECT shard FROM atelier_docs WHERE id = 'p-ancien'", base) == [("personnes/2024-03.json",)]
    finally:
        assemblage.fermer(s)
