"""What every PDF of the centre shares: fonts, styles, the letterhead and page numbers.

Why DejaVu when available: it has every French character (œ, «, », ’) and prints well in black and
white; reportlab's built-in Helvetica is the fallback so a PDF can always be made.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer

from atelier_app.domain.centre import Centre
from atelier_app.domain.codes import MOIS

log = logging.getLogger(__name__)

_POLICES = {
    "Atelier": ("DejaVuSans.ttf",),
    "Atelier-Gras": ("DejaVuSans-Bold.ttf",),
}
_DOSSIERS = [
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("C:/Windows/Fonts"),
    Path(__file__).resolve().parent.parent / "ressources",
]
_polices_ok: bool | None = None


def polices() -> tuple[str, str]:
    """(regular, bold) font names, registering DejaVu once if it is found."""
    global _polices_ok
    if _polices_ok is None:
        _polices_ok = True
        for nom, (fichier,) in _POLICES.items():
            chemin = next((d / fichier for d in _DOSSIERS if (d / fichier).is_file()), None)
            if chemin is None:
                _polices_ok = False
                break
            pdfmetrics.registerFont(TTFont(nom, str(chemin)))
        if _polices_ok:
            pdfmetrics.registerFontFamily("Atelier", normal="Atelier", bold="Atelier-Gras",
                                          italic="Atelier", boldItalic="Atelier-Gras")
        else:
            log.info("Police DejaVu introuvable : Helvetica utilisée")
    return ("Atelier", "Atelier-Gras") if _polices_ok else ("Helvetica", "Helvetica-Bold")


def styles(grand: bool = False) -> dict[str, ParagraphStyle]:
    """Paragraph styles; ``grand`` for large type (questionnaires for people with poor sight)."""
    normal, gras = polices()
    base = getSampleStyleSheet()
    corps = 14 if grand else 10.5
    s = {
        "normal": ParagraphStyle("normal", parent=base["Normal"], fontName=normal, fontSize=corps,
                                 leading=corps * 1.35, alignment=TA_LEFT),
        "petit": ParagraphStyle("petit", parent=base["Normal"], fontName=normal, fontSize=corps - 2,
                                leading=(corps - 2) * 1.3, textColor=colors.HexColor("#333333")),
        "gras": ParagraphStyle("gras", parent=base["Normal"], fontName=gras, fontSize=corps, leading=corps * 1.35),
        "titre": ParagraphStyle("titre", parent=base["Title"], fontName=gras, fontSize=corps + 8,
                                leading=(corps + 8) * 1.25, alignment=TA_LEFT, spaceAfter=8),
        "sous_titre": ParagraphStyle("sous_titre", parent=base["Heading2"], fontName=gras, fontSize=corps + 3,
                                     leading=(corps + 3) * 1.3, spaceBefore=8, spaceAfter=4),
    }
    return s


def echapper(texte: str) -> str:
    """Text from the user inside a reportlab Paragraph (which reads a little XML)."""
    return (texte or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")


def insecables(texte: str) -> str:
    """French spacing: the space before « : ; ! ? » and inside guillemets becomes non-breaking.

    Why: otherwise a line may start with a lone colon (« … répartis en 3 sessions / : 9 en mars »),
    which reads as a mistake on a sheet sent to the funders. The narrow no-break space of numbers
    (« 9 185 », « 25,0 % », ``domain/nombres``) becomes a no-break space: reportlab breaks lines at
    U+202F, and printed « (9 / 185) » on two lines.
    """
    for avant, apres in ((" :", "\u00a0:"), (" ;", "\u00a0;"), (" !", "\u00a0!"), (" ?", "\u00a0?"),
                         ("« ", "«\u00a0"), (" »", "\u00a0»"), ("\u202f", "\u00a0")):
        texte = texte.replace(avant, apres)
    return texte


def exposants(texte: str) -> str:
    """« 1<super>er</super> janvier »: the French ordinal of a date's first day, raised (Paragraph markup)."""
    import re

    return re.sub(r"\b1er\b", "1<super>er</super>", texte)


def ajuster(texte: str, police: str, taille: float, largeur: float) -> str:
    """Cut ``texte`` with an ellipsis so that it fits ``largeur`` points (one-line page footers)."""
    if pdfmetrics.stringWidth(texte, police, taille) <= largeur:
        return texte
    while texte and pdfmetrics.stringWidth(texte + "…", police, taille) > largeur:
        texte = texte[:-1]
    return texte.rstrip() + "…"


def date_longue(d: date) -> str:
    return f"{d.day}{'er' if d.day == 1 else ''} {MOIS[d.month - 1]} {d.year}"


def entete_centre(centre: Centre, largeur_logo: float = 3 * cm) -> list:
    """Letterhead flowables: logo (if readable), centre's name and address."""
    st = styles()
    out: list = []
    if centre.logo and Path(centre.logo).is_file():
        try:
            img = Image(centre.logo)
            ratio = img.imageHeight / float(img.imageWidth or 1)
            img.drawWidth, img.drawHeight = largeur_logo, largeur_logo * ratio
            img.hAlign = "LEFT"
            out.append(img)
        except Exception:  # an unreadable logo must not stop a letter from printing
            log.warning("Logo illisible : %s", centre.logo)
    lignes = [f"<b>{echapper(centre.nom)}</b>", echapper(centre.adresse),
              echapper(f"{centre.code_postal} {centre.commune}".strip())]
    if centre.telephone:
        lignes.append(f"Tél. {echapper(centre.telephone)}")
    out.append(Paragraph("<br/>".join(x for x in lignes if x), st["normal"]))
    out.append(Spacer(1, 0.6 * cm))
    return out


def pied_de_page(texte: str = "") -> Callable:
    """onPage callback: page number (and an optional text) at the bottom of every page.

    Why the page's own width and a cut text: a landscape sheet has its number at its right edge, and
    a long centre name must never run over the number.
    """
    normal, _gras = polices()

    def dessiner(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(normal, 8)
        canvas.setFillColor(colors.HexColor("#444444"))
        droite = doc.pagesize[0] - doc.rightMargin
        numero = f"Page {doc.page}"
        if texte:
            place = droite - doc.leftMargin - pdfmetrics.stringWidth(numero, normal, 8) - 0.8 * cm
            canvas.drawString(doc.leftMargin, 1.0 * cm, ajuster(texte, normal, 8, place))
        canvas.drawRightString(droite, 1.0 * cm, numero)
        canvas.restoreState()

    return dessiner


class EcritParEcriture:
    """A reportlab document template (mixed in first) whose ``build``/``multiBuild`` write through ``ecriture``.

    Why: reportlab opens its target for writing before it has produced a byte, so a failure while
    saving (a full disk, a font that cannot be embedded) left a cut or empty PDF where the old one
    was. Here the document is built into a temporary file beside the target, fsynced and renamed
    by ``ecriture.ecrire_avec`` (removed on failure; a target in the data folder refused in French).
    """

    _dans_ecriture = False

    def build(self, *args: Any, **kwargs: Any) -> Any:
        if self._dans_ecriture:  # one pass of multiBuild, already inside the writer
            return super().build(*args, **kwargs)  # type: ignore[misc]
        return self._par_ecriture(super().build, *args, **kwargs)  # type: ignore[misc]

    def multiBuild(self, *args: Any, **kwargs: Any) -> Any:
        return self._par_ecriture(super().multiBuild, *args, **kwargs)  # type: ignore[misc]

    def _par_ecriture(self, construire: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        from atelier_app.ecriture import ecrire_avec

        cible = Path(self.filename)  # type: ignore[attr-defined]
        resultat: list[Any] = []

        def produire(tmp: Path) -> None:
            self.filename, self._dans_ecriture = str(tmp), True
            try:
                resultat.append(construire(*args, **kwargs))
            finally:
                self.filename, self._dans_ecriture = str(cible), False

        ecrire_avec(cible, produire)
        return resultat[0]


class _Document(EcritParEcriture, SimpleDocTemplate):
    pass


def enregistrer(canevas: Canvas, chemin: Path) -> Path:
    """``canevas.save()`` through ``ecriture`` (a canvas drawn by hand, like the letters): whole or not at all."""
    from atelier_app.ecriture import ecrire_avec

    def produire(tmp: Path) -> None:
        canevas._filename = str(tmp)  # where reportlab's save() writes; the canvas opened nothing before
        canevas.save()

    return ecrire_avec(Path(chemin), produire)


def document(chemin: Path, titre: str, **kwargs) -> SimpleDocTemplate:
    """A page template whose ``build`` writes through ``ecriture``; the target is checked at once."""
    from atelier_app.ecriture import verifier_sortie

    chemin = Path(chemin)
    verifier_sortie(chemin)  # a PDF must never replace a data file: refused before any work
    marges = {"leftMargin": 2 * cm, "rightMargin": 2 * cm, "topMargin": 1.8 * cm, "bottomMargin": 1.8 * cm}
    marges.update(kwargs)
    return _Document(str(chemin), pagesize=marges.pop("pagesize", A4), title=titre, author="Atelier", **marges)
