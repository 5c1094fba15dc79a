"""ords: the repair-café repairs in the Open Repair Data Standard (CSV)."""

from __future__ import annotations

import argparse
from pathlib import Path

from atelier_app.cli import ecrire


def _annee(valeur: str) -> int:
    try:
        annee = int(valeur)
    except ValueError:
        raise argparse.ArgumentTypeError(f"année invalide : « {valeur} » (AAAA)") from None
    if not 2000 <= annee <= 2100:
        raise argparse.ArgumentTypeError(f"année hors limites : {annee}")
    return annee


def _ords(args, services) -> int:
    from atelier_app.assemblage import dossier_exports
    from atelier_app.reports import ords

    nom = f"ords-{args.annee}.csv" if args.annee else "ords.csv"
    chemin = Path(args.sortie) if args.sortie else dossier_exports() / nom
    n = ords.ecrire(chemin, services.reparations.donnees_ords(args.annee))
    ecrire(f"{n} réparation(s) au format ORDS écrite(s) : {chemin}")
    return 0


def ajouter(sous: argparse._SubParsersAction) -> None:
    p = sous.add_parser("ords", help="les réparations du repair café au format Open Repair Data Standard (CSV)")
    p.add_argument("--annee", type=_annee, metavar="AAAA", help="une seule année (par défaut : toutes)")
    p.add_argument("--sortie", metavar="F.csv", help="fichier à écrire (par défaut : dossier exports/)")
    p.set_defaults(executer=_ords)
