"""Small rules of written French the screens and messages need: elision and agreement.

Why here: the same sentence is built in services (refusals), screens (window titles) and reports;
"de anonymiser" or "Fiche de Inaya" read as a machine's French.
"""

from __future__ import annotations

import unicodedata

from atelier_app.domain.nombres import entier

_VOYELLES = "aeiouyh"

#: labels of attendance, masculine → feminine (the statuses that agree)
_FEMININS = {"Présent": "Présente", "Absent": "Absente", "Excusé": "Excusée"}


def commence_par_voyelle(mot: str) -> bool:
    """True before a vowel or a mute h (first letter, accents ignored)."""
    mot = mot.strip()
    if not mot:
        return False
    premiere = unicodedata.normalize("NFD", mot[0].lower())[0]
    return premiere in _VOYELLES


def de(mot: str) -> str:
    """« de » followed by the word, elided before a vowel: "d'anonymiser", "de Paul"."""
    return f"d'{mot.strip()}" if commence_par_voyelle(mot) else f"de {mot.strip()}"


def accorder(libelle: str, genre: str) -> str:
    """A status label agreeing with the person's gender when it is known (« Présente »)."""
    if genre == "feminin":
        return _FEMININS.get(libelle, libelle)
    return libelle


def _pluriel(mots: str) -> str:
    # each word of a short noun phrase (« séance prévue » → « séances prévues »); s, x, z stay
    return " ".join(m if m[-1] in "sxz" else m + "s" for m in mots.split())


def compte(n: int, singulier: str, pluriel: str = "") -> str:
    """« 1 inscrit », « 0 inscrit », « 12 inscrits »: in French 0 and 1 take the singular, and a
    count written « inscrit(s) » reads as a form, not a sentence."""
    mot = singulier if -2 < n < 2 else (pluriel or _pluriel(singulier))
    return f"{entier(n)} {mot}"
