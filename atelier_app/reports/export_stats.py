"""The statistics tables as a spreadsheet for the funders: XLSX, ODS, or CSV for French Excel.

Why this layout: the direction pastes these figures into the national tool and the funders'
forms, so the sheet follows the national export (reference/coop.md §3.6 b): a header block
"Informations export", a "Filtres" block, then the sections in the national order, each row
label, count, percentage — here with last year beside. A count of fewer than 5 people is written
"< 5" (and its percentage left out) so that no one can be recognised in a document sent outside.
"""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path
from typing import Any

from atelier_app.ecriture import ecrire_avec, neutraliser
from atelier_app.reports.statistiques import SEUIL_ANONYMAT, Ligne, Statistiques, libelle_periode

PETIT = f"< {SEUIL_ANONYMAT}"
ENTETE = ("Libellé", "Nombre", "%", "Année précédente", "% année précédente", "Évolution")


def masquer(valeur: float | None, personnes: bool, masque: bool) -> Any:
    if valeur is None:
        return ""
    if masque and personnes and 0 < valeur < SEUIL_ANONYMAT:
        return PETIT
    return int(valeur) if float(valeur).is_integer() else valeur


def _ligne(lg: Ligne, masque: bool, comparer: bool) -> list[Any]:
    petit = masque and lg.personnes and 0 < lg.valeur < SEUIL_ANONYMAT
    libelle = f"{lg.libelle} ({lg.unite})" if lg.unite and lg.unite != "%" else lg.libelle
    valeur = masquer(lg.valeur, lg.personnes, masque)
    pct = "" if petit or lg.pourcentage is None else lg.pourcentage
    if lg.unite == "%":
        libelle, valeur, pct = f"{lg.libelle} (%)", lg.valeur, ""
    out = [libelle, valeur, pct]
    if comparer:
        avant_petit = masque and lg.personnes and lg.precedent is not None and 0 < lg.precedent < SEUIL_ANONYMAT
        out.append(masquer(lg.precedent, lg.personnes, masque))
        out.append("" if avant_petit or lg.pourcentage_precedent is None else lg.pourcentage_precedent)
        if petit or avant_petit or lg.precedent is None:
            out.append("")
        else:
            out.append(round(lg.valeur - lg.precedent, 3))
    return out


def lignes(stats: Statistiques, centre: str, masque: bool = True, quand: datetime | None = None) -> list[list[Any]]:
    """Every row of the export, in order; titles are one-cell rows."""
    quand = quand or datetime.now()
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
    if masque:
        out.append(["Confidentialité", f"effectifs de moins de {SEUIL_ANONYMAT} personnes notés « {PETIT} »"])
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
        out += [_ligne(lg, masque, comparer) for lg in s.lignes]
    return out


def ecrire(stats: Statistiques, chemin: Path | str, centre: str, masque: bool = True) -> Path:
    """Write the export whole or not at all (``ecriture``); every text cell neutralised (FORMAT.md)."""
    chemin = Path(chemin)
    rangs = [[neutraliser(v) for v in r] for r in lignes(stats, centre, masque)]
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


def _xlsx(rangs: list[list[Any]], chemin: Path, stats: Statistiques) -> None:
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
