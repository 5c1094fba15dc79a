"""The annual report: cover, contents, every activity's sheet, then the statistics with charts.

Why built in two passes (``multiBuild``): the contents page gives the page of each part, which is
only known once the document has been laid out. The report goes to the funders: small counts are
masked so that none can be worked out (``masquage``); a year in progress says so on its cover and
at the foot of every page. Charts are vector drawings in greys (``graphiques_pdf``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate, Paragraph, Spacer
from reportlab.platypus.tableofcontents import TableOfContents

from atelier_app.domain.centre import Centre
from atelier_app.domain.fiches import Fiche
from atelier_app.ecriture import verifier_sortie
from atelier_app.reports import cellules, couverture, masquage, rapport_stats
from atelier_app.reports.commun import EcritParEcriture, ajuster, echapper, exposants, insecables, polices, styles
from atelier_app.reports.fiche import flux_fiche
from atelier_app.reports.statistiques import Statistiques

Avancer = Callable[[float, str], None]
LARGEUR_TABLEAU = rapport_stats.LARGEUR_TABLEAU


class _Document(EcritParEcriture, BaseDocTemplate):  # written through ecriture
    """Notifies the contents of every level-1 and level-2 heading with its page."""

    def __init__(self, chemin: str, centre: Centre, annee: int, en_cours: str = "", **kw: Any) -> None:
        super().__init__(chemin, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=1.8 * cm,
                         bottomMargin=1.8 * cm, title=f"Rapport d’activité {annee}", author="Atelier", **kw)
        cadre = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="corps")
        self.pied = f"{centre.nom} — rapport d’activité {annee}"
        # an incomplete year says so on every page: a page is often photocopied on its own
        self.en_cours = en_cours
        self.addPageTemplates([PageTemplate("couverture", [cadre]),
                               PageTemplate("pages", [cadre], onPage=self._pied)])

    def multiBuild(self, story, maxPasses: int = 10, **kw: Any) -> int:
        self.passe = 0
        return super().multiBuild(story, maxPasses, **kw)

    def build(self, flowables, *args: Any, **kw: Any) -> None:
        # the first pass only measures (``brouillon``): its contents are empty, so it is never the last
        self.passe = getattr(self, "passe", 0) + 1
        self.brouillon = self.passe == 1
        super().build(flowables, *args, **kw)

    def _pied(self, canvas, doc) -> None:
        normal, _gras = polices()
        canvas.saveState()
        canvas.setFont(normal, 8)
        canvas.setStrokeColor(colors.HexColor("#888888"))
        canvas.line(self.leftMargin, 1.35 * cm, A4[0] - self.rightMargin, 1.35 * cm)
        numero = f"Page {doc.page}"
        place = self.width - pdfmetrics.stringWidth(numero, normal, 8) - 0.8 * cm
        canvas.drawString(self.leftMargin, 1.0 * cm, ajuster(self.pied, normal, 8, place))
        canvas.drawRightString(A4[0] - self.rightMargin, 1.0 * cm, numero)
        if self.en_cours:
            canvas.drawString(self.leftMargin, 0.6 * cm, ajuster(self.en_cours, normal, 8, self.width))
        canvas.restoreState()

    def afterFlowable(self, flowable) -> None:
        niveau = {"h1": 0, "h2": 1}.get(getattr(getattr(flowable, "style", None), "name", ""))
        if niveau is not None:
            texte = flowable.getPlainText()
            cle = f"t{id(flowable)}"
            self.canv.bookmarkPage(cle)
            self.canv.addOutlineEntry(texte, cle, level=niveau, closed=niveau > 0)
            self.notify("TOCEntry", (niveau, texte, self.page, cle))


def ecrire(chemin: Path | str, centre: Centre, annee: int, fiches: list[Fiche], stats: Statistiques, *,
           le: date, avancer: Avancer | None = None, en_cours: str = "",
           financeurs: list[str] | None = None) -> Path:
    """The whole report, dated ``le`` (the caller's context); ``en_cours`` is the sentence saying the
    year is incomplete (empty: a whole year)."""
    avancer = avancer or (lambda _f, _t: None)
    chemin = Path(chemin)
    verifier_sortie(chemin)  # refused before any work; the PDF is written through ecriture (_Document)
    st = styles()
    h1 = st["titre"].clone("h1", fontSize=17, leading=22, spaceAfter=10)
    h2 = st["sous_titre"].clone("h2", fontSize=12.5, leading=16)
    flux: list = couverture.flux(centre, annee, st, aujourd_hui=le, en_cours=en_cours,
                                      financeurs=financeurs or [])
    flux += [NextPageTemplate("pages"), PageBreak()]
    toc = TableOfContents(dotsMinLevel=0)
    normal, gras = polices()
    toc.levelStyles = [st["gras"].clone("toc0", fontName=gras, fontSize=11, leftIndent=0, firstLineIndent=0,
                                        spaceBefore=5, leading=15),
                       st["normal"].clone("toc1", fontName=normal, fontSize=9.5, leftIndent=18, firstLineIndent=0,
                                          leading=12.5)]
    flux += [Paragraph("Sommaire", st["titre"]), Spacer(1, 0.3 * cm), toc]
    comparer = stats.precedent is not None and _precedent_connu(stats)
    courant = str(annee)
    precedent = str(stats.precedent[0].year) if stats.precedent and comparer else None
    marques = masquage.masques(stats)
    flux += [PageBreak(), Paragraph(f"L’année {annee} en chiffres", h1)]
    flux += couverture.chiffres_cles(stats, marques, st, courant=courant, precedent=precedent,
                                      en_cours=en_cours)
    for i, fiche in enumerate(fiches):
        avancer(0.1 + 0.3 * i / max(1, len(fiches)), f"Fiche « {fiche.titre} »")
        flux += [PageBreak(), Paragraph(insecables(f"Fiche bilan — {echapper(fiche.titre)}"), h1)]
        flux += flux_fiche(fiche, titre=False)
    avancer(0.45, "Statistiques et graphiques")
    flux += [PageBreak(), Paragraph(f"Statistiques {annee}", h1)]
    if comparer:
        avant = cellules.periode(*stats.precedent)
        comparaison = f", comparée à l’{avant}" if avant.startswith("année") else f", comparée à la période {avant}"
    elif stats.precedent:
        comparaison = (" (aucune donnée enregistrée pour la période précédente, "
                       f"{cellules.periode(*stats.precedent)}, donc pas de comparaison)")
    else:
        comparaison = ""
    if en_cours:
        flux.append(Paragraph(f"<b>{exposants(insecables(echapper(en_cours)))}</b>", st["normal"]))
    flux.append(Paragraph(exposants(insecables(
        f"Période : {cellules.periode(stats.debut, stats.fin)}{comparaison}. Toutes les activités. "
        + echapper(masquage.NOTE))), st["normal"]))
    for i, sec in enumerate(stats.sections):
        avancer(0.45 + 0.4 * i / max(1, len(stats.sections)), f"Statistiques : {sec.titre}")
        flux += rapport_stats.section(sec, marques, h2, st, courant=courant, precedent=precedent)
    while isinstance(flux[-1], Spacer):  # a last spacer that does not fit would add a blank page
        flux.pop()
    avancer(0.9, "Mise en page")
    doc = _Document(str(chemin), centre, annee, en_cours=en_cours)
    doc.multiBuild(flux)
    avancer(1.0, "Terminé")
    return chemin


def _precedent_connu(stats: Statistiques) -> bool:
    """Whether anything was recorded in the period compared with.

    Why: the year before the centre started using Atelier is all zeros; printing it beside the
    year's figures would tell the funders that nothing happened that year.
    """
    return any(lg.precedent for s in stats.sections for lg in s.lignes)


