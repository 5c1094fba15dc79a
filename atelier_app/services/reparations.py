"""Repair café and personal projects: open, visit, close, reopen; lists, yearly figures, ORDS data.

Why the impact is taken from ``repare_le``: an object that comes back five Saturdays counts once,
in the year it was first repaired (Restarters counts devices, not visits).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date

from atelier_app.domain import comptage, ords
from atelier_app.domain import reparations as regles
from atelier_app.domain.etats import EtatProjet
from atelier_app.domain.personnes import Personne
from atelier_app.domain.projets import Projet, Visite, valider_projet
from atelier_app.domain.records import nouvel_id
from atelier_app.domain.reparations import DonneesOrds, date_evenement
from atelier_app.domain.roles import Permission
from atelier_app.errors import DonneesInvalides, Probleme, UserError
from atelier_app.services.base import Service


@dataclass(frozen=True)
class ChiffresReparations:
    annee: int
    projets_ouverts: int
    visites: int
    personnes: int
    repares: int
    reparables: int
    fin_de_vie: int
    projets_termines: int
    heures: float
    dechets_kg: float
    co2_kg: float


def identifiant_groupe(nom_centre: str, reglage: str = "") -> str:
    """A code that identifies the centre across ORDS partners without naming anyone."""
    if reglage.strip():
        return reglage.strip()
    return "atelier-" + hashlib.sha256(nom_centre.strip().casefold().encode()).hexdigest()[:10]


class ReparationsService(Service):
    # ------------------------------------------------------------- changes
    def ouvrir(self, personne: str, type_projet: str, intitule: str, description: str = "", *,
               categorie_ords: int | None = None, categorie_non_electrique: str = "", marque: str = "",
               annee_fabrication: int | None = None, age_produit: float | None = None, probleme: str = "",
               poids_estime_kg: float | None = None, ouvert_le: date | None = None) -> Projet:
        self.ctx.exiger(Permission.GERER_ACTIVITES)
        p = Projet(id=nouvel_id("r"), personne=personne, type=type_projet, intitule=intitule.strip(),
                   ouvert_le=ouvert_le or self.ctx.aujourd_hui(), description=description.strip(),
                   categorie_ords=categorie_ords, categorie_non_electrique=categorie_non_electrique,
                   marque=marque.strip(), annee_fabrication=annee_fabrication, age_produit=age_produit,
                   probleme=probleme.strip(), poids_estime_kg=poids_estime_kg)
        self._verifier(p)
        return self.sauver(p, "Ouverture d'un projet", "reparations")

    def modifier(self, p: Projet) -> Projet:
        self.ctx.exiger(Permission.GERER_ACTIVITES)
        avant = self._projet(p.id)
        self._verifier(p)
        with self.depot.transaction("Modification d'un projet") as tx:
            if avant.ouvert_le.year != p.ouvert_le.year:  # filed by the year it opened
                tx.delete(Projet, p.id)
            tx.put(p)
        self.ctx.signaler("reparations")
        return p

    def ajouter_visite(self, projet_id: str, quand: date, duree: int, *, aidant: str = "", notes: str = "",
                       prochaine_etape: str = "") -> Projet:
        self.ctx.exiger(Permission.GERER_ACTIVITES)
        p = self._projet(projet_id)
        ou = f"Visite du projet « {p.intitule} »"
        problemes = []
        if not isinstance(quand, date):
            raise UserError(f"{ou} : la date est obligatoire (JJ/MM/AAAA).")
        if quand > self.ctx.aujourd_hui():
            problemes.append(Probleme(ou, "date", "la date est dans le futur"))
        if quand < p.ouvert_le:
            problemes.append(Probleme(ou, "date", f"avant l'ouverture du projet ({p.ouvert_le:%d/%m/%Y})"))
        if not 0 < int(duree) <= 12 * 60:
            problemes.append(Probleme(ou, "duree", "durée entre 1 minute et 12 heures"))
        if problemes:
            raise DonneesInvalides("La visite n'est pas enregistrée.", problemes)
        v = Visite(date=quand, duree=int(duree), aidant=aidant.strip(), notes=notes.strip(),
                   prochaine_etape=prochaine_etape.strip())
        p = replace(p, visites=tuple(sorted((*p.visites, v), key=lambda x: x.date)))
        return self.sauver(p, "Visite d'un projet", "reparations")

    def clore(self, projet_id: str, issue: str, frein: str | int | None = None, le: date | None = None) -> Projet:
        """Close with an outcome; the first « réparé » date is kept for the impact (counted once)."""
        self.ctx.exiger(Permission.GERER_ACTIVITES)
        p = self._projet(projet_id)
        raison = regles.verifier_issue(p, issue, frein)
        if raison:
            raise DonneesInvalides("Le projet n'est pas clos.", [Probleme(f"Projet « {p.intitule} »", "issue", raison)])
        quand = le or self.ctx.aujourd_hui()
        repare_le = (p.repare_le or quand) if issue == EtatProjet.REPARE else None
        f = ords.frein(frein) if issue == EtatProjet.FIN_DE_VIE else None
        p = replace(p, etat=issue, clos_le=quand, repare_le=repare_le, frein_ords=str(f.code) if f else None)
        return self.sauver(p, "Clôture d'un projet", "reparations")

    def rouvrir(self, projet_id: str) -> Projet:
        self.ctx.exiger(Permission.GERER_ACTIVITES)
        p = self._projet(projet_id)
        if comptage.est_en_cours(p.etat):
            raise UserError(f"Le projet « {p.intitule} » est déjà en cours.")
        p = replace(p, etat=EtatProjet.EN_COURS, clos_le=None)
        return self.sauver(p, "Réouverture d'un projet", "reparations")

    def _verifier(self, p: Projet) -> None:
        ou = f"Projet « {p.intitule or 'sans intitulé'} »"
        problemes = valider_projet(p, ou)
        if self.depot.get(Personne, p.personne) is None:
            problemes.append(Probleme(ou, "personne", "choisissez la personne qui porte le projet"))
        if p.type == "reparation" and p.categorie_ords is None and not p.categorie_non_electrique:
            problemes.append(Probleme(ou, "categorie", "choisissez la catégorie de l'objet"))
        if p.categorie_non_electrique and p.categorie_non_electrique not in ords.NON_ELECTRIQUES:
            problemes.append(Probleme(ou, "categorie", f"catégorie inconnue : « {p.categorie_non_electrique} »"))
        if p.ouvert_le > self.ctx.aujourd_hui():
            problemes.append(Probleme(ou, "ouvert_le", f"l'ouverture ({p.ouvert_le:%d/%m/%Y}) est dans le futur"))
        premiere = min((v.date for v in p.visites), default=None)
        if premiere is not None and premiere < p.ouvert_le:  # may be earlier than today, not later than a visit
            problemes.append(Probleme(ou, "ouvert_le", f"l'ouverture ({p.ouvert_le:%d/%m/%Y}) est après la "
                                                       f"première visite ({premiere:%d/%m/%Y})"))
        an = self.ctx.aujourd_hui().year
        if p.annee_fabrication is not None and not 1900 <= p.annee_fabrication <= an:
            problemes.append(Probleme(ou, "annee_fabrication", f"année entre 1900 et {an}"))
        if p.age_produit is not None and not 0 <= p.age_produit <= 150:
            problemes.append(Probleme(ou, "age_produit", "âge en années, entre 0 et 150"))
        if p.poids_estime_kg is not None and not 0 <= p.poids_estime_kg <= 500:
            problemes.append(Probleme(ou, "poids_estime_kg", "poids en kg, entre 0 et 500"))
        if problemes:
            raise DonneesInvalides("Le projet n'est pas enregistré.", problemes)

    # ------------------------------------------------------------- reading
    def _projet(self, projet_id: str) -> Projet:
        p = self.depot.get(Projet, projet_id)
        if p is None:
            raise UserError(f"Le projet « {projet_id} » n'existe pas.")
        return p

    def projet(self, projet_id: str) -> Projet:
        self.ctx.exiger(Permission.VOIR_PERSONNES)
        return self._projet(projet_id)

    def tous(self) -> list[Projet]:
        """Every project, last worked on first."""
        self.ctx.exiger(Permission.VOIR_PERSONNES)
        return sorted(self.depot.all(Projet), key=lambda p: (regles.derniere_visite(p), p.id), reverse=True)

    def en_cours(self) -> list[Projet]:
        """Open projects, last visit first."""
        return [p for p in self.tous() if comptage.est_en_cours(p.etat)]

    def oublies(self) -> list[Projet]:
        """Open projects untouched for over a month."""
        today = self.ctx.aujourd_hui()
        return [p for p in self.en_cours() if regles.oublie(p, today)]

    def de_l_annee(self, annee: int) -> list[Projet]:
        """Projects opened, visited or closed in the year."""
        return [p for p in self.tous() if _actif(p, annee)]

    def de_personne(self, personne_id: str) -> list[Projet]:
        return [p for p in self.tous() if p.personne == personne_id]

    # ------------------------------------------------------------- figures
    def impact(self, debut: date, fin: date) -> regles.Impact:
        """Waste and CO2e avoided in a period (aggregate, no personal data)."""
        self.ctx.exiger(Permission.STATISTIQUES)
        return regles.impact(self.depot.all(Projet), debut, fin)

    def chiffres(self, annee: int) -> ChiffresReparations:
        """The report sheet's figures for a year."""
        self.ctx.exiger(Permission.STATISTIQUES)
        debut, fin = date(annee, 1, 1), date(annee, 12, 31)
        projets = [p for p in self.depot.all(Projet) if _actif(p, annee)]
        visites = [v for p in projets for v in p.visites if v.date.year == annee]
        clos = [p for p in projets if p.clos_le is not None and p.clos_le.year == annee]
        imp = regles.impact(self.depot.all(Projet), debut, fin)

        def n(etat: str) -> int:
            return sum(1 for p in clos if p.etat == etat)

        return ChiffresReparations(
            annee=annee, projets_ouverts=sum(1 for p in projets if p.ouvert_le.year == annee),
            visites=len(visites), personnes=len({p.personne for p in projets}),
            repares=imp.repares, reparables=n(EtatProjet.REPARABLE), fin_de_vie=n(EtatProjet.FIN_DE_VIE),
            projets_termines=n(EtatProjet.TERMINE), heures=sum(v.duree for v in visites) / 60,
            dechets_kg=imp.dechets_kg, co2_kg=imp.co2_kg)

    def donnees_ords(self, annee: int | None = None) -> DonneesOrds:
        """Closed repairs for the ORDS file (written and journalled by ``documents.ords``)."""
        self.ctx.exiger(Permission.EXPORTER)
        projets = [p for p in self.depot.all(Projet)
                   if p.type == "reparation" and p.etat in ords.STATUT_ORDS and p.categorie_ords is not None
                   and (annee is None or date_evenement(p).year == annee)]
        projets.sort(key=lambda p: (date_evenement(p), p.id))
        noms: dict[str, tuple[str, ...]] = {}
        for pid in {p.personne for p in projets}:
            pers = self.depot.get(Personne, pid)
            if pers is not None:
                noms[pid] = (pers.nom, pers.prenom)
        centre = self.services.centre.centre()
        reglage = str(self.services.centre.parametres().extra.get("ords_identifiant_groupe", ""))
        return DonneesOrds(projets, noms, centre.nom, identifiant_groupe(centre.nom, reglage))


def _actif(p: Projet, annee: int) -> bool:
    return comptage.projet_actif(p, annee)

