"""pandas as the independent oracle of the statistics (issue 13, item 9: tests that can fail, expected
values not built from the code under test).

Why: ``reports/statistiques.py`` counts in plain Python over the light rows the store hands out
(``domain/lignes.py``, gathered by ``services/fiches.py::collecte``). Here the same figures are
recomputed by a well-kept library from ANOTHER source: the interchange file (FORMAT.md) the
``exporter`` service writes, read as raw JSON into DataFrames, and counted with groupby /
value_counts / nunique from the written rules (DESIGN.md "Counting rules", reference/coop.md §3.5).
No counting code of the app is called on the oracle's side; only the code lists (``domain/codes.py``,
reference data: code → French label) give the labels to compare by.

The rules, as the oracle applies them:
- a session is held when its state is ``realisee``; a person came when marked ``present`` or
  ``retard``; a held session's participants are those plus its anonymous head-count;
- activities and themes are weighted by participants, a help-desk visit counts 1; percentages are
  round(100 000·n/total)/1000;
- people followed = distinct named people who came to a held session or to the help desk; their
  gender, age band, status and commune are those of their first mark of the period (a session
  before a help-desk visit of the same day); *nouveaux* = those whose first attendance ever (the
  whole export) falls in the period;
- a year in progress runs from 1 January to today, compared with the same dates a year earlier;
- the pre-list's figures read each entry's dated history (whole export): enrolled on the day it
  reached ``inscrit``, waiting at the end of the period when its state on that day was to invite,
  invited or came to the meeting; the cycles' attendance follows the rule of
  ``statistiques._suivi_cycles``' docstring (groups wholly held within the period, none left planned).

Found so far: "Toujours en attente en fin de période" (and its mean wait) disagreed for a period ended
before today, the app reading each entry's state of today; it now reads each entry's dated history
(``test_attente_en_fin_d_une_periode_passee``).

The demo (``petite``, then ``grande``: ten years, 93 000 marks) is built on a fixed day through the
context, exported per year (the period's figures) and whole (each person's first attendance ever).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from atelier_app import assemblage
from atelier_app.domain.codes import (
    GENRES,
    STATUTS_SOCIAUX,
    SUITES_ACCOMPAGNEMENT,
    THEMATIQUES_DEMARCHES,
    THEMATIQUES_MEDIATION,
    TRANCHES_AGE,
)
from atelier_app.reports.statistiques import pour_periode
from atelier_app.services.contexte import Contexte

AUJOURD_HUI = date(2026, 11, 23)  # the demo's today: 2026 is a year in progress
PERIODES = {"2025": (date(2025, 1, 1), date(2025, 12, 31)), "2026 en cours": (date(2026, 1, 1), AUJOURD_HUI)}
MOIS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")
DUREES = {"Moins de 30 min": (0, 30), "30min à 1 h": (30, 60), "1 h à 2 h": (60, 120), "2 h et plus": (120, 10**6)}
VENUS = ("present", "retard")
PRELISTE = "Pré-listes et attente"
#: who was waiting on the pre-list on the period's last day, from each entry's history (see
#: test_attente_en_fin_d_une_periode_passee); compared apart, by the tests named after it
ATTENTE = ("Toujours en attente en fin de période", "Attente moyenne de celles-ci")

# section title → {label: (value, percentage or None)}
Figures = dict[str, dict[str, tuple[float, float | None]]]


def pct(n, total) -> float:
    """reference/coop.md §3.5: round(100 000·count/total)/1000, 0 when there is no total."""
    return round(100000 * float(n) / float(total)) / 1000 if total else 0.0


# ------------------------------------------------------------------------------------------ the oracle
class Oracle:
    """The interchange files of one data folder as DataFrames, and the figures of a period from them."""

    def __init__(self, annees: dict[int, Path], tout: Path) -> None:
        self.annees = {a: self._tables(json.loads(p.read_text(encoding="utf-8"))) for a, p in annees.items()}
        brut = json.loads(tout.read_text(encoding="utf-8"))
        t = self._tables(brut)
        self.activites = t["activites"].set_index("id")
        # each person's first attendance ever: a held session they came to, or a help-desk visit
        venues = t["presences"][t["presences"].statut.isin(VENUS) & (t["presences"].etat == "realisee")]
        jours = pd.concat([venues[["personne", "date"]], t["accompagnements"].dropna(subset=["personne"])[["personne", "date"]]])
        self.premieres = jours.groupby("personne")["date"].min()
        self.tout = t
        self.naissances = pd.Series({p["id"]: p.get("annee_naissance") for p in brut["personnes"]}, dtype="float")

    @staticmethod
    def _tables(brut: dict) -> dict[str, pd.DataFrame]:
        def table(nom: str, colonnes: str) -> pd.DataFrame:  # the columns the oracle reads, even of an empty list
            return pd.DataFrame([{c: r.get(c) for c in colonnes.split()} for r in brut[nom]], columns=colonnes.split())

        cycles = table("cycles", "id activite").set_index("id")
        groupes = table("groupes", "id cycle inscrits").set_index("id")
        seances = table("seances", "id groupe date duree etat thematiques anonymes")
        seances["activite"] = seances.groupe.map(groupes.cycle).map(cycles.activite)
        presences = table("presences", "seance personne statut inscrit tranche_age genre statut_social commune").merge(
            seances[["id", "date", "etat", "activite"]].rename(columns={"id": "seance"}), on="seance", how="left")
        accomp = table("accompagnements", "date duree personne thematiques suite tranche_age genre statut_social commune")
        inscriptions = groupes.reset_index()[["id", "cycle", "inscrits"]].explode("inscrits").dropna(subset=["inscrits"])
        inscriptions["activite"] = inscriptions.cycle.map(cycles.activite)
        presences["groupe"] = presences.seance.map(seances.set_index("id").groupe)
        return {"activites": table("activites", "id nom genre_activite"), "seances": seances, "presences": presences,
                "accompagnements": accomp, "inscriptions": inscriptions,
                "preliste": table("preliste", "id activite demande_le etat historique")}

    def figures(self, debut: date, fin: date, activite: str | None = None) -> Figures:
        t = self.annees[debut.year]
        d, f = debut.isoformat(), fin.isoformat()
        s = t["seances"][t["seances"].date.between(d, f)]
        p = t["presences"][t["presences"].date.between(d, f) & (t["presences"].etat == "realisee")]
        a = t["accompagnements"][t["accompagnements"].date.between(d, f)]
        if activite is not None:
            s, p = s[s.activite == activite], p[p.activite == activite]
            if self.activites.loc[activite, "genre_activite"] != "accompagnement":
                a = a.iloc[0:0]
        tenues = s[s.etat == "realisee"].copy()
        venues = p[p.statut.isin(VENUS)]
        tenues["venus"] = tenues.id.map(venues.seance.value_counts()).fillna(0).astype(int) + tenues.anonymes
        participants, individuels = int(tenues.venus.sum()), len(a)
        total = participants + individuels
        anonymes = int(tenues.anonymes.sum()) + int(a.personne.isna().sum())
        # one snapshot per person: the first mark of the period, a session before a visit of the same day
        marques = pd.concat([venues.assign(ordre=0), a.dropna(subset=["personne"]).assign(ordre=1)])
        snap = marques.sort_values(["date", "ordre"], kind="stable").drop_duplicates("personne")
        suivis = len(snap)
        nouveaux = int((snap.personne.map(self.premieres).fillna(d) >= d).sum())
        out: Figures = {}
        out["Statistiques générales"] = {
            "Accompagnements au total": (total, None), "Bénéficiaires accompagnés": (suivis + anonymes, None),
            "Nouveaux bénéficiaires": (nouveaux, None), "Bénéficiaires suivis": (suivis, None),
            "Bénéficiaires anonymes": (anonymes, None)}
        out["Accompagnements sur les 12 derniers mois"] = self._mois(debut, fin, tenues, a)
        n_act = len(tenues) + individuels
        out["Statistiques sur vos accompagnements"] = {
            "Accompagnements individuels": (individuels, pct(individuels, n_act)),
            "Ateliers collectifs": (len(tenues), pct(len(tenues), n_act)),
            "Nombre total de participants aux ateliers": (participants, None),
            "Nombre total d'activités": (n_act, None)}
        themes = pd.concat([tenues[["thematiques", "venus"]].explode("thematiques"),
                            a[["thematiques"]].assign(venus=1).explode("thematiques")]).groupby("thematiques").venus.sum()
        for titre, codes in (("Thématiques Médiation numérique", THEMATIQUES_MEDIATION),
                             ("Thématiques Démarches administratives", THEMATIQUES_DEMARCHES)):
            out[titre] = {codes[c]: (int(n), pct(n, total)) for c, n in themes.items() if c in codes and n}
        poids = pd.concat([tenues[["duree", "venus"]], a[["duree"]].assign(venus=1)])
        tranche = pd.cut(poids.duree, bins=[b for b, _h in DUREES.values()] + [10**6], right=False, labels=list(DUREES))
        par_duree = poids.groupby(tranche, observed=False).venus.sum()
        out["Durées des activités"] = {lib: (int(par_duree[lib]), pct(par_duree[lib], total)) for lib in DUREES}
        for titre, col, codes in (("Genre", "genre", GENRES), ("Tranches d'âge", "tranche_age", TRANCHES_AGE),
                                  ("Statuts", "statut_social", STATUTS_SOCIAUX)):
            compte = snap[col].fillna("non_communique").value_counts()
            out[titre] = {lib: (int(compte.get(c, 0)), pct(compte.get(c, 0), suivis)) for c, lib in codes.items()}
        communes = snap.commune.replace("", None).fillna("Non communiquée").value_counts().sort_index()
        communes = communes.sort_values(ascending=False, kind="stable")  # most people first, then by name
        out["Commune de résidence des bénéficiaires"] = {k: (int(v), pct(v, suivis)) for k, v in communes.items()}
        out.update(self._centre(s, tenues, p, venues=venues, participants=participants, nouveaux=nouveaux,
                                inscriptions=t["inscriptions"], activite=activite))
        out["Accompagnement individuel"] = self._guichet(a)
        out.update(self.assiduite(debut, fin, activite))
        out.update(self.preliste(debut, fin, activite))
        return out

    @staticmethod
    def _mois(debut: date, fin: date, tenues: pd.DataFrame, a: pd.DataFrame) -> dict[str, tuple[float, None]]:
        """The 12 months ending with the period's, none before its first month."""
        mois = pd.period_range(end=pd.Period(fin, "M"), periods=12, freq="M")
        mois = mois[mois >= pd.Period(debut, "M")]
        lignes = pd.concat([tenues[["date", "venus"]].rename(columns={"venus": "n"}), a[["date"]].assign(n=1)])
        somme = lignes.groupby(lignes.date.str[:7]).n.sum()
        return {f"{MOIS[m.month - 1]} {m.year}": (int(somme.get(f"{m.year:04d}-{m.month:02d}", 0)), None) for m in mois}

    def _centre(self, s, tenues, p, *, venues, participants, nouveaux, inscriptions, activite) -> Figures:
        heures = tenues.duree.sum() / 60
        inscrits = p[p.inscrit.astype(bool)]
        groupes_vus = inscriptions[inscriptions.id.isin(s.groupe)]
        out: Figures = {
            "Séances et heures": {
                "Séances programmées (tous états)": (len(s), None),
                "Séances réalisées": (len(tenues), None),
                "Séances annulées": (int((s.etat == "annulee").sum()), None),
                "Séances encore « prévues » (à venir ou appel non fait)": (int((s.etat == "prevue").sum()), None),
                "Heures réalisées": (round(heures, 2), None),
                "Heures-participants": (round((tenues.duree * tenues.venus).sum() / 60, 2), None),
                "Taux de présence des inscrits": (pct(inscrits.statut.isin(VENUS).sum(), len(inscrits)), None)},
            "Personnes et inscriptions": {
                "Personnes distinctes venues aux ateliers": (venues.personne.nunique(), None),
                "Inscriptions en cumulé": (len(groupes_vus[["cycle", "inscrits"]].drop_duplicates()), None),
                "Personnes inscrites distinctes": (groupes_vus.inscrits.nunique(), None),
                "Nouvelles personnes": (nouveaux, None),
                "Venues sans inscription": (venues[~venues.inscrit.astype(bool)].personne.nunique(), None)}}
        par_act = tenues.groupby("activite").agg(minutes=("duree", "sum"), venus=("venus", "sum"))
        if activite is not None and activite not in par_act.index:
            par_act.loc[activite] = (0, 0)
        ateliers = self.activites[self.activites.genre_activite != "accompagnement"]
        par_act = par_act[par_act.index.isin(ateliers.index)]
        noms = self.activites.nom
        out["Heures réalisées par activité"] = {
            noms[k]: (round(r.minutes / 60, 2), pct(r.minutes / 60, heures)) for k, r in par_act.iterrows()}
        out["Participants par activité"] = {noms[k]: (int(r.venus), pct(r.venus, participants)) for k, r in par_act.iterrows()}
        return out

    def preliste(self, debut: date, fin: date, activite: str | None = None) -> Figures:
        """From the whole export: each entry's history (``historique``) gives its state on any day."""
        d, f = debut.isoformat(), fin.isoformat()
        pl = self.tout["preliste"]
        pl = pl[(pl.demande_le <= f) & (pl.activite == activite if activite else pl.activite.notna())]
        h = pl[["id", "historique"]].explode("historique").dropna(subset=["historique"])
        h = h.assign(etat=h.historique.str["etat"], jour=h.historique.str["le"])
        inscription = h[h.etat == "inscrit"].groupby("id").jour.min().to_dict()
        inscrit_le = pl.id.map(lambda i: inscription.get(i, "")).astype(str)
        venus = pl[inscrit_le.between(d, f)]
        delais = (pd.to_datetime(inscrit_le[venus.index]) - pd.to_datetime(venus.demande_le)).dt.days
        etat_a_la_fin = h[h.jour <= f].sort_values("jour", kind="stable").groupby("id").etat.last()
        attente = pl[pl.id.map(etat_a_la_fin).isin(["a_inviter", "invite", "venu"])]
        jours = (pd.Timestamp(fin) - pd.to_datetime(attente.demande_le)).dt.days
        moyenne = lambda x: round(float(x.mean()), 1) if len(x) else 0  # noqa: E731
        return {"Pré-listes et attente": {
            "Demandes reçues": (int(pl.demande_le.between(d, f).sum()), None),
            "Inscriptions depuis la pré-liste": (len(delais), None),
            "Délai moyen avant inscription": (moyenne(delais), None),
            "Délai médian avant inscription": (float(delais.median()) if len(delais) else 0, None),
            "Toujours en attente en fin de période": (len(attente), None),
            "Attente moyenne de celles-ci": (moyenne(jours), None)}}

    def assiduite(self, debut: date, fin: date, activite: str | None = None) -> Figures:
        """Groups of courses in cycles wholly held within the period, none of their sessions still planned:
        their enrolled never came, left before the last held session, came to the first (and to the last)."""
        t, d, f = self.tout, debut.isoformat(), fin.isoformat()
        s = t["seances"]
        vus = s[s.date.between(d, f) & s.activite.isin(self.activites.index[self.activites.genre_activite == "cycles"])]
        if activite is not None:
            vus = vus[vus.activite == activite]
        groupes = s[s.groupe.isin(vus.groupe)]
        bornes = groupes[groupes.etat == "realisee"].groupby("groupe").date.agg(["min", "max"])
        bornes = bornes[(bornes["min"] >= d) & (bornes["max"] <= f) & ~bornes.index.isin(groupes.groupe[groupes.etat == "prevue"])]
        p = t["presences"]
        venues = p[p.statut.isin(VENUS) & (p.etat == "realisee") & p.groupe.isin(bornes.index)]
        jours = venues.groupby(["groupe", "personne"]).date.agg(["min", "max"])
        inscrits = t["inscriptions"][t["inscriptions"].id.isin(bornes.index)]
        suivi = inscrits.join(jours, on=["id", "inscrits"]).join(bornes.add_suffix("_groupe"), on="id")
        venus = suivi.dropna(subset=["min"])
        premiers = venus["min"] == venus["min_groupe"]
        finis = int((premiers & (venus["max"] == venus["max_groupe"])).sum())
        return {"Assiduité des cycles terminés": {
            "Inscrits jamais venus": (int(suivi["min"].isna().sum()), None),
            "Abandons en cours de cycle": (int((venus["max"] < venus["max_groupe"]).sum()), None),
            "Présents à la première séance": (int(premiers.sum()), None),
            "… dont ont suivi le cycle jusqu'au bout": (finis, pct(finis, premiers.sum()))}}

    @staticmethod
    def _guichet(a: pd.DataFrame) -> dict[str, tuple[float, float | None]]:
        suites = a.suite.value_counts()
        return {"Demandes": (len(a), None), "Personnes identifiées": (a.personne.nunique(), None),
                "Heures d'accompagnement": (round(a.duree.sum() / 60, 2), None),
                **{lib: (int(suites.get(c, 0)), pct(suites.get(c, 0), len(a))) for c, lib in SUITES_ACCOMPAGNEMENT.items()}}


def tranche(age: float) -> str:
    """reference/coop.md, "Tranche d'âge": derived from the year of birth, never typed in."""
    if pd.isna(age):
        return "non_communique"
    bornes = ((70, "soixante_dix_plus"), (60, "soixante_soixante_neuf"), (40, "quarante_cinquante_neuf"),
              (25, "vingt_cinq_trente_neuf"), (18, "dix_huit_vingt_quatre"), (12, "douze_dix_huit"))
    return next((code for bas, code in bornes if age >= bas), "moins_de_douze")


# ------------------------------------------------------------------------------------------ the app
def de_l_app(stats) -> tuple[Figures, dict[str, dict[str, float | None]]]:
    """What ``calculer`` returned: the figures, and last year's column."""
    figures = {s.titre: {lg.libelle: (lg.valeur, lg.pourcentage) for lg in s.lignes} for s in stats.sections}
    precedent = {s.titre: {lg.libelle: lg.precedent for lg in s.lignes} for s in stats.sections}
    return figures, precedent


def sans_attente(figures: Figures) -> Figures:
    return {t: {k: v for k, v in lignes.items() if not (t == PRELISTE and k in ATTENTE)} for t, lignes in figures.items()}


def ecarts(oracle: Figures, app: Figures, quoi: str) -> tuple[list[str], int]:
    """Every figure (and percentage) where the app and the oracle differ, and how many were compared."""
    out: list[str] = []
    n = 0
    if PRELISTE in oracle and not set(ATTENTE) & set(oracle[PRELISTE]):
        app = sans_attente(app)  # the waiting lines are compared apart: left out on both sides
    for titre, attendu in oracle.items():
        obtenu = app.get(titre)
        if obtenu is None:
            out.append(f"{quoi} : section « {titre} » absente")
            continue
        for lib in attendu.keys() | obtenu.keys():
            n += 1
            if lib not in obtenu or lib not in attendu:
                out.append(f"{quoi} / {titre} / {lib} : app {obtenu.get(lib)} ≠ pandas {attendu.get(lib)}")
                continue
            (va, pa), (vo, po) = obtenu[lib], attendu[lib]
            if va != pytest.approx(vo, abs=1e-9) or (po is not None and pa != pytest.approx(po, abs=1e-9)):
                out.append(f"{quoi} / {titre} / {lib} : app {va} ({pa} %) ≠ pandas {vo} ({po} %)")
        if titre in ("Commune de résidence des bénéficiaires", "Accompagnements sur les 12 derniers mois") \
                and list(obtenu) != list(attendu):
            out.append(f"{quoi} / {titre} : ordre app {list(obtenu)} ≠ pandas {list(attendu)}")
    return out, n


# ------------------------------------------------------------------------------------------ the tests
@pytest.fixture(scope="module", params=["petite", "grande"])
def demo(request, tmp_path_factory):
    """A demo folder built on the fixed day through the context, its services, and the oracle on its exports."""
    dossier = tmp_path_factory.mktemp(f"oracle-{request.param}")
    sorties = tmp_path_factory.mktemp(f"oracle-{request.param}-exports")
    services = assemblage.ouvrir(dossier, Contexte(aujourd_hui=lambda: AUJOURD_HUI))
    services.donnees.generer_demo(request.param, 1, comptes=False)
    annees = {a: sorties / f"annee-{a}.json" for a in (2024, 2025, 2026)}
    for a, chemin in annees.items():
        services.donnees.exporter(chemin, a)
    services.donnees.exporter(sorties / "tout.json")
    yield request.param, services, Oracle(annees, sorties / "tout.json")
    assemblage.fermer(services)


def _precedente(debut: date, fin: date) -> tuple[date, date]:
    return debut.replace(year=debut.year - 1), fin.replace(year=fin.year - 1)


@pytest.mark.parametrize("periode", list(PERIODES))
def test_statistiques_de_toutes_les_activites_egales_a_pandas(demo, periode) -> None:
    echelle, services, oracle = demo
    debut, fin = PERIODES[periode]
    stats = pour_periode(services.fiches.collecte, debut, fin)  # as the statistics screen computes them
    app, precedent = de_l_app(stats)
    attendu = sans_attente(oracle.figures(debut, fin))
    diff, _n = ecarts(attendu, app, f"{echelle} {periode}")
    # last year's column: the same dates a year earlier (DESIGN.md, "A year still in progress")
    assert stats.precedent == _precedente(debut, fin)
    avant = oracle.figures(*_precedente(debut, fin))
    for titre, lignes in attendu.items():
        if titre == "Accompagnements sur les 12 derniers mois":
            continue
        for lib in lignes:
            vo = avant.get(titre, {}).get(lib, (0, None))[0]
            if precedent[titre].get(lib) != pytest.approx(vo, abs=1e-9):
                diff.append(f"{echelle} {periode} / {titre} / {lib} : année précédente app "
                            f"{precedent[titre].get(lib)} ≠ pandas {vo}")
    assert diff == []


@pytest.mark.parametrize("periode", list(PERIODES))
def test_statistiques_par_activite_egales_a_pandas(demo, periode) -> None:
    echelle, services, oracle = demo
    debut, fin = PERIODES[periode]
    diff = []
    for activite in services.centre.activites():
        app, _p = de_l_app(pour_periode(services.fiches.collecte, debut, fin, activite.id, comparer=False))
        diff += ecarts(sans_attente(oracle.figures(debut, fin, activite.id)), app, f"{echelle} {periode} {activite.id}")[0]
    assert diff == []


def test_l_oracle_compte_des_donnees_reelles(demo) -> None:
    """The comparison proves something only on figures that are not all zero."""
    echelle, _services, oracle = demo
    f = oracle.figures(*PERIODES["2026 en cours"])
    g = f["Statistiques générales"]
    assert g["Accompagnements au total"][0] > 200 and g["Nouveaux bénéficiaires"][0] > 0
    assert 0 < g["Nouveaux bénéficiaires"][0] <= g["Bénéficiaires suivis"][0]
    assert f["Thématiques Médiation numérique"] and len(f["Commune de résidence des bénéficiaires"]) > 1
    assert sum(v for v, _p in f["Tranches d'âge"].values()) == g["Bénéficiaires suivis"][0]
    assert sum(v for v, _p in f["Accompagnements sur les 12 derniers mois"].values()) == g["Accompagnements au total"][0]
    if echelle == "grande":  # ten years: people came before 2026, so not everyone followed is new
        assert g["Nouveaux bénéficiaires"][0] < g["Bénéficiaires suivis"][0]


def test_un_ecart_de_regle_est_vu(demo, monkeypatch) -> None:
    """Hostile: counting the excused as having come must make the comparison fail."""
    from atelier_app.domain import comptage

    _echelle, services, oracle = demo
    debut, fin = PERIODES["2025"]
    monkeypatch.setattr(comptage, "est_venue", lambda statut: statut != "absent")
    app, _p = de_l_app(pour_periode(services.fiches.collecte, debut, fin, comparer=False))
    diff, _n = ecarts(sans_attente(oracle.figures(debut, fin)), app, "règle changée")
    assert any("Nombre total de participants aux ateliers" in e for e in diff)


def test_tranche_d_age_des_marques_derivee_de_l_annee_de_naissance(demo) -> None:
    """The snapshot the demographics count is the national derivation: the mark's year − the year of birth."""
    _echelle, _services, oracle = demo
    t = oracle.tout
    for marques in (t["presences"], t["accompagnements"].dropna(subset=["personne"])):
        age = marques.date.str[:4].astype(int) - marques.personne.map(oracle.naissances)
        derivee = age.map(tranche)
        assert len(marques) > 50
        assert marques[derivee != marques.tranche_age][["date", "personne", "tranche_age"]].to_dict("records") == []


def _attente(services, oracle, debut: date, fin: date) -> tuple[dict, dict]:
    stats = pour_periode(services.fiches.collecte, debut, fin, comparer=False)
    app = {lg.libelle: lg.valeur for lg in stats.section(PRELISTE).lignes if lg.libelle in ATTENTE}
    return app, {k: v for k, (v, _p) in oracle.preliste(debut, fin)[PRELISTE].items() if k in ATTENTE}


def test_attente_en_fin_de_la_periode_en_cours(demo) -> None:
    """Up to today, who waits at the end of the period is who waits now: the app and pandas agree."""
    _echelle, services, oracle = demo
    app, attendu = _attente(services, oracle, *PERIODES["2026 en cours"])
    assert attendu[ATTENTE[0]] > 0 and app == attendu


@pytest.mark.parametrize("periode", [PERIODES["2025"], _precedente(*PERIODES["2026 en cours"])], ids=["2025", "2025-au-23-11"])
def test_attente_en_fin_d_une_periode_passee(demo, periode) -> None:
    """Who was waiting on 31/12/2025 (or on the same day as today a year ago), from each entry's history."""
    _echelle, services, oracle = demo
    app, attendu = _attente(services, oracle, *periode)
    assert attendu[ATTENTE[0]] > 0
    assert app == attendu
