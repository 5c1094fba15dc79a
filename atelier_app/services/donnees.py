"""Data-level use cases: import, export, check, back up, demo data.

Why through a service: the role check and the journal entry must happen whoever asks (a screen or
the command line), and an accepted import always takes a backup before it writes (a refused one none).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from atelier_app.domain.imports import RapportImport
from atelier_app.domain.roles import Permission
from atelier_app.errors import UserError
from atelier_app.services.base import Service

log = logging.getLogger(__name__)

EXTENSIONS_LISTES = (".csv", ".xlsx", ".ods")


class _Retenus:
    """Stands for the transaction while an import file is checked: keeps what it would write.

    Why: the importers refuse a file before writing anything, but the backup must come after that
    check and before the write; holding the records back lets the service put the backup between.
    """

    def __init__(self) -> None:
        self.objets: list[Any] = []

    def put(self, obj: Any) -> None:
        self.objets.append(obj)

    def put_many(self, objs: Iterable[Any]) -> None:
        self.objets.extend(objs)


class DonneesService(Service):
    def importer(self, chemin: Path) -> RapportImport:
        self.ctx.exiger(Permission.IMPORTER)
        chemin = Path(chemin)
        if not chemin.is_file():
            raise UserError(f"Le fichier « {chemin} » n'existe pas.")
        ext = chemin.suffix.lower()
        if ext not in (".json", *EXTENSIONS_LISTES):
            raise UserError(f"Format non reconnu : « {chemin.name} » (attendu : .json, .csv, .xlsx ou .ods).")
        outils = self.services.outils
        with self.depot.transaction(f"Import de {chemin.name}") as tx:
            # checked first (parsed, validated, merged) into a holder that writes nothing: a refused
            # file raises here and leaves no backup behind, which the rotation would count as a day's
            retenus = _Retenus()
            if ext == ".json":
                rapport = outils.echange.importer(self.depot, chemin, retenus)
            else:
                rapport = outils.listes.importer(self.depot, chemin, retenus, self.ctx.aujourd_hui())
            # then the backup, of the data as they still are (nothing of the file written yet), then the write
            with self.depot.exclusif():
                outils.sauvegardes.sauvegarder(self.depot.dossier, raison="avant-import", horloge=self.ctx.maintenant)
            tx.put_many(retenus.objets)
            self.journaliser(tx, "import", (), chemin.name)
        self.ctx.signaler("tout")
        return rapport

    def exporter(self, chemin: Path, annee: int | None = None) -> dict[str, int]:
        self.ctx.exiger(Permission.EXPORTER)
        self.depot.charger_tout()
        comptes = self.services.outils.echange.exporter(self.depot, Path(chemin), annee)
        with self.depot.transaction("Export des données") as tx:
            self.journaliser(tx, "export", (), f"{Path(chemin).name}" + (f" (année {annee})" if annee else ""))
        return comptes

    def verifier(self) -> list[str]:
        self.ctx.exiger(Permission.SAUVEGARDER)
        self.depot.charger_tout()
        return [str(p) for p in self.services.outils.echange.verifier(self.depot)]

    def exiger_coherent(self) -> None:
        """Before figures leave the centre: a folder with broken references gives wrong figures, silently.

        Raises DonneesIllisibles (exit 3) naming the first problems, as ``verifier`` lists them.
        """
        from atelier_app.errors import DonneesIllisibles

        self.depot.charger_tout()
        casses = [str(p) for p in self.services.outils.echange.verifier(self.depot, doublons=False)
                  if "renvoie à" in p.raison]
        if casses:
            raise DonneesIllisibles(
                f"Les données de {self.depot.dossier} sont incohérentes ({len(casses)} référence(s) cassée(s)) : "
                "les chiffres seraient faux. Lancez « atelier verifier » puis restaurez une sauvegarde.",
                details=casses[:5])

    def sauvegarder(self, raison: str = "") -> Path:
        self.ctx.exiger(Permission.SAUVEGARDER)
        with self.depot.exclusif():
            return self.services.outils.sauvegardes.sauvegarder(self.depot.dossier, raison=raison, horloge=self.ctx.maintenant)

    def preparer_restauration(self, chemin: Path) -> Path:
        """Check a backup before the window closes to put it in place (the restore needs the folder closed).

        Why checked now: a user who confirmed must not see the app close on a backup that cannot be read.
        """
        self.ctx.exiger(Permission.SAUVEGARDER)
        chemin = Path(chemin)
        if not chemin.exists():  # a zip, or the snapshot a restore left in mis_de_cote/
            raise UserError(f"La sauvegarde « {chemin} » n'existe pas.")
        self.services.outils.sauvegardes.verifier_archive(chemin)
        with self.depot.transaction("Restauration demandée") as tx:
            self.journaliser(tx, "restauration", (), chemin.name)
        return chemin

    def apres_restauration(self, source: str, effaces: set[str], action: str = "restauration") -> list[str]:
        """On the staged data of a restore, before its swap: erase again, journal, check references.

        Why before the swap: the restored centre must never show, even for an instant, a person
        erased since the backup was taken. The ids come from the list kept outside the backups and
        from the journal's erasure entries (the live journal was carried into the staged data).
        Returns the broken references (a restore with any is refused).
        """
        self.ctx.exiger(Permission.SAUVEGARDER)
        from atelier_app.domain.journal import EntreeJournal
        from atelier_app.domain.personnes import Personne

        self.ctx.exiger(Permission.SAUVEGARDER)
        self.depot.charger_tout()
        effaces = set(effaces)
        for e in self.depot.all(EntreeJournal):
            if e.action == "anonymisation":
                effaces |= set(e.cibles)
        a_effacer = [p for d in self.depot.all_dicts(Personne)  # decode only those: a restore is timed
                     if d["id"] in effaces and not d.get("anonymise")
                     and (p := self.depot.get(Personne, d["id"])) is not None]
        with self.depot.transaction("Restauration d'une sauvegarde") as tx:
            if a_effacer:
                self.services.rgpd.effacer_dans(tx, a_effacer)
            self.journaliser(tx, action, tuple(p.id for p in a_effacer),
                             source + (f" ; {len(a_effacer)} personne(s) effacée(s) de nouveau" if a_effacer else ""))
        return [str(p) for p in self.services.outils.echange.verifier(self.depot, doublons=False)
                if "renvoie à" in p.raison]

    def sauvegarde_du_jour(self) -> Path | None:
        """The first open of each day leaves a backup; safe to call from a worker thread."""
        sv = self.services.outils.sauvegardes
        if sv.sauvegarde_du_jour_faite(self.depot.dossier, self.ctx.aujourd_hui()):
            return None
        with self.depot.exclusif():
            return sv.sauvegarder(self.depot.dossier, raison="quotidienne", horloge=self.ctx.maintenant)

    def supprimer_sauvegarde(self, chemin: Path) -> None:
        """A backup made by hand stays until the user deletes it: this is that deletion (journaled)."""
        self.ctx.exiger(Permission.SAUVEGARDER)
        self.services.outils.sauvegardes.supprimer(self.depot.dossier, Path(chemin))
        with self.depot.transaction("Suppression d'une sauvegarde") as tx:
            self.journaliser(tx, "suppression", (), Path(chemin).name)

    def sauvegardes(self) -> list:
        self.ctx.exiger(Permission.SAUVEGARDER)
        return self.services.outils.sauvegardes.lister(self.depot.dossier)

    def est_vide(self) -> bool:
        from atelier_app.domain.activites import Activite
        from atelier_app.domain.personnes import Personne

        return self.depot.count(Personne) == 0 and self.depot.count(Activite) == 0

    def generer_demo(self, echelle: str = "petite", graine: int = 1, comptes: bool = True) -> dict[str, int]:
        """The demo centre, with one account per role (``comptes``) so that the roles can be shown."""
        self.ctx.exiger(Permission.IMPORTER)
        if not self.est_vide():
            raise UserError(
                f"Le dossier « {self.depot.dossier} » contient déjà des données : "
                "la démonstration ne s'installe que dans un dossier vide."
            )
        from atelier_app.services.centre import activites_par_defaut

        demo = self.services.outils.demo
        with self.depot.transaction("Données de démonstration"):
            nombres = demo.generer(self.depot, echelle, graine, self.ctx.aujourd_hui(), activites_par_defaut())
            for identifiant, role, mot_de_passe in demo.COMPTES if comptes else ():  # for the demo only
                self.services.comptes.creer(identifiant, role, mot_de_passe)
        return {**nombres, "comptes": len(demo.COMPTES) if comptes else 0}
