"""lettres: the invitation letters to an activity's information meeting (FORMAT.md)."""

from __future__ import annotations

import argparse

from atelier_app.cli import ecrire


def _lettres(args, services) -> int:
    activite = services.centre.activite(args.activite)
    chemin, n, sans = services.documents.lettres(activite.id, args.sortie)
    if chemin is None:
        ecrire(f"Aucune lettre à écrire : personne n'attend d'invitation avec une adresse postale ({activite.nom}).")
    else:
        ecrire(f"{n} lettre(s) d'invitation écrite(s) : {chemin}")
    if sans:
        ecrire(f"Sans adresse postale, à appeler ({len(sans)}) :")
        for p in sans:
            ecrire(f"  {p.prenom} {p.nom} — {p.telephone or 'pas de téléphone'}")
    return 0


def ajouter(sous: argparse._SubParsersAction) -> None:
    p = sous.add_parser("lettres", help="les lettres d'invitation à la réunion d'information d'une activité (PDF)")
    p.add_argument("--activite", required=True, metavar="ID", help="identifiant de l'activité (ex. : initiation)")
    p.add_argument("--sortie", metavar="F.pdf", help="fichier à écrire (par défaut : dossier exports/)")
    p.set_defaults(executer=_lettres)
