"""Charts of the report as vector drawings (reportlab.graphics.charts), placed under their table.

Why vectors and not matplotlib PNGs: they print sharp at any size, weigh a few kilobytes, and cost
milliseconds where seven matplotlib figures took 3 seconds and pulled matplotlib into the process
(the screen keeps matplotlib, in ``graphiques``). Greys and hatching-like outlines only, so that a
black-and-white photocopy still reads; every bar carries its printed value, and a masked count gets
no bar, only its mark (« < 5 », « s »), the same as in the table above it. No title: the chart sits
under the table whose heading already names it.
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.lib import colors

from atelier_app.domain import nombres
from atelier_app.reports.brouillon import DessinRapide

GRIS_FONCE = colors.HexColor("#404040")
GRIS_CLAIR = colors.HexColor("#D0D0D0")


def _court(texte: str, n: int = 40) -> str:
    return texte if len(texte) <= n else texte[: n - 1] + "…"


def barres(libelles: list[str], valeurs: list[float], textes: list[str], *, largeur: float, police: str,
           avant: tuple[str, list[float], list[str]] | None = None, courant: str = "") -> DessinRapide:
    """Horizontal bars, this year dark; last year (label, values, texts) light beside when given."""
    n = len(libelles)
    pas = 22 if avant else 14
    hauteur = max(40, n * pas + 20)
    d = DessinRapide(largeur, hauteur)
    c = HorizontalBarChart()
    c.x, c.y = 170, 8
    c.width, c.height = largeur - c.x - (80 if avant else 40), hauteur - 16
    series = [list(reversed(valeurs))]
    etiquettes = [list(reversed(textes))]
    if avant:
        series.append(list(reversed(avant[1])))
        etiquettes.append(list(reversed(avant[2])))
    c.data = series
    c.categoryAxis.categoryNames = [_court(x) for x in reversed(libelles)]
    c.categoryAxis.labels.fontName = police
    c.categoryAxis.labels.fontSize = 7.5
    c.categoryAxis.labels.boxAnchor = "e"
    c.categoryAxis.labels.dx = -4
    c.valueAxis.valueMin = 0
    c.valueAxis.visible = False
    c.valueAxis.forceZero = True
    haut = max([1.0, *valeurs, *(avant[1] if avant else [])])
    c.valueAxis.valueMax = haut * 1.18
    c.bars.strokeColor = colors.black
    c.bars.strokeWidth = 0.4
    c.bars[0].fillColor = GRIS_FONCE
    if avant:
        c.bars[1].fillColor = GRIS_CLAIR
    c.barSpacing = 1
    c.groupSpacing = 4
    c.barLabelArray = etiquettes
    c.barLabels.fontName = police
    c.barLabels.fontSize = 7
    c.barLabels.boxAnchor = "w"
    c.barLabels.dx = 3
    c.barLabelFormat = "values"
    d.add(c)
    if avant:
        leg = Legend()
        leg.x, leg.y = largeur - 70, hauteur - 6
        leg.fontName, leg.fontSize = police, 7
        leg.alignment = "right"
        leg.dx = leg.dy = 7
        leg.colorNamePairs = [(GRIS_FONCE, courant), (GRIS_CLAIR, avant[0])]
        d.add(leg)
    return d


def mois(libelles: list[str], valeurs: list[float], *, largeur: float, police: str,
         hauteur: float = 120) -> DessinRapide:
    """Monthly columns, each with its value above."""
    d = DessinRapide(largeur, hauteur)
    c = VerticalBarChart()
    c.x, c.y = 30, 18
    c.width, c.height = largeur - 40, hauteur - 30
    c.data = [list(valeurs)]
    c.categoryAxis.categoryNames = libelles
    c.categoryAxis.labels.fontName = police
    c.categoryAxis.labels.fontSize = 7
    c.valueAxis.valueMin = 0
    c.valueAxis.valueMax = max(1.0, *valeurs) * 1.15
    c.valueAxis.labels.fontName = police
    c.valueAxis.labels.fontSize = 7
    c.valueAxis.labelTextFormat = nombres.entier
    c.bars.strokeColor = colors.black
    c.bars.strokeWidth = 0.4
    c.bars[0].fillColor = GRIS_CLAIR
    c.barLabelArray = [[nombres.entier(v) for v in valeurs]]
    c.barLabelFormat = "values"
    c.barLabels.fontName = police
    c.barLabels.fontSize = 6.5
    c.barLabels.boxAnchor = "s"
    c.barLabels.dy = 2
    d.add(c)
    return d
