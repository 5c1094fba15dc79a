"""migrer --vers DOSSIER|postgresql://… : the data folder to a server, or back (FORMAT.md)."""

from __future__ import annotations

import argparse

from atelier_app.cli import ecrire
from atelier_app.domain.roles import Permission

_LIBELLES = {"seances": "séances", "activites": "activités", "preliste": "entrées de pré-liste",
             "parametres": "paramètres", "positionnements": "positionnements"}


def _migrer(args, services) -> int:
    from atelier_app import assemblage

    services.ctx.exiger(Permission.EXPORTER)
    comptes = assemblage.migrer(services, args.vers)
    total = sum(comptes.values())
    ecrire(f"Copie terminée et vérifiée : {total} enregistrements, les mêmes des deux côtés "
           "(nombres par sorte et exports d'échange identiques).")
    for table, n in comptes.items():
        ecrire(f"  {n} {_LIBELLES.get(table, table)}")
    ecrire("La source n'a pas été modifiée.")
    return 0


def ajouter(sous: argparse._SubParsersAction) -> None:
    p = sous.add_parser("migrer", help="copie toutes les données vers un dossier vide ou une base PostgreSQL vide")
    p.add_argument("--vers", required=True, metavar="DOSSIER|postgresql://…",
                   help="destination vide : un dossier, ou postgresql://UTILISATEUR@HÔTE[:PORT]/BASE")
    p.set_defaults(executer=_migrer)
