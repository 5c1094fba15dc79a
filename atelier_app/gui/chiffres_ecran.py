"""How the Statistiques screen writes its figures: as the reports print them, with the true values.

Why apart from the screen: the same « 15 686 », « 52 h 15 », « 25,0 % » as the documents
(``reports.cellules``), and the sentence of a year in progress (DESIGN.md), testable alone.
"""

from __future__ import annotations

from datetime import date


def texte(v, unite: str = "") -> str:
    """A figure as the reports print it (``cellules``): « 15 686 », « 52 h 15 », « 25,0 % »."""
    from atelier_app.reports import cellules

    return "" if v is None or v == "" else cellules.valeur(v, unite)


def evolution(valeur: float, avant: float | None, unite: str) -> str:
    """« +33 », « −2 », « +1 h 30 »: the change, signed, in the row's unit."""
    if avant is None:
        return ""
    ecart = valeur - avant
    signe = "+" if ecart > 0 else ("−" if ecart < 0 else "")
    return signe + texte(abs(ecart), unite)


def en_cours(stats, aujourd_hui: date) -> str:
    """The sentence shown above the figures when the period runs to today in an unfinished year."""
    from atelier_app.domain.periode import annee as periode_annee

    p = periode_annee(stats.debut.year, aujourd_hui)
    if p.en_cours and stats.debut == p.debut and stats.fin == p.fin:
        return p.avertissement()
    if stats.fin >= aujourd_hui:
        return (f"Période en cours : les chiffres s'arrêtent au {aujourd_hui:%d/%m/%Y} et sont comparés "
                "aux mêmes dates de l'année précédente.")
    return ""
