"""A throw-away PostgreSQL cluster for the tests and the benchmarks (never the machine's own).

Why run as ``postgres`` when we are root: the server refuses to run as root. The cluster lives in
a temporary folder, listens on 127.0.0.1 on a free port only, and is removed at the end.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

MOT_DE_PASSE = "essai-atelier"
ADMIN = "postgres"


def dossier_binaires() -> Path | None:
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(d, "initdb").exists() and Path(d, "pg_ctl").exists():
            return Path(d)
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _port_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Grappe:
    def __init__(self, rapide: bool = True) -> None:
        self.bin = dossier_binaires()
        if self.bin is None:
            raise FileNotFoundError("PostgreSQL absent (lancez scripts/postgresql.sh)")
        self.rapide = rapide
        self.racine = Path(tempfile.mkdtemp(prefix="atelier-pg-"))
        self.data = self.racine / "data"
        self.port = _port_libre()
        self.root = os.geteuid() == 0

    def _lancer(self, *cmd: str) -> None:
        prefixe = ["runuser", "-u", "postgres", "--"] if self.root else []
        subprocess.run([*prefixe, *cmd], check=True, capture_output=True, cwd=self.racine)

    def demarrer(self) -> Grappe:
        if self.root:
            pw = pwd.getpwnam("postgres")
            os.chown(self.racine, pw.pw_uid, pw.pw_gid)
        mdp = self.racine / "mdp"
        mdp.write_text(MOT_DE_PASSE + "\n")
        if self.root:
            os.chown(mdp, pwd.getpwnam("postgres").pw_uid, -1)
        self._lancer(str(self.bin / "initdb"), "-D", str(self.data), "-U", ADMIN, "-E", "UTF8", "--locale=C.UTF-8",
                     "--auth-local=trust", "--auth-host=scram-sha-256", f"--pwfile={mdp}")
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.racine} -c max_connections=200"
        if self.rapide:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._lancer(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.racine / "journal.log"),
                     "-o", options, "-w", "start")
        os.environ["PGPASSWORD"] = MOT_DE_PASSE
        return self

    def arreter(self) -> None:
        try:
            self._lancer(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.racine, ignore_errors=True)

    def adresse(self, base: str) -> str:
        return f"postgresql://{ADMIN}@127.0.0.1:{self.port}/{base}"

    def sql(self, requete: str, base: str = "postgres", params: tuple = ()) -> list[tuple]:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=ADMIN, dbname=base,
                             password=MOT_DE_PASSE, autocommit=True) as c:
            cur = c.execute(requete, params)
            return cur.fetchall() if cur.description else []

    def creer_base(self, nom: str) -> str:
        self.sql(f'CREATE DATABASE "{nom}"')
        return self.adresse(nom)

    def vider(self, nom: str) -> None:
        """Back to an empty database (faster than creating one)."""
        self.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                 nom, (nom,))
        self.sql("DROP TABLE IF EXISTS atelier_docs, atelier_meta; DROP SEQUENCE IF EXISTS atelier_seq, atelier_rang",
                 nom)
