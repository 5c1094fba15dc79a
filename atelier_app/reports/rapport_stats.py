"""The statistics part of the annual report: one table per section, its vector chart under it.

Why the marks come from ``masquage``: the report leaves the centre, so small counts are masked
with secondary suppression (DESIGN.md), in the table and in its chart alike, and the percentage of a
masked count is left out. Numbers are French (``cellules``). A table and its chart stay together on
one page; the chart has no title of its own (the section heading above names both).
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, TableStyle

from atelier_app.domain.secret import Masque
from atelier_app.reports import cellules, graphiques_pdf
from atelier_app.reports.brouillon import TableRapide as Table
from atelier_app.reports.commun import echapper, insecables, polices
from atelier_app.reports.masquage import Masques

#: Width of every statistics table (label, this year, %, last year, %), so that their edges line up.
LARGEUR_TABLEAU = 16.8 * cm
titre = cellules.titre


def _style(normal: str, gras: str, fonte: float) -> TableStyle:
    return TableStyle([
        ("FONT", (0, 0), (-1, -1), normal, fonte), ("FONT", (0, 0), (-1, 0), gras, fonte),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E0E0E0")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#999999")),
        ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ])


def _mois(section, normal: str, gras: str) -> list:
    noms = [lg.libelle.replace(" 20", " ") for lg in section.lignes]
    valeurs = [lg.valeur for lg in section.lignes]
    rangs = [["Mois", *noms], ["Nombre", *(cellules.valeur(v) for v in valeurs)]]
    largeurs = [1.5 * cm] + [(LARGEUR_TABLEAU - 1.5 * cm) / len(noms)] * len(noms)
    t = Table(rangs, colWidths=largeurs, style=[("LEFTPADDING", (0, 0), (-1, -1), 1.5),
                                                ("RIGHTPADDING", (0, 0), (-1, -1), 1.5)])
    t.setStyle(_style(normal, gras, 7))
    return [t, Spacer(1, 0.25 * cm), graphiques_pdf.mois(noms, valeurs, largeur=LARGEUR_TABLEAU, police=normal)]


def _graphique(section, m: Masques, courant: str, precedent: str | None, normal: str):
    """Rows with something to show, this year's bars and (when compared) last year's beside."""
    rangs = [(i, lg) for i, lg in enumerate(section.lignes) if lg.valeur or (precedent and lg.precedent)]
    if not rangs:
        return None

    def serie(v, unite: str, masque: Masque) -> tuple[float, str]:
        texte = cellules.valeur(v or 0, unite, masque)
        return (0.0 if masque is not Masque.VISIBLE else float(v or 0)), texte

    libelles, valeurs, textes, av, avt = [], [], [], [], []
    for i, lg in rangs:
        v, t = serie(lg.valeur, lg.unite, m.courant(section.titre, i))
        libelles.append(cellules.libelle(lg).replace(" (h)", ""))
        valeurs.append(v)
        textes.append(t)
        if precedent:
            v, t = serie(lg.precedent, lg.unite, m.precedent(section.titre, i))
            av.append(v)
            avt.append(t)
    return graphiques_pdf.barres(libelles, valeurs, textes, largeur=LARGEUR_TABLEAU, police=normal,
                                 avant=(precedent, av, avt) if precedent else None, courant=courant)


def section(section, m: Masques, h2, st: dict, *, courant: str, precedent: str | None) -> list:
    normal, gras = polices()
    tete = Paragraph(insecables(echapper(titre(section))), h2)
    if not section.lignes:
        return [CondPageBreak(3 * cm), tete, Paragraph("Aucune donnée pour cette période.", st["normal"])]
    if section.graphique == "mois":
        return [CondPageBreak(7 * cm), KeepTogether([tete, *_mois(section, normal, gras)]), Spacer(1, 0.4 * cm)]
    cell = st["normal"].clone("cell", fontSize=8.5, leading=10.5)
    entete = ["", courant, "%"] + ([precedent, "% " + precedent] if precedent else [])
    rangs: list = [entete]
    vide = cellules.sans_denominateur(section)
    vide_avant = all(not lg.precedent for lg in section.lignes if lg.pourcentage_precedent is not None)
    for i, lg in enumerate(section.lignes):
        mc, mp = m.courant(section.titre, i), m.precedent(section.titre, i)
        ligne = [Paragraph(insecables(echapper(cellules.libelle(lg))), cell),
                 cellules.taux(section, lg, lg.valeur, mc), cellules.pourcentage(lg.pourcentage, mc, vide)]
        if precedent:
            ligne += [cellules.taux(section, lg, lg.precedent, mp, precedent=True),
                      cellules.pourcentage(lg.pourcentage_precedent, mp, vide_avant)]
        rangs.append(ligne)
    chiffres = [2.2 * cm, 1.9 * cm] + ([2.2 * cm, 1.9 * cm] if precedent else [])
    t = Table(rangs, colWidths=[LARGEUR_TABLEAU - sum(chiffres), *chiffres], repeatRows=1)
    t.setStyle(_style(normal, gras, 8.5))
    bloc: list = [tete, t]
    if section.graphique:
        dessin = _graphique(section, m, courant, precedent, normal)
        if dessin is not None:
            bloc += [Spacer(1, 0.25 * cm), dessin]
    return [CondPageBreak(4 * cm), KeepTogether(bloc), Spacer(1, 0.4 * cm)]
