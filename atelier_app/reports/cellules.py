"""One statistics row as printed in the report and on the screen: French numbers, marks, units.

Why one module: the report, the screen and the graphs must print the same « 52 h 15 », « 25,0 % »,
« 11 034,6 » and « — » (nothing to divide by), from ``domain.nombres`` (Babel, fr_FR).
"""

from __future__ import annotations

from atelier_app.domain import nombres
from atelier_app.domain.secret import Masque
from atelier_app.reports.masquage import marque

#: Units as printed after a row's label ("CO2" in the computed label is printed "CO₂").
UNITES = {"h": "", "%": "", "kg": "kg", "jours": "jours"}


#: Displayed section titles: the national tool's « vos » is the tool speaking to its user.
TITRES = {"Statistiques sur vos accompagnements": "Statistiques sur les accompagnements"}


def titre(section) -> str:
    """A section's title as printed and shown: « les » accompagnements, typographic apostrophe."""
    return typographie(TITRES.get(section.titre, section.titre))


def typographie(texte: str) -> str:
    """« CO₂ » and the typographic apostrophe (« d’activités ») in a printed label."""
    return texte.replace("CO2", "CO₂").replace("'", "’")


def libelle(lg) -> str:
    texte = typographie(lg.libelle)
    unite = UNITES.get(lg.unite, lg.unite)
    return f"{texte} ({unite})" if unite else texte


def valeur(v: float | None, unite: str = "", masque: Masque = Masque.VISIBLE) -> str:
    if v is None:
        return ""
    texte = marque(masque)
    if texte:
        return texte
    if unite == "h":
        return nombres.heures(v)
    if unite == "%":
        return nombres.taux(v)
    return nombres.nombre(v)


def taux(section, lg, v: float | None, masque: Masque = Masque.VISIBLE, *, precedent: bool = False) -> str:
    """A row's value; a rate (« % ») of a section where nothing happened is « — », not « 0,0 % »."""
    if lg.unite == "%" and not v and v is not None:
        autres = [x.precedent if precedent else x.valeur for x in section.lignes if x.unite != "%"]
        if not any(autres):
            return nombres.RIEN
    return valeur(v, lg.unite, masque)


def sans_denominateur(section) -> bool:
    """Whether the section's percentages have nothing to divide by (every row with one is 0)."""
    return all(not lg.valeur for lg in section.lignes if lg.pourcentage is not None)


def pourcentage(p: float | None, masque: Masque = Masque.VISIBLE, vide: bool = False) -> str:
    """« 25,0 % »; nothing for a masked count (it would give the count away); « — » with no total."""
    if p is None or masque is not Masque.VISIBLE:
        return ""
    if vide:
        return nombres.RIEN
    return nombres.taux(p)


def periode(debut, fin) -> str:
    """« année 2025 », or « du 1er janvier au 1er décembre 2026 » (the year said once when shared)."""
    from datetime import date

    if debut == date(debut.year, 1, 1) and fin == date(debut.year, 12, 31):
        return f"année {debut.year}"
    if debut.year == fin.year:
        return f"du {nombres.date_longue(debut).rsplit(' ', 1)[0]} au {nombres.date_longue(fin)}"
    return f"du {nombres.date_longue(debut)} au {nombres.date_longue(fin)}"
