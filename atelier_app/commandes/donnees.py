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


_LISTES = (".csv", ".xlsx", ".ods")


def _lignes_choisies(texte: str | None) -> set[int]:
    try:
        return {int(x) for x in (texte or "").replace(";", ",").split(",") if x.strip()}
    except ValueError:
        raise argparse.ArgumentTypeError(f"numéros de ligne attendus (ex. : 3,7) : « {texte} »") from None


def _importer_liste(args, services) -> int:
    """A people list: each change to a known person is shown first (old → new), and nothing known
    is changed without ``--oui`` (issue 18: a « clean » file replaced a phone and an address)."""
    plan = services.personnes.preparer_import(Path(args.fichier))
    if plan.problemes:
        from atelier_app.errors import DonneesInvalides

        raise DonneesInvalides(f"Import refusé : corrigez « {plan.fichier} ». Rien n'a été enregistré.",
                               list(plan.problemes))
    ignorer = _lignes_choisies(args.ignorer_lignes)
    garder = {x.ligne: {c.champ for c in x.changements} for x in plan.modifiees
              if x.ligne in _lignes_choisies(args.garder_ancien)}
    ecrire(f"« {plan.fichier} » : {len(plan.nouvelles)} personne(s) nouvelle(s), "
           f"{len(plan.modifiees)} fiche(s) changée(s), {plan.inchangees} sans changement.")
    for x in plan.modifiees:
        etat = " (ligne ignorée)" if x.ligne in ignorer else " (anciennes valeurs gardées)" if x.ligne in garder else ""
        ecrire(f"  Ligne {x.ligne} — {x.personne.prenom} {x.personne.nom}{etat} :")
        for c in x.changements:
            ecrire(f"      {c.libelle} : « {c.avant or '—'} » → « {c.apres or '—'} »")
    a_changer = [x for x in plan.modifiees if x.ligne not in ignorer and x.ligne not in garder]
    if a_changer and not args.oui:
        ecrire("Rien n'a été enregistré. Relisez les changements ci-dessus, puis relancez avec --oui pour les "
               "appliquer (--ignorer-lignes N,… pour sauter des lignes, --garder-ancien N,… pour garder les "
               "anciennes valeurs d'une fiche).")
        return 1
    rapport = services.personnes.appliquer_import(plan, ignorer, garder)
    ecrire(f"Import de {plan.fichier} terminé :")
    for ligne in rapport.lignes():
        ecrire(f"  {ligne}")
    return 0


def _importer(args, services) -> int:
    if Path(args.fichier).suffix.lower() in _LISTES:
        return _importer_liste(args, services)
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
    p.add_argument("--oui", action="store_true",
                   help="appliquer les changements des fiches déjà connues (affichés d'abord sans --oui)")
    p.add_argument("--ignorer-lignes", metavar="N,…", help="lignes de la liste à ne pas importer")
    p.add_argument("--garder-ancien", metavar="N,…", help="lignes dont la fiche connue garde ses anciennes valeurs")
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
