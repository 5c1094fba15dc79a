"""fiche, rapport, stats: the documents the direction sends to the funders once a year."""

from __future__ import annotations

import argparse
import functools
import gc

from atelier_app.cli import ecrire
from atelier_app.domain.periode import annee as periode_annee


def _annee(valeur: str) -> int:
    try:
        annee = int(valeur)
    except ValueError:
        raise argparse.ArgumentTypeError(f"année invalide : « {valeur} » (AAAA)") from None
    if not 2000 <= annee <= 2100:
        raise argparse.ArgumentTypeError(f"année hors limites : {annee}")
    return annee


def _avertir(texte: str) -> None:
    import sys

    sys.stderr.write(f"atelier : {texte}\n")


def _sans_ramasse_miettes(commande):
    """The command run with the cyclic garbage collector off, for this short process only.

    Why: a document reads tens of thousands of light rows on top of the loaded folder, and after each
    reading the collector walked the whole store again to find next to no garbage (0,3 s of CPU out
    of 1,3 s for `rapport` on `grande`, benchmarks/RESULTS.md). What the document builds is freed by
    reference counting; the process ends with the command, and its peak memory did not change.
    """
    @functools.wraps(commande)
    def executer(args, services) -> int:
        actif = gc.isenabled()
        gc.disable()
        try:
            return commande(args, services)
        finally:
            if actif:
                gc.enable()
    return executer


@_sans_ramasse_miettes
def _fiche(args, services) -> int:
    chemin = services.documents.fiche(args.activite, args.annee, args.sortie, signaler=_avertir)
    ecrire(f"Fiche bilan écrite : {chemin}")
    return 0


@_sans_ramasse_miettes
def _rapport(args, services) -> int:
    chemin = services.documents.rapport(args.annee, args.sortie, signaler=_avertir)
    ecrire(f"Rapport annuel écrit : {chemin}")
    return 0


@_sans_ramasse_miettes
def _stats(args, services) -> int:
    from atelier_app.assemblage import dossier_exports

    chemin = args.sortie or dossier_exports() / f"statistiques-{args.annee}.xlsx"
    periode = periode_annee(args.annee, services.ctx.aujourd_hui())
    chemin = services.documents.statistiques(periode.debut, periode.fin, chemin, args.activite,
                                             en_cours=periode.avertissement())
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
