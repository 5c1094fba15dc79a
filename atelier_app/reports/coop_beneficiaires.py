"""The people list in the national tool's beneficiaries import template (reference/coop.md).

Why this exact layout: conseillers numériques must otherwise retype every person into the Coop.
The national tool reads a sheet named « Bénéficiaires », three heading rows, people from row 4,
columns A–J: nom, prénom, année de naissance, commune, code INSEE, code postal, téléphone, e-mail,
genre (read on its first letter: F, M, N), notes. A code INSEE must exist and match the commune, so
it is left empty (we do not keep it); a 0 is read as empty, so an unknown year is left empty. Notes
stay empty: they are the team's, not for another tool.

A personal-data export: permission checked first, a journal entry naming the people exported, and
the file written whole or not at all, never inside the data folder (FORMAT.md).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from atelier_app.domain.personnes import Personne
from atelier_app.errors import UserError

FEUILLE = "Bénéficiaires"
COLONNES = ("Nom", "Prénom", "Année de naissance", "Nom de la commune", "Code INSEE", "Code postal",
            "Numéro de téléphone", "E-mail", "Genre", "Notes supplémentaires")
#: The national tool reads the gender on its first letter: F, M, N (empty: not said).
GENRES = {"feminin": "Féminin", "masculin": "Masculin", "non_communique": "Non communiqué"}
PREMIERE_LIGNE = 4
_FORMULE = ("=", "+", "-", "@", "\t", "\r")


def ligne(p: Personne) -> list[Any]:
    """One person as columns A–J."""
    annee = p.annee_naissance if p.annee_naissance else None
    return [p.nom.strip(), p.prenom.strip(), annee, p.commune.strip(), None, p.code_postal.strip() or None,
            p.telephone.strip() or None, p.email.strip() or None, GENRES.get(p.genre, "Non communiqué"), None]


def classeur(personnes: list[Personne]) -> bytes:
    """The workbook as bytes (so that the file is written in one go)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = FEUILLE
    ws.append(["Import de bénéficiaires"])
    ws["A1"].font = Font(bold=True, size=12)
    ws.append(["Nom et prénom obligatoires ; genre : Féminin, Masculin ou Non communiqué ; "
               "code INSEE laissé vide (l'outil national le retrouve)."])
    ws.append(list(COLONNES))
    for cell in ws[3]:
        cell.font = Font(bold=True)
    for p in personnes:
        ws.append(ligne(p))
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                # text stays text, even « +33 6… » or « =… » (OWASP's CSV-injection rule)
                cell.data_type = "s"
                if cell.value.startswith(_FORMULE):
                    cell.quotePrefix = True
    for col, largeur in zip("ABCDEFGHIJ", (22, 18, 10, 22, 10, 10, 18, 28, 16, 24), strict=True):
        ws.column_dimensions[col].width = largeur
    tampon = io.BytesIO()
    wb.save(tampon)
    return tampon.getvalue()


def ecrire(chemin: Path | str, personnes: list[Personne]) -> int:
    """Write ``personnes`` to ``chemin`` (.xlsx), whole or not at all; returns how many.

    The permission, the choice of people and the journal entry are the use case's
    (``services.documents.beneficiaires_coop``)."""
    from atelier_app.ecriture import ecrire_octets

    chemin = Path(chemin)
    if chemin.suffix.lower() != ".xlsx":
        raise UserError(f"{chemin.name} : le modèle d'import de l'outil national est un classeur .xlsx.")
    ecrire_octets(chemin, classeur(personnes))
    return len(personnes)
