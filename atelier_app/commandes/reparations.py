"""ords: the repair-café repairs in the Open Repair Data Standard (CSV)."""

from __future__ import annotations

import argparse

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
    chemin, n = services.documents.ords(args.annee, args.sortie)
    ecrire(f"{n} réparation(s) au format ORDS écrite(s) : {chemin}")
    return 0


def ajouter(sous: argparse._SubParsersAction) -> None:
    p = sous.add_parser("ords", help="les réparations du repair café au format Open Repair Data Standard (CSV)")
    p.add_argument("--annee", type=_annee, metavar="AAAA", help="une seule année (par défaut : toutes)")
    p.add_argument("--sortie", metavar="F.csv", help="fichier à écrire (par défaut : dossier exports/)")
    p.set_defaults(executer=_ords)
