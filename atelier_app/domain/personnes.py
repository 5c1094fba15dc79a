"""People: the minimum the centre needs (year of birth, not date; contact only to invite)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from atelier_app.domain.ages import est_mineur, tranche_age
from atelier_app.domain.codes import GENRES, STATUTS_SOCIAUX
from atelier_app.domain.limites import verifier_textes
from atelier_app.errors import Probleme


@dataclass(frozen=True)
class Consentement:
    objet: str
    le: date
    retire_le: date | None = None


@dataclass(frozen=True)
class Personne:
    TABLE: ClassVar[str] = "personnes"
    RANGEMENT: ClassVar[str] = "personnes"

    id: str
    nom: str
    prenom: str
    annee_naissance: int | None = None
    genre: str = "non_communique"
    statut_social: str = "non_communique"
    commune: str = ""
    code_postal: str = ""
    adresse: str = ""
    telephone: str = ""
    email: str = ""
    responsable_legal: str = ""
    telephone_responsable: str = ""
    droit_image: bool = False
    consentements: tuple[Consentement, ...] = ()
    notes: str = ""
    cree_le: date = field(default_factory=date.today)
    anonymise: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def date_rangement(self) -> date:
        return self.cree_le

    @property
    def nom_complet(self) -> str:
        return f"{self.nom.upper()} {self.prenom}".strip()

    def tranche_age(self, annee: int) -> str:
        return tranche_age(self.annee_naissance, annee)

    def est_mineur(self, annee: int) -> bool:
        return est_mineur(self.annee_naissance, annee)

    def cle_doublon(self) -> tuple[str, str, int | None]:
        """Same name, first name and year of birth is the same person (FORMAT.md)."""
        return (normaliser(self.nom), normaliser(self.prenom), self.annee_naissance)


def normaliser(texte: str) -> str:
    """Case, accents and spacing must not make two records of one person."""
    sans_accents = unicodedata.normalize("NFKD", texte or "")
    sans_accents = "".join(c for c in sans_accents if not unicodedata.combining(c))
    return re.sub(r"[\s\-']+", " ", sans_accents).strip().casefold()


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_CP = re.compile(r"^\d{5}$")


#: The oldest year of birth accepted; the newest is the current year, given by the caller's context.
ANNEE_NAISSANCE_MIN = 1900
_TEXTES = ("nom", "prenom", "commune", "code_postal", "adresse", "telephone", "email", "responsable_legal",
           "telephone_responsable", "notes")


def valider_annee_naissance(annee: int | None, ou: str, annee_courante: int) -> list[Probleme]:
    """The one bound on a year of birth (form, roll-call walk-in, import, command line)."""
    if annee is not None and not ANNEE_NAISSANCE_MIN <= annee <= annee_courante:
        return [Probleme(ou, "annee_naissance", f"année de naissance impossible : {annee} "
                                                f"(entre {ANNEE_NAISSANCE_MIN} et {annee_courante})")]
    return []


def valider_personne(p: Personne, ou: str, annee_courante: int) -> list[Probleme]:
    """Every rule on a person, for every entry point; ``annee_courante`` comes from the context."""
    problemes: list[Probleme] = verifier_textes(ou, {c: getattr(p, c) for c in _TEXTES})
    if not p.nom.strip():
        problemes.append(Probleme(ou, "nom", "le nom est obligatoire"))
    if not p.prenom.strip():
        problemes.append(Probleme(ou, "prenom", "le prénom est obligatoire"))
    problemes += valider_annee_naissance(p.annee_naissance, ou, annee_courante)
    if p.genre not in GENRES:
        problemes.append(Probleme(ou, "genre", f"genre inconnu : « {p.genre} »"))
    if p.statut_social not in STATUTS_SOCIAUX:
        problemes.append(Probleme(ou, "statut_social", f"statut inconnu : « {p.statut_social} »"))
    if p.email and not _EMAIL.match(p.email):
        problemes.append(Probleme(ou, "email", f"adresse e-mail invalide : « {p.email} »"))
    if p.code_postal and not _CP.match(p.code_postal):
        problemes.append(Probleme(ou, "code_postal", f"code postal invalide : « {p.code_postal} »"))
    return problemes
