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

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from atelier_app.domain import nombres
from atelier_app.domain.codes import JOURS, MOIS
from atelier_app.domain.secret import SEUIL, Cellule, Masque, primaire, proteger_somme

DEMANDE, DEMANDES = "demande d'accompagnement individuel", "demandes d'accompagnement individuel"
#: How a masked count reads in a sentence (DESIGN.md, "Small counts in documents that leave the centre").
EN_MOTS = {Masque.PETIT: f"moins de {SEUIL}", Masque.SECRET: f"{SEUIL} ou plus",
           Masque.RETENU: "effectif non communiqué"}


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
    """A figure the French way (``nombres``): ``84``, ``22,5``, ``12 500`` (narrow no-break space)."""
    arrondi = round(float(valeur), 2)
    return nombres.nombre(arrondi, 2)


def _accord(valeur: float, singulier: str, pluriel: str) -> str:
    """French agreement: 0 and 1 (and 1,5) take the singular, 2 and more the plural."""
    return pluriel if abs(valeur) >= 2 else singulier


def _compte(n: int, singulier: str, pluriel: str, masque: Masque = Masque.VISIBLE) -> str:
    """``2 personnes venues``; masked: ``moins de 5 personnes venues`` (always the plural)."""
    if masque is not Masque.VISIBLE:
        return f"{EN_MOTS[masque]} {pluriel}"
    return f"{nombres.entier(n)} {_accord(n, singulier, pluriel)}"


def _petit(n: int, masquer: bool) -> Masque:
    return Masque.PETIT if masquer and primaire(Cellule(n)) else Masque.VISIBLE


def _gens(n: int, singulier: str, pluriel: str, masquer: bool) -> str:
    """A count of people alone in its sentence: nothing printed adds up to it, so « < 5 » suffices."""
    return _compte(n, singulier, pluriel, _petit(n, masquer))


def duree(heures: float) -> str:
    """``84 heures``, ``1 heure``, ``52 h 15``: whole hours in words, otherwise as a person says them."""
    minutes = round(heures * 60)
    if minutes % 60 == 0:
        return _compte(minutes // 60, "heure", "heures")
    return nombres.heures(heures)


def _jours(jours: Sequence[str]) -> str:
    """``le mercredi``, ``le mardi et le jeudi``, ``le lundi, le mardi et le jeudi``."""
    uniques = [j for i, j in enumerate(jours) if j and j not in jours[:i]]
    morceaux = [f"le {j}" for j in uniques]
    if len(morceaux) <= 1:
        return "".join(morceaux)
    return ", ".join(morceaux[:-1]) + " et " + morceaux[-1]


def texte_cycles(annee: int, cycles: Sequence[CycleChiffres], heures: float, *, groupes: int = 0,
                 masquer: bool = False) -> str:
    """The cycles paragraph; cycles are put in date order, a cycle with nobody enrolled shows 0.

    ``groupes``: the groups the activity ran that year; when there are more groups than cycles the
    centre adds them, as its 2018 initiation sheet does: *(5 ateliers répartis sur les 2 sessions)*.
    ``masquer`` (documents for funders): the total is the sum of the sessions, so a session of 1 to 4
    people would be given back by the total and the others; ``secret.proteger_somme`` masks enough.
    """
    ordonnes = sorted(cycles, key=lambda c: (c.premier_jour, c.dernier_jour))
    total = sum(c.inscrits for c in ordonnes)
    k = len(ordonnes)
    marques, marque_total = [Masque.VISIBLE] * k, Masque.VISIBLE
    if masquer:
        marques, marque_total = proteger_somme([Cellule(c.inscrits) for c in ordonnes], Cellule(total))
    debut = f"{_compte(total, 'stagiaire', 'stagiaires', marque_total)} en cumulé sur l'année {annee}"
    if k == 0:
        corps = f"{debut}, aucune session."
    else:
        parts = " ; ".join(f"{EN_MOTS.get(m) or nombres.entier(c.inscrits)} en "
                           f"{periode(c.premier_jour, c.dernier_jour)}" for c, m in zip(ordonnes, marques, strict=True))
        ateliers = ""
        if groupes > k:
            ateliers = f" ({groupes} ateliers répartis sur {'la session' if k == 1 else f'les {k} sessions'})"
        corps = f"{debut} répartis en {k} {_accord(k, 'session', 'sessions')} : {parts}{ateliers}."
    return f"{corps} {texte_heures(heures, 'de formation')}"


def texte_heures(heures: float, de_quoi: str) -> str:
    return f"Total de {duree(heures)} {de_quoi} en cumulé."


def _adherents(annee: int, adherents: int, jours: Sequence[str], sans_inscription: int, masquer: bool) -> str:
    """``6 adhérents inscrits le mercredi sur l'année 2025 et 3 personnes venues sans inscription.``

    Why apart: people who came without enrolling are not members (DESIGN.md); they are said, never
    added to the members.
    """
    texte = _gens(adherents, "adhérent inscrit", "adhérents inscrits", masquer)
    quand = _jours(jours)
    if quand:
        texte += f" {quand}"
    texte += f" sur l'année {annee}"
    if sans_inscription:
        texte += f" et {_gens(sans_inscription, 'personne venue', 'personnes venues', masquer)} sans inscription"
    return texte + "."


def texte_club(annee: int, adherents: int, heures: float, *, jours: Sequence[str] = (),
               sans_inscription: int = 0, masquer: bool = False) -> str:
    """An activity without cycles (children's club): members, the weekdays of its groups, hours held.

    Members and walk-ins are two separate counts (nothing printed adds them up): each is masked alone.
    """
    return (f"{_adherents(annee, adherents, jours, sans_inscription, masquer)} "
            + texte_heures(heures, "d'activité"))


def texte_projets(annee: int, adherents: int, heures: float, ouverts: int, repares: int, *,
                  dechets_kg: float | None = None, co2_kg: float | None = None, jours: Sequence[str] = (),
                  sans_inscription: int = 0, masquer: bool = False) -> str:
    """The repair café: members and hours, then projects opened and repaired, waste and CO₂ avoided.

    Projects and objects are not people: printed as they are, as in the statistics tables.
    """
    club = texte_club(annee, adherents, heures, jours=jours, sans_inscription=sans_inscription, masquer=masquer)
    texte = (f"{club} "
             f"{_compte(ouverts, 'projet ouvert', 'projets ouverts')}, "
             f"{_compte(repares, 'objet réparé', 'objets réparés')}")
    if dechets_kg is not None and co2_kg is not None:
        texte += (f" ; {nombres.decimal(dechets_kg, 1)} kg de déchets et "
                  f"{nombres.decimal(co2_kg, 1)} kg de CO₂ évités")
    return texte + "."


def texte_accompagnement(annee: int, demandes: int, personnes: int, heures: float, *, masquer: bool = False) -> str:
    """The help desk: requests, identified people, hours.

    Why the people may be left out: they were counted from the requests, so a reader knows there
    are no more people than requests. « 1 demande, pour moins de 5 personnes » would say one person:
    masked beside a single request, the people are not written at all (none or one, then).
    """
    qui = _petit(personnes, masquer)
    debut = f"{_compte(demandes, DEMANDE, DEMANDES)} sur l'année {annee}"
    if qui is Masque.VISIBLE or demandes >= 2:
        debut += f", pour {_compte(personnes, 'personne identifiée', 'personnes identifiées', qui)}"
    return f"{debut}. " + texte_heures(heures, "d'accompagnement")


def jours_des_groupes(groupes: Iterable[Mapping[str, Any]]) -> list[str]:
    """The weekdays of the groups' time slots (stored dicts), Monday first: ``["mercredi"]``."""
    jours = {str((g.get("creneau") or {}).get("jour", "")).lower() for g in groupes}
    return [j for j in JOURS if j in jours]


def jours_des_dates(dates: Iterable[date | str]) -> list[str]:
    """The weekdays on which sessions were held (dates or ISO strings), Monday first: ``["mercredi"]``.

    Why from the sessions: what the centre writes (« le mercredi ») is when the club actually met.
    """
    vus = {(d if isinstance(d, date) else date.fromisoformat(str(d)[:10])).weekday() for d in dates}
    return [JOURS[i] for i in sorted(vus)]
