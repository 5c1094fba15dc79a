"""emargement: the sign-in sheet of a session, or a group's monthly sheet, as a PDF."""

from __future__ import annotations

import argparse
import re

from atelier_app.cli import ecrire
from atelier_app.errors import UserError


def _mois(valeur: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", valeur.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise argparse.ArgumentTypeError(f"mois invalide : « {valeur} » (AAAA-MM, ex. 2026-03)")
    return int(m.group(1)), int(m.group(2))


def _emargement(args, services) -> int:
    if args.seance:
        chemin = services.documents.emargement_seance(args.seance, args.sortie)
    elif args.groupe and args.mois:
        chemin = services.documents.emargement_mois(args.groupe, *args.mois, args.sortie)
    else:
        raise UserError("emargement : donnez --seance ID, ou --groupe ID avec --mois AAAA-MM.")
    ecrire(f"Feuille écrite : {chemin}")
    return 0


def ajouter(sous: argparse._SubParsersAction) -> None:
    p = sous.add_parser("emargement", help="feuille d'émargement d'une séance, ou feuille mensuelle d'un groupe",
                        description="Écrit la feuille d'émargement d'une séance (--seance) ou la feuille "
                                    "des présences d'un groupe sur un mois (--groupe et --mois).")
    p.add_argument("--seance", metavar="ID", help="identifiant de la séance")
    p.add_argument("--groupe", metavar="ID", help="identifiant du groupe (feuille mensuelle)")
    p.add_argument("--mois", metavar="AAAA-MM", type=_mois, help="mois de la feuille mensuelle")
    p.add_argument("--sortie", metavar="F.pdf", help="fichier PDF à écrire (par défaut : dossier exports/)")
    p.set_defaults(executer=_emargement)
