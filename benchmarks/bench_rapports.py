"""The annual report and one year's statistics at the `grande` scale (ten years of a busy centre).

- the annual report PDF of the latest full year (every sheet, the statistics with last year's
  column, the charts, the two-pass PDF), as ``services.documents.rapport`` makes it for the
  Documents screen: absolute time (median of 3, and the first of the session apart) and pages (no
  physical baseline: it is the document itself);
- the statistics of that year as the Statistiques screen computes them (``services.fiches.collecte``
  of the year and of the year before, then ``reports.statistiques.calculer``), against the same
  pandas groupings done on bare DataFrames already holding the same rows. Goal: ratio ≤ 3. Two
  rows for information split the value: reading the rows, and the computing alone.

Uses the `grande` folder the harness builds once (``ctx.dossier("grande")``): only reads it.
"""

from __future__ import annotations

import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.commun import ANNEE_COMPLETE, Mesure, fermer, mediane, medianes, ouvrir, profil

OBJECTIF_RATIO = 3.0
N = 5
N_RAPPORT = 3
PROFILS: list[tuple[str, str]] = []
ANALYSE = """
## Rapport et statistiques : lecture des mesures (constat du 23/11/2026, après les changements du jour)

- **Statistiques d'une année : ratio ≈ 2,2, tenu** (il était de 6,7). La lecture des lignes
  (`fiches.collecte` ×2) est passée de ~250 à ~35 ms : `all_dicts` rend les dicts stockés sans copie (TinyDB
  copiait chaque document), et l'impact du repair café réutilise les projets déjà décodés au lieu de décoder
  les 3 030 projets des dix ans à chaque calcul. Le calcul (`statistiques.calculer`, ~65 ms) est à ~1,4 fois les
  regroupements pandas nus. Mesure « à chaud », comme un second calcul à l'écran : le tout premier après
  l'ouverture coûte ~0,4 s, dont l'import de pandas (~0,25 s) et le premier décodage des projets.
- La référence pandas est écrite au plus rapide (masques booléens tels quels, premier et dernier jour par un
  tri plutôt qu'un `min` / `max` de chaînes) ; une version plus naïve aurait flatté le ratio.
- **Rapport annuel 2025** (15 pages, ~1,2 s ; ~1,5 s le premier de la session, imports de reportlab et
  matplotlib compris) : pas d'objectif chiffré. Les 7 graphiques matplotlib et la mise en page reportlab en
  deux passes (table des matières) en font l'essentiel.
"""

_COLONNES = {  # those of reports.statistiques._cadres, so both sides hold the same frames
    "seances": ["id", "activite", "cycle", "groupe", "date", "duree", "etat", "thematiques", "anonymes", "venus",
                "tenue"],
    "presences": ["seance", "activite", "cycle", "groupe", "date", "duree", "personne", "statut", "venue", "inscrit",
                  "tranche_age", "genre", "statut_social", "commune"],
    "accompagnements": ["date", "duree", "thematiques", "suite", "personne", "tranche_age", "genre", "statut_social",
                        "commune"],
    "inscriptions": ["activite", "cycle", "groupe", "personne"],
}


def _cadres(c: Any) -> dict[str, Any]:
    import pandas as pd

    return {nom: pd.DataFrame(getattr(c, nom), columns=cols) for nom, cols in _COLONNES.items()}


def _groupements_bruts(f: dict[str, Any], debut: str) -> None:
    """The groupings ``calculer`` does (counts, sums, month / activity / theme / duration breakdowns,
    one demographic snapshot per person, distinct people, cycle completion), by pandas alone, each
    written the fastest way found (boolean masks as they are, first / last day by a sort rather than a
    string ``min`` / ``max`` aggregation, which is six times slower here)."""
    import pandas as pd

    seances, presences, accomp, inscrits = f["seances"], f["presences"], f["accompagnements"], f["inscriptions"]
    tenues = seances[seances["tenue"]]
    venues = presences[presences["venue"]]
    tenues["venus"].sum(), tenues["anonymes"].sum(), accomp["personne"].isna().sum()
    cols = ["date", "personne", "tranche_age", "genre", "statut_social", "commune"]
    snap = pd.concat([venues[cols], accomp[accomp["personne"].notna()][cols]])
    snap = snap.sort_values("date", kind="stable").drop_duplicates("personne")
    for col in ("genre", "tranche_age", "statut_social", "commune"):
        snap[col].value_counts()
    (snap["date"] >= debut).sum()
    tenues.groupby(tenues["date"].str[:7])["venus"].sum()
    accomp.groupby(accomp["date"].str[:7]).size()
    tenues[["thematiques", "venus"]].explode("thematiques").groupby("thematiques")["venus"].sum()
    accomp[["thematiques"]].explode("thematiques").value_counts()
    pd.cut(pd.concat([tenues["duree"], accomp["duree"]]), [0, 30, 60, 120, 180, 10_000], right=False).value_counts()
    seances["etat"].value_counts()
    (tenues["duree"] * tenues["venus"]).sum()
    presences.loc[presences["inscrit"], "venue"].mean()
    tenues.groupby("activite").agg(duree=("duree", "sum"), venus=("venus", "sum"))
    venues["personne"].nunique(), venues.loc[~venues["inscrit"], "personne"].nunique()
    inscrits.drop_duplicates(["cycle", "personne"]).shape[0], inscrits["personne"].nunique()
    bornes = venues.sort_values("date", kind="stable").groupby(["groupe", "personne"])["date"].agg(["first", "last"])
    inscrits.merge(bornes.reset_index(), on=["groupe", "personne"], how="left")
    accomp["suite"].value_counts(), accomp["personne"].dropna().nunique(), accomp["duree"].sum()


def _pages(chemin: Path) -> int:
    try:
        from pypdf import PdfReader
    except ImportError:  # pypdf is a dev dependency: count the page objects instead
        return chemin.read_bytes().count(b"/Type /Page\n") or chemin.read_bytes().count(b"/Type /Page ")
    return len(PdfReader(str(chemin)).pages)


def mesurer(ctx) -> list[Mesure]:
    import pandas  # noqa: F401  (imported before timing: the window has imported it long before)

    from atelier_app.reports.statistiques import calculer, periode_precedente

    PROFILS.clear()
    annee = ANNEE_COMPLETE
    debut, fin = date(annee, 1, 1), date(annee, 12, 31)
    avant = periode_precedente(debut, fin)
    s = ouvrir(ctx.dossier("grande"))
    try:
        s.fiches.collecte(debut, fin)  # first reading of past years' month files, as when the screen opens

        def statistiques() -> None:
            calculer(s.fiches.collecte(debut, fin), s.fiches.collecte(*avant))

        courante, precedente = s.fiches.collecte(debut, fin), s.fiches.collecte(*avant)
        cadres = [_cadres(courante), _cadres(precedente)]
        t_stats, t_lecture, t_calcul, t_cadres, t_brut = medianes(
            statistiques,
            lambda: (s.fiches.collecte(debut, fin), s.fiches.collecte(*avant)),
            lambda: calculer(courante, precedente),
            lambda: (_cadres(courante), _cadres(precedente)),
            lambda: (_groupements_bruts(cadres[0], debut.isoformat()),
                     _groupements_bruts(cadres[1], avant[0].isoformat())),
            n=N, ramasser=True)
        prof_stats = profil(statistiques, 2, 16, tri="cumul")
        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / "rapport.pdf"
            t = time.perf_counter()
            s.documents.rapport(annee, pdf)  # the first of the session: imports reportlab and matplotlib
            t_premier = time.perf_counter() - t
            t_rapport = mediane(lambda: s.documents.rapport(annee, pdf), N_RAPPORT)
            pages, taille = _pages(pdf), pdf.stat().st_size
    finally:
        fermer(s)
    lignes = len(courante.presences) + len(precedente.presences)
    stats = Mesure(f"statistiques de {annee} avec {annee - 1} (grande, {lignes} lignes de présence) : lecture + calcul",
                   t_stats, "mêmes regroupements pandas sur DataFrames nus des mêmes lignes", t_brut, OBJECTIF_RATIO)
    mesures = [
        Mesure(f"rapport annuel {annee} (grande) : PDF de {pages} pages, {taille // 1024} Kio", t_rapport),
        Mesure("… le premier de la session (imports de reportlab compris)", t_premier),
        stats,
        Mesure("… dont lecture des lignes (`fiches.collecte` ×2), pour information", t_lecture,
               "mêmes regroupements pandas nus", t_brut),
        Mesure("… dont calcul (`statistiques.calculer`), pour information", t_calcul,
               "mêmes regroupements pandas nus", t_brut),
        Mesure("construction des DataFrames des mêmes lignes, pour information", t_cadres,
               "mêmes regroupements pandas nus", t_brut),
    ]
    if stats.atteint is False:
        PROFILS.append((f"statistiques de {annee} (grande), `collecte` ×2 + `calculer` ; temps cumulés", prof_stats))
    return mesures
