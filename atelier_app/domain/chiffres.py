"""The *Chiffres* paragraph of the centre's activity-report sheet, in the centre's own phrasing.

Why pure and fed with plain numbers: the wording is the centre's (DESIGN.md, "The centre's
activity-report sheet") and must be testable to the letter, whatever store the figures come from.
A course in cycles reads::

    21 stagiaires en cumulé sur l'année 2025 répartis en 3 sessions : 9 en janvier-mars ;
    0 en avril-mai ; 12 en septembre-novembre. Total de 84 heures de formation en cumulé.

- a *session* is a cycle; its *période* runs from the month of its first session day to the month
  of its last, every session counted whatever its state;
- *N* is the sum of the people enrolled in each cycle (a person in two cycles counts twice);
- *H* is the sum of the durations of the sessions actually held, over all groups.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from atelier_app.domain.codes import MOIS


@dataclass(frozen=True)
class CycleChiffres:
    """One cycle as the sheet sees it: its first and last session days and who was enrolled."""

    premier_jour: date
    dernier_jour: date
    inscrits: int


def periode(premier_jour: date, dernier_jour: date) -> str:
    """``mars-avril``; one month alone when both days fall in the same month."""
    debut, fin = sorted((premier_jour, dernier_jour))
    premier, dernier = MOIS[debut.month - 1], MOIS[fin.month - 1]
    if (debut.year, debut.month) == (fin.year, fin.month):
        return premier
    return f"{premier}-{dernier}"


def nombre(valeur: float) -> str:
    """A figure the French way: ``84``, ``22,5``, ``1 250`` (no trailing zeros, comma decimal)."""
    arrondi = round(float(valeur), 2)
    if arrondi == int(arrondi):
        entier = int(arrondi)
        return f"{entier:,}".replace(",", "\u202f") if abs(entier) >= 10000 else str(entier)
    texte = f"{arrondi:.2f}".rstrip("0").rstrip(".")
    return texte.replace(".", ",")


def _accord(valeur: float, singulier: str, pluriel: str) -> str:
    """French agreement: 0 and 1 (and 1,5) take the singular, 2 and more the plural."""
    return pluriel if abs(valeur) >= 2 else singulier


def texte_cycles(annee: int, cycles: Sequence[CycleChiffres], heures: float) -> str:
    """The cycles paragraph; cycles are put in date order, a cycle with nobody enrolled shows 0."""
    ordonnes = sorted(cycles, key=lambda c: (c.premier_jour, c.dernier_jour))
    total = sum(c.inscrits for c in ordonnes)
    k = len(ordonnes)
    debut = f"{total} {_accord(total, 'stagiaire', 'stagiaires')} en cumulé sur l'année {annee}"
    if k == 0:
        corps = f"{debut}, aucune session."
    else:
        parts = " ; ".join(f"{c.inscrits} en {periode(c.premier_jour, c.dernier_jour)}" for c in ordonnes)
        corps = f"{debut} répartis en {k} {_accord(k, 'session', 'sessions')} : {parts}."
    return f"{corps} {texte_heures(heures, 'de formation')}"


def texte_heures(heures: float, de_quoi: str) -> str:
    return f"Total de {nombre(heures)} {_accord(heures, 'heure', 'heures')} {de_quoi} en cumulé."


def texte_club(annee: int, adherents: int, heures: float, *, sans_inscription: int = 0) -> str:
    """An activity without cycles (children's club): members and hours held.

    ``adherents`` counts the enrolled only; people who came without enrolling are said apart
    (DESIGN.md: never counted as *adhérents*).
    """
    qui = _accord(adherents, "adhérent inscrit", "adhérents inscrits")
    venus = ""
    if sans_inscription:
        personne = _accord(sans_inscription, "personne venue", "personnes venues")
        venus = f" et {sans_inscription} {personne} sans inscription"
    return f"{adherents} {qui} sur l'année {annee}{venus}. " + texte_heures(heures, "d'activité")


def texte_projets(annee: int, adherents: int, heures: float, ouverts: int, repares: int, *,
                  dechets_kg: float | None = None, co2_kg: float | None = None, sans_inscription: int = 0) -> str:
    """The repair café: members and hours, then projects opened and repaired, waste and CO2 avoided."""
    texte = (f"{texte_club(annee, adherents, heures, sans_inscription=sans_inscription)} "
             f"{ouverts} {_accord(ouverts, 'projet ouvert', 'projets ouverts')}, "
             f"{repares} {_accord(repares, 'objet réparé', 'objets réparés')}")
    if dechets_kg is not None and co2_kg is not None:
        texte += (f" ; {nombre(round(dechets_kg, 1))} kg de déchets et "
                  f"{nombre(round(co2_kg, 1))} kg de CO2 évités")
    return texte + "."


def texte_accompagnement(annee: int, demandes: int, personnes: int, heures: float) -> str:
    """The help desk: requests, identified people, hours."""
    demande = _accord(demandes, "demande d'accompagnement individuel", "demandes d'accompagnement individuel")
    qui = _accord(personnes, "personne identifiée", "personnes identifiées")
    return (f"{demandes} {demande} sur l'année {annee}, pour {personnes} {qui}. "
            + texte_heures(heures, "d'accompagnement"))
