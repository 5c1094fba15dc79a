"""The activity-report sheets and the plain rows the statistics are computed from.

Why the rows are gathered here and not in ``reports/``: the services own the store, the reports
own pandas (tests/test_architecture.py). The rows are plain dicts read straight from the stored
documents, so a year at ten-year scale is read in one pass without building records.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from atelier_app.domain import chiffres as ch
from atelier_app.domain.accompagnements import Accompagnement
from atelier_app.domain.activites import Activite, Cycle, Groupe
from atelier_app.domain.fiches import CHAMPS_MODIFIABLES, LIBELLES, Fiche, FicheTexte, LigneFiche, libelle
from atelier_app.domain.positionnement import Positionnement
from atelier_app.domain.preliste import EntreePreliste
from atelier_app.domain.projets import Projet
from atelier_app.domain.roles import Permission
from atelier_app.domain.seances import Seance
from atelier_app.errors import UserError
from atelier_app.services.base import Service

log = logging.getLogger(__name__)


@dataclass
class Collecte:
    """Everything the statistics of one period need, as plain rows (no personal names)."""

    debut: date
    fin: date
    activite: str | None
    activites: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (nom, genre)
    seances: list[dict[str, Any]] = field(default_factory=list)
    presences: list[dict[str, Any]] = field(default_factory=list)
    inscriptions: list[dict[str, Any]] = field(default_factory=list)
    accompagnements: list[dict[str, Any]] = field(default_factory=list)
    premieres: dict[str, str] = field(default_factory=dict)  # person -> first activity day ever (ISO)
    #: group of a course in cycles -> (first held day, last held day, no session left planned), all years
    bornes_groupes: dict[str, tuple[str, str, bool]] = field(default_factory=dict)
    preliste: list[dict[str, Any]] = field(default_factory=list)
    projets: list[dict[str, Any]] = field(default_factory=list)
    positionnements: list[dict[str, Any]] = field(default_factory=list)
    impact: dict[str, float] | None = None


class FichesService(Service):
    # ------------------------------------------------------------- sheets
    def fiche(self, activite_id: str, annee: int) -> Fiche:
        """Every label of the centre's format in order, with this year's values."""
        self.ctx.exiger(Permission.STATISTIQUES)
        activite = self.services.centre.activite(activite_id)
        edite = self.depot.get(FicheTexte, FicheTexte.identifiant(activite_id, annee))
        champs = dict(edite.champs) if edite else {}
        calcule = self.chiffres_calcules(activite_id, annee)
        chiffres = edite.chiffres if edite and edite.chiffres is not None else calcule
        centre = self.services.centre.centre()
        valeurs = {"nom": activite.nom, "objectifs": "", "chiffres": chiffres,
                   "objectifs_contrat": " ; ".join(centre.objectifs_contrat_projet), **_textes_activite(activite)}
        valeurs.update({k: v for k, v in champs.items() if k in CHAMPS_MODIFIABLES})
        lignes = tuple(LigneFiche(cle, libelle(cle, annee), valeurs[cle]) for cle, _l in LIBELLES)
        return Fiche(activite_id, annee, activite.nom, lignes, calcule,
                     chiffres_modifies=chiffres != calcule)

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
        if texte is not None and texte == self.chiffres_calcules(activite_id, annee):
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
        return self.fiche(activite_id, annee)

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
            return self._chiffres(self.services.centre.activite(activite_id), annee)

    def _chiffres(self, activite: Activite, annee: int) -> str:
        activite_id = activite.id
        debut, fin = date(annee, 1, 1), date(annee, 12, 31)
        if activite.genre_activite == "accompagnement":
            lignes = [a for a in self.depot.all_dicts(Accompagnement, annee=annee)]
            personnes = {a["personne"] for a in lignes if a.get("personne")}
            heures = sum(a.get("duree", 0) for a in lignes) / 60
            return ch.texte_accompagnement(annee, len(lignes), len(personnes), heures)
        groupes = self._groupes(activite_id)
        seances = self._seances(set(groupes), debut.year - 1, fin.year + 1)
        heures = sum(s["duree"] for s in seances if s["etat"] == "realisee" and s["date"][:4] == str(annee)) / 60
        if activite.genre_activite == "cycles":
            return ch.texte_cycles(annee, self._cycles_de_l_annee(activite_id, annee, groupes, seances), heures)
        adherents = self._inscrits_annee(annee, groupes, seances)
        if activite.genre_activite == "club":
            return ch.texte_club(annee, len(adherents), heures)
        projets = [p for p in self.depot.all_dicts(Projet) if _projet_actif(p, annee)]
        adherents |= {p["personne"] for p in projets}
        if not any(s["etat"] == "realisee" for s in seances):
            heures = sum(v.get("duree", 0) for p in projets for v in p.get("visites", ())
                         if str(v.get("date", ""))[:4] == str(annee)) / 60
        ouverts = sum(1 for p in projets if p["ouvert_le"][:4] == str(annee))
        repares = sum(1 for p in projets if p.get("etat") == "repare" and _fin_projet(p)[:4] == str(annee))
        impact = self.impact_reparations(debut, fin)
        return ch.texte_projets(annee, len(adherents), heures, ouverts, repares,
                                dechets_kg=impact.get("dechets_kg") if impact else None,
                                co2_kg=impact.get("co2_kg") if impact else None)

    def _groupes(self, activite_id: str) -> dict[str, Mapping[str, Any]]:
        cycles = {c["id"] for c in self.depot.all_dicts(Cycle) if c.get("activite") == activite_id}
        return {g["id"]: g for g in self.depot.all_dicts(Groupe) if g.get("cycle") in cycles}

    def _seances(self, groupes: set[str], de: int, a: int) -> list[Mapping[str, Any]]:
        return [s for y in range(de, a + 1) for s in self.depot.all_dicts(Seance, annee=y) if s.get("groupe") in groupes]

    def _cycles_de_l_annee(self, activite_id: str, annee: int, groupes: dict[str, Mapping[str, Any]],
                           seances: list[Mapping[str, Any]]) -> list[ch.CycleChiffres]:
        """A cycle belongs to the year of its first session day (or of its planned start if none yet)."""
        jours: dict[str, list[str]] = {}
        for s in seances:
            jours.setdefault(groupes[s["groupe"]]["cycle"], []).append(s["date"])
        out = []
        for c in self.depot.all_dicts(Cycle):
            if c.get("activite") != activite_id:
                continue
            dates = sorted(jours.get(c["id"], ()))
            if dates:
                premier, dernier = date.fromisoformat(dates[0]), date.fromisoformat(dates[-1])
            elif c.get("debut"):
                premier = date.fromisoformat(c["debut"])
                dernier = date.fromisoformat(c["fin"]) if c.get("fin") else premier
            else:
                continue
            if premier.year != annee:
                continue
            inscrits = {p for g in groupes.values() if g["cycle"] == c["id"] for p in g.get("inscrits", ())}
            out.append(ch.CycleChiffres(premier, dernier, len(inscrits)))
        return out

    def _inscrits_annee(self, annee: int, groupes: dict[str, Mapping[str, Any]],
                        seances: list[Mapping[str, Any]]) -> set[str]:
        """Members of a club: enrolled in a group meeting that year, or who came to one of its sessions."""
        de_l_annee = [s for s in seances if s["date"][:4] == str(annee)]
        actifs = {s["groupe"] for s in de_l_annee}
        membres = {p for gid in actifs for p in groupes[gid].get("inscrits", ())}
        membres |= {p["personne"] for s in de_l_annee if s["etat"] == "realisee"
                    for p in s.get("presences", ()) if p.get("statut") in ("present", "retard")}
        return membres

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
        acts = {a["id"]: (a["nom"], a.get("genre_activite", "cycles")) for a in self.depot.all_dicts(Activite)}
        cycles = {c["id"]: c.get("activite") for c in self.depot.all_dicts(Cycle)}
        groupes = {g["id"]: g for g in self.depot.all_dicts(Groupe)}
        grp_act = {gid: cycles.get(g.get("cycle")) for gid, g in groupes.items()}
        out = Collecte(debut, fin, activite, activites=acts)
        for y in range(debut.year, fin.year + 1):
            for s in self.depot.all_dicts(Seance, annee=y):
                if not d <= s["date"] <= f:
                    continue
                act = grp_act.get(s["groupe"])
                if activite and act != activite:
                    continue
                cyc = groupes.get(s["groupe"], {}).get("cycle")
                held = s.get("etat") == "realisee"
                pres = s.get("presences", ()) if held else ()
                venus = 0
                for p in pres:
                    venue = p.get("statut") in ("present", "retard")
                    venus += venue
                    out.presences.append({
                        "seance": s["id"], "activite": act, "cycle": cyc, "groupe": s["groupe"], "date": s["date"],
                        "duree": s.get("duree", 0), "personne": p["personne"], "statut": p.get("statut"),
                        "venue": venue, "inscrit": p.get("inscrit", True),
                        "tranche_age": p.get("tranche_age") or "non_communique",
                        "genre": p.get("genre") or "non_communique",
                        "statut_social": p.get("statut_social") or "non_communique", "commune": p.get("commune") or ""})
                out.seances.append({
                    "id": s["id"], "activite": act, "cycle": cyc, "groupe": s["groupe"], "date": s["date"],
                    "duree": s.get("duree", 0), "etat": s.get("etat", "prevue"),
                    "thematiques": list(s.get("thematiques", ())), "anonymes": s.get("anonymes", 0) if held else 0,
                    "venus": venus + (s.get("anonymes", 0) if held else 0)})
        vus_groupes = {s["groupe"] for s in out.seances}
        for gid in sorted(vus_groupes):
            for p in groupes.get(gid, {}).get("inscrits", ()):
                out.inscriptions.append({"activite": grp_act.get(gid), "cycle": groupes[gid].get("cycle"),
                                         "groupe": gid, "personne": p})
        if activite is None or acts.get(activite, ("", ""))[1] == "accompagnement":
            for y in range(debut.year, fin.year + 1):
                out.accompagnements += [
                    {"date": a["date"], "duree": a.get("duree", 0), "thematiques": list(a.get("thematiques", ())),
                     "suite": a.get("suite", "autre"), "personne": a.get("personne"),
                     "tranche_age": a.get("tranche_age") or "non_communique",
                     "genre": a.get("genre") or "non_communique",
                     "statut_social": a.get("statut_social") or "non_communique", "commune": a.get("commune") or ""}
                    for a in self.depot.all_dicts(Accompagnement, annee=y) if d <= a["date"] <= f]
        personnes = {p["personne"] for p in out.presences if p["venue"]}
        personnes |= {a["personne"] for a in out.accompagnements if a["personne"]}
        premieres, bornes = self._historique()
        out.premieres = {p: premieres[p] for p in personnes if p in premieres}
        en_cycles = {a for a, (_n, genre) in acts.items() if genre == "cycles"}
        out.bornes_groupes = {g: bornes[g] for g in vus_groupes if g in bornes and grp_act.get(g) in en_cycles}
        out.preliste = [
            {"activite": e["activite"], "demande_le": e["demande_le"], "etat": e.get("etat"),
             "inscrit_le": next((h["le"] for h in e.get("historique", ()) if h.get("etat") == "inscrit"), None)}
            for e in self.depot.all_dicts(EntreePreliste)
            if (activite is None or e["activite"] == activite) and e["demande_le"] <= f]
        if activite is None or acts.get(activite, ("", ""))[1] == "projets":
            out.projets = [dict(p, fin_projet=_fin_projet(p)) for p in self.depot.all_dicts(Projet)
                           if p["ouvert_le"] <= f and _fin_projet(p) >= d]
            out.impact = self.impact_reparations(debut, fin)
        out.positionnements = [
            {"personne": p["personne"], "date": p["date"], "niveau": p.get("niveau"), "moment": p.get("moment", "entree"),
             "cycle": p.get("cycle"), "activite": cycles.get(p.get("cycle"))}
            for y in range(debut.year, fin.year + 1) for p in self.depot.all_dicts(Positionnement, annee=y)
            if d <= p["date"] <= f and (activite is None or cycles.get(p.get("cycle")) == activite)]
        return out

    def _historique(self) -> tuple[dict[str, str], dict[str, tuple[str, str, bool]]]:
        """Over every year: the first day each person came (a session or the help desk), and each group's
        first and last held days; one pass, kept until the next write."""
        cle = getattr(self.depot, "derniere_ecriture", None)
        cache = getattr(self, "_cache_historique", None)
        if cache is not None and cache[0] == cle:
            return cache[1]
        premieres: dict[str, str] = {}
        bornes: dict[str, list] = {}
        for s in self.depot.all_dicts(Seance):
            b = bornes.setdefault(s["groupe"], ["9999", "0000", True])
            if s.get("etat") == "prevue":
                b[2] = False
            if s.get("etat") != "realisee":
                continue
            jour = s["date"]
            b[0], b[1] = min(b[0], jour), max(b[1], jour)
            for p in s.get("presences", ()):
                if p.get("statut") in ("present", "retard"):
                    qui = p["personne"]
                    if jour < premieres.get(qui, "9999"):
                        premieres[qui] = jour
        for a in self.depot.all_dicts(Accompagnement):
            qui = a.get("personne")
            if qui and a["date"] < premieres.get(qui, "9999"):
                premieres[qui] = a["date"]
        resultat = (premieres, {g: (b[0], b[1], b[2]) for g, b in bornes.items() if b[1] != "0000"})
        self._cache_historique = (cle, resultat)
        return resultat


def _textes_activite(a: Activite) -> dict[str, str]:
    """The sheet's texts as the activity gives them (a year's sheet keeps only what differs)."""
    return {"animateur": a.animateur, "lieu": a.lieu, "objectif_pedagogique": a.objectif_pedagogique,
            "description": a.description, "public": a.public, "partenaires": ", ".join(a.partenaires),
            "points_positifs": a.points_positifs, "perspectives": a.perspectives}


def _fin_projet(p: Mapping[str, Any]) -> str:
    """The day a project ended (or its last visit, or its opening) as ISO text."""
    for cle in ("repare_le", "clos_le"):
        if p.get(cle):
            return str(p[cle])
    visites = [str(v.get("date")) for v in p.get("visites", ()) if v.get("date")]
    return max(visites) if visites and p.get("etat") != "en_cours" else (
        "9999-12-31" if p.get("etat") == "en_cours" else str(p["ouvert_le"]))


def _projet_actif(p: Mapping[str, Any], annee: int) -> bool:
    an = str(annee)
    return (p["ouvert_le"][:4] == an or any(str(v.get("date", ""))[:4] == an for v in p.get("visites", ()))
            or (p["ouvert_le"][:4] < an <= _fin_projet(p)[:4]))
