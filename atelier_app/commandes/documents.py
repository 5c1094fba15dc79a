"""fiche, rapport, stats: the documents the direction sends to the funders once a year."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from atelier_app.cli import ecrire
from atelier_app.domain.roles import Permission
from atelier_app.errors import UserError


def _sortie(args, defaut: str) -> Path:
    from atelier_app.assemblage import dossier_exports

    return Path(args.sortie) if args.sortie else dossier_exports() / defaut


def _annee(valeur: str) -> int:
    try:
        annee = int(valeur)
    except ValueError:
        raise argparse.ArgumentTypeError(f"année invalide : « {valeur} » (AAAA)") from None
    if not 2000 <= annee <= 2100:
        raise argparse.ArgumentTypeError(f"année hors limites : {annee}")
    return annee


def _fiche(args, services) -> int:
    from atelier_app.reports import fiche as pdf

    services.ctx.exiger(Permission.IMPRIMER)
    chemin = _sortie(args, f"fiche-{args.activite}-{args.annee}.pdf")
    fiche = services.fiches.fiche(args.activite, args.annee)
    pdf.ecrire(chemin, services.centre.centre(), fiche)
    services.fiches.noter_document("impression", f"fiche bilan {args.activite} {args.annee}", (args.activite,))
    ecrire(f"Fiche bilan écrite : {chemin}")
    return 0


def _rapport(args, services) -> int:
    from atelier_app.reports import rapport

    services.ctx.exiger(Permission.IMPRIMER)
    chemin = _sortie(args, f"rapport-{args.annee}.pdf")
    rapport.produire(services, args.annee, chemin)
    services.fiches.noter_document("impression", f"rapport annuel {args.annee}")
    ecrire(f"Rapport annuel écrit : {chemin}")
    return 0


def _stats(args, services) -> int:
    from atelier_app.reports import export_stats
    from atelier_app.reports.statistiques import pour_periode

    services.ctx.exiger(Permission.EXPORTER)
    chemin = _sortie(args, f"statistiques-{args.annee}.xlsx")
    if chemin.suffix.lower() not in (".xlsx", ".ods", ".csv"):
        raise UserError(f"--sortie {chemin.name} : choisissez un fichier .xlsx, .ods ou .csv.")
    if args.activite:
        services.centre.activite(args.activite)
    services.donnees.exiger_coherent()
    stats = pour_periode(services.fiches.collecte, date(args.annee, 1, 1), date(args.annee, 12, 31), args.activite)
    export_stats.ecrire(stats, chemin, services.centre.centre().nom)
    services.fiches.noter_document("export", f"statistiques {args.annee} ({chemin.suffix[1:]})")
    ecrire(f"Statistiques {args.annee} écrites : {chemin}")
    return 0


def ajouter(sous: argparse._SubParsersAction) -> None:
    p = sous.add_parser("fiche", help="la fiche bilan d'une activité pour une année (PDF)")
    p.add_argument("--annee", type=_annee, required=True, metavar="AAAA", help="année civile")
    p.add_argument("--activite", required=True, metavar="ID", help="identifiant de l'activité (ex. : senou)")
    p.add_argument("--sortie", metavar="F.pdf", help="fichier à écrire (par défaut : dossier exports/)")
    p.set_defaults(executer=_fiche)

    p = sous.add_parser("rapport", help="le rapport annuel : fiches de chaque activité, statistiques, graphiques")
    p.add_argument("--annee", type=_annee, required=True, metavar="AAAA", help="année civile")
    p.add_argument("--sortie", metavar="F.pdf", help="fichier à écrire (par défaut : dossier exports/)")
    p.set_defaults(executer=_rapport)

    p = sous.add_parser("stats", help="les tableaux statistiques (XLSX, ODS ou CSV)")
    p.add_argument("--annee", type=_annee, required=True, metavar="AAAA", help="année civile")
    p.add_argument("--activite", metavar="ID", help="une seule activité (par défaut : toutes)")
    p.add_argument("--sortie", metavar="F.xlsx|.ods|.csv", help="fichier à écrire ; le format suit l'extension")
    p.set_defaults(executer=_stats)
