"""Saving one session's attendance at the `grande` scale vs one bare atomic write of the same file.

- ``appel_grande_s``: ``PresencesService.enregistrer`` on one session (validation, demographic
  snapshot, the transaction: shard written to a temp file, fsynced, journal, rename, folder fsync);
- ``ecriture_brute_s``: the same month file written once with ``atomic_write_bytes`` (temp file,
  fsync, rename), its bytes prepared beforehand;
- ``appel_ratio`` = the first over the second (median of several runs). Goal: ≤ 1.5;
- ``appel_ratio_avec_json``: the same, the bare write also serialising the file's content (what
  any save of that file must do at least).

``mesurer(ctx)`` works on a copy of the `grande` folder (the measured saves change data): the folder
comes from the harness (``ctx.dossier("grande")`` or ``ctx.dossier_grande``), otherwise it is built
the way ``bench_rapports`` builds it.
"""

from __future__ import annotations

import importlib
import shutil
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

OBJECTIF_RATIO = 1.5
ESSAIS = 7


def _dossier_grande(ctx: Any) -> Path:
    if ctx is not None and hasattr(ctx, "dossier"):
        return Path(ctx.dossier("grande"))
    for nom in ("benchmarks.bench_rapports", "bench_rapports"):
        try:
            return importlib.import_module(nom)._dossier(ctx)
        except ImportError:
            continue
    raise RuntimeError("benchmarks/bench_rapports.py introuvable : il fabrique le dossier `grande`.")


def _preparer(s: Any) -> tuple[str, dict[str, str]]:
    """A session with an enrolled group (one is made from the session's marks if needed)."""
    from dataclasses import replace

    from atelier_app.domain.activites import Groupe
    from atelier_app.domain.seances import Seance

    annee = max(a for a in s.depot.annees(Seance) if a <= date.today().year)
    seance = max((x for x in s.depot.all(Seance, annee=annee) if x.presences), key=lambda x: len(x.presences))
    g = s.depot.get(Groupe, seance.groupe)
    inscrits = tuple(p.personne for p in seance.presences)[:9]
    if g is None or not g.inscrits:
        g = replace(g, inscrits=inscrits) if g else Groupe(id=seance.groupe, cycle="", nom="Banc d'essai",
                                                          inscrits=inscrits)
        with s.depot.transaction("préparation du banc d'essai") as tx:
            tx.put(g)
    statuts = {pid: ("absent" if i == 3 else "present") for i, pid in enumerate(g.inscrits)}
    return seance.id, statuts


def mesurer(ctx: Any = None) -> Any:
    from atelier_app import assemblage
    from atelier_app.domain.seances import Seance
    from atelier_app.storage.atomic import atomic_write_bytes, dumps

    source = _dossier_grande(ctx)
    with tempfile.TemporaryDirectory(prefix="atelier-bench-appel-") as tmp:
        dossier = Path(tmp) / "donnees"
        shutil.copytree(source, dossier, ignore=shutil.ignore_patterns("*.lock", "sauvegardes"))
        s = assemblage.ouvrir(dossier)
        try:
            seance_id, statuts = _preparer(s)
            seance = s.depot.get(Seance, seance_id)
            s.ctx.aujourd_hui = lambda: seance.date
            fichier = s.depot._shard(s.depot.shard_name(seance)).storage.path
            s.presences.enregistrer(seance_id, statuts)   # warm-up: the month file is read once
            appel, brut, brut_json = [], [], []
            contenu = s.depot._shard(s.depot.shard_name(seance)).storage.data
            for i in range(ESSAIS):
                variante = dict(statuts)
                variante[next(iter(variante))] = "retard" if i % 2 else "present"
                t = time.perf_counter()
                s.presences.enregistrer(seance_id, variante)
                appel.append(time.perf_counter() - t)
                octets = fichier.read_bytes()
                t = time.perf_counter()
                atomic_write_bytes(fichier, octets)
                brut.append(time.perf_counter() - t)
                t = time.perf_counter()
                atomic_write_bytes(fichier, dumps(contenu))
                brut_json.append(time.perf_counter() - t)
        finally:
            assemblage.fermer(s)
    a, b, bj = statistics.median(appel), statistics.median(brut), statistics.median(brut_json)
    valeurs = {
        "appel_grande_s": round(a, 4),
        "ecriture_brute_s": round(b, 4),
        "appel_ratio": round(a / b, 2) if b else None,
        "objectif_ratio": OBJECTIF_RATIO,
        "ecriture_brute_avec_json_s": round(bj, 4),
        "appel_ratio_avec_json": round(a / bj, 2) if bj else None,
        "taille_fichier_octets": len(octets),
    }
    try:
        from benchmarks.commun import Mesure  # the harness's record, when it is there
    except ImportError:
        return valeurs
    return [Mesure(nom, valeur) for nom, valeur in valeurs.items()]


if __name__ == "__main__":  # pragma: no cover
    print(mesurer())
