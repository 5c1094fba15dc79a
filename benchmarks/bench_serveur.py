"""The store on a PostgreSQL server, against bare psycopg on the same server (issue 17).

Run: ``python -m benchmarks.bench_serveur`` (starts a throw-away cluster with fsync ON, builds the
`grande` demo in a folder, copies it to the server with `migrer`, then measures):

- saving one session's attendance through the services vs a bare psycopg transaction writing the
  same row (same JSON) to the same server: ratio ≤ 1.5;
- opening `grande` from the server (every record into this PC's copy) vs a bare ``SELECT`` of the
  same rows (the same columns, JSON decoded by psycopg as well): ratio ≤ 2;
- two processes saving attendance at once (different groups) vs one alone: each ≤ 1.5×;
- `migrer` of `grande` folder → server: < 60 s.

Prints a Markdown table for benchmarks/RESULTS.md.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]
N = 41


def _seance_et_statuts(s):
    from atelier_app.domain.seances import Seance

    seances = [x for x in s.depot.all(Seance) if x.etat != "annulee"]
    seances.sort(key=lambda x: (len(s.activites.groupe(x.groupe).inscrits), x.date))
    x = seances[-1]
    g = s.activites.groupe(x.groupe)
    return x, list(g.inscrits)


def _sauvegardes(adresse: str, n: int, decalage: int = 0, depart: Path | None = None) -> list[float]:
    """n attendance saves on one session (each changes a mark); durations in ms.

    ``depart``: a folder where this PC says it is ready (``pret-K``) and waits for ``go``, so that
    two PCs save over the same moments and not one while the other is still opening.
    """
    from atelier_app import assemblage

    s = assemblage.ouvrir(adresse)
    try:
        seance, inscrits = _seance_et_statuts(s) if decalage == 0 else _autre(s)
        s.ctx.aujourd_hui = lambda: seance.date
        if depart is not None:
            (depart / f"pret-{decalage}").touch()
            while not (depart / "go").exists():
                time.sleep(0.005)
        temps = []
        for i in range(n):
            statuts = {p: ("present", "absent")[(i + j) % 2] for j, p in enumerate(inscrits)}
            t = time.perf_counter()
            s.presences.enregistrer(seance.id, statuts)
            temps.append((time.perf_counter() - t) * 1000)
        return temps
    finally:
        assemblage.fermer(s)


def _postes(adresse: str, env: dict, qui: tuple[int, ...], n: int) -> list[float]:
    """Median save time of each PC (fresh processes), all starting to save at the same moment."""
    with tempfile.TemporaryDirectory() as depart:
        cmd = [sys.executable, "-m", "benchmarks.bench_serveur", "--enfant", adresse, str(n)]
        pcs = [subprocess.Popen([*cmd, str(k), depart], cwd=RACINE, env=env, stdout=subprocess.PIPE, text=True)
               for k in qui]
        while not all(Path(depart, f"pret-{k}").exists() for k in qui):
            time.sleep(0.01)
        Path(depart, "go").touch()
        return [statistics.median(json.loads(p.communicate()[0])) for p in pcs]


def _autre(s):
    """A session of another group than ``_seance_et_statuts``'s (the second PC)."""
    from atelier_app.domain.seances import Seance

    premier, _ = _seance_et_statuts(s)
    autres = [x for x in s.depot.all(Seance) if x.etat != "annulee" and x.groupe != premier.groupe]
    autres.sort(key=lambda x: (len(s.activites.groupe(x.groupe).inscrits), x.date))
    x = autres[-1]
    return x, list(s.activites.groupe(x.groupe).inscrits)


def _brut_ecriture(adresse: str, seance_id: str, n: int) -> list[float]:
    """The same row written by bare psycopg: one transaction, one UPDATE of the same JSON."""
    import psycopg
    from psycopg.types.json import Json

    temps = []
    with psycopg.connect(adresse, autocommit=True) as c:
        doc = c.execute("SELECT data FROM atelier_docs WHERE tbl = 'seances' AND id = %s", (seance_id,)).fetchone()[0]
        for _ in range(n):
            t = time.perf_counter()
            with c.transaction():
                c.execute("UPDATE atelier_docs SET data = %s::json WHERE tbl = 'seances' AND id = %s",
                          (Json(doc), seance_id))
            temps.append((time.perf_counter() - t) * 1000)
    return temps


def _ouvrir(adresse: str) -> float:
    from atelier_app.storage.serveur import ouvrir_depot

    t = time.perf_counter()
    d = ouvrir_depot(adresse)
    duree = (time.perf_counter() - t) * 1000
    d.fermer()
    return duree


def _select_brut(adresse: str) -> float:
    import psycopg

    t = time.perf_counter()
    with psycopg.connect(adresse) as c:
        c.execute("SELECT tbl, id, shard, version, data FROM atelier_docs").fetchall()
    return (time.perf_counter() - t) * 1000


def main() -> int:
    sys.path.insert(0, str(RACINE))
    from tests.pg_grappe import Grappe

    if len(sys.argv) > 2 and sys.argv[1] == "--enfant":  # one PC of the "two at once" measure
        print(json.dumps(_sauvegardes(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), Path(sys.argv[5]))))
        return 0
    g = Grappe(rapide=False).demarrer()
    lignes = []
    try:
        adresse = g.creer_base("bench")
        with tempfile.TemporaryDirectory() as tmp:
            dossier = Path(tmp, "grande")
            env = {**os.environ, "PYTHONPATH": str(RACINE), "ATELIER_DOSSIER_LOCAL": tmp}
            subprocess.run([sys.executable, "-m", "atelier_app", "--donnees", str(dossier), "demo", "--echelle",
                            "grande"], check=True, env=env, capture_output=True)
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "atelier_app", "--donnees", str(dossier), "migrer", "--vers",
                            adresse], check=True, env=env, capture_output=True)
            migrer = time.perf_counter() - t
            os.environ["ATELIER_DOSSIER_LOCAL"] = tmp
            nb = g.sql("SELECT count(*) FROM atelier_docs", "bench")[0][0]
            lignes.append(("`migrer` de `grande` dossier → serveur (processus complet, copie et vérification)",
                           migrer * 1000, "—", None, "< 60 s", migrer < 60))
            ouv, sel = [], []
            for _ in range(9):
                ouv.append(_ouvrir(adresse))
                sel.append(_select_brut(adresse))
            o, b = statistics.median(ouv), statistics.median(sel)
            lignes.append((f"ouverture de `grande` depuis le serveur ({nb} lignes)", o, "SELECT nu des mêmes lignes",
                           b, "ratio ≤ 2", o / b <= 2))
            from atelier_app import assemblage

            s = assemblage.ouvrir(adresse)
            seance, inscrits = _seance_et_statuts(s)
            assemblage.fermer(s)
            app_, nu = [], []
            for _ in range(3):  # alternate blocks so that both see the same server state
                app_ += _sauvegardes(adresse, N // 3)
                nu += _brut_ecriture(adresse, seance.id, N // 3)
            a, b = statistics.median(app_), statistics.median(nu)
            lignes.append((f"présences d'une séance sur le serveur ({len(inscrits)} inscrits)", a,
                           "transaction psycopg nue écrivant la même ligne", b, "ratio ≤ 1.5", a / b <= 1.5))
            env_pc = {**env, "PGPASSWORD": os.environ["PGPASSWORD"]}
            seuls, ensemble = [], []
            for _ in range(3):  # alternate: alone (each PC in turn), then both at once
                seuls += [_postes(adresse, env_pc, (k,), N)[0] for k in (0, 1)]
                ensemble.append(max(_postes(adresse, env_pc, (0, 1), N)))
            seul, pire = statistics.median(seuls), statistics.median(ensemble)
            lignes.append(("deux postes enregistrant des présences en même temps (groupes différents), le plus lent",
                           pire, "un poste seul (processus neuf aussi)", seul, "ratio ≤ 1.5", pire / seul <= 1.5))
    finally:
        g.arreter()
    print(f"Date : {datetime.now():%Y-%m-%d %H:%M}. Machine : {platform.platform()}, Python "
          f"{platform.python_version()}, {os.cpu_count()} cœurs ; PostgreSQL 15 local (127.0.0.1), fsync actif.\n")
    print("| mesure | valeur | référence | valeur réf. | ratio | objectif | atteint |")
    print("|---|---|---|---|---|---|---|")
    for quoi, v, ref, vr, obj, ok in lignes:
        val = f"{v / 1000:.1f} s" if v > 10000 else f"{v:.2f} ms"
        print(f"| {quoi} | {val} | {ref} | {'' if vr is None else f'{vr:.2f} ms'} | "
              f"{'' if vr is None else f'{v / vr:.2f}'} | {obj} | {'oui' if ok else '**non**'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
