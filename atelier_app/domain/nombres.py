"""Every number, percentage, duration and date a person reads, the French way, in one place.

Why Babel and not f-strings: the thousands separator (a narrow no-break space), the decimal comma
and the "25,0 %" spacing are CLDR's fr_FR rules; written by hand they were wrong in three places
(issue: documents a board can read). Screens, PDFs and exports all call these functions; the
Coop-format export alone keeps the national tool's raw 3-decimal percentages.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

LOCALE = "fr_FR"
#: What a cell shows when there is nothing to divide by (a percentage of an empty total).
RIEN = "—"


def entier(valeur: float) -> str:
    """``15 686`` with a narrow no-break space (fr_FR's own pattern: the rounded number has no decimals)."""
    return format_decimal(round(valeur), locale=LOCALE)


def decimal(valeur: float, decimales: int = 1) -> str:
    """``11 034,6``; trailing zeros dropped (``6,5`` not ``6,50``; ``84`` not ``84,0``)."""
    motif = "#,##0." + "#" * decimales  # with 0 decimals, "#,##0." prints no comma
    return format_decimal(valeur, format=motif, locale=LOCALE)


def pourcent(part: float, total: float, decimales: int = 1) -> str:
    """``25,0 %`` of ``part`` out of ``total``; ``—`` when the total is 0."""
    if not total:
        return RIEN
    motif = "#,##0." + "0" * decimales + "\u202f%"  # with 0 decimals, no comma either
    return format_percent(part / total, format=motif, locale=LOCALE)


def heures(valeur: float) -> str:
    """``52 h 15``, ``3 h``, ``0 h 45``: hours as a person says them, never ``52,25``."""
    minutes = round(valeur * 60)
    h, m = divmod(minutes, 60)
    return f"{entier(h)}\u00a0h" + (f"\u00a0{m:02d}" if m else "")


def date_longue(jour: date) -> str:
    """``1er décembre 2026`` (French ordinal for the first of the month)."""
    texte = format_date(jour, format="d MMMM y", locale=LOCALE)
    return "1er" + texte[1:] if jour.day == 1 else texte


def lire_decimal(texte: str) -> float:
    """What a person types: ``6,5``, ``6.5``, ``1 250,5`` → a float; ``ValueError`` otherwise."""
    propre = texte.strip().replace("\u202f", "").replace("\u00a0", "").replace(" ", "").replace(",", ".")
    return float(propre)


def taux(valeur: float | None, decimales: int = 1) -> str:
    """``25,0 %`` of a percentage already out of 100 (the national 3-decimal figure); ``—`` for None."""
    if valeur is None:
        return RIEN
    return pourcent(valeur, 100, decimales)


def nombre(valeur: float, decimales: int = 1) -> str:
    """A count as ``15 686``, any other quantity as ``11 034,6``.

    Why ``decimal`` for both: it drops the ``,0`` of a whole number, so a count reads as ``entier``
    would print it, and one call says both.
    """
    return decimal(valeur, decimales)
