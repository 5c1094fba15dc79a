"""`atelier migrer`: copy every record to an empty store of the other kind, then prove both agree.

Why records are copied as stored (shard, table, id, dict) and not through the interchange file:
nothing is re-validated, converted or renumbered on the way, so the destination is the source;
the check then compares the counts per table and the full interchange exports of both, byte for byte.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from atelier_app.errors import UserError
from atelier_app.storage import layout
from atelier_app.storage.atomic import atomic_write_bytes, dumps
from atelier_app.storage.serveur.adresse import est_adresse
from atelier_app.storage.serveur.sauvegardes import contenus, remplacer

log = logging.getLogger(__name__)


def lignes(depot: Any) -> Iterator[tuple[str, str, str, Any]]:
    """(shard, table, id, dict) of every record of either store, in the store's own order."""
    from atelier_app.storage.repository import META

    depot.charger_tout()
    if hasattr(depot, "_ou"):  # the server's store
        for tbl, par_shard in list(depot._docs.items()):
            for shard, docs in sorted(par_shard.items()):
                for id_, doc in list(docs.items()):
                    yield shard, tbl, id_, doc
        return
    for nom in sorted(depot._shards):
        for tbl, docs in depot._shards[nom].storage.data.items():
            if tbl != META and isinstance(docs, dict):
                for id_, doc in docs.items():
                    yield nom, tbl, id_, doc


def comptes(depot: Any) -> dict[str, int]:
    """Records per table; every year read first (a folder opens only its recent years)."""
    depot.charger_tout()
    index = depot._ou if hasattr(depot, "_ou") else depot._index
    return {t: len(ids) for t, ids in sorted(index.items()) if ids}


def _ouvrir(cible: str | Path, horloge: Callable[[], datetime]) -> Any:
    if est_adresse(cible):
        from atelier_app.storage.serveur import ouvrir_depot

        return ouvrir_depot(str(cible), horloge=horloge)
    from atelier_app.storage.repository import Depot

    return Depot.ouvrir(Path(cible), horloge=horloge)


def _ecrire_dossier(dossier: Path, source: Any) -> int:
    from atelier_app.storage.repository import SCHEMA_VERSION

    dossier.mkdir(parents=True, exist_ok=True)
    if layout.data_files(dossier):
        raise UserError(f"Le dossier « {dossier} » contient déjà des données : la copie ne se fait que vers un "
                        "dossier vide.")
    n = 0

    def compter() -> Iterator[tuple[str, str, str, Any]]:
        nonlocal n
        for ligne in lignes(source):
            n += 1
            yield ligne

    fichiers = contenus(compter(), SCHEMA_VERSION, source.horloge().date())
    for nom in sorted(fichiers, key=lambda x: x == layout.NOYAU):  # the core file last: it says "data here"
        (dossier / nom).parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(dossier / nom, dumps(fichiers[nom]))
    return n


def migrer(source: Any, cible: str | Path) -> dict[str, int]:
    """Copy ``source`` (an open store) to the empty ``cible``; raises UserError if they then differ."""
    from atelier_app.storage import interchange

    if est_adresse(cible):
        dest = _ouvrir(cible, source.horloge)
        try:
            if comptes(dest):
                raise UserError(f"La base {dest.adresse.libelle} contient déjà des données : la copie ne se fait "
                                "que vers une base vide.")
            remplacer(dest, lignes(source), "Copie des données (migrer)")
        finally:
            dest.fermer()
    else:
        _ecrire_dossier(Path(cible), source)
    dest = _ouvrir(cible, source.horloge)
    try:
        attendu, obtenu = comptes(source), comptes(dest)
        if attendu != obtenu:
            ecarts = [f"{t} : {attendu.get(t, 0)} dans la source, {obtenu.get(t, 0)} dans la copie"
                      for t in sorted(set(attendu) | set(obtenu)) if attendu.get(t, 0) != obtenu.get(t, 0)]
            raise UserError("La copie ne contient pas la même chose que la source.", ecarts)
        with tempfile.TemporaryDirectory(prefix="atelier-migrer-") as tmp:
            a, b = Path(tmp, "source.json"), Path(tmp, "copie.json")
            interchange.exporter(source, a, None)
            interchange.exporter(dest, b, None)
            if a.read_bytes() != b.read_bytes():
                raise UserError("La copie a les mêmes nombres d'enregistrements mais pas le même contenu que la "
                                "source (exports d'échange différents) : n'utilisez pas la copie.")
    finally:
        dest.fermer()
    log.info("Copie vérifiée vers %s : %s", cible if not est_adresse(cible) else "le serveur", attendu)
    return attendu
