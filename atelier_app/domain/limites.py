"""Limits on what a text field may hold, named in French when crossed.

Why: a 10 000-character name broke the person's PDF export (a line longer than a page) and a
10 MB name arrived by an interchange file; a NUL, a bell, an escape or a right-to-left override
stored in a name garbles every screen and document it reaches, and can disguise a file name or a
phone number. Each entry point (form, roll-call walk-in, list import, interchange file, command
line) calls the domain's validation, which calls this module: one rule, same bounds everywhere.
"""

from __future__ import annotations

import re

from atelier_app.errors import Probleme

#: Longest text accepted per field (characters), and its name as the user sees it.
LONGUEURS: dict[str, tuple[int, str]] = {
    "nom": (100, "Nom"),
    "prenom": (100, "Prénom"),
    "commune": (100, "Commune"),
    "code_postal": (10, "Code postal"),
    "adresse": (300, "Adresse"),
    "telephone": (30, "Téléphone"),
    "email": (254, "E-mail"),
    "responsable_legal": (200, "Responsable légal"),
    "telephone_responsable": (30, "Téléphone du responsable"),
    "notes": (5000, "Notes"),
    "intitule": (200, "Intitulé"),
    "marque": (100, "Marque"),
    "probleme": (2000, "Problème"),
    "description": (5000, "Description"),
    "prochaine_etape": (1000, "Prochaine étape"),
    "objet": (300, "Objet"),
}
#: Any field not listed above.
LONGUEUR_DEFAUT = 1000

#: Characters refused in any text: controls (NUL, BEL, ESC…) and the bidirectional overrides that
#: can make a text read backwards (RLO and its kin). Tab and line breaks stay allowed in notes.
_INTERDITS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"
                        "\ud800-\udfff]")
_NOMS_CONTROLES = {"\x00": "NUL", "\x07": "BEL", "\x1b": "ESC", "\u202e": "RLO", "\u202d": "LRO"}


def caractere_interdit(texte: str) -> str | None:
    """The first forbidden character of ``texte``, named for the user; None when all are fine."""
    m = _INTERDITS.search(texte)
    if m is None:
        return None
    ch = m.group()
    return f"caractère de contrôle {_NOMS_CONTROLES.get(ch, f'U+{ord(ch):04X}')}"


def verifier_texte(ou: str, champ: str, valeur: object) -> list[Probleme]:
    """Length and characters of one text field; empty list when it is fine."""
    if not isinstance(valeur, str) or not valeur:
        return []
    maximum, libelle = LONGUEURS.get(champ, (LONGUEUR_DEFAUT, champ))
    problemes = []
    if len(valeur) > maximum:
        problemes.append(Probleme(ou, champ, f"« {libelle} » trop long : {len(valeur)} caractères "
                                             f"(au plus {maximum})"))
    interdit = caractere_interdit(valeur)
    if interdit:
        problemes.append(Probleme(ou, champ, f"« {libelle} » contient un {interdit}, refusé"))
    return problemes


def verifier_textes(ou: str, champs: dict[str, object]) -> list[Probleme]:
    problemes: list[Probleme] = []
    for champ, valeur in champs.items():
        problemes += verifier_texte(ou, champ, valeur)
    return problemes
