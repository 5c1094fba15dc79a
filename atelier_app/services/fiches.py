"""The activity-report sheets and the rows the statistics are computed from.

Why the rows are gathered here and not in ``reports/``: the services own the store, the reports
only count (tests/test_architecture.py). The store hands light frozen rows (``Store.lignes``,
``domain/lignes.py``), so a year at ten-year scale is read in one pass without building records,
and every count goes through its one rule in ``domain/comptage.py``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from typing import Any

from atelier_app.domain import chiffres as ch
from atelier_app.domain import comptage
from atelier_app.domain.activites import Activite
from atelier_app.domain.etats import EtatProjet
from atelier_app.domain.fiches import CHAMPS_MODIFIABLES, LIBELLES, Fiche, FicheTexte, LigneFiche, libelle
from atelier_app.domain.lignes import (
    AccompagnementLigne,
    ActiviteLigne,
    CycleLigne,
    GroupeLigne,
    InscriptionStat,
    PositionnementLigne,
    PrelisteLigne,
    PresenceStat,
    ProjetLigne,
    SeanceLigne,
    SeanceStat,
    VenuesLigne,
)
from atelier_app.domain.roles import Permission
from atelier_app.errors import UserError
from atelier_app.services.base import Service

log = logging.getLogger(__name__)


@dataclass
class Collecte:
    """Everything the statistics of one period need, as light rows (no personal names)."""

    debut: date
    fin: date
    activite: str | None
    activites: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (nom, genre)
    seances: list[SeanceStat] = field(default_factory=list)
    presences: list[PresenceStat] = field(default_factory=list)
    inscriptions: list[InscriptionStat] = field(default_factory=list)
    accompagnements: list[AccompagnementLigne] = field(default_factory=list)
    premieres: dict[str, str] = field(default_factory=dict)  # person -> first activity day ever (ISO)
    #: group of a course in cycles -> (first held day, last held day, no session left planned), all years
    bornes_groupes: dict[str, tuple[str, str, bool]] = field(default_factory=dict)
    preliste: list[PrelisteLigne] = field(default_factory=list)
    projets: list[ProjetLigne] = field(default_factory=list)
    positionnements: list[PositionnementLigne] = field(default_factory=list)
    impact: dict[str, float] | None = None


class FichesService(Service):
    # ------------------------------------------------------------- sheets
    def fiche(self, activite_id: str, annee: int, *, diffusion: bool = False) -> Fiche:
        """Every label of the centre's format in order, with this year's values.

        ``diffusion``: the sheet printed for the funders, whose computed Chiffres say « moins de 5 »
        for 1 to 4 people (DESIGN.md); the screen, for the team, keeps the true figures. A text the
        team rewrote is printed as written."""
        self.ctx.exiger(Permission.STATISTIQUES)
        with self.depot.exclusif():
            texte = self._chiffres(self.services.centre.activite(activite_id), annee)
        return self._fiche(activite_id, annee, texte(), texte(masquer=True) if diffusion else None)

    def _fiche(self, activite_id: str, annee: int, calcule: str, imprime: str | None = None) -> Fiche:
        """The sheet around an already computed Chiffres text (computed once per user action);
        ``imprime``: that text as a document for the funders prints it."""
        self.ctx.exiger(Permission.STATISTIQUES)
        activite = self.services.centre.activite(activite_id)
        edite = self.depot.get(FicheTexte, FicheTexte.identifiant(activite_id, annee))
        champs = dict(edite.champs) if edite else {}
        ecrit = edite.chiffres if edite and edite.chiffres not in (None, calcule) else None
        chiffres = ecrit if ecrit is not None else (imprime or calcule)
        if ecrit is not None and imprime and calcule in ecrit:  # the computed text, completed by hand
            chiffres = ecrit.replace(calcule, imprime)
        centre = self.services.centre.centre()
        valeurs = {"nom": activite.nom, "objectifs": "", "chiffres": chiffres,
                   "objectifs_contrat": " ; ".join(centre.objectifs_contrat_projet), **_textes_activite(activite)}
        valeurs.update({k: v for k, v in champs.items() if k in CHAMPS_MODIFIABLES})
        lignes = tuple(LigneFiche(cle, libelle(cle, annee), valeurs[cle]) for cle, _l in LIBELLES)
        return Fiche(activite_id, annee, activite.nom, lignes, imprime or calcule,
                     chiffres_modifies=chiffres != (imprime or calcule))

    def enregistrer(self, activite_id: str, annee: int, chiffres: str | None = None,
                    champs: dict[str, str] | None = None) -> Fiche:
        """Keep the edited text of one sheet; a text equal to the computed one is not frozen."""
        self.ctx.exiger(Permission.GERER_ACTIVITES)
        self.services.centre.activite(activite_id)
        inconnus = set(champs or {}) - set(CHAMPS_MODIFIABLES)
        if inconnus:
            raise UserError(f"Fiche {activite_id} {annee} : champ(s) non modifiable(s) : {', '.join(sorted(inconnus))}.")
        ident = FicheTexte.identifiant(activite_id, annee)
        ancien = self.depot.get(FicheTexte, ident) or FicheTexte(ident, activite_id, annee)
        texte = (chiffres or "").strip() or None
        calcule = self.chiffres_calcules(activite_id, annee)  # the sheet's text is no count: unchanged by the save
        if texte is not None and texte == calcule:
            texte = None
        defauts = _textes_activite(self.services.centre.activite(activite_id))
        fusion = {**ancien.champs, **{k: (v or "").strip() for k, v in (champs or {}).items()}}
        nouveau = replace(ancien, chiffres=texte if chiffres is not None else ancien.chiffres,
                          champs={k: v for k, v in fusion.items() if v != defauts[k]},
                          modifie_le=self.ctx.maintenant().replace(microsecond=0),
                          modifie_par=self.ctx.utilisateur.identifiant)
        with self.depot.transaction(f"Fiche bilan {activite_id} {annee}") as tx:
            tx.put(nouveau)
        self.ctx.signaler("fiches")
        return self._fiche(activite_id, annee, calcule)

    def revenir_au_calcule(self, activite_id: str, annee: int) -> Fiche:
        """Forget the edited Chiffres paragraph: the sheet shows the computed text again."""
        self.ctx.exiger(Permission.GERER_ACTIVITES)
        ancien = self.depot.get(FicheTexte, FicheTexte.identifiant(activite_id, annee))
        if ancien is not None and ancien.chiffres is not None:
            with self.depot.transaction(f"Fiche bilan {activite_id} {annee} : texte calculé") as tx:
                tx.put(replace(ancien, chiffres=None))
            self.ctx.signaler("fiches")
        return self.fiche(activite_id, annee)

    # ----------------------------------------------------------- Chiffres
    def chiffres_calcules(self, activite_id: str, annee: int) -> str:
        self.ctx.exiger(Permission.STATISTIQUES)
        with self.depot.exclusif():
            return self._chiffres(self.services.centre.activite(activite_id), annee)()

    def _chiffres(self, activite: Activite, annee: int) -> Callable[..., str]:
        """The sheet's figures, each from its one rule in ``domain/comptage.py``, as the sentence to
        write with them (called with ``masquer=True`` for a document that leaves the centre)."""
        debut, fin = date(annee, 1, 1), date(annee, 12, 31)
        if activite.genre_activite == "accompagnement":
            lignes = self.depot.lignes(AccompagnementLigne, annee)
            personnes = {a.personne for a in lignes if a.personne}
            heures = sum(a.duree for a in lignes) / 60
            return partial(ch.texte_accompagnement, annee, len(lignes), len(personnes), heures)
        groupes = self._groupes(activite.id)
        seances = self._seances(set(groupes), annee - 1, annee + 1)
        an = str(annee)
        de_l_annee = [s for s in seances if s.jour[:4] == an]
        heures = comptage.heures_tenues(de_l_annee)
        tenues = [s for s in de_l_annee if comptage.est_tenue(s.etat)]
        # the weekdays the activity actually met (« inscrits le mercredi »), and its groups that met
        jours = ch.jours_des_dates(s.jour for s in tenues)
        if activite.genre_activite == "cycles":
            return partial(ch.texte_cycles, annee, self._cycles_de_l_annee(activite.id, annee, groupes, seances),
                           heures, groupes=len({s.groupe for s in tenues}))
        if activite.genre_activite == "club":
            adh = comptage.adherents(groupes.values(), de_l_annee)
            return partial(ch.texte_club, annee, len(adh.inscrits), heures, jours=jours,
                           sans_inscription=len(adh.sans_inscription))
        projets = [p for p in self.depot.lignes(ProjetLigne) if comptage.projet_actif(p, annee)]
        adh = comptage.adherents(groupes.values(), de_l_annee, porteurs=(p.personne for p in projets))
        if not comptage.tenues(seances):
            heures = sum(v.duree for p in projets for v in p.visites if v.date.year == annee) / 60
        ouverts = sum(1 for p in projets if p.ouvert_le.year == annee)
        repares = sum(1 for p in projets if p.etat == EtatProjet.REPARE and comptage.fin_projet(p).year == annee)
        impact = self.impact_reparations(debut, fin)
        return partial(ch.texte_projets, annee, len(adh.inscrits), heures, ouverts, repares,
                       dechets_kg=impact.get("dechets_kg") if impact else None,
                       co2_kg=impact.get("co2_kg") if impact else None, jours=jours,
                       sans_inscription=len(adh.sans_inscription))

    def _groupes(self, activite_id: str) -> dict[str, GroupeLigne]:
        cycles = {c.id for c in self.depot.lignes(CycleLigne) if c.activite == activite_id}
        return {g.id: g for g in self.depot.lignes(GroupeLigne) if g.cycle in cycles}

    def _seances(self, groupes: set[str], de: int, a: int) -> list[SeanceLigne]:
        return [s for y in range(de, a + 1) for s in self.depot.lignes(SeanceLigne, y) if s.groupe in groupes]

    def _cycles_de_l_annee(self, activite_id: str, annee: int, groupes: dict[str, GroupeLigne],
                           seances: list[SeanceLigne]) -> list[ch.CycleChiffres]:
        """A cycle belongs to the year of its first session day (or of its planned start if none yet)."""
        jours: dict[str, list[str]] = {}
        for s in seances:
            jours.setdefault(groupes[s.groupe].cycle, []).append(s.jour)
        out = []
        for c in self.depot.lignes(CycleLigne):
            if c.activite != activite_id:
                continue
            dates = sorted(jours.get(c.id, ()))
            if dates:
                premier, dernier = date.fromisoformat(dates[0]), date.fromisoformat(dates[-1])
            elif c.debut is not None:
                premier = c.debut
                dernier = c.fin or premier
            else:
                continue
            if premier.year != annee:
                continue
            out.append(ch.CycleChiffres(premier, dernier, len(comptage.stagiaires(groupes.values(), c.id))))
        return out

    def impact_reparations(self, debut: date, fin: date) -> dict[str, float] | None:
        """Waste and CO2 avoided (Restarters method), asked of the repair-café service when it has it."""
        self.ctx.exiger(Permission.STATISTIQUES)
        try:
            reparations = self.services.reparations
        except (ImportError, AttributeError):
            return None
        calcul = getattr(reparations, "impact", None)
        if calcul is None:
            return None
        try:
            res = calcul(debut, fin)
        except TypeError:
            return None
        if isinstance(res, dict):
            return {"dechets_kg": float(res.get("dechets_kg", 0.0)), "co2_kg": float(res.get("co2_kg", 0.0))}
        return {"dechets_kg": float(res.dechets_kg), "co2_kg": float(res.co2_kg)}

    # ----------------------------------------------------------- statistics rows
    def collecte(self, debut: date, fin: date, activite: str | None = None) -> Collecte:
        """The plain rows of a period (and one activity or all) for ``reports.statistiques``."""
        self.ctx.exiger(Permission.STATISTIQUES)
        if fin < debut:
            raise UserError(f"Période : le {fin:%d/%m/%Y} est avant le {debut:%d/%m/%Y}.")
        with self.depot.exclusif():  # read from a worker thread: writes wait for the end of the reading
            return self._collecte(debut, fin, activite)

    def _collecte(self, debut: date, fin: date, activite: str | None) -> Collecte:
        d, f = debut.isoformat(), fin.isoformat()
        acts = {a.id: (a.nom, a.genre_activite) for a in self.depot.lignes(ActiviteLigne)}
        cycles = {c.id: c.activite for c in self.depot.lignes(CycleLigne)}
        groupes = {g.id: g for g in self.depot.lignes(GroupeLigne)}
        grp_act = {gid: cycles.get(g.cycle) for gid, g in groupes.items()}
        out = Collecte(debut, fin, activite, activites=acts)
        presences, stats = out.presences, out.seances
        for y in range(debut.year, fin.year + 1):
            for s in self.depot.lignes(SeanceLigne, y):
                jour = s.jour
                if not d <= jour <= f:
                    continue
                act = grp_act.get(s.groupe)
                if activite and act != activite:
                    continue
                g = groupes.get(s.groupe)
                cyc = g.cycle if g is not None else None
                tenue = comptage.est_tenue(s.etat)
                if tenue:
                    for p in s.presences:
                        presences.append(PresenceStat(
                            s.id, act, cyc, s.groupe, jour, s.duree, p.personne, p.statut,
                            comptage.est_venue(p.statut), p.inscrit, p.tranche_age, p.genre, p.statut_social,
                            p.commune))
                stats.append(SeanceStat(s.id, act, cyc, s.groupe, jour, s.duree, s.etat, s.thematiques,
                                        s.anonymes if tenue else 0, comptage.venus(s), tenue))
        vus_groupes = {s.groupe for s in out.seances}
        for gid in sorted(vus_groupes):
            g = groupes.get(gid)
            if g is not None:
                out.inscriptions += [InscriptionStat(grp_act.get(gid), g.cycle, gid, p) for p in g.inscrits]
        if activite is None or acts.get(activite, ("", ""))[1] == "accompagnement":
            for y in range(debut.year, fin.year + 1):
                out.accompagnements += [a for a in self.depot.lignes(AccompagnementLigne, y) if d <= a.date <= f]
        personnes = {p.personne for p in out.presences if p.venue}
        personnes |= {a.personne for a in out.accompagnements if a.personne}
        premieres, bornes = self._historique()
        out.premieres = {p: premieres[p] for p in personnes if p in premieres}
        en_cycles = {a for a, (_n, genre) in acts.items() if genre == "cycles"}
        out.bornes_groupes = {g: bornes[g] for g in vus_groupes if g in bornes and grp_act.get(g) in en_cycles}
        out.preliste = [e for e in self.depot.lignes(PrelisteLigne)
                        if (activite is None or e.activite == activite) and e.demande_le <= f]
        if activite is None or acts.get(activite, ("", ""))[1] == "projets":
            out.projets = [p for p in self.depot.lignes(ProjetLigne)
                           if p.ouvert_le <= fin and comptage.fin_projet(p) >= debut]
            out.impact = self.impact_reparations(debut, fin)
        out.positionnements = [
            p for y in range(debut.year, fin.year + 1) for p in self.depot.lignes(PositionnementLigne, y)
            if d <= p.date <= f and (activite is None or cycles.get(p.cycle or "") == activite)]
        return out

    def _historique(self) -> tuple[dict[str, str], dict[str, tuple[str, str, bool]]]:
        """Over every year: the first day each person came (a session or the help desk), and each group's
        first and last held days; one pass, kept until the next write."""
        cle = getattr(self.depot, "derniere_ecriture", None)
        cache = getattr(self, "_cache_historique", None)
        if cache is not None and cache[0] == cle:
            return cache[1]
        premieres: dict[str, str] = {}
        bornes: dict[str, list[Any]] = {}
        for s in self.depot.lignes(VenuesLigne):
            b = bornes.setdefault(s.groupe, ["9999", "0000", True])
            if comptage.est_prevue(s.etat):
                b[2] = False
            if not comptage.est_tenue(s.etat):
                continue
            jour = s.jour
            b[0], b[1] = min(b[0], jour), max(b[1], jour)
            for qui in s.venus:
                if jour < premieres.get(qui, "9999"):
                    premieres[qui] = jour
        for a in self.depot.lignes(AccompagnementLigne):
            if a.personne and a.date < premieres.get(a.personne, "9999"):
                premieres[a.personne] = a.date
        resultat = (premieres, {g: (b[0], b[1], b[2]) for g, b in bornes.items() if b[1] != "0000"})
        self._cache_historique = (cle, resultat)
        return resultat


def _textes_activite(a: Activite) -> dict[str, str]:
    """The sheet's texts as the activity gives them (a year's sheet keeps only what differs)."""
    return {"animateur": a.animateur, "lieu": a.lieu, "objectif_pedagogique": a.objectif_pedagogique,
            "description": a.description, "public": a.public, "partenaires": ", ".join(a.partenaires),
            "points_positifs": a.points_positifs, "perspectives": a.perspectives}
