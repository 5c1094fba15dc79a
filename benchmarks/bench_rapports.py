"""Annual report and one year's statistics at the `grande` scale (ten years of a busy centre).

Two measures:
- ``rapport_grande_s``: the whole annual report (every sheet, statistics, charts, two-pass PDF);
- ``stats_annee_ratio``: the statistics of one year as the app computes them (rows read from the
  store, this year and last year, every section) divided by the same pandas groupings done on a
  bare DataFrame already holding the same rows. Goal: ≤ 3.

``mesurer(ctx)`` follows the harness (benchmarks/run.py); ``ctx`` may give the `grande` data
folder (``ctx.dossier("grande")`` or ``ctx.dossier_grande``); otherwise the folder is made here with
``atelier demo --echelle grande``, or, while the demo generator is not there, with a synthetic
centre of the same size (10 000 people, 5 000 sessions, 100 000 attendance marks).
"""

from __future__ import annotations

import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

OBJECTIF_RATIO = 3.0
_CACHE: dict[str, Path] = {}


def _dossier(ctx: Any) -> Path:
    for nom in ("dossier", "donnees"):
        f = getattr(ctx, nom, None)
        if callable(f):
            try:
                return Path(f("grande"))
            except TypeError:
                pass
    if getattr(ctx, "dossier_grande", None):
        return Path(ctx.dossier_grande)
    if "grande" not in _CACHE:
        _CACHE["grande"] = _fabriquer()
    return _CACHE["grande"]


def _fabriquer() -> Path:
    from atelier_app import assemblage

    dossier = Path(tempfile.mkdtemp(prefix="atelier-bench-grande-"))
    s = assemblage.ouvrir(dossier)
    try:
        try:
            s.donnees.generer_demo("grande", 1)
        except (ImportError, AttributeError):
            _synthetique(s)
    finally:
        assemblage.fermer(s)
    return dossier


def _synthetique(s: Any) -> None:
    """Ten years, 10 000 people, 5 000 sessions of 20 marks: the size FORMAT.md gives to `grande`."""
    from atelier_app.domain.accompagnements import Accompagnement
    from atelier_app.domain.activites import Cycle, Groupe
    from atelier_app.domain.ages import tranche_age
    from atelier_app.domain.centre import Centre
    from atelier_app.domain.codes import THEMATIQUES
    from atelier_app.domain.personnes import Personne
    from atelier_app.domain.seances import Presence, Seance
    from atelier_app.services.centre import activites_par_defaut

    r = random.Random(1)
    s.centre.premier_demarrage(Centre(nom="Centre social (banc d'essai)"), activites_par_defaut("Anim", "Salle"))
    fin = date.today().year - 1
    annees = list(range(fin - 9, fin + 1))
    communes = ["Lille", "Roubaix", "Tourcoing", "Villeneuve-d'Ascq", "Lomme"]
    gens = [Personne(id=f"p{i}", nom=f"Nom{i}", prenom="X", annee_naissance=r.randint(1935, 2016),
                     genre=r.choice(("feminin", "masculin", "non_communique")),
                     statut_social=r.choice(("retraite", "sans_emploi", "en_emploi", "scolarise")),
                     commune=r.choice(communes), cree_le=date(r.choice(annees), 1, 1)) for i in range(10000)]
    themes = list(THEMATIQUES)
    objets: list = list(gens)
    for an in annees:
        for k in range(50):
            act = ("initiation", "senou", "numerikids")[k % 3]
            cid, gid = f"c{an}-{k}", f"g{an}-{k}"
            inscrits = tuple(p.id for p in r.sample(gens, 20))
            objets += [Cycle(cid, act, f"Cycle {k}"), Groupe(gid, cid, "Groupe", capacite=20, inscrits=inscrits)]
            jour = date(an, 1, 5) + timedelta(days=7 * (k % 40))
            for n in range(10):
                quand = jour + timedelta(days=7 * n)
                if quand.year != an:
                    break
                etat = r.choices(("realisee", "annulee", "prevue"), (90, 7, 3))[0]
                pres = tuple(Presence(pid, r.choices(("present", "absent", "retard"), (80, 15, 5))[0],
                                      tranche_age=tranche_age(gens[int(pid[1:])].annee_naissance, an),
                                      genre=gens[int(pid[1:])].genre, statut_social=gens[int(pid[1:])].statut_social,
                                      commune=gens[int(pid[1:])].commune) for pid in inscrits) if etat == "realisee" else ()
                objets.append(Seance(f"s{an}-{k}-{n}", gid, quand, duree=r.choice((90, 120)), etat=etat,
                                     thematiques=tuple(r.sample(themes, 2)), presences=pres))
        objets += [Accompagnement(f"a{an}-{i}", date(an, 1, 1) + timedelta(days=r.randint(0, 360)), r.choice((15, 30, 60)),
                                  r.choice((None, f"p{r.randint(0, 9999)}")), (r.choice(themes),),
                                  r.choice(("autonome", "orientation_cours", "reorientation"))) for i in range(150)]
    with s.depot.transaction("Banc d'essai grande") as tx:
        tx.put_many(objets)


def _groupements_bruts(c: Any) -> float:
    """The same groupings, by pandas alone, on DataFrames already holding the same rows."""
    import pandas as pd

    seances = pd.DataFrame(c.seances)
    presences = pd.DataFrame(c.presences)
    accomp = pd.DataFrame(c.accompagnements)
    t = time.perf_counter()
    tenues = seances[seances["etat"] == "realisee"]
    tenues.groupby("activite").agg(n=("id", "size"), duree=("duree", "sum"), venus=("venus", "sum"))
    tenues.groupby(tenues["date"].str[:7])["venus"].sum()
    tenues[["thematiques", "venus"]].explode("thematiques").groupby("thematiques")["venus"].sum()
    venues = presences[presences["venue"]]
    snap = venues.sort_values("date").drop_duplicates("personne")
    for col in ("genre", "tranche_age", "statut_social", "commune"):
        snap[col].value_counts()
    venues["personne"].nunique()
    venues.groupby(["groupe", "personne"])["date"].agg(["min", "max"])
    presences.groupby("inscrit")["venue"].mean()
    if len(accomp):
        accomp["suite"].value_counts()
        accomp[["thematiques"]].explode("thematiques").value_counts()
    return time.perf_counter() - t


def mesurer(ctx: Any = None) -> dict[str, Any]:
    import pandas  # noqa: F401  (imported before timing: the window imports it once, for the first figures)

    from atelier_app import assemblage
    from atelier_app.domain.seances import Seance
    from atelier_app.reports import rapport
    from atelier_app.reports.statistiques import calculer, periode_precedente

    dossier = _dossier(ctx)
    s = assemblage.ouvrir(dossier)
    try:
        annee = max(s.depot.annees(Seance))
        debut, fin = date(annee, 1, 1), date(annee, 12, 31)
        s.fiches.collecte(debut, fin)  # first reading of the files, as when the screen opens
        t = time.perf_counter()
        courante = s.fiches.collecte(debut, fin)
        precedente = s.fiches.collecte(*periode_precedente(debut, fin))
        calculer(courante, precedente)
        app = time.perf_counter() - t
        brut = _groupements_bruts(courante) + _groupements_bruts(precedente)
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            rapport.produire(s, annee, Path(tmp) / "rapport.pdf")
            duree_rapport = time.perf_counter() - t
    finally:
        assemblage.fermer(s)
    return {
        "rapport_grande_s": round(duree_rapport, 3),
        "stats_annee_s": round(app, 4),
        "stats_annee_pandas_brut_s": round(brut, 4),
        "stats_annee_ratio": round(app / brut, 2) if brut else None,
        "objectif_ratio": OBJECTIF_RATIO,
        "lignes_presences": len(courante.presences),
    }


if __name__ == "__main__":  # pragma: no cover
    print(mesurer())
