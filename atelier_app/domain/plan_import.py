"""An import of a people list, shown before it is done: each line's changes, old → new.

Why a plan (issue 18, point 7): a « clean » file silently replaced a person's phone and address.
Nothing changes now until the user has seen, per person, what the file would change, and chosen
to apply the line, skip it, or keep the old value of a field; the chosen plan is then applied in
one write.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from atelier_app.domain.fusion import CHAMPS, valeur_lisible
from atelier_app.domain.personnes import Personne, valider_personne
from atelier_app.errors import Probleme

LIBELLES = dict(CHAMPS)
NON_COMMUNIQUE = "non_communique"


@dataclass(frozen=True)
class Changement:
    champ: str
    avant: str  # as the user reads it ("" when empty)
    apres: str

    @property
    def libelle(self) -> str:
        return LIBELLES.get(self.champ, self.champ)


@dataclass(frozen=True)
class LigneImport:
    """One line of the file: a new person, or changes to a known one (same name, first name, year)."""

    ligne: int
    personne: Personne  # the record the line would write
    existante: Personne | None = None
    changements: tuple[Changement, ...] = ()
    doublon_de_ligne: int | None = None  # the same person further up the file

    @property
    def nouvelle(self) -> bool:
        return self.existante is None


@dataclass(frozen=True)
class PlanImport:
    fichier: str
    lignes: tuple[LigneImport, ...] = ()
    problemes: tuple[Probleme, ...] = ()
    colonnes_ignorees: tuple[str, ...] = ()
    inchangees: int = 0  # lines about known people that change nothing
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def nouvelles(self) -> list[LigneImport]:
        return [x for x in self.lignes if x.nouvelle]

    @property
    def modifiees(self) -> list[LigneImport]:
        return [x for x in self.lignes if not x.nouvelle]


def _nouveaux(champs: dict[str, Any], garder_nom: bool) -> dict[str, Any]:
    """The values a line gives; empty cells never erase anything (as before)."""
    exclus = ("notes_statut", "nom", "prenom") if garder_nom else ("notes_statut",)
    return {k: v for k, v in champs.items() if k not in exclus and v not in ("", None, NON_COMMUNIQUE)}


def appliquer_champs(p: Personne, champs: dict[str, Any], garder: frozenset[str] = frozenset()) -> Personne:
    """``p`` with the line's values, except the fields the user chose to keep."""
    nouveaux = {k: v for k, v in _nouveaux(champs, bool(p.id)).items() if k not in garder}
    if champs.get("notes_statut") and "statut_social" not in garder:
        nouveaux["extra"] = {**p.extra, "statut_texte": champs["notes_statut"]}
    return replace(p, **nouveaux)


def changements(avant: Personne, apres: Personne) -> tuple[Changement, ...]:
    out = []
    for champ, _lib in CHAMPS:
        va, vb = getattr(avant, champ), getattr(apres, champ)
        if va != vb:
            out.append(Changement(champ, valeur_lisible(champ, va), valeur_lisible(champ, vb)))
    return tuple(out)


def planifier(fichier: str, lignes: list[tuple[int, dict[str, Any]]], connues: list[Personne], *,
              aujourd_hui: date, nouvel_id: Callable[[str], str], problemes: list[Probleme] | None = None,
              colonnes_ignorees: tuple[str, ...] = ()) -> PlanImport:
    """The plan of a parsed file: ``lignes`` are (line number, fields read from the line)."""
    problemes = list(problemes or [])
    par_cle = {p.cle_doublon(): p for p in connues if not p.anonymise}
    origine = {p.id: p for p in par_cle.values()}
    vues: dict[tuple, int] = {}
    plan: list[LigneImport] = []
    inchangees = 0
    for n, champs in lignes:
        ou = f"ligne {n}"
        candidat = appliquer_champs(Personne(id="", nom="", prenom="", cree_le=aujourd_hui), champs)
        erreurs = valider_personne(candidat, ou, aujourd_hui.year)
        if erreurs:
            problemes += erreurs
            continue
        cle = candidat.cle_doublon()
        deja = par_cle.get(cle)
        if deja is None:
            p = replace(candidat, id=nouvel_id("p"))
            plan.append(LigneImport(n, p))  # never a repeat: a key seen above is in ``par_cle``
        else:
            p = appliquer_champs(deja, champs)
            if p == deja:
                inchangees += 1
                continue
            existante = origine.get(deja.id)
            plan.append(LigneImport(n, p, existante=existante, changements=changements(existante or deja, p),
                                    doublon_de_ligne=vues.get(cle)))
        vues.setdefault(cle, n)
        par_cle[cle] = p
    return PlanImport(fichier, tuple(plan), tuple(problemes), tuple(colonnes_ignorees), inchangees)


def personne_choisie(ligne: LigneImport, actuelle: Personne | None, garder: frozenset[str]) -> Personne:
    """What is written for a line: the person as stored now, with the line's changes except the
    fields kept (a new person is written as the line gives it)."""
    if ligne.existante is None or actuelle is None:
        return ligne.personne
    valeurs = {c.champ: getattr(ligne.personne, c.champ) for c in ligne.changements if c.champ not in garder}
    return replace(actuelle, **valeurs)
