"""demo, importer, exporter, verifier, sauvegarder, restaurer."""

from __future__ import annotations

import argparse
from pathlib import Path

from atelier_app.cli import ecrire


def _ou(services, dossier: str, serveur: str) -> str:
    """Where the data is, as the user names it: ``serveur`` + the server's address, or ``dossier`` + the path.

    Why not ``depot.dossier`` on the server: there it is this PC's folder for backups, not the data."""
    libelle = getattr(services.depot, "libelle", None)
    return f"{serveur} {libelle}" if libelle else f"{dossier} {services.depot.dossier}"


def _demo(args, services) -> int:
    comptes = services.donnees.generer_demo(args.echelle, args.graine, comptes=not args.sans_comptes)
    ecrire(f"Démonstration « {args.echelle} » installée {_ou(services, 'dans', 'sur le')} :")
    for quoi, n in comptes.items():
        ecrire(f"  {n} {quoi}")
    return 0


def _importer(args, services) -> int:
    rapport = services.donnees.importer(Path(args.fichier))
    ecrire(f"Import de {Path(args.fichier).name} terminé :")
    for ligne in rapport.lignes():
        ecrire(f"  {ligne}")
    return 0


_LIBELLES = {"activites": "activités", "seances": "séances", "preliste": "entrées de pré-liste",
             "presences": "présences"}


def _exporter(args, services) -> int:
    if args.format == "coop-beneficiaires":
        n = services.documents.beneficiaires_coop(Path(args.fichier))
        ecrire(f"{n} bénéficiaire(s) écrit(s) dans {args.fichier} (modèle d'import de l'outil national).")
        return 0
    comptes = services.donnees.exporter(Path(args.fichier), args.annee)
    ecrire(f"Export écrit dans {args.fichier} : "
           + ", ".join(f"{n} {_LIBELLES.get(k, k)}" for k, n in comptes.items()))
    return 0


def _verifier(args, services) -> int:
    problemes = services.donnees.verifier()
    if not problemes:
        ecrire(f"Tout va bien : les données {_ou(services, 'de', 'du')} sont lisibles et cohérentes.")
        return 0
    ecrire(f"{len(problemes)} problème(s) trouvé(s) :")
    for p in problemes:
        ecrire(f"  - {p}")
    return 1


def _sauvegarder(args, services) -> int:
    chemin = services.donnees.sauvegarder(raison="manuelle")
    ecrire(f"Sauvegarde écrite : {chemin}")
    return 0


def _restaurer(args, dossier: Path) -> int:
    from atelier_app import assemblage

    utilisee, a_cote = assemblage.restaurer(dossier, Path(args.fichier) if args.fichier else None)
    ecrire(f"Sauvegarde « {utilisee.name} » restaurée. Les fichiers remplacés sont gardés dans {a_cote}.")
    return 0


def ajouter(sous: argparse._SubParsersAction) -> None:
    p = sous.add_parser("demo", help="remplit un dossier vide avec un centre fictif réaliste")
    p.add_argument("--echelle", choices=("petite", "grande"), default="petite", help="petite : un an ; grande : dix ans (bancs d'essai)")
    p.add_argument("--graine", type=int, default=1, help="même graine, mêmes données")
    p.add_argument("--sans-comptes", action="store_true",
                   help="sans les comptes de démonstration (l'application s'ouvre sans demander qui est là)")
    p.set_defaults(executer=_demo)

    p = sous.add_parser("importer", help="importe un fichier d'échange (.json) ou une liste de personnes")
    p.add_argument("fichier", help="fichier .json, .csv, .xlsx ou .ods")
    p.set_defaults(executer=_importer)

    p = sous.add_parser("exporter", help="exporte les données au format d'échange")
    p.add_argument("fichier", help="fichier .json à écrire")
    p.add_argument("--annee", type=int, metavar="AAAA", help="seulement cette année")
    p.add_argument("--format", choices=("echange", "coop-beneficiaires"), default="echange",
                   help="echange : fichier .json ; coop-beneficiaires : les personnes au modèle d'import "
                        "de l'outil national (.xlsx)")
    p.set_defaults(executer=_exporter)

    p = sous.add_parser("verifier", help="vérifie le dossier de données")
    p.set_defaults(executer=_verifier)

    p = sous.add_parser("sauvegarder", help="fait une sauvegarde maintenant")
    p.set_defaults(executer=_sauvegarder)

    p = sous.add_parser("restaurer", help="restaure une sauvegarde (la plus récente par défaut)")
    p.add_argument("fichier", nargs="?", help="sauvegarde .zip (par défaut : la plus récente lisible)")
    p.set_defaults(executer=_restaurer, sans_ouvrir=True)
