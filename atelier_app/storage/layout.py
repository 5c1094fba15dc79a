"""Which file holds which record: the layout that keeps everyday writes small.

Why split: TinyDB rewrites a whole file on every write. Sessions are filed by month, people by
the month they were first recorded, pre-lists and projects by year, so marking today's attendance
or adding a person rewrites one small month file whatever the years of history, or the size of the
centre, behind it. Core data (centre, activities, groups) stays small.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

NOYAU = "atelier.json"
JOURNAL = "journal.json"
TRANSACTION = "transaction.json"
DOSSIER_ANNEES = "annees"
DOSSIER_SEANCES = "seances"
DOSSIER_PERSONNES = "personnes"
DOSSIER_SAUVEGARDES = "sauvegardes"
DOSSIER_MIS_DE_COTE = "mis_de_cote"

_ANNEE = re.compile(r"^annees/(\d{4})\.json$")
_MOIS = re.compile(r"^seances/(\d{4})-(\d{2})\.json$")
_PERSONNES = re.compile(r"^personnes/(\d{4})-(\d{2})\.json$")


def shard_of(rangement: str, quand: date) -> str:
    if rangement == "noyau":
        return NOYAU
    if rangement == "journal":
        return JOURNAL
    if rangement == "annee":
        return f"{DOSSIER_ANNEES}/{quand.year:04d}.json"
    if rangement == "mois":
        return f"{DOSSIER_SEANCES}/{quand.year:04d}-{quand.month:02d}.json"
    if rangement == "personnes":
        return f"{DOSSIER_PERSONNES}/{quand.year:04d}-{quand.month:02d}.json"
    raise ValueError(f"rangement inconnu : {rangement}")


def family_of(shard: str) -> str:
    if shard == NOYAU:
        return "noyau"
    if shard == JOURNAL:
        return "journal"
    if _ANNEE.match(shard):
        return "annee"
    if _MOIS.match(shard):
        return "mois"
    if _PERSONNES.match(shard):
        return "personnes"
    raise ValueError(f"fichier inconnu : {shard}")


def year_of(shard: str) -> int | None:
    m = _ANNEE.match(shard) or _MOIS.match(shard) or _PERSONNES.match(shard)
    return int(m.group(1)) if m else None


def data_files(dossier: Path) -> list[str]:
    """Every data file present, as names relative to the folder (with forward slashes)."""
    noms = []
    for nom in (NOYAU, JOURNAL):
        if (dossier / nom).is_file():
            noms.append(nom)
    for sous in (DOSSIER_ANNEES, DOSSIER_PERSONNES, DOSSIER_SEANCES):
        d = dossier / sous
        if d.is_dir():
            noms.extend(f"{sous}/{p.name}" for p in sorted(d.glob("*.json")))
    return [n for n in noms if n in (NOYAU, JOURNAL) or _ANNEE.match(n) or _MOIS.match(n) or _PERSONNES.match(n)]
