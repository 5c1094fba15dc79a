"""Accounts: who may open the app, and the pure rules about their passwords.

Why here and pure: the CNIL 2022 password rule and the lock-out policy must be testable without
hashing; the hash itself (argon2id) is computed by the service layer, only the hash is stored.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import ClassVar

#: After this many failures in a row the account is locked for VERROU_MINUTES.
ECHECS_AVANT_VERROU = 5
VERROU_MINUTES = 15
LONGUEUR_MIN = 12
LONGUEUR_PHRASE = 14
MOTS_PHRASE = 3
#: zxcvbn's score 3 of 4: at least 10^8 guesses, beyond what a lock-out and argon2 let an attacker try.
SCORE_MIN = 3
#: Words and common passwords of French users that zxcvbn's English lists miss (lower case, no accents).
MOTS_FRANCAIS = tuple("""motdepasse azerty azertyuiop qwertz soleil bonjour bonsoir salut coucou doudou loulou chouchou
nounours cheri cherie amour jetaime toujours liberte france paris marseille lyon lille toulouse nice nantes
bordeaux strasbourg montpellier rennes roubaix tourcoing football fromage chocolat vacances famille maison
jardin papa maman bebe enfant princesse chaton chien chat lapin poisson oiseau cheval dragon tigre lion
loup bisous doudoune secret motpasse motdepasses passe passer utilisateur administrateur admin centre
social atelier numerique ordinateur internet informatique animateur animatrice benevole direction
directeur directrice mairie commune bienvenue merci printemps ete automne hiver janvier fevrier mars avril
mai juin juillet aout septembre octobre novembre decembre lundi mardi mercredi jeudi vendredi samedi
dimanche nicolas julien thomas camille marie sophie pierre jean michel philippe isabelle nathalie
sandrine catherine christine celine aurelie emilie julie laura sarah manon lucas hugo louis gabriel
jules arthur raphael leo""".split())


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


def normaliser_identifiant(identifiant: str) -> str:
    """One spelling per account: NFKC then case-folded, so that ``ｓｏｐｈｉｅ`` is ``sophie``."""
    return unicodedata.normalize("NFKC", identifiant).strip().casefold()


def identifiant_valide(ident: str) -> bool:
    """ASCII letters, digits, ``. _ -`` and accented Latin letters: no look-alike from another script."""
    for ch in ident:
        if ch.isascii():
            if not (ch.isalnum() or ch in "._-"):
                return False
        elif not (ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN")):
            return False
    return bool(ident)


def _sans_accents(texte: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", texte) if not unicodedata.combining(c))


def trop_facile(mdp: str, mots: tuple[str, ...] = ()) -> bool:
    """A real strength estimate (zxcvbn, with French words added): repetitions, keyboard rows,
    sequences, common words and passwords lower the score even when every character class is there.
    The passphrase is also judged without its separators (``1234 5678 9012 3456``)."""
    from zxcvbn import zxcvbn

    entrees = [*MOTS_FRANCAIS, *(m.casefold() for m in mots if m)]
    formes = {mdp[:100], _sans_accents(mdp)[:100], re.sub(r"[\s\-_.,;:]+", "", mdp)[:100]}
    return any(zxcvbn(f, user_inputs=entrees)["score"] < SCORE_MIN for f in formes if f)


def raisons_refus(mdp: str, identifiant: str = "") -> list[str]:
    """Why a password is refused (empty list: accepted). CNIL 2022 is the floor: 12 characters of
    the four kinds, or a passphrase of at least 14 characters made of several words; then it must
    not be easy to guess (:func:`trop_facile`)."""
    ident = normaliser_identifiant(identifiant) if identifiant else ""
    if ident and ident in normaliser_identifiant(mdp):
        return ["un mot de passe qui ne contient pas l'identifiant"]
    raisons = [] if _est_phrase(mdp) else _classes(mdp)
    if not raisons and trop_facile(mdp, (ident,)):
        raisons.append("un mot de passe moins facile à deviner (pas de mot courant, de répétition, "
                       "de suite de touches ou de chiffres)")
    return raisons


def _classes(mdp: str) -> list[str]:
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
