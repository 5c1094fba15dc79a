"""The statistics of a period, per activity or all together, compared with the year before.

Why these rules (reference/coop.md §3.5): activity breakdowns are weighted by participants,
demographics counted on distinct people from the snapshot kept on each attendance mark (so that
anonymising someone never changes a past year), *nouveaux* are people whose first attendance ever
falls in the period, and percentages are round(100000·n/total)/1000. The national sections come
first, in the national tool's order; the centre's own sections follow.

Why plain Python and not pandas: every figure is a count, a sum or a distinct count over the
period's light rows (``domain/lignes.py``), one pass each. pandas did the same groupings, but a user
running ``atelier stats`` or ``rapport`` waited for its import (0,3 s of CPU, twice that in wall time
on a loaded PC) and for building its DataFrames, longer than the counting itself (benchmarks/RESULTS.md,
"Processus entiers").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from atelier_app.domain import comptage, preliste
from atelier_app.domain.codes import (
    ETATS_PROJET,
    GENRES,
    NIVEAUX,
    STATUTS_SOCIAUX,
    SUITES_ACCOMPAGNEMENT,
    THEMATIQUES_DEMARCHES,
    THEMATIQUES_MEDIATION,
    TRANCHES_AGE,
)
from atelier_app.domain.etats import EtatSeance
from atelier_app.domain.lignes import AccompagnementLigne, PresenceStat, SeanceStat

MOIS_COURTS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")
DUREES = (("30", "Moins de 30 min", 0, 30), ("60", "30min à 1 h", 30, 60), ("120", "1 h à 2 h", 60, 120),
          ("more", "2 h et plus", 120, 10**6))
SEUIL_ANONYMAT = 5


@dataclass
class Ligne:
    libelle: str
    valeur: float
    pourcentage: float | None = None
    personnes: bool = False  # a count of people: hidden under 5 in exports for funders
    precedent: float | None = None
    pourcentage_precedent: float | None = None
    unite: str = ""


@dataclass
class Section:
    titre: str
    lignes: list[Ligne] = field(default_factory=list)
    nationale: bool = False
    graphique: str | None = None  # "barres" | "mois" | None


@dataclass
class Statistiques:
    debut: date
    fin: date
    activite: str | None
    libelle_activite: str
    sections: list[Section]
    precedent: tuple[date, date] | None = None

    def section(self, titre: str) -> Section:
        return next(s for s in self.sections if s.titre == titre)

    def valeur(self, titre: str, libelle: str) -> float:
        return next(lg.valeur for lg in self.section(titre).lignes if lg.libelle == libelle)


def pourcentage(n: float, total: float) -> float:
    """The national rule: three decimals, no correction to reach 100."""
    return round(100000 * n / total) / 1000 if total else 0.0


def periode_precedente(debut: date, fin: date) -> tuple[date, date]:
    def recule(d: date) -> date:
        try:
            return d.replace(year=d.year - 1)
        except ValueError:  # 29 February
            return d.replace(year=d.year - 1, day=28)
    return recule(debut), recule(fin)


def pour_periode(collecter: Callable[..., Any], debut: date, fin: date, activite: str | None = None,
                 comparer: bool = True) -> Statistiques:
    """Gather rows through ``collecter`` (``services.fiches.collecte``) and compute, with last year."""
    courante = collecter(debut, fin, activite)
    precedente = collecter(*periode_precedente(debut, fin), activite) if comparer else None
    return calculer(courante, precedente)


def calculer(collecte: Any, precedente: Any = None) -> Statistiques:
    sections = _sections(collecte)
    if precedente is not None:
        avant = {(s.titre, lg.libelle): lg for s in _sections(precedente) for lg in s.lignes}
        for s in sections:
            for lg in s.lignes:
                old = avant.get((s.titre, lg.libelle))
                if old is not None:
                    lg.precedent, lg.pourcentage_precedent = old.valeur, old.pourcentage
                elif s.graphique != "mois":
                    lg.precedent = 0
    nom = collecte.activites.get(collecte.activite, ("Toutes les activités",))[0] if collecte.activite \
        else "Toutes les activités"
    return Statistiques(collecte.debut, collecte.fin, collecte.activite, nom, sections,
                        (precedente.debut, precedente.fin) if precedente is not None else None)


# ---------------------------------------------------------------------------- computing
def _repartition(titre: str, codes: dict[str, str], compte: dict[str, float], total: float, *,
                 personnes: bool = False, garder_vides: bool = True, **kw) -> Section:
    lignes = [Ligne(lib, compte.get(code, 0), pourcentage(compte.get(code, 0), total), personnes)
              for code, lib in codes.items() if garder_vides or compte.get(code, 0)]
    return Section(titre, lignes, **kw)


def _sections(c: Any) -> list[Section]:
    seances: list[SeanceStat] = list(c.seances)
    presences: list[PresenceStat] = list(c.presences)
    accomp: list[AccompagnementLigne] = list(c.accompagnements)
    tenues = [s for s in seances if s.tenue]  # held: comptage.est_tenue, computed on each row
    venues = [p for p in presences if p.venue]
    participants = sum(s.venus for s in tenues)
    individuels = len(accomp)
    total_acc = participants + individuels
    anonymes = sum(s.anonymes for s in tenues) + sum(1 for a in accomp if a.personne is None)
    # one snapshot per distinct person: the first mark of the period (sessions first on the same day)
    snap: dict[str, Any] = {}
    for r in sorted([*venues, *(a for a in accomp if a.personne is not None)], key=lambda r: r.date):
        snap.setdefault(r.personne, r)
    suivis = len(snap)
    debut = c.debut.isoformat()
    nouveaux = sum(1 for p in snap if c.premieres.get(p, debut) >= debut)

    out: list[Section] = []
    gen = Section("Statistiques générales", nationale=True)
    gen.lignes += [Ligne("Accompagnements au total", total_acc), Ligne("Bénéficiaires accompagnés", suivis + anonymes),
                   Ligne("Nouveaux bénéficiaires", nouveaux, personnes=True),
                   Ligne("Bénéficiaires suivis", suivis, personnes=True), Ligne("Bénéficiaires anonymes", anonymes)]
    out.append(gen)
    out.append(_mensuel(c, tenues, accomp))
    activites_total = len(tenues) + individuels
    out.append(Section("Statistiques sur vos accompagnements", [
        Ligne("Accompagnements individuels", individuels, pourcentage(individuels, activites_total)),
        Ligne("Ateliers collectifs", len(tenues), pourcentage(len(tenues), activites_total)),
        Ligne("Nombre total de participants aux ateliers", participants),
        Ligne("Nombre total d'activités", activites_total)], nationale=True))
    themes = _themes(tenues, accomp)
    out.append(_repartition("Thématiques Médiation numérique", THEMATIQUES_MEDIATION, themes, total_acc,
                            garder_vides=False, nationale=True, graphique="barres"))
    out.append(_repartition("Thématiques Démarches administratives", THEMATIQUES_DEMARCHES, themes, total_acc,
                            garder_vides=False, nationale=True))
    out.append(_durees(tenues, accomp, total_acc))
    for titre, colonne, codes in (("Genre", "genre", GENRES), ("Tranches d'âge", "tranche_age", TRANCHES_AGE),
                                  ("Statuts", "statut_social", STATUTS_SOCIAUX)):
        compte = Counter(v if (v := getattr(r, colonne)) is not None else "non_communique" for r in snap.values())
        out.append(_repartition(titre, codes, compte, suivis, personnes=True, nationale=True, graphique="barres"))
    communes = Counter(r.commune or "Non communiquée" for r in snap.values())
    out.append(Section("Commune de résidence des bénéficiaires", [
        Ligne(str(k), v, pourcentage(v, suivis), True)
        for k, v in sorted(communes.items(), key=lambda kv: (-kv[1], kv[0]))], nationale=True))
    out += _centre(c, seances, tenues, presences, venues=venues, participants=participants, nouveaux=nouveaux)
    out += _suivi_cycles(c, venues)
    out += _annexes(c, accomp)
    return out


def _mensuel(c: Any, tenues: list[SeanceStat], accomp: list[AccompagnementLigne]) -> Section:
    fin = c.fin
    mois = []
    y, m = fin.year, fin.month
    for _ in range(12):
        if date(y, m, 1) < c.debut.replace(day=1):
            break
        mois.append((y, m))
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    compte: dict[str, int] = {}
    for s in tenues:
        compte[s.date[:7]] = compte.get(s.date[:7], 0) + s.venus
    for a in accomp:
        compte[a.date[:7]] = compte.get(a.date[:7], 0) + 1
    lignes = [Ligne(f"{MOIS_COURTS[m - 1]} {y}", compte.get(f"{y:04d}-{m:02d}", 0)) for y, m in reversed(mois)]
    return Section("Accompagnements sur les 12 derniers mois", lignes, nationale=True, graphique="mois")


def _themes(tenues: list[SeanceStat], accomp: list[AccompagnementLigne]) -> dict[str, float]:
    compte: dict[str, float] = {}
    for s in tenues:
        for t in s.thematiques:
            compte[t] = compte.get(t, 0) + s.venus
    for a in accomp:
        for t in a.thematiques:
            compte[t] = compte.get(t, 0) + 1
    return compte


def _durees(tenues: list[SeanceStat], accomp: list[AccompagnementLigne], total: float) -> Section:
    compte = {code: 0 for code, *_r in DUREES}
    for duree, n in [(s.duree, s.venus) for s in tenues] + [(a.duree, 1) for a in accomp]:
        code = next(code for code, _l, bas, haut in DUREES if bas <= duree < haut)
        compte[code] += n
    return Section("Durées des activités", [Ligne(lib, compte[code], pourcentage(compte[code], total))
                                            for code, lib, _b, _h in DUREES], nationale=True)


def _centre(c, seances, tenues, presences, *, venues, participants, nouveaux) -> list[Section]:
    nom = {k: v[0] for k, v in c.activites.items()}
    heures = sum(s.duree for s in tenues) / 60
    heures_part = sum(s.duree * s.venus for s in tenues) / 60
    attendus = [p for p in presences if p.inscrit]
    taux = pourcentage(sum(1 for p in attendus if p.venue), len(attendus))
    etats = Counter(s.etat for s in seances)
    seance = Section("Séances et heures", [
        Ligne("Séances programmées (tous états)", len(seances)),
        Ligne("Séances réalisées", len(tenues)),
        Ligne("Séances annulées", etats[EtatSeance.ANNULEE.value]),
        Ligne("Séances encore « prévues » (à venir ou appel non fait)", etats[EtatSeance.PREVUE.value]),
        Ligne("Heures réalisées", round(heures, 2), unite="h"),
        Ligne("Heures-participants", round(heures_part, 2), unite="h"),
        Ligne("Taux de présence des inscrits", taux, unite="%")])
    gens = Section("Personnes et inscriptions", [
        Ligne("Personnes distinctes venues aux ateliers", len({p.personne for p in venues}), personnes=True),
        Ligne("Inscriptions en cumulé", len({(i.cycle, i.personne) for i in c.inscriptions})),
        Ligne("Personnes inscrites distinctes", len({i.personne for i in c.inscriptions if i.personne is not None}),
              personnes=True),
        Ligne("Nouvelles personnes", nouveaux, personnes=True),
        Ligne("Venues sans inscription", len({p.personne for p in venues if not p.inscrit}), personnes=True)])
    par_act = Section("Heures réalisées par activité", graphique="barres")
    part_act = Section("Participants par activité", graphique="barres")
    minutes: dict[str, int] = {}
    p: dict[str, int] = {}
    for s in tenues:
        if s.activite is not None:
            minutes[s.activite] = minutes.get(s.activite, 0) + s.duree
            p[s.activite] = p.get(s.activite, 0) + s.venus
    h = {a: m / 60 for a, m in minutes.items()}
    for act in [a for a in c.activites if a in h or a in p or a == c.activite]:
        if c.activites[act][1] == "accompagnement":
            continue
        par_act.lignes.append(Ligne(nom[act], round(float(h.get(act, 0)), 2), pourcentage(h.get(act, 0), heures),
                                    unite="h"))
        part_act.lignes.append(Ligne(nom[act], int(p.get(act, 0)), pourcentage(p.get(act, 0), participants)))
    return [seance, gens, par_act, part_act]


def _suivi_cycles(c, venues: list[PresenceStat]) -> list[Section]:
    """Drop-outs: enrolled people whose last attendance came before their group's last held session.

    Only groups of courses in cycles wholly held within the period and with no session left planned.
    """
    abandons = premiers = finis = jamais = 0
    d, f = c.debut.isoformat(), c.fin.isoformat()
    bornes = {g: {"min": b[0], "max": b[1]} for g, b in c.bornes_groupes.items() if b[2] and d <= b[0] and b[1] <= f}
    dernieres: dict[tuple[str, str], dict[str, str]] = {}
    for v in venues:
        if v.groupe not in bornes:
            continue
        jour = v.date
        d = dernieres.setdefault((v.groupe, v.personne), {"min": jour, "max": jour})
        d["min"], d["max"] = min(d["min"], jour), max(d["max"], jour)
    for ins in c.inscriptions:
        b = bornes.get(ins.groupe)
        if b is None:
            continue
        d = dernieres.get((ins.groupe, ins.personne))
        if d is None:
            jamais += 1
            continue
        if d["max"] < b["max"]:
            abandons += 1
        if d["min"] == b["min"]:
            premiers += 1
            finis += d["max"] == b["max"]
    return [Section("Assiduité des cycles terminés", [
        Ligne("Inscrits jamais venus", jamais, personnes=True),
        Ligne("Abandons en cours de cycle", abandons, personnes=True),
        Ligne("Présents à la première séance", premiers, personnes=True),
        Ligne("… dont ont suivi le cycle jusqu'au bout", finis, pourcentage(finis, premiers), personnes=True)])]


def _annexes(c: Any, accomp: list[AccompagnementLigne]) -> list[Section]:
    out = []
    fin = c.fin.isoformat()
    debut = c.debut.isoformat()
    demandes = [e for e in c.preliste if e.demande_le >= debut]
    delais = sorted((date.fromisoformat(e.inscrit_le) - date.fromisoformat(e.demande_le)).days
                    for e in c.preliste if e.inscrit_le and debut <= e.inscrit_le <= fin)
    # who waited on the period's last day: each entry's state on that day, not today's (a past period)
    attente = [(c.fin - date.fromisoformat(e.demande_le)).days for e in c.preliste
               if e.demande_le <= fin and preliste.est_en_attente(preliste.etat_le(fin, e.etat, e.historique))]
    out.append(Section("Pré-listes et attente", [
        Ligne("Demandes reçues", len(demandes), personnes=True),
        Ligne("Inscriptions depuis la pré-liste", len(delais), personnes=True),
        Ligne("Délai moyen avant inscription", round(sum(delais) / len(delais), 1) if delais else 0, unite="jours"),
        Ligne("Délai médian avant inscription", _mediane(delais), unite="jours"),
        Ligne("Toujours en attente en fin de période", len(attente), personnes=True),
        Ligne("Attente moyenne de celles-ci", round(sum(attente) / len(attente), 1) if attente else 0,
              unite="jours")]))
    n = len(accomp)
    themes: dict[str, float] = {}
    for a in accomp:
        for t in a.thematiques:
            themes[t] = themes.get(t, 0) + 1
    suites = Counter(a.suite for a in accomp if a.suite is not None)
    acc = Section("Accompagnement individuel", [
        Ligne("Demandes", n),
        Ligne("Personnes identifiées", len({a.personne for a in accomp if a.personne is not None}), personnes=True),
        Ligne("Heures d'accompagnement", round(sum(a.duree for a in accomp) / 60, 2), unite="h")])
    acc.lignes += [Ligne(lib, suites.get(code, 0), pourcentage(suites.get(code, 0), n))
                   for code, lib in SUITES_ACCOMPAGNEMENT.items()]
    out.append(acc)
    out.append(_repartition("Accompagnement individuel par thématique", {**THEMATIQUES_MEDIATION, **THEMATIQUES_DEMARCHES},
                            themes, n, garder_vides=False))
    if c.projets or c.impact:
        out.append(_repair(c))
    if c.positionnements:
        out.append(_niveaux(c))
    return out


def _mediane(valeurs: list[int]) -> float:
    if not valeurs:
        return 0
    m = len(valeurs) // 2
    return float(valeurs[m]) if len(valeurs) % 2 else (valeurs[m - 1] + valeurs[m]) / 2


def _repair(c: Any) -> Section:
    debut, fin = c.debut, c.fin
    ouverts = [p for p in c.projets if debut <= p.ouvert_le <= fin]
    clos = [p for p in c.projets if not comptage.est_en_cours(p.etat) and debut <= comptage.fin_projet(p) <= fin]
    heures = sum(v.duree for p in c.projets for v in p.visites if debut <= v.date <= fin) / 60
    s = Section("Repair café et projets", [
        Ligne("Projets ouverts", len(ouverts)),
        Ligne("Personnes porteuses de projet", len({p.personne for p in c.projets}), personnes=True),
        Ligne("Temps passé en visites", round(heures, 2), unite="h")])
    for code, lib in ETATS_PROJET.items():
        if comptage.est_en_cours(code):
            n = sum(1 for p in c.projets if comptage.est_en_cours(p.etat))
            s.lignes.append(Ligne("En cours en fin de période", n))
        else:
            s.lignes.append(Ligne(f"Clos : {lib.lower()}", sum(1 for p in clos if p.etat == code)))
    if c.impact:
        s.lignes.append(Ligne("Déchets évités", round(c.impact["dechets_kg"], 1), unite="kg"))
        s.lignes.append(Ligne("CO2 évité", round(c.impact["co2_kg"], 1), unite="kg"))
    return s


def _niveaux(c: Any) -> Section:
    ordre = list(NIVEAUX)
    entree: dict[str, str] = {}
    sortie: dict[str, str] = {}
    for p in sorted(c.positionnements, key=lambda p: p.date):
        cible = sortie if p.moment == "sortie" else entree
        if p.moment == "sortie" or p.personne not in entree:
            cible[p.personne] = p.niveau
    deux = [p for p in sortie if p in entree and entree[p] in ordre and sortie[p] in ordre]
    monte = sum(1 for p in deux if ordre.index(sortie[p]) > ordre.index(entree[p]))
    baisse = sum(1 for p in deux if ordre.index(sortie[p]) < ordre.index(entree[p]))
    s = Section("Progression des niveaux", [Ligne("Positionnés à l'entrée", len(entree), personnes=True),
                                            Ligne("Positionnés à la sortie", len(sortie), personnes=True),
                                            Ligne("Ont progressé d'un niveau ou plus", monte, pourcentage(monte, len(deux)), True),
                                            Ligne("Même niveau", len(deux) - monte - baisse,
                                                  pourcentage(len(deux) - monte - baisse, len(deux)), True),
                                            Ligne("Niveau plus bas", baisse, pourcentage(baisse, len(deux)), True)])
    for code, lib in NIVEAUX.items():
        s.lignes.append(Ligne(f"À l'entrée : {lib}", sum(1 for v in entree.values() if v == code), personnes=True))
    return s


def libelle_periode(debut: date, fin: date) -> str:
    if debut == date(debut.year, 1, 1) and fin == date(debut.year, 12, 31):
        return f"année {debut.year}"
    return f"du {debut:%d/%m/%Y} au {fin:%d/%m/%Y}"

