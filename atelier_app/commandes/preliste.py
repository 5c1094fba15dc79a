"""lettres: the invitation letters to an activity's information meeting (FORMAT.md)."""

from __future__ import annotations

import argparse
from pathlib import Path

from atelier_app.cli import ecrire
from atelier_app.domain.roles import Permission
from atelier_app.errors import UserError


def lettres(services, activite_id: str, sortie: Path | None = None) -> tuple[Path | None, int, list]:
    """Write the letters, mark those people invited; returns (path, count, people to phone)."""
    from atelier_app.reports import lettres as pdf

    services.ctx.exiger(Permission.IMPRIMER)
    activite = services.centre.activite(activite_id)
    avec, sans = services.preliste.lettres_a_envoyer(activite.id)
    if not avec:
        return None, 0, sans
    if sortie is None:
        from atelier_app.assemblage import dossier_exports

        sortie = dossier_exports() / f"lettres-{activite.id}-{services.ctx.aujourd_hui().isoformat()}.pdf"
    pdf.ecrire(sortie, services.centre.centre(), activite, avec, services.ctx.aujourd_hui())
    n = services.preliste.marquer_invites(activite.id, [p.id for p in avec],
                                         f"lettres d'invitation {activite.id}")
    return sortie, n, sans


def _lettres(args, services) -> int:
    activite = services.centre.activite(args.activite)
    if activite.reunion.date is None:
        raise UserError(f"Activité « {activite.nom} » : la date de la réunion d'information n'est pas fixée "
                        "(écran Activités).")
    chemin, n, sans = lettres(services, args.activite, Path(args.sortie) if args.sortie else None)
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
