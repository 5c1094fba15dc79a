"""Repair-café rules: allowed outcomes, impact per the Restarters method, scrubbing of problem texts.

Why pure functions: the same rules feed the screen, the report sheet, the ORDS export and the tests
of the worked examples of `shared/reference/repair.md`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from atelier_app.domain import comptage, ords
from atelier_app.domain.projets import Projet

#: Outcomes allowed for each project type (codes of ``codes.ETATS_PROJET``).
ISSUES: dict[str, tuple[str, ...]] = {
    "reparation": ("repare", "reparable", "fin_de_vie"),
    "projet_numerique": ("termine", "abandonne"),
}

#: Beyond this many days without a visit an open project is flagged.
JOURS_SANS_VISITE = 31


def issues_possibles(type_projet: str) -> tuple[str, ...]:
    return ISSUES.get(type_projet, ())


def verifier_issue(p: Projet, issue: str, frein: str | int | None) -> str | None:
    """The French reason why ``issue`` cannot close ``p``, or None when it can."""
    permises = issues_possibles(p.type)
    if issue not in permises:
        genre = "une réparation" if p.type == "reparation" else "un projet numérique"
        from atelier_app.domain.codes import ETATS_PROJET

        return (f"issue « {ETATS_PROJET.get(issue, issue)} » impossible pour {genre} "
                f"(possibles : {', '.join(ETATS_PROJET[i] for i in permises)})")
    if issue == "fin_de_vie" and ords.frein(frein) is None:
        return "fin de vie : choisissez le principal frein à la réparation"
    return None


def derniere_visite(p: Projet) -> date:
    """The day the project was last worked on (its opening when it has no visit)."""
    return max([v.date for v in p.visites] + [p.ouvert_le])


def visite_la_plus_recente(p: Projet) -> date | None:
    """The last visit's date, or None for a project nobody has worked on yet (shown blank)."""
    return max((v.date for v in p.visites), default=None)


def date_evenement(p: Projet) -> date:
    """The day of the repair attempt's outcome (its closing, else its last visit)."""
    return p.clos_le or derniere_visite(p)


@dataclass(frozen=True)
class DonneesOrds:
    """What the ORDS file needs: the closed repairs, the owners' names (to scrub them), the centre."""

    projets: list[Projet]
    noms: dict[str, tuple[str, ...]]
    fournisseur: str
    groupe: str


def oublie(p: Projet, aujourd_hui: date, jours: int = JOURS_SANS_VISITE) -> bool:
    """An open project nobody touched for over a month."""
    return comptage.est_en_cours(p.etat) and (aujourd_hui - derniere_visite(p)).days > jours


@dataclass(frozen=True)
class Impact:
    dechets_kg: float = 0.0
    co2_kg: float = 0.0
    repares: int = 0
    sans_poids: int = 0

    def __add__(self, autre: Impact) -> Impact:
        return Impact(self.dechets_kg + autre.dechets_kg, self.co2_kg + autre.co2_kg,
                      self.repares + autre.repares, self.sans_poids + autre.sans_poids)


def impact_objet(categorie_ords: int | None, non_electrique: str = "", estimation_kg: float | None = None) -> Impact:
    """Waste and CO2e avoided by ONE fixed object (Restarters `Device::eCo2Diverted` & co.)."""
    estimation = estimation_kg if estimation_kg and estimation_kg > 0 else None
    cat = ords.CATEGORIES.get(categorie_ords) if categorie_ords is not None else None
    if cat is not None:
        if cat.divers and estimation:
            return Impact(estimation, estimation * ords.RATIO_CO2_ELECTRIQUE * ords.DEPLACEMENT, 1)
        if cat.divers:
            return Impact(repares=1, sans_poids=1)
        return Impact(cat.poids_kg, cat.empreinte_kg * ords.DEPLACEMENT, 1)
    ne = ords.NON_ELECTRIQUES.get(non_electrique)
    if estimation:
        return Impact(estimation, estimation * ords.RATIO_CO2_NON_ELECTRIQUE * ords.DEPLACEMENT, 1)
    if ne is not None and ne.poids_kg > 0:
        return Impact(ne.poids_kg, ne.empreinte_kg * ords.DEPLACEMENT, 1)
    return Impact(repares=1, sans_poids=1)


def compte_dans_impact(p: Projet, debut: date, fin: date) -> bool:
    """Counted once per object: in the period holding the day it was FIRST marked repaired."""
    return p.type == "reparation" and p.repare_le is not None and debut <= p.repare_le <= fin


def impact(projets: Iterable[Projet], debut: date, fin: date) -> Impact:
    total = Impact()
    for p in projets:
        if compte_dans_impact(p, debut, fin):
            total = total + impact_objet(p.categorie_ords, p.categorie_non_electrique, p.poids_estime_kg)
    return total


# ------------------------------------------------------------------ personal data in free text
_EMAIL = re.compile(r"[\w.+\-']+@[\w\-]+(?:\.[\w\-]+)+", re.UNICODE)
_SEP = r"[ \t.\-/]*"
_TELEPHONE = re.compile(
    r"(?:(?:\+|00)" + _SEP + r"33" + _SEP + r"(?:\(0\)" + _SEP + r")?|0)[1-9](?:" + _SEP + r"\d\d){4}")
MASQUE_EMAIL = "[courriel retiré]"
MASQUE_TELEPHONE = "[téléphone retiré]"
MASQUE_NOM = "[nom retiré]"


def _motif_nom(nom: str) -> re.Pattern[str]:
    """A name, whatever its case, accents or hyphens/spaces (« Le Gall », « le-gall », « LÉA »)."""
    import unicodedata

    sans = unicodedata.normalize("NFKD", nom).encode("ascii", "ignore").decode()
    morceaux = []
    for c in sans:
        if c.isalpha():
            variantes = {c.lower(), c.upper()}
            for a in "àâäáãåèéêëìíîïòóôöõùúûüçñÿ":
                if unicodedata.normalize("NFKD", a)[0] == c.lower():
                    variantes |= {a, a.upper()}
            morceaux.append("[" + "".join(sorted(variantes)) + "]")
        elif c in " -'’":
            morceaux.append(r"[\s\-'’]?")
        else:
            morceaux.append(re.escape(c))
    return re.compile(r"(?<!\w)" + "".join(morceaux) + r"(?!\w)")


def nettoyer(texte: str, noms: Iterable[str] = ()) -> str:
    """Remove e-mail addresses, French phone numbers and the given names from a free text."""
    texte = _EMAIL.sub(MASQUE_EMAIL, texte or "")
    texte = _TELEPHONE.sub(MASQUE_TELEPHONE, texte)
    for nom in sorted({n.strip() for n in noms if n and len(n.strip()) >= 2}, key=len, reverse=True):
        texte = _motif_nom(nom).sub(MASQUE_NOM, texte)
    return texte
