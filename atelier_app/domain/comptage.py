"""Every counting rule of the centre, written once: held, came, hours, stagiaires, members, walk-ins,
active project, a person's attendance.

Why one module: the sheet (``services/fiches.py``), the statistics (``reports/statistiques.py``), the
person's file, the home screen and the attestation must give the same figure for the same question,
and each rule used to be spelled out in several places with small differences. A newcomer looks
here for "who is a stagiaire" and finds it one step from every screen that shows it.

The functions take the records (``Seance``, ``Projet``…) or the light rows the store hands out for
bulk reading (``domain/lignes.py``) alike: they only read the fields both have (see the protocols).

**A session is held when its state is ``realisee``** (one definition, :func:`est_tenue`). The roll
call flag (``appel_fait``) is not part of it, because:

- DESIGN.md counts *H* over "the sessions actually held": a session recorded as held counts its
  hours whether its attendance was typed in the app or came from another tool through the
  interchange file (FORMAT.md carries no roll-call flag, so imported held sessions have it unset);
- in the app the roll call sets both at once, so for sessions typed here the two definitions agree;
- ``appel_fait`` keeps its own, narrower meaning: "was the attendance taken?", which flags the
  forgotten calls (:func:`appel_a_faire`).
A person's attendance only looks at held sessions where the person has a mark, so a held session
without marks is neither attended nor missed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from atelier_app.domain.etats import VENUS, EtatProjet, EtatSeance, StatutPresence


class Marque(Protocol):
    """An attendance mark: ``seances.Presence`` or ``lignes.MarqueLigne``."""

    @property
    def personne(self) -> str: ...
    @property
    def statut(self) -> str: ...
    @property
    def inscrit(self) -> bool: ...


class SeanceLue(Protocol):
    """A session: ``seances.Seance`` or ``lignes.SeanceLigne``."""

    @property
    def groupe(self) -> str: ...
    @property
    def etat(self) -> str: ...
    @property
    def duree(self) -> int: ...
    @property
    def anonymes(self) -> int: ...
    @property
    def presences(self) -> Sequence[Marque]: ...


class GroupeLu(Protocol):
    """A group: ``activites.Groupe`` or ``lignes.GroupeLigne``."""

    @property
    def id(self) -> str: ...
    @property
    def cycle(self) -> str: ...
    @property
    def inscrits(self) -> Sequence[str]: ...


# --------------------------------------------------------------------------- one session
def est_tenue(etat: str) -> bool:
    """A session was held (see the module's docstring for why the roll call is not required)."""
    return etat == EtatSeance.REALISEE


def est_annulee(etat: str) -> bool:
    return etat == EtatSeance.ANNULEE


def est_prevue(etat: str) -> bool:
    return etat == EtatSeance.PREVUE


def est_venue(statut: str) -> bool:
    """A person came to a session when marked present or late (DESIGN.md, counting rules)."""
    return statut in VENUS


def est_absence(statut: str) -> bool:
    """Absent without excuse: what counts towards the phone call and against the rate."""
    return statut == StatutPresence.ABSENT


def heures(etat: str, duree: int) -> float:
    """Hours a session counts: its duration when held, nothing when cancelled or still planned."""
    return duree / 60 if est_tenue(etat) else 0.0


def venus(seance: SeanceLue) -> int:
    """People who came to a held session: marked present or late, plus the anonymous head-count.

    A session not held counts nobody, whatever marks it may carry.
    """
    if not est_tenue(seance.etat):
        return 0
    return sum(1 for p in seance.presences if est_venue(p.statut)) + seance.anonymes


def venus_nommes(seance: SeanceLue) -> list[str]:
    """The named people who came to a held session (empty when not held)."""
    if not est_tenue(seance.etat):
        return []
    return [p.personne for p in seance.presences if est_venue(p.statut)]


def appel_a_faire(etat: str, appel_fait: bool, jour: date, aujourd_hui: date) -> bool:
    """A past session neither cancelled nor marked: someone forgot to take the attendance."""
    return jour < aujourd_hui and not est_annulee(etat) and not appel_fait


# --------------------------------------------------------------------------- many sessions
def tenues(seances: Iterable[SeanceLue]) -> list[SeanceLue]:
    return [s for s in seances if est_tenue(s.etat)]


def heures_tenues(seances: Iterable[SeanceLue]) -> float:
    """*H* of DESIGN.md: the durations of the sessions held, over all groups (two groups 1 h 30 = 3 h)."""
    return round(sum(heures(s.etat, s.duree) for s in seances), 2)


def stagiaires(groupes: Iterable[GroupeLu], cycle: str) -> set[str]:
    """*nᵢ* of DESIGN.md: the distinct people enrolled in the groups of one cycle."""
    return {p for g in groupes if g.cycle == cycle for p in g.inscrits}


@dataclass(frozen=True)
class Adherents:
    """The people of an activity without cycles over a year, as DESIGN.md counts them."""

    inscrits: frozenset[str]
    sans_inscription: frozenset[str]


def adherents(groupes: Iterable[GroupeLu], seances: Iterable[SeanceLue],
              porteurs: Iterable[str] = ()) -> Adherents:
    """Members (enrolled) of a club or the repair café, and those who came without enrolling, apart.

    ``seances`` are the activity's sessions of the year; ``porteurs`` the owners of the year's repair
    projects (a project is the repair café's enrolment). Enrolled: in one of the groups that met in
    the year, marked as enrolled at one of its held sessions (enrolled then, left since), or carrying
    a project. Came without enrolling: marked present or late as not enrolled, and enrolled nowhere
    in the activity that year; never counted among the members.
    """
    seances = list(seances)
    actifs = {s.groupe for s in seances}
    inscrits = {p for g in groupes if g.id in actifs for p in g.inscrits}
    inscrits |= set(porteurs)
    venus_hors: set[str] = set()
    for s in seances:
        if not est_tenue(s.etat):
            continue
        for m in s.presences:
            if m.inscrit:
                inscrits.add(m.personne)
            elif est_venue(m.statut):
                venus_hors.add(m.personne)
    return Adherents(frozenset(inscrits), frozenset(venus_hors - inscrits))


# --------------------------------------------------------------------------- a person
@dataclass(frozen=True)
class Assiduite:
    """A person's attendance over some sessions (a group, a year…)."""

    prevues: int = 0       # held sessions where the person has a mark (expected, or came)
    venues: int = 0        # present or late
    absences: int = 0
    excuses: int = 0
    heures: float = 0.0    # hours of held sessions attended

    @property
    def taux(self) -> float | None:
        """Share of held sessions attended, excused ones left out; None when nothing to count."""
        base = self.prevues - self.excuses
        return None if base <= 0 else self.venues / base

    @property
    def taux_texte(self) -> str:
        t = self.taux
        return "—" if t is None else f"{round(t * 100)} %"

    def __add__(self, autre: Assiduite) -> Assiduite:
        return Assiduite(self.prevues + autre.prevues, self.venues + autre.venues,
                         self.absences + autre.absences, self.excuses + autre.excuses,
                         round(self.heures + autre.heures, 2))


def marque_de(seance: SeanceLue, personne: str) -> Marque | None:
    return next((p for p in seance.presences if p.personne == personne), None)


def assiduite(seances: Iterable[SeanceLue], personne: str) -> Assiduite:
    """Held sessions only; a cancelled one counts neither hours nor absence."""
    prevues = venues_ = absences = excuses = 0
    total = 0.0
    for s in seances:
        if not est_tenue(s.etat):
            continue
        p = marque_de(s, personne)
        if p is None:
            continue
        prevues += 1
        if est_venue(p.statut):
            venues_ += 1
            total += heures(s.etat, s.duree)
        elif est_absence(p.statut):
            absences += 1
        else:
            excuses += 1
    return Assiduite(prevues, venues_, absences, excuses, round(total, 2))


# --------------------------------------------------------------------------- repair projects
class VisiteLue(Protocol):
    @property
    def date(self) -> date: ...
    @property
    def duree(self) -> int: ...


class ProjetLu(Protocol):
    """A repair project: ``projets.Projet`` or ``lignes.ProjetLigne``."""

    @property
    def etat(self) -> str: ...
    @property
    def ouvert_le(self) -> date: ...
    @property
    def repare_le(self) -> date | None: ...
    @property
    def clos_le(self) -> date | None: ...
    @property
    def visites(self) -> Sequence[VisiteLue]: ...


def est_en_cours(etat: str) -> bool:
    return etat == EtatProjet.EN_COURS


def fin_projet(p: ProjetLu) -> date:
    """The day a project ended: repaired, else closed, else its last visit; ``date.max`` while it runs."""
    for jour in (p.repare_le, p.clos_le):
        if jour is not None:
            return jour
    if est_en_cours(p.etat):
        return date.max
    return max((v.date for v in p.visites), default=p.ouvert_le)


def projet_actif(p: ProjetLu, annee: int) -> bool:
    """A project counts in a year when opened or visited in it, or running through it."""
    if p.ouvert_le.year == annee or any(v.date.year == annee for v in p.visites):
        return True
    return p.ouvert_le.year < annee <= fin_projet(p).year
