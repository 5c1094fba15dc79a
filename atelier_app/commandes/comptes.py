"""comptes ajouter, rgpd exporter/anonymiser/purger, sauvegarde-chiffree, restaurer-chiffree.

Why secrets come from standard input: a password or passphrase given as an argument would stay
in the shell history and be visible to other users in the process list.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from atelier_app.cli import ecrire
from atelier_app.domain.francais import de
from atelier_app.errors import UserError


def _secret(invite: str, confirmer: bool = True) -> str:
    """Read a secret: prompted (twice) on a terminal, else the first line of standard input."""
    if sys.stdin.isatty():
        a = getpass.getpass(f"{invite} : ")
        if confirmer and getpass.getpass(f"{invite} (encore une fois) : ") != a:
            raise UserError("Les deux saisies ne sont pas identiques.")
        return a
    return sys.stdin.readline().rstrip("\r\n")


def _comptes_ajouter(args, services) -> int:
    mdp = _secret("Mot de passe")
    compte = services.comptes.creer(args.identifiant, args.role, mdp)
    ecrire(f"Compte « {compte.id} » créé (rôle {compte.role}).")
    return 0


def _rgpd_exporter(args, services) -> int:
    pdf, js = services.documents.donnees_personne(args.personne, args.sortie)
    ecrire(f"Données de {args.personne} écrites : {pdf} et {js}")
    return 0


def _rgpd_anonymiser(args, services) -> int:
    services.rgpd.anonymiser(args.personne)
    ecrire(f"Personne {args.personne} anonymisée : ses statistiques passées sont conservées.")
    return 0


def _plus_de_ans(annees: int) -> str:
    """« plus d'un an », « plus de 2 ans »: never « plus de 1 ans »."""
    return "plus " + de("un an" if annees == 1 else f"{annees} ans")


def _rgpd_purger(args, services) -> int:
    inactifs = services.rgpd.inactifs(args.inactifs_depuis)
    depuis = _plus_de_ans(args.inactifs_depuis)
    if not inactifs:
        ecrire(f"Personne n'est inactif depuis {depuis}.")
        return 0
    ecrire(f"{len(inactifs)} personne(s) sans activité depuis {depuis} :")
    for p, der in inactifs:
        ecrire(f"  {p.id}  dernière activité le {der:%d/%m/%Y}")
    if args.appliquer:
        n = services.rgpd.anonymiser_inactifs([p.id for p, _d in inactifs], confirme=args.oui)
        ecrire(f"{n} personne(s) anonymisée(s).")
    else:
        services.rgpd.journaliser_action("liste_inactifs", tuple(p.id for p, _d in inactifs))
        ecrire("Rien n'a été changé : ajoutez --appliquer pour les anonymiser.")
    return 0


def _sauvegarde_chiffree(args, services) -> int:
    phrase = _secret("Phrase de passe")
    chemin = services.rgpd.sauvegarder_chiffre(Path(args.vers), phrase)
    ecrire(f"Sauvegarde chiffrée écrite : {chemin}")
    return 0


def _restaurer_chiffree(args, dossier: Path) -> int:
    from atelier_app import assemblage

    phrase = _secret("Phrase de passe", confirmer=False)
    _utilisee, a_cote = assemblage.restaurer_chiffre(dossier, Path(args.fichier), phrase)
    ecrire(f"Sauvegarde chiffrée « {Path(args.fichier).name} » restaurée. "
           f"Les fichiers remplacés sont gardés dans {a_cote}.")
    return 0


def ajouter(sous: argparse._SubParsersAction) -> None:
    p = sous.add_parser("comptes", help="comptes des utilisateurs")
    s = p.add_subparsers(dest="action", metavar="action", required=True)
    a = s.add_parser("ajouter", help="crée un compte (mot de passe lu sur l'entrée standard)")
    a.add_argument("identifiant", help="identifiant de connexion (ex. : sophie)")
    a.add_argument("--role", required=True, choices=["direction", "animateur", "benevole"], help="rôle du compte")
    a.set_defaults(executer=_comptes_ajouter)

    p = sous.add_parser("rgpd", help="droits des personnes sur leurs données")
    s = p.add_subparsers(dest="action", metavar="action", required=True)
    e = s.add_parser("exporter", help="tout ce qui est détenu sur une personne (PDF et JSON)")
    e.add_argument("--personne", required=True, metavar="ID", help="identifiant de la personne")
    e.add_argument("--sortie", required=True, metavar="DOSSIER", help="où écrire le PDF et le JSON")
    e.set_defaults(executer=_rgpd_exporter)
    n = s.add_parser("anonymiser", help="anonymise une personne, irréversiblement")
    n.add_argument("--personne", required=True, metavar="ID", help="identifiant de la personne")
    n.set_defaults(executer=_rgpd_anonymiser)
    g = s.add_parser("purger", help="liste (ou anonymise) les personnes inactives")
    g.add_argument("--inactifs-depuis", type=int, required=True, metavar="ANS", help="sans activité depuis tant d'années")
    g.add_argument("--appliquer", action="store_true", help="anonymise vraiment (sans : liste seulement)")
    g.add_argument("--oui", action="store_true", help="confirme une anonymisation de nombreuses personnes")
    g.set_defaults(executer=_rgpd_purger)

    c = sous.add_parser("sauvegarde-chiffree", help="sauvegarde chiffrée vers un dossier ou une clé USB")
    c.add_argument("--vers", required=True, metavar="DOSSIER", help="dossier ou clé USB où écrire la sauvegarde")
    c.set_defaults(executer=_sauvegarde_chiffree)
    r = sous.add_parser("restaurer-chiffree", help="restaure une sauvegarde chiffrée")
    r.add_argument("fichier", help="fichier .atelier-chiffre à restaurer")
    r.set_defaults(executer=_restaurer_chiffree, sans_ouvrir=True)
