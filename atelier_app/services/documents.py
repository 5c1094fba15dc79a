"""Every printed or exported document, each one use case in one method.

Why one place: a document is the same action from the window and from the `atelier` command. Each
method checks the role first, gathers the data through the services, has the file written by the
writer the composition root hands in (``services.outils.documents``: the services never import the
reports), then journals the printing, in the same transaction as any data it changes (letters mark
people invited). The screens and the CLI only choose the file and show the result.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from atelier_app.domain.etats import EtatPreliste
from atelier_app.domain.periode import annee as periode_annee
from atelier_app.domain.personnes import Personne
from atelier_app.domain.roles import Permission
from atelier_app.errors import UserError
from atelier_app.services.base import Service

Avancer = Callable[[float, str], None]

#: Formats of the statistics export (the writer follows the extension).
FORMATS_STATISTIQUES = (".xlsx", ".ods", ".csv")


class Lettres(NamedTuple):
    """The letters written (None when nobody waits with a postal address) and who is to phone."""

    chemin: Path | None
    nombre: int
    sans_adresse: list[Personne]


def _rien(_fraction: float, _texte: str = "") -> None:
    return None


class DocumentsService(Service):
    @property
    def _ecrivains(self) -> Any:
        """The document writers (``reports`` modules), handed in by ``assemblage``."""
        return self.services.outils.documents

    def _chemin(self, chemin: Path | str | None, nom: str) -> Path:
        return Path(chemin) if chemin else Path(self.services.outils.dossier_exports()) / nom

    # -------------------------------------------------------------- people
    def lettres(self, activite_id: str, chemin: Path | str | None = None) -> Lettres:
        """The invitation letters to an activity's information meeting; those people marked invited."""
        self.ctx.exiger(Permission.IMPRIMER)
        self.ctx.exiger(Permission.VOIR_COORDONNEES)
        activite = self.services.centre.activite(activite_id)
        avec, sans = self.services.preliste.lettres_a_envoyer(activite.id)
        if not avec:
            return Lettres(None, 0, sans)
        jour = self.ctx.aujourd_hui()
        sortie = self._chemin(chemin, f"lettres-{activite.id}-{jour.isoformat()}.pdf")
        # a person's pre-list entry may carry the meeting date when the activity has none (FORMAT.md)
        reunions = {e.personne: e.reunion for e in self.services.preliste.entrees(activite.id, EtatPreliste.A_INVITER)}
        self._ecrivains.lettres.ecrire(sortie, self.services.centre.centre(), activite, avec, jour, reunions=reunions)
        n = self.services.preliste.marquer_invites(activite.id, [p.id for p in avec],
                                                   f"lettres d'invitation {activite.id}")
        return Lettres(sortie, n, sans)

    def attestation(self, groupe_id: str, personne_id: str, chemin: Path | str | None = None) -> Path:
        """A participant's attestation of the sessions attended in a group."""
        self.ctx.exiger(Permission.IMPRIMER)
        donnees = self.services.inscriptions.donnees_attestation(groupe_id, personne_id)
        sortie = self._chemin(chemin, f"attestation-{personne_id}-{groupe_id}.pdf")
        self._ecrivains.attestation.ecrire(sortie, centre=self.services.centre.centre(),
                                           le=self.ctx.aujourd_hui(), **donnees)
        self._noter("impression", (personne_id, groupe_id), "attestation de participation")
        return sortie

    def emargement_seance(self, seance_id: str, chemin: Path | str | None = None) -> Path:
        """The sign-in sheet of one session (names only)."""
        self.ctx.exiger(Permission.IMPRIMER)
        e = self._ecrivains.emargement
        donnees = self.services.presences.feuille_seance(seance_id)
        sortie = self._chemin(chemin, f"emargement-{donnees['jour']:%Y-%m-%d}-{seance_id}.pdf")
        e.feuille_seance(sortie, self.services.centre.centre(), e.FeuilleSeance(**donnees))
        self._noter("impression", (seance_id,), "feuille d'émargement")
        return sortie

    def emargement_mois(self, groupe_id: str, annee: int, mois: int, chemin: Path | str | None = None) -> Path:
        """A group's attendance sheet for one month."""
        self.ctx.exiger(Permission.IMPRIMER)
        e = self._ecrivains.emargement
        donnees = self.services.presences.feuille_mois(groupe_id, annee, mois)
        sortie = self._chemin(chemin, f"presences-{groupe_id}-{annee}-{mois:02d}.pdf")
        e.feuille_mois(sortie, self.services.centre.centre(), e.FeuilleMois(**donnees))
        self._noter("impression", (groupe_id,), f"feuille mensuelle {annee}-{mois:02d}")
        return sortie

    def donnees_personne(self, personne_id: str, dossier: Path | str) -> tuple[Path, Path]:
        """Everything held about one person (right of access): a PDF and a JSON file in ``dossier``."""
        self.ctx.exiger(Permission.EXPORTER)
        donnees = self.services.rgpd.donnees_personne(personne_id)
        pdf, js = self._ecrivains.rgpd.exporter_personne(Path(dossier), self.services.centre.centre(), donnees,
                                                         self.ctx.aujourd_hui())
        self._noter("export_personne", (personne_id,), "PDF et JSON")
        self.services.journal.purger()
        return pdf, js

    # ------------------------------------------------------------- the year
    def fiche(self, activite_id: str, annee: int, chemin: Path | str | None = None,
              signaler: Callable[[str], None] | None = None) -> Path:
        """An activity's yearly sheet (fiche bilan) as the funders ask for it.

        ``signaler`` receives the sentence naming the sheet's empty fields, if any: a blank never goes
        out silently (the screen asked before printing, the command line prints it)."""
        self.ctx.exiger(Permission.IMPRIMER)
        fiche = self.services.fiches.fiche(activite_id, annee, diffusion=True)  # small counts masked
        sortie = self._chemin(chemin, f"fiche-{activite_id}-{annee}.pdf")
        self._ecrivains.fiche.ecrire(sortie, self.services.centre.centre(), fiche,
                                     periode_annee(annee, self.ctx.aujourd_hui()).avertissement())
        self._signaler([fiche], signaler)
        self._noter("impression", (activite_id,), f"fiche bilan {activite_id} {annee}")
        return sortie

    def rapport(self, annee: int, chemin: Path | str | None = None, avancer: Avancer | None = None,
                signaler: Callable[[str], None] | None = None) -> Path:
        """The annual report: every activity's sheet, the year's statistics and charts."""
        self.ctx.exiger(Permission.IMPRIMER)
        self.ctx.exiger(Permission.STATISTIQUES)
        avancer = avancer or _rien
        avancer(0.02, "Lecture des activités")
        centre = self.services.centre.centre()
        activites = self.services.centre.activites()
        fiches = []
        for i, a in enumerate(activites):
            avancer(0.02 + 0.05 * i / max(1, len(activites)), f"Chiffres de « {a.nom} »")
            fiches.append(self.services.fiches.fiche(a.id, annee, diffusion=True))  # small counts masked
        self._signaler(fiches, signaler)
        avancer(0.08, "Calcul des statistiques")
        jour = self.ctx.aujourd_hui()
        periode = periode_annee(annee, jour)  # a year in progress stops today, compared with the same dates
        stats = self._ecrivains.statistiques.pour_periode(self.services.fiches.collecte, periode.debut, periode.fin)
        financeurs = [str(x) for x in self.services.centre.parametres().extra.get("logos_financeurs", ()) or ()]
        sortie = self._chemin(chemin, f"rapport-{annee}.pdf")
        self._ecrivains.rapport.ecrire(sortie, centre, annee, fiches, stats, le=jour, avancer=avancer,
                                       en_cours=periode.avertissement(), financeurs=financeurs)
        self._noter("impression", (), f"rapport annuel {annee}")
        return sortie

    def statistiques(self, debut: date, fin: date, chemin: Path | str | None = None,
                     activite_id: str | None = None, en_cours: str = "") -> Path:
        """The statistics tables of a period (one activity or all) in XLSX, ODS or CSV."""
        self.ctx.exiger(Permission.EXPORTER)
        self.ctx.exiger(Permission.STATISTIQUES)
        sortie = self._chemin(chemin, f"statistiques-{debut:%Y%m%d}-{fin:%Y%m%d}.xlsx")
        if sortie.suffix.lower() not in FORMATS_STATISTIQUES:
            raise UserError(f"Statistiques : « {sortie.name} » ne convient pas ; choisissez un fichier .xlsx, "
                            ".ods ou .csv.")
        if activite_id:
            self.services.centre.activite(activite_id)
        self.services.donnees.exiger_coherent()  # figures from broken references would mislead a funder
        stats = self._ecrivains.statistiques.pour_periode(self.services.fiches.collecte, debut, fin, activite_id)
        self._ecrivains.export_stats.ecrire(stats, sortie, self.services.centre.centre().nom,
                                            quand=self.ctx.maintenant(), en_cours=en_cours)
        entiere = (debut.month, debut.day, fin.month, fin.day) == (1, 1, 12, 31) and debut.year == fin.year
        periode = str(debut.year) if entiere else f"du {debut:%d/%m/%Y} au {fin:%d/%m/%Y}"
        self._noter("export", (), f"statistiques {periode} ({sortie.suffix[1:]})")
        return sortie

    def ords(self, annee: int | None = None, chemin: Path | str | None = None) -> tuple[Path, int]:
        """The repair café's closed repairs in the Open Repair Data Standard (CSV, no names)."""
        self.ctx.exiger(Permission.EXPORTER)
        donnees = self.services.reparations.donnees_ords(annee)
        sortie = self._chemin(chemin, f"ords-{annee}.csv" if annee else "ords.csv")
        n = self._ecrivains.ords.ecrire(sortie, donnees)
        self._noter("export", [p.id for p in donnees.projets], f"ORDS {annee or 'toutes années'}")
        return sortie, n

    # --------------------------------------------------- the centre's duties
    def notice_information(self, chemin: Path | str | None = None) -> Path:
        """The notice telling people what the centre keeps about them, and for how long."""
        self.ctx.exiger(Permission.IMPRIMER)
        sortie = self._chemin(chemin, "notice-donnees-personnelles.pdf")
        self._ecrivains.rgpd.notice_information(sortie, self.services.centre.centre(),
                                                self.services.rgpd.duree_conservation(),
                                                self.services.rgpd.textes("notice"))
        self._noter("notice_information", (), sortie.name)
        return sortie

    def registre_traitements(self, chemin: Path | str | None = None) -> Path:
        """The record of processing activities the GDPR asks the centre to keep."""
        self.ctx.exiger(Permission.IMPRIMER)
        sortie = self._chemin(chemin, "registre-des-traitements.pdf")
        self._ecrivains.rgpd.registre(sortie, self.services.centre.centre(),
                                      self.services.rgpd.duree_conservation(), self.ctx.aujourd_hui(),
                                      self.services.rgpd.textes("registre"))
        self._noter("registre", (), sortie.name)
        return sortie

    def beneficiaires_coop(self, chemin: Path | str) -> int:
        """Every person (not anonymised) in the national tool's beneficiaries import template, so that
        the conseillers numériques never retype a person; journalled with the ids exported."""
        self.ctx.exiger(Permission.EXPORTER)
        self.ctx.exiger(Permission.VOIR_COORDONNEES)
        chemin = Path(chemin)
        dossier = Path(self.depot.dossier).resolve()
        if chemin.resolve().is_relative_to(dossier):
            raise UserError(f"{chemin} : choisissez un fichier hors du dossier de données ({dossier}).")
        personnes = sorted((p for p in self.depot.all(Personne) if not p.anonymise),
                           key=lambda p: (p.nom.casefold(), p.prenom.casefold()))
        n = self._ecrivains.coop_beneficiaires.ecrire(chemin, personnes)
        self._noter("export", tuple(p.id for p in personnes),
                    f"bénéficiaires au format de l'outil national ({chemin.name})")
        return int(n)

    def _signaler(self, fiches: list, signaler: Callable[[str], None] | None) -> None:
        """Empty fields, and Chiffres rewritten by hand that print a count under 5 as typed."""
        if signaler is None:
            return
        for texte in (self._ecrivains.fiche.avertissement_vides(fiches),
                      self._ecrivains.fiche.avertissement_petits(fiches)):
            if texte:
                signaler(texte)

    def _noter(self, action: str, cibles: tuple[str, ...] | list[str], details: str) -> None:
        """The journal entry of a document just written (ids only, never names)."""
        with self.depot.transaction(f"Journal : {action}") as tx:
            self.journaliser(tx, action, cibles, details)
