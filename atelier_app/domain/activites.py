"""Activities, their cycles and groups: the shape of the centre's courses.

Why the defaults live on the activity: the centre runs the same rhythm every year (initiation
10 × 2 h in 3 groups, SÉNOU 5 × 1 h 30 in 2 groups…), so a new cycle should be one click.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from atelier_app.domain.codes import GENRES_ACTIVITE, JOURS, NIVEAUX, THEMATIQUES
from atelier_app.errors import Probleme

_HEURE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@dataclass(frozen=True)
class Creneau:
    jour: str
    debut: str
    duree: int

    @property
    def id(self) -> str:
        """The slot's stable identity (« mercredi-17:00 »): what a person's availability stores."""
        return id_creneau(self.jour, self.debut)

    @property
    def libelle(self) -> str:
        return libelle_creneau(self.jour, self.debut)


def libelle_creneau(jour: str, debut: str) -> str:
    """« Mercredi 17 h », « Jeudi 9 h 30 »: a slot as the team says it (``debut`` as « HH:MM »)."""
    h, m = debut.split(":")
    return f"{jour.capitalize()} {int(h)} h" + (f" {m}" if m != "00" else "")


def _heure_fr(minutes: int) -> str:
    h, m = divmod(minutes % (24 * 60), 60)
    return f"{h} h" + (f" {m:02d}" if m else "")


def horaire(c: Creneau) -> str:
    """« Mercredi de 17 h à 19 h »: what a person ticks on the paper questionnaire."""
    h, m = (int(x) for x in c.debut.split(":"))
    debut = h * 60 + m
    return f"{c.jour.capitalize()} de {_heure_fr(debut)} à {_heure_fr(debut + c.duree)}"


def id_creneau(jour: str, debut: str) -> str:
    return f"{jour}-{debut}"


def normaliser_disponibilite(texte: str) -> str:
    """An availability as stored today: « mercredi 17:00 » (older files) becomes « mercredi-17:00 »;
    a bare day (« mercredi », the oldest form) stays a day and means any slot of that day."""
    t = " ".join(texte.strip().lower().split())
    jour, _, heure = t.replace("-", " ").partition(" ")
    return id_creneau(jour, heure.strip()) if heure.strip() else jour


def creneau_convient(disponibilites: Iterable[str], creneau: Creneau) -> bool:
    """Whether a person available on ``disponibilites`` can attend ``creneau`` (nothing stored: any)."""
    dispos = {normaliser_disponibilite(d) for d in disponibilites}
    return not dispos or creneau.id in dispos or creneau.jour in dispos


def libelle_disponibilite(texte: str) -> str:
    """« mercredi-17:00 » → « Mercredi 17 h » ; a bare day → « Mercredi (toute la journée) »."""
    t = normaliser_disponibilite(texte)
    jour, _, heure = t.partition("-")
    if not heure:
        return f"{jour.capitalize()} (toute la journée)"
    try:
        return libelle_creneau(jour, heure)
    except ValueError:
        return texte


_NUMERO = re.compile(r"^\s*groupe\s*(?:n°\s*)?(\d+)", re.IGNORECASE)


def ordre_groupes(groupes: Iterable[Groupe]) -> list[Groupe]:
    """Groups in the order the team numbers them (« Groupe 2 » before « Groupe 10 »); groups named
    otherwise (« Mercredi 17 h ») come in the order of the week, then by name."""
    def cle(g: Groupe) -> tuple:
        m = _NUMERO.match(g.nom)
        if m is not None:  # numbered groups first (False sorts before True)
            return (False, int(m.group(1)))
        jour = (JOURS.index(g.creneau.jour), g.creneau.debut) if g.creneau and g.creneau.jour in JOURS else (len(JOURS),)
        return (True, jour, g.nom.casefold())

    return sorted(groupes, key=lambda g: (cle(g), g.id))


@dataclass(frozen=True)
class Reunion:
    """The information meeting that follows a pre-list (workflow 1)."""

    date: date | None = None
    heure: str = ""
    lieu: str = ""


@dataclass(frozen=True)
class EtapeProgramme:
    """One planned session of a cycle: what the animateur means to teach."""

    numero: int
    contenu: str
    thematiques: tuple[str, ...] = ()


@dataclass(frozen=True)
class Activite:
    TABLE: ClassVar[str] = "activites"
    RANGEMENT: ClassVar[str] = "noyau"

    id: str
    nom: str
    genre_activite: str = "cycles"
    animateur: str = ""
    lieu: str = ""
    objectif_pedagogique: str = ""
    description: str = ""
    public: str = ""
    partenaires: tuple[str, ...] = ()
    points_positifs: str = ""
    perspectives: str = ""
    nb_seances: int = 10
    duree_seance: int = 120
    nb_groupes: int = 1
    capacite_min: int = 6
    capacite_max: int = 9
    creneaux: tuple[Creneau, ...] = ()
    age_min: int | None = None
    age_max: int | None = None
    reunion: Reunion = field(default_factory=Reunion)
    programme: tuple[EtapeProgramme, ...] = ()
    active: bool = True
    extra: dict[str, Any] = field(default_factory=dict)

    def date_rangement(self) -> date:
        return date(2000, 1, 1)

    @property
    def en_cycles(self) -> bool:
        return self.genre_activite == "cycles"


@dataclass(frozen=True)
class Cycle:
    """A run of a course; the centre calls it a *session* in its reports."""

    TABLE: ClassVar[str] = "cycles"
    RANGEMENT: ClassVar[str] = "noyau"

    id: str
    activite: str
    nom: str
    debut: date | None = None
    fin: date | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def date_rangement(self) -> date:
        return self.debut or date(2000, 1, 1)


@dataclass(frozen=True)
class Groupe:
    TABLE: ClassVar[str] = "groupes"
    RANGEMENT: ClassVar[str] = "noyau"

    id: str
    cycle: str
    nom: str
    niveau: str | None = None
    capacite: int = 9
    creneau: Creneau | None = None
    nb_seances: int = 10
    inscrits: tuple[str, ...] = ()
    liste_attente: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    def date_rangement(self) -> date:
        return date(2000, 1, 1)

    @property
    def places_libres(self) -> int:
        return max(0, self.capacite - len(self.inscrits))

    @property
    def complet(self) -> bool:
        return len(self.inscrits) >= self.capacite


def valider_creneau(c: Creneau, ou: str) -> list[Probleme]:
    problemes = []
    if c.jour not in JOURS:
        problemes.append(Probleme(ou, "creneau.jour", f"jour inconnu : « {c.jour} »"))
    if not (isinstance(c.debut, str) and _HEURE.match(c.debut)):
        problemes.append(Probleme(ou, "creneau.debut", f"heure invalide : « {c.debut} » (HH:MM)"))
    if not 0 < c.duree <= 12 * 60:
        problemes.append(Probleme(ou, "creneau.duree", f"durée impossible : {c.duree} minutes"))
    return problemes


def valider_activite(a: Activite, ou: str) -> list[Probleme]:
    problemes = []
    if not a.id.strip():
        problemes.append(Probleme(ou, "id", "l'identifiant est obligatoire"))
    if not a.nom.strip():
        problemes.append(Probleme(ou, "nom", "le nom est obligatoire"))
    if a.genre_activite not in GENRES_ACTIVITE:
        problemes.append(Probleme(ou, "genre_activite", f"genre inconnu : « {a.genre_activite} »"))
    if a.nb_seances < 0 or a.nb_seances > 200:
        problemes.append(Probleme(ou, "nb_seances", f"nombre de séances impossible : {a.nb_seances}"))
    if not 0 < a.duree_seance <= 12 * 60:
        problemes.append(Probleme(ou, "duree_seance", f"durée impossible : {a.duree_seance} minutes"))
    if a.nb_groupes < 1:
        problemes.append(Probleme(ou, "nb_groupes", "il faut au moins un groupe par cycle"))
    if not 1 <= a.capacite_min <= a.capacite_max:
        problemes.append(Probleme(ou, "capacite_max",
                                  f"places par groupe : de {a.capacite_min} à {a.capacite_max}, c'est impossible"))
    for c in a.creneaux:
        problemes.extend(valider_creneau(c, ou))
    for i, etape in enumerate(a.programme):
        for t in etape.thematiques:
            if t not in THEMATIQUES:
                problemes.append(Probleme(ou, f"programme[{i}].thematiques", f"thématique inconnue : « {t} »"))
    return problemes


def valider_cycle(c: Cycle, ou: str) -> list[Probleme]:
    problemes = []
    if not c.nom.strip():
        problemes.append(Probleme(ou, "nom", "le nom est obligatoire"))
    if c.debut and c.fin and c.fin < c.debut:
        problemes.append(Probleme(ou, "fin", f"la fin ({c.fin:%d/%m/%Y}) précède le début ({c.debut:%d/%m/%Y})"))
    return problemes


def valider_groupe(g: Groupe, ou: str) -> list[Probleme]:
    problemes = []
    if not g.nom.strip():
        problemes.append(Probleme(ou, "nom", "le nom est obligatoire"))
    if not 0 <= g.nb_seances <= 200:
        problemes.append(Probleme(ou, "nb_seances", f"nombre de séances impossible : {g.nb_seances}"))
    if g.niveau is not None and g.niveau not in NIVEAUX:
        problemes.append(Probleme(ou, "niveau", f"niveau inconnu : « {g.niveau} »"))
    if g.capacite < 1:
        problemes.append(Probleme(ou, "capacite", "la capacité doit être d'au moins 1"))
    if len(g.inscrits) > g.capacite:
        problemes.append(
            Probleme(ou, "inscrits", f"{len(g.inscrits)} inscrits pour {g.capacite} places : le groupe déborde")
        )
    if len(set(g.inscrits)) != len(g.inscrits):
        problemes.append(Probleme(ou, "inscrits", "une personne est inscrite deux fois"))
    if set(g.inscrits) & set(g.liste_attente):
        problemes.append(Probleme(ou, "liste_attente", "une personne est à la fois inscrite et en attente"))
    if g.creneau is not None:
        problemes.extend(valider_creneau(g.creneau, ou))
    return problemes
