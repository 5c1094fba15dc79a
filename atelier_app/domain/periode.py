"""The period of a year's statistics, and whether that year is still in progress (DESIGN.md).

Why: on 1 December, the whole of last year compared with eleven months of this one shows falls
everywhere. A year in progress runs from 1 January to today and is compared with 1 January to the
same day a year earlier; every page that shows it says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from atelier_app.domain import nombres


@dataclass(frozen=True)
class Periode:
    debut: date
    fin: date
    en_cours: bool

    def avertissement(self) -> str:
        """The sentence printed on every page (and the cover) showing an incomplete year."""
        if not self.en_cours:
            return ""
        return (f"Année {self.debut.year} en cours : chiffres du 1er janvier au {nombres.date_longue(self.fin)}, "
                f"comparés à la même période de {self.debut.year - 1}.")


def annee(an: int, aujourd_hui: date) -> Periode:
    """The calendar year ``an``; cut at today when the year is not over."""
    fin = date(an, 12, 31)
    if date(an, 1, 1) <= aujourd_hui < fin:
        return Periode(date(an, 1, 1), aujourd_hui, True)
    return Periode(date(an, 1, 1), fin, False)


def partielle(debut: date, fin: date) -> str:
    """A period from 1 January that stops before 31 December, said as such (empty otherwise)."""
    if debut != date(debut.year, 1, 1) or fin.year != debut.year or fin >= date(fin.year, 12, 31):
        return ""
    return (f"Année {debut.year} incomplète : chiffres du 1er janvier au {nombres.date_longue(fin)}, "
            f"comparés à la même période de {debut.year - 1}.")
