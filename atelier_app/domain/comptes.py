"""Accounts: who may open the app, and the pure rules about their passwords.

Why here and pure: the CNIL 2022 password rule and the lock-out policy must be testable without
hashing; the hash itself (argon2id) is computed by the service layer, only the hash is stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import ClassVar

#: After this many failures in a row the account is locked for VERROU_MINUTES.
ECHECS_AVANT_VERROU = 5
VERROU_MINUTES = 15
LONGUEUR_MIN = 12
LONGUEUR_PHRASE = 14
MOTS_PHRASE = 3


@dataclass(frozen=True)
class Compte:
    TABLE: ClassVar[str] = "comptes"
    RANGEMENT: ClassVar[str] = "noyau"

    id: str
    role: str
    empreinte: str
    echecs: int = 0
    dernier_echec: datetime | None = None
    verrouille_jusqua: datetime | None = None
    cree_le: datetime | None = None
    actif: bool = True

    @property
    def identifiant(self) -> str:
        return self.id

    def date_rangement(self) -> date:
        return date(2000, 1, 1)


def _est_phrase(mdp: str) -> bool:
    mots = [m for m in re.split(r"[\s\-_.,;:]+", mdp) if len(m) >= 2]
    return len(mdp) >= LONGUEUR_PHRASE and len(mots) >= MOTS_PHRASE


def raisons_refus(mdp: str, identifiant: str = "") -> list[str]:
    """Why a password is refused (empty list: accepted). CNIL 2022: 12 characters of the four
    kinds, or a passphrase of at least 14 characters made of several words."""
    if identifiant and identifiant.strip() and identifiant.strip().lower() in mdp.lower():
        return ["le mot de passe ne doit pas contenir l'identifiant"]
    if _est_phrase(mdp):
        return []
    raisons = []
    if len(mdp) < LONGUEUR_MIN:
        raisons.append(f"au moins {LONGUEUR_MIN} caractères (il en a {len(mdp)})")
    if not re.search(r"[A-ZÀ-Ý]", mdp):
        raisons.append("au moins une majuscule")
    if not re.search(r"[a-zß-ÿ]", mdp):
        raisons.append("au moins une minuscule")
    if not re.search(r"\d", mdp):
        raisons.append("au moins un chiffre")
    if not re.search(r"[^\w\s]|_", mdp):
        raisons.append("au moins un caractère spécial (par exemple ! ? # @)")
    if raisons:
        raisons.append(
            f"ou bien une phrase de passe d'au moins {LONGUEUR_PHRASE} caractères en {MOTS_PHRASE} mots ou plus"
        )
    return raisons


def delai_apres_echecs(echecs: int) -> int:
    """Seconds to wait before the next try: grows with each failure (0, 1, 2, 4, 8…, max 30)."""
    if echecs <= 0:
        return 0
    return min(30, 2 ** (echecs - 1))


def apres_echec(compte: Compte, maintenant: datetime) -> Compte:
    """The account after one more wrong password: counted, and locked after too many."""
    from dataclasses import replace

    echecs = compte.echecs + 1
    verrou = compte.verrouille_jusqua
    if echecs >= ECHECS_AVANT_VERROU:
        verrou = maintenant + timedelta(minutes=VERROU_MINUTES)
    return replace(compte, echecs=echecs, dernier_echec=maintenant, verrouille_jusqua=verrou)


def attente(compte: Compte, maintenant: datetime) -> int:
    """Seconds before this account may try again (lock or growing delay); 0 when it may."""
    if compte.verrouille_jusqua and compte.verrouille_jusqua > maintenant:
        return int((compte.verrouille_jusqua - maintenant).total_seconds()) + 1
    if compte.dernier_echec is None:
        return 0
    fin = compte.dernier_echec + timedelta(seconds=delai_apres_echecs(compte.echecs))
    return max(0, int((fin - maintenant).total_seconds() + 0.999))
