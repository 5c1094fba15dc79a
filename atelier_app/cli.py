"""The `atelier` command (FORMAT.md): no sub-command opens the application.

Exit status: 0 success; 1 the user's input is wrong; 2 wrong usage; 3 the data folder is locked
by another running copy or unreadable. Messages go to stderr in French, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from pathlib import Path

from atelier_app.errors import UserError

log = logging.getLogger(__name__)

#: One module per area under atelier_app/commandes, each with ``ajouter(sous_commandes)``.
MODULES = ("donnees", "documents", "presences", "reparations", "preliste", "comptes", "migrer")


class _Formateur(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, "utilisation : " if prefix is None else prefix)


class _Parseur(argparse.ArgumentParser):
    """argparse in French: usage line, section titles, error messages."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formateur)
        aide = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "arguments"
        self._optionals.title = "options"
        if aide:
            self.add_argument("-h", "--aide", "--help", action="help", help="affiche cette aide")

    def error(self, message: str) -> None:  # French usage errors, exit 2
        self.print_usage(sys.stderr)
        traductions = {
            "the following arguments are required": "arguments obligatoires manquants",
            "unrecognized arguments": "arguments non reconnus",
            "invalid choice": "choix invalide",
            "expected one argument": "une valeur est attendue",
            "choose from": "valeurs possibles :",
            "invalid int value": "nombre entier invalide",
            "argument": "argument",
        }
        for en, fr in traductions.items():
            message = message.replace(en, fr)
        sys.stderr.write(f"atelier : erreur d'utilisation : {message}\n")
        raise SystemExit(2)


def construire_parseur() -> argparse.ArgumentParser:
    p = _Parseur(prog="atelier", description="Atelier : le suivi des ateliers numériques du centre social.")
    p.add_argument("--donnees", metavar="DOSSIER",
                   help="dossier des données, ou adresse postgresql://UTILISATEUR@HÔTE[:PORT]/BASE "
                        "(par défaut : data/ ou $ATELIER_DONNEES)")
    p.add_argument("--verbeux", action="store_true", help="journal détaillé")
    sous = p.add_subparsers(dest="commande", metavar="sous-commande", parser_class=_Parseur)
    for nom in MODULES:
        importlib.import_module(f"atelier_app.commandes.{nom}").ajouter(sous)
    return p


def main(argv: list[str] | None = None) -> int:
    from atelier_app import assemblage, journalisation

    args = construire_parseur().parse_args(argv)
    adresse = args.donnees or os.environ.get("ATELIER_DONNEES", "")
    try:  # a postgresql:// address stays a string; this PC keeps the log beside its backups
        sur_serveur = assemblage.est_adresse(adresse)
        local = assemblage.dossier_local(adresse) if sur_serveur else None
    except UserError as exc:
        sys.stderr.write(f"atelier : {exc.texte()}\n")
        return exc.code_sortie
    dossier = Path(args.donnees) if args.donnees else assemblage.dossier_par_defaut()
    if sur_serveur:
        journalisation.configurer(local, args.verbeux)
        dossier = adresse  # type: ignore[assignment]
    else:
        if dossier.exists() and not dossier.is_dir():
            sys.stderr.write(f"atelier : « {dossier} » est un fichier, pas un dossier de données : "
                             "indiquez un dossier avec --donnees.\n")
            return 3
        if journalisation.configurer(dossier, args.verbeux) is None:
            # no log file (read-only folder): details must not fall through to the terminal as a traceback
            logging.getLogger().addHandler(logging.NullHandler())
    if args.commande is None:
        from atelier_app.gui.app import lancer

        return lancer(dossier)
    services = None
    try:
        if getattr(args, "sans_ouvrir", False):
            return int(args.executer(args, dossier) or 0)
        services = assemblage.ouvrir(dossier)
        return int(args.executer(args, services) or 0)
    except UserError as exc:
        sys.stderr.write(f"atelier : {exc.texte()}\n")
        return exc.code_sortie
    except KeyboardInterrupt:
        sys.stderr.write("atelier : interrompu.\n")
        return 1
    except OSError as exc:  # the data folder itself (read-only, removed, full): never a traceback
        from atelier_app.ecriture import raison

        log.exception("Erreur d'entrée-sortie dans « atelier %s »", args.commande)
        sys.stderr.write(f"atelier : impossible d'utiliser « {exc.filename or dossier} » : {raison(exc)}.\n")
        return 3
    except Exception:
        log.exception("Erreur inattendue dans « atelier %s »", args.commande)
        sys.stderr.write(
            f"atelier : une erreur inattendue s'est produite ; les détails sont dans {(local or dossier) / 'atelier.log'}.\n"
        )
        return 1
    finally:
        if services is not None:
            assemblage.fermer(services)


def ecrire(texte: str) -> None:
    """Results go to standard output (the CLI's only print); a closed pipe (`| head`) is not an error."""
    try:
        print(texte)
    except BrokenPipeError:
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
