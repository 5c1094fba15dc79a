"""emargement: the sign-in sheet of a session, or a group's monthly sheet, as a PDF."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from atelier_app.cli import ecrire
from atelier_app.errors import UserError


def imprimer_seance(services, seance_id: str, chemin: Path | None = None) -> Path:
    """Used by the CLI and the Séances screen: write the sheet and journal the printing."""
    from atelier_app.assemblage import dossier_exports
    from atelier_app.reports.emargement import FeuilleSeance, feuille_seance

    donnees = services.presences.feuille_seance(seance_id)
    chemin = chemin or dossier_exports() / f"emargement-{donnees['jour']:%Y-%m-%d}-{seance_id}.pdf"
    feuille_seance(chemin, services.centre.centre(), FeuilleSeance(**donnees))
    services.presences.noter_impression((seance_id,), "feuille d'émargement")
    return chemin


def imprimer_mois(services, groupe_id: str, annee: int, mois: int, chemin: Path | None = None) -> Path:
    from atelier_app.assemblage import dossier_exports
    from atelier_app.reports.emargement import FeuilleMois, feuille_mois

    donnees = services.presences.feuille_mois(groupe_id, annee, mois)
    chemin = chemin or dossier_exports() / f"presences-{groupe_id}-{annee}-{mois:02d}.pdf"
    feuille_mois(chemin, services.centre.centre(), FeuilleMois(**donnees))
    services.presences.noter_impression((groupe_id,), f"feuille mensuelle {annee}-{mois:02d}")
    return chemin


def _mois(valeur: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", valeur.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise argparse.ArgumentTypeError(f"mois invalide : « {valeur} » (AAAA-MM, ex. 2026-03)")
    return int(m.group(1)), int(m.group(2))


def _emargement(args, services) -> int:
    sortie = Path(args.sortie) if args.sortie else None
    if args.seance:
        chemin = imprimer_seance(services, args.seance, sortie)
    elif args.groupe and args.mois:
        chemin = imprimer_mois(services, args.groupe, *args.mois, sortie)
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
