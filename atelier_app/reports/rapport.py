"""The annual report: cover, contents, every activity's sheet, then the statistics with charts.

Why built in two passes (``multiBuild``): the contents page gives the page of each part, which is
only known once the document has been laid out. Counts of fewer than 5 people are printed "< 5":
the report goes to the funders. Charts are greys and hatching so a photocopy still reads.
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
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from atelier_app.domain.centre import Centre
from atelier_app.domain.fiches import Fiche
from atelier_app.reports import graphiques
from atelier_app.reports.commun import ajuster, date_longue, echapper, polices, styles
from atelier_app.reports.export_stats import en_francais, masquer
from atelier_app.reports.fiche import flux_fiche
from atelier_app.reports.statistiques import SEUIL_ANONYMAT, Section, Statistiques, libelle_periode

Avancer = Callable[[float, str], None]
#: Width of every statistics table (label, this year, %, last year, %), so that their edges line up.
LARGEUR_TABLEAU = 16.8 * cm


class _Document(BaseDocTemplate):
    """Notifies the contents of every level-1 and level-2 heading with its page."""

    def __init__(self, chemin: str, centre: Centre, annee: int, **kw: Any) -> None:
        super().__init__(chemin, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=1.8 * cm,
                         bottomMargin=1.8 * cm, title=f"Rapport d'activité {annee}", author="Atelier", **kw)
        cadre = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="corps")
        self.pied = f"{centre.nom} — rapport d'activité {annee}"
        self.addPageTemplates([PageTemplate("couverture", [cadre]),
                               PageTemplate("pages", [cadre], onPage=self._pied)])

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
           le: date, avancer: Avancer | None = None) -> Path:
    """The report, dated ``le`` (the day it is made, from the caller's context)."""
    avancer = avancer or (lambda _f, _t: None)
    chemin = Path(chemin)
    chemin.parent.mkdir(parents=True, exist_ok=True)
    st = styles()
    h1 = st["titre"].clone("h1", fontSize=17, leading=22, spaceAfter=10)
    h2 = st["sous_titre"].clone("h2", fontSize=12.5, leading=16)
    flux: list = _couverture(centre, annee, st, le)
    flux += [NextPageTemplate("pages"), PageBreak()]
    toc = TableOfContents()
    normal, gras = polices()
    toc.levelStyles = [st["gras"].clone("toc0", fontName=gras, fontSize=11, leftIndent=0, firstLineIndent=0,
                                        spaceBefore=5, leading=15),
                       st["normal"].clone("toc1", fontName=normal, fontSize=9.5, leftIndent=18, firstLineIndent=0,
                                          leading=12.5)]
    flux += [Paragraph("Sommaire", st["titre"]), Spacer(1, 0.3 * cm), toc]
    for i, fiche in enumerate(fiches):
        avancer(0.1 + 0.3 * i / max(1, len(fiches)), f"Fiche « {fiche.titre} »")
        flux += [PageBreak(), Paragraph(f"Fiche bilan — {echapper(fiche.titre)}", h1)]
        flux += flux_fiche(fiche, titre=False)
    avancer(0.45, "Statistiques et graphiques")
    flux += [PageBreak(), Paragraph(f"Statistiques {annee}", h1)]
    comparer = stats.precedent is not None and _precedent_connu(stats)
    if comparer:
        comparaison = f", comparée à : {libelle_periode(*stats.precedent)}"
    elif stats.precedent:
        comparaison = (f" (aucune donnée enregistrée pour la période précédente, {libelle_periode(*stats.precedent)}, "
                       "donc pas de comparaison)")
    else:
        comparaison = ""
    flux.append(Paragraph(
        f"Période : {libelle_periode(stats.debut, stats.fin)}{comparaison}"
        + f". Toutes les activités. Les effectifs de moins de {SEUIL_ANONYMAT} personnes sont notés "
        f"« &lt; {SEUIL_ANONYMAT} » pour que personne ne puisse être reconnu.", st["normal"]))
    courant = str(annee)
    precedent = str(stats.precedent[0].year) if stats.precedent and comparer else None
    for i, section in enumerate(stats.sections):
        avancer(0.45 + 0.4 * i / max(1, len(stats.sections)), f"Statistiques : {section.titre}")
        flux += _section(section, h2, st, courant, precedent)
    while isinstance(flux[-1], Spacer):  # a last spacer that does not fit would add a blank page
        flux.pop()
    avancer(0.9, "Mise en page")
    doc = _Document(str(chemin), centre, annee)
    doc.multiBuild(flux)
    avancer(1.0, "Terminé")
    return chemin


def _precedent_connu(stats: Statistiques) -> bool:
    """Whether anything was recorded in the period compared with.

    Why: the year before the centre started using Atelier is all zeros; printing it beside the
    year's figures would tell the funders that nothing happened that year.
    """
    return any(lg.precedent for s in stats.sections for lg in s.lignes)


def _couverture(centre: Centre, annee: int, st: dict, le: date) -> list:
    grand = st["titre"].clone("couv", fontSize=30, leading=38, alignment=1)
    moyen = st["normal"].clone("couv2", fontSize=15, leading=20, alignment=1)
    petit = st["normal"].clone("couv3", fontSize=10.5, leading=14, alignment=1)
    out: list = [Spacer(1, 3.5 * cm)]
    if centre.logo and Path(centre.logo).is_file():
        try:
            img = Image(centre.logo)
            ratio = img.imageHeight / float(img.imageWidth or 1)
            img.drawWidth, img.drawHeight = 4 * cm, 4 * cm * ratio
            out += [img, Spacer(1, 0.8 * cm)]
        except Exception:  # an unreadable logo must not stop the report
            pass
    out += [Paragraph(echapper(centre.nom or "Centre social"), moyen), Spacer(1, 1.5 * cm),
            Paragraph(f"Rapport d'activité {annee}", grand), Spacer(1, 0.6 * cm),
            Paragraph("Ateliers numériques : fiches bilan et statistiques", moyen), Spacer(1, 6 * cm)]
    adresse = " — ".join(x for x in (centre.adresse, f"{centre.code_postal} {centre.commune}".strip()) if x)
    if adresse:
        out.append(Paragraph(echapper(adresse), petit))
    out.append(Paragraph(f"Document établi le {date_longue(le)}", petit))
    return out


def _section(section: Section, h2, st: dict, courant: str, precedent: str | None) -> list:
    normal, gras = polices()
    titre = Paragraph(echapper(section.titre), h2)
    if not section.lignes:
        return [CondPageBreak(3 * cm), titre, Paragraph("Aucune donnée pour cette période.", st["normal"])]
    cell = st["normal"].clone("cell", fontSize=8.5, leading=10.5)
    if section.graphique == "mois":
        rangs = [["Mois"] + [lg.libelle.replace(" 20", " ") for lg in section.lignes],
                 ["Nombre"] + [masquer(lg.valeur, False, True) for lg in section.lignes]]
        # twelve month columns: narrow padding so that "sept. 25" stays inside its cell
        largeurs = [1.5 * cm] + [(LARGEUR_TABLEAU - 1.5 * cm) / len(section.lignes)] * len(section.lignes)
        t = Table(rangs, colWidths=largeurs, style=[("LEFTPADDING", (0, 0), (-1, -1), 1.5),
                                                    ("RIGHTPADDING", (0, 0), (-1, -1), 1.5)])
        fonte = 7
    else:
        entete = ["", courant, "%"] + ([precedent, "% " + precedent] if precedent else [])
        rangs = [entete]
        for lg in section.lignes:
            petit = lg.personnes and 0 < lg.valeur < SEUIL_ANONYMAT
            libelle = f"{lg.libelle} ({lg.unite})" if lg.unite else lg.libelle
            ligne = [Paragraph(echapper(libelle), cell), en_francais(masquer(lg.valeur, lg.personnes, True)),
                     "" if petit or lg.pourcentage is None else en_francais(lg.pourcentage)]
            if precedent:
                avant_petit = lg.personnes and lg.precedent is not None and 0 < lg.precedent < SEUIL_ANONYMAT
                ligne += [en_francais(masquer(lg.precedent, lg.personnes, True)),
                          "" if avant_petit or lg.pourcentage_precedent is None else en_francais(lg.pourcentage_precedent)]
            rangs.append(ligne)
        chiffres = [2.2 * cm, 1.9 * cm] + ([2.2 * cm, 1.9 * cm] if precedent else [])
        largeurs = [LARGEUR_TABLEAU - sum(chiffres), *chiffres]
        t = Table(rangs, colWidths=largeurs, repeatRows=1)
        fonte = 8.5
    t.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), normal, fonte), ("FONT", (0, 0), (-1, 0), gras, fonte),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E0E0E0")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#999999")),
        ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    # title, table and chart move together to the next page rather than leave the chart (or two rows)
    # behind: a reader compares the two on the same sheet (a block taller than a page still splits)
    bloc: list = [titre, t]
    if section.graphique:
        fig = graphiques.figure(section, courant, precedent if section.graphique != "mois" else None, masque=True,
                                largeur=6.5)
        largeur_pt, hauteur_pt = fig.get_figwidth() * 72, fig.get_figheight() * 72
        echelle = min(1.0, (15 * cm) / largeur_pt)
        bloc += [Spacer(1, 0.3 * cm), Image(graphiques.png(fig), width=largeur_pt * echelle, height=hauteur_pt * echelle)]
    return [CondPageBreak(4 * cm), KeepTogether(bloc), Spacer(1, 0.4 * cm)]
