"""The statistics tables as a spreadsheet for the funders: XLSX, ODS, or CSV for French Excel.

Why this layout: the direction pastes these figures into the national tool and the funders'
forms, so the sheet follows the national export (reference/coop.md §3.6 b): a header block
"Informations export", a "Filtres" block, then the sections in the national order, each row
label, count, percentage — here with last year beside. A count of fewer than 5 people is written
"< 5" (and its percentage left out) so that no one can be recognised in a document sent outside.
"""

from __future__ import annotations

import csv
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from atelier_app.domain.secret import Masque
from atelier_app.ecriture import ecrire_avec, neutraliser
from atelier_app.reports import masquage
from atelier_app.reports.statistiques import SEUIL_ANONYMAT, Ligne, Statistiques, libelle_periode

PETIT = masquage.PETIT
ENTETE = ("Libellé", "Nombre", "%", "Année précédente", "% année précédente", "Évolution")


def masquer(valeur: float | None, personnes: bool, masque: bool) -> Any:
    if valeur is None:
        return ""
    if masque and personnes and 0 < valeur < SEUIL_ANONYMAT:
        return PETIT
    return int(valeur) if float(valeur).is_integer() else valeur


def _ligne(lg: Ligne, masque: bool, comparer: bool, marques: tuple[Masque, Masque] | None = None) -> list[Any]:
    """One row; ``marques`` (this year, last year) from ``masquage`` when small counts are masked."""
    mc, mp = marques or (Masque.VISIBLE, Masque.VISIBLE)
    if not masque:
        mc = mp = Masque.VISIBLE
    petit = mc is not Masque.VISIBLE
    libelle = f"{lg.libelle} ({lg.unite})" if lg.unite and lg.unite != "%" else lg.libelle
    libelle = libelle.replace("CO2", "CO₂")
    valeur = masquage.marque(mc) or masquer(lg.valeur, lg.personnes, False)
    pct = "" if petit or lg.pourcentage is None else lg.pourcentage
    if lg.unite == "%":
        libelle, valeur, pct = f"{lg.libelle} (%)", lg.valeur, ""
    out = [libelle, valeur, pct]
    if comparer:
        avant_petit = mp is not Masque.VISIBLE
        out.append(masquage.marque(mp) if avant_petit and lg.precedent is not None
                   else masquer(lg.precedent, lg.personnes, False))
        out.append("" if avant_petit or lg.pourcentage_precedent is None else lg.pourcentage_precedent)
        if petit or avant_petit or lg.precedent is None:
            out.append("")
        else:
            out.append(round(lg.valeur - lg.precedent, 3))
    return out


def lignes(stats: Statistiques, centre: str, masque: bool = True, *, quand: datetime,
           en_cours: str = "") -> list[list[Any]]:
    """Every row of the export, in order; titles are one-cell rows (``quand``: the export's date and
    time; ``en_cours``: the year is incomplete)."""
    comparer = stats.precedent is not None
    out: list[list[Any]] = [
        ["Informations export"],
        ["Centre", centre],
        ["Période", libelle_periode(stats.debut, stats.fin)],
        ["Date d'export", quand.strftime("%d/%m/%Y")],
        ["Heure d'export", quand.strftime("%H:%M")],
        [],
        ["Filtres"],
        ["Du", stats.debut.strftime("%d/%m/%Y")],
        ["Au", stats.fin.strftime("%d/%m/%Y")],
        ["Activité", stats.libelle_activite],
    ]
    if comparer and stats.precedent:
        out.append(["Comparée à", libelle_periode(*stats.precedent)])
    en_cours = en_cours or _annee_partielle(stats)
    if en_cours:
        out.append(["Année incomplète", en_cours])
    if masque:
        out.append(["Confidentialité", masquage.NOTE])
    m = masquage.masques(stats)
    for s in stats.sections:
        out.append([])
        out.append([s.titre])
        if s.graphique == "mois":
            out.append(["Mois"] + [lg.libelle for lg in s.lignes])
            out.append(["Accompagnements"] + [int(lg.valeur) for lg in s.lignes])
            continue
        if not s.lignes:
            out.append(["Aucune donnée pour cette période"])
            continue
        out.append(list(ENTETE if comparer else ENTETE[:3]))
        out += [_ligne(lg, masque, comparer, (m.courant(s.titre, i), m.precedent(s.titre, i)))
                for i, lg in enumerate(s.lignes)]
    return out


def _annee_partielle(stats: Statistiques) -> str:
    """A period from 1 January to a day before 31 December says it is not the whole year.

    Why without today's date: the screen's export gives none, and a reader must know that the
    figures stop early and are compared with the same dates, whatever the reason.
    """
    from atelier_app.domain.periode import partielle

    return partielle(stats.debut, stats.fin)


def ecrire(stats: Statistiques, chemin: Path | str, centre: str, masque: bool = True, *, en_cours: str = "",
           quand: datetime) -> Path:
    """``quand``: the export's date and time as the app's clock gives them (``ctx.maintenant()``);
    written whole or not at all (``ecriture``); every text cell neutralised (FORMAT.md)."""
    chemin = Path(chemin)
    rangs = [[neutraliser(v) for v in r] for r in lignes(stats, centre, masque, quand=quand, en_cours=en_cours)]
    suffixe = chemin.suffix.lower()
    if suffixe == ".csv":
        return ecrire_avec(chemin, lambda tmp: _csv(rangs, tmp))
    if suffixe == ".xlsx":
        return ecrire_avec(chemin, lambda tmp: _xlsx(rangs, tmp, stats))
    if suffixe == ".ods":
        return ecrire_avec(chemin, lambda tmp: _ods(rangs, tmp))
    from atelier_app.errors import UserError

    raise UserError(f"Format d'export inconnu « {chemin.suffix} » : choisissez .xlsx, .ods ou .csv.")


def en_francais(v: Any) -> str:
    """A cell as French text: decimal comma, no trailing zeros (percentages keep up to 3 decimals)."""
    if isinstance(v, float):
        return f"{v:.3f}".rstrip("0").rstrip(".").replace(".", ",")
    return str(v)


def _csv(rangs: list[list[Any]], chemin: Path) -> None:
    """Semicolons, decimal commas and a BOM: French Excel opens it without an import wizard."""
    with open(chemin, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";")
        for r in rangs:
            w.writerow([v if isinstance(v, str) else en_francais(v) for v in r])


def _sans_numpy() -> None:
    """Import openpyxl without letting it import numpy, when numpy is not loaded already.

    Why: openpyxl imports numpy, if installed, only to accept numpy numbers in cells. The statistics
    are plain Python numbers (``statistiques``), and numpy's import (0,1 s of CPU, 0,2 s or more of
    wall time on a loaded PC) was a fifth of what `atelier stats` costs over `atelier verifier`. In
    the window, matplotlib has loaded numpy long before: openpyxl is then imported as usual.
    """
    if "openpyxl" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # `import numpy` raises ImportError
    try:
        import openpyxl  # noqa: F401
    finally:
        del sys.modules["numpy"]


def _xlsx(rangs: list[list[Any]], chemin: Path, stats: Statistiques) -> None:
    _sans_numpy()
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "Statistiques"
    gras = Font(bold=True)
    titre = Font(bold=True, size=12)
    gris = PatternFill("solid", fgColor="DDDDDD")
    titres = {s.titre for s in stats.sections} | {"Informations export", "Filtres"}
    for r in rangs:
        ws.append(r)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text (neutralised already)
        if len(r) == 1 and r[0] in titres:
            ws.cell(ws.max_row, 1).font = titre
        elif r and r[0] in ("Libellé", "Mois"):
            for cell in ws[ws.max_row]:
                cell.font, cell.fill = gras, gris
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, float):
                cell.number_format = "0.0##"
    ws.column_dimensions["A"].width = 52
    for col in "BCDEF":
        ws.column_dimensions[col].width = 17
    wb.save(chemin)


def _ods(rangs: list[list[Any]], chemin: Path) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TextProperties
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    gras = Style(name="gras", family="table-cell")
    gras.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(gras)
    table = Table(name="Statistiques")
    for r in rangs:
        tr = TableRow()
        for i, v in enumerate(r):
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                cell = TableCell(valuetype="float", value=v)
                cell.addElement(P(text=en_francais(v)))
            else:
                cell = TableCell(valuetype="string", stylename=gras if len(r) == 1 and i == 0 else None)
                cell.addElement(P(text=str(v)))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(chemin))
