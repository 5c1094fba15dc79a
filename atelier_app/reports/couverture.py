"""The report's cover and its « L'année en chiffres » page.

Why a page of key figures: a board member reads one page, not fifteen; six figures with their
change since last year, and the monthly chart, say what the year was. The figures follow the same
masking as the tables (a masked count is never printed, nor its change). A year in progress says
so on the cover, in bold, before anything else is read.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import Image, Paragraph, Spacer, TableStyle

from atelier_app.domain import nombres
from atelier_app.domain.centre import Centre
from atelier_app.domain.secret import Masque
from atelier_app.reports import cellules, graphiques_pdf, rapport_stats
from atelier_app.reports.brouillon import TableRapide as Table
from atelier_app.reports.commun import echapper, exposants, insecables, polices

log = logging.getLogger(__name__)

#: (section, row) of the key figures, in the order a board reads them.
CLES = (("Statistiques générales", "Accompagnements au total"),
        ("Statistiques générales", "Bénéficiaires accompagnés"),
        ("Statistiques générales", "Nouveaux bénéficiaires"),
        ("Statistiques sur vos accompagnements", "Ateliers collectifs"),
        ("Statistiques sur vos accompagnements", "Accompagnements individuels"),
        ("Séances et heures", "Heures réalisées"))


def _image(chemin: str, largeur: float, hauteur: float) -> Image | None:
    if not chemin or not Path(chemin).is_file():
        return None
    try:
        img = Image(chemin)
        echelle = min(largeur / float(img.imageWidth or 1), hauteur / float(img.imageHeight or 1))
        img.drawWidth, img.drawHeight = img.imageWidth * echelle, img.imageHeight * echelle
        return img
    except Exception:  # an unreadable logo must not stop the report
        log.warning("Logo illisible : %s", chemin)
        return None


def logos_financeurs(services) -> list[str]:
    """The funders' logos set in Paramètres (none when the setting is absent)."""
    return [str(x) for x in services.centre.parametres().extra.get("logos_financeurs", ()) or ()]


def flux(centre: Centre, annee: int, st: dict, *, aujourd_hui: date, en_cours: str, financeurs: list[str]) -> list:
    grand = st["titre"].clone("couv", fontSize=30, leading=38, alignment=1)
    moyen = st["normal"].clone("couv2", fontSize=15, leading=20, alignment=1)
    petit = st["normal"].clone("couv3", fontSize=10.5, leading=14, alignment=1)
    alerte = st["gras"].clone("couv4", fontSize=12, leading=16, alignment=1)
    out: list = [Spacer(1, 2.5 * cm)]
    logo = _image(centre.logo, 5 * cm, 4 * cm)
    out += [logo, Spacer(1, 0.8 * cm)] if logo else [Spacer(1, 4.8 * cm)]
    out += [Paragraph(echapper(centre.nom or "Centre social"), moyen), Spacer(1, 1.5 * cm),
            Paragraph(f"Rapport d’activité {annee}", grand), Spacer(1, 0.6 * cm),
            Paragraph(insecables("Ateliers numériques : fiches bilan et statistiques"), moyen), Spacer(1, 1 * cm)]
    if en_cours:
        out += [Paragraph(exposants(insecables(echapper(en_cours))), alerte)]
    out.append(Spacer(1, 3.5 * cm if en_cours else 4.2 * cm))
    images = [i for i in (_image(f, 3.5 * cm, 2 * cm) for f in financeurs) if i is not None]
    if images:
        out += [Paragraph("Avec le soutien de", petit), Spacer(1, 0.2 * cm),
                Table([images], colWidths=[min(4 * cm, 16 * cm / len(images))] * len(images)), Spacer(1, 0.6 * cm)]
    adresse = " — ".join(x for x in (centre.adresse, f"{centre.code_postal} {centre.commune}".strip()) if x)
    if adresse:
        out.append(Paragraph(echapper(adresse), petit))
    out.append(Paragraph(exposants(f"Document établi le {nombres.date_longue(aujourd_hui)}"), petit))
    return out


def _ligne(stats, titre: str, libelle: str, marques):
    for s in stats.sections:
        if s.titre == titre:
            for i, lg in enumerate(s.lignes):
                if lg.libelle == libelle:
                    return lg, marques.courant(titre, i), marques.precedent(titre, i)
    return None


def _evolution(lg, mc: Masque, mp: Masque, precedent: str) -> str:
    """« +12,5 % par rapport à 2025 (1 200) »; the count alone when a percentage would mislead.

    Why not always a percentage: against a first year with 2 requests, « +68 650 % » says nothing a
    board can use; under 20 last year the figure of last year is given instead.
    """
    if lg.precedent is None or mc is not Masque.VISIBLE or mp is not Masque.VISIBLE:
        return ""
    avant = cellules.valeur(lg.precedent, lg.unite)
    if not lg.precedent:
        return f"aucun en {precedent}" if lg.valeur else f"{avant} en {precedent} aussi"
    if lg.precedent < 20:
        return f"{avant} en {precedent}"
    ecart = lg.valeur / lg.precedent - 1
    signe = "+" if ecart > 0 else ("−" if ecart < 0 else "")
    return f"{signe}{nombres.pourcent(abs(ecart), 1)} par rapport à {precedent} ({avant})"


def chiffres_cles(stats, marques, st: dict, *, courant: str, precedent: str | None, en_cours: str) -> list:
    """Six figures in a grid (value, label, change), then the monthly chart."""
    normal, gras = polices()
    valeur = st["titre"].clone("cle", fontSize=22, leading=26, alignment=1, spaceAfter=0)
    nom = st["normal"].clone("cle2", fontSize=9.5, leading=12, alignment=1)
    evol = st["petit"].clone("cle3", fontSize=8.5, leading=11, alignment=1)
    cases = []
    for titre, libelle in CLES:
        trouve = _ligne(stats, titre, libelle, marques)
        if trouve is None:
            continue
        lg, mc, mp = trouve
        texte = _evolution(lg, mc, mp, precedent) if precedent else ""
        cases.append([Paragraph(echapper(cellules.valeur(lg.valeur, lg.unite, mc)), valeur),
                      Paragraph(insecables(echapper(libelle)), nom),
                      Paragraph(insecables(echapper(texte)), evol)])
    out: list = []
    if en_cours:
        out += [Paragraph(f"<b>{exposants(insecables(echapper(en_cours)))}</b>", st["normal"]), Spacer(1, 0.3 * cm)]
    grille = [cases[i:i + 3] for i in range(0, len(cases), 3)]
    if grille:
        while len(grille[-1]) < 3:
            grille[-1].append("")
        t = Table(grille, colWidths=[rapport_stats.LARGEUR_TABLEAU / 3] * 3)
        t.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, colors.black),
                               ("INNERGRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#999999")),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), 10), ("BOTTOMPADDING", (0, 0), (-1, -1), 10)]))
        out += [t, Spacer(1, 1.0 * cm)]
    mensuel = next((s for s in stats.sections if s.graphique == "mois" and s.lignes), None)
    if mensuel is not None:
        out += [Paragraph(echapper(rapport_stats.titre(mensuel)), st["sous_titre"]),
                graphiques_pdf.mois([lg.libelle.replace(" 20", " ") for lg in mensuel.lignes],
                                    [lg.valeur for lg in mensuel.lignes],
                                    largeur=rapport_stats.LARGEUR_TABLEAU, police=normal, hauteur=300)]
    del gras
    return out
