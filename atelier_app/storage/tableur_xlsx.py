"""The first sheet of an .xlsx file, row by row, read straight from its XML.

Why not openpyxl: it builds an object per cell and per shared string; a list of 50 000 people
took it over 10 s. The people lists need only the values of one sheet (text, numbers, dates), which
expat streams in a third of that time without holding the document. Rows are yielded one by one so
that the caller can stop at its row limit without reading further.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from xml.parsers import expat

_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_EPOQUE = datetime(1899, 12, 30)
#: Built-in number formats that show a date (ECMA-376, 18.8.30).
_FORMATS_DATE = {14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47}
_COLONNE = re.compile(r"([A-Z]+)")


def _local(nom: str) -> str:
    return nom.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def _analyser(donnees: bytes, debut: Callable[[str, dict[str, str]], None],
              fin: Callable[[str], None] | None = None, texte: Callable[[str], None] | None = None) -> None:
    p = expat.ParserCreate(namespace_separator="}")
    p.StartElementHandler = debut
    if fin:
        p.EndElementHandler = fin
    if texte:
        p.CharacterDataHandler = texte
    p.Parse(donnees, True)


def _chaines(z: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in z.namelist():
        return []
    out: list[str] = []
    morceaux: list[str] = []
    etat = {"t": False}

    def debut(nom: str, _attrs: dict[str, str]) -> None:
        n = _local(nom)
        if n == "si":
            morceaux.clear()
        elif n == "t":
            etat["t"] = True

    def fin(nom: str) -> None:
        n = _local(nom)
        if n == "t":
            etat["t"] = False
        elif n == "si":
            out.append("".join(morceaux))

    def texte(d: str) -> None:
        if etat["t"]:
            morceaux.append(d)

    _analyser(z.read("xl/sharedStrings.xml"), debut, fin, texte)
    return out


def _styles_date(z: zipfile.ZipFile) -> set[int]:
    """Indexes of the cell styles whose number format shows a date."""
    if "xl/styles.xml" not in z.namelist():
        return set()
    formats_date = set(_FORMATS_DATE)
    xfs: list[int] = []
    etat = {"cellXfs": False}

    def debut(nom: str, attrs: dict[str, str]) -> None:
        n = _local(nom)
        if n == "numFmt":
            code = re.sub(r'"[^"]*"|\[[^]]*\]', "", attrs.get("formatCode", "")).lower()
            if "d" in code or "y" in code:  # a date, with or without its time (a time alone has neither)
                formats_date.add(int(attrs.get("numFmtId", -1)))
        elif n == "cellXfs":
            etat["cellXfs"] = True
        elif n == "xf" and etat["cellXfs"]:
            xfs.append(int(attrs.get("numFmtId", 0)))

    def fin(nom: str) -> None:
        if _local(nom) == "cellXfs":
            etat["cellXfs"] = False

    _analyser(z.read("xl/styles.xml"), debut, fin)
    return {i for i, f in enumerate(xfs) if f in formats_date}


def _premiere_feuille(z: zipfile.ZipFile) -> str:
    cibles: dict[str, str] = {}
    premiere: list[str] = []

    def rels(nom: str, attrs: dict[str, str]) -> None:
        if _local(nom) == "Relationship":
            cibles[attrs.get("Id", "")] = attrs.get("Target", "")

    def classeur(nom: str, attrs: dict[str, str]) -> None:
        if _local(nom) == "sheet" and not premiere:
            premiere.append(attrs.get(f"{_NS_REL}}}id", ""))

    try:
        _analyser(z.read("xl/_rels/workbook.xml.rels"), rels)
        _analyser(z.read("xl/workbook.xml"), classeur)
        cible = cibles[premiere[0]]
    except (KeyError, IndexError):
        return "xl/worksheets/sheet1.xml"
    return cible.lstrip("/") if cible.startswith("/") else posixpath.normpath(posixpath.join("xl", cible))


def _colonne(reference: str) -> int:
    m = _COLONNE.match(reference)
    n = 0
    for c in m.group(1) if m else "":
        n = n * 26 + ord(c) - 64
    return n - 1


def lignes(chemin: Path, colonnes_max: int) -> Iterator[tuple[int, list[Any]]]:
    """(row number, values) of the first sheet, values as openpyxl gives them (str, int/float, datetime)."""
    with zipfile.ZipFile(chemin) as z:
        chaines = _chaines(z)
        dates = _styles_date(z)
        yield from _rangs(z, _premiere_feuille(z), chaines, dates, colonnes_max)


def _rangs(z: zipfile.ZipFile, feuille: str, chaines: list[str], dates: set[int],
           colonnes_max: int) -> Iterator[tuple[int, list[Any]]]:
    """Streamed by chunks of 1 MB: the caller may stop (row limit) without the rest being read."""
    rangs: list[tuple[int, list[Any]]] = []
    courant: dict[str, Any] = {"n": 0, "valeurs": [], "col": 0, "type": "", "style": -1, "texte": [], "dans": False}

    def debut(nom: str, attrs: dict[str, str]) -> None:
        n = _local(nom)
        if n == "row":
            courant["n"] = int(attrs.get("r", courant["n"] + 1))
            courant["valeurs"] = []
        elif n == "c":
            ref = attrs.get("r")
            courant["col"] = _colonne(ref) if ref else len(courant["valeurs"])
            courant["type"] = attrs.get("t", "n")
            courant["style"] = int(attrs.get("s", -1))
            courant["texte"] = []
        elif n in ("v", "t"):
            courant["dans"] = True

    def texte(d: str) -> None:
        if courant["dans"]:
            courant["texte"].append(d)

    def fin(nom: str) -> None:
        n = _local(nom)
        if n in ("v", "t"):
            courant["dans"] = False
        elif n == "c":
            col = courant["col"]
            if col >= colonnes_max:
                return
            brut = "".join(courant["texte"])
            valeur: Any = None
            if brut:
                t = courant["type"]
                if t == "s":
                    valeur = chaines[int(brut)]
                elif t in ("inlineStr", "str"):
                    valeur = brut
                elif t == "b":
                    valeur = brut == "1"
                elif t == "e":
                    valeur = None
                else:
                    nombre = float(brut)
                    if courant["style"] in dates:
                        valeur = _EPOQUE + timedelta(days=nombre)
                    else:
                        valeur = int(nombre) if nombre.is_integer() and "." not in brut and "E" not in brut else nombre
            valeurs = courant["valeurs"]
            valeurs.extend([None] * (col - len(valeurs)))
            valeurs.append(valeur)
        elif n == "row":
            rangs.append((courant["n"], courant["valeurs"]))

    p = expat.ParserCreate(namespace_separator="}")
    p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler = debut, fin, texte
    with z.open(feuille) as f:
        while morceau := f.read(1 << 20):
            p.Parse(morceau, False)
            yield from rangs
            rangs.clear()
    p.Parse(b"", True)
    yield from rangs
