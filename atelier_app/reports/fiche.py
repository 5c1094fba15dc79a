"""The centre's activity-report sheet as PDF: its labels in its order, with its odd capitals.

Why a two-column table with thin grey rules: it reproduces the centre's own paper form, which
the funders are used to, and it prints cleanly in black and white.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from atelier_app.domain.centre import Centre
from atelier_app.domain.fiches import Fiche
from atelier_app.reports.commun import document, echapper, entete_centre, pied_de_page, styles

LARGEUR = 17 * cm


def flux_fiche(fiche: Fiche, titre: bool = True) -> list:
    """The flowables of one sheet (used alone, and inside the annual report)."""
    st = styles()
    libelle = st["gras"].clone("libelle", fontSize=9.5, leading=12.5)
    valeur = st["normal"].clone("valeur", fontSize=10, leading=13.5)
    out: list = []
    if titre:
        out.append(Paragraph(f"Fiche bilan {fiche.annee} — {echapper(fiche.titre)}", st["titre"]))
    rangs = []
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#888888")),
        ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
        ("LINEAFTER", (0, 0), (0, -1), 0.4, colors.HexColor("#888888")),
        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]
    for i, lg in enumerate(fiche.lignes):
        texte = echapper(lg.valeur) if lg.valeur else ""
        if lg.cle == "nom":
            rangs.append([Paragraph(echapper(lg.libelle), libelle), Paragraph(f"<b>{texte}</b>", valeur)])
            style.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#E6E6E6")))
        elif lg.cle == "objectifs":
            rangs.append([Paragraph(echapper(lg.libelle), libelle), ""])
            style.append(("LINEBELOW", (0, i), (-1, i), 0, colors.white))
        elif lg.cle == "objectifs_contrat":
            points = "<br/>".join(f"• {echapper(o.strip())}" for o in lg.valeur.split(" ; ") if o.strip())
            rangs.append([Paragraph("&nbsp;&nbsp;" + echapper(lg.libelle.strip()), libelle), Paragraph(points, valeur)])
        else:
            rangs.append([Paragraph(echapper(lg.libelle), libelle), Paragraph(texte, valeur)])
    t = Table(rangs, colWidths=[5.2 * cm, LARGEUR - 5.2 * cm], repeatRows=0)
    t.setStyle(TableStyle(style))
    out.append(t)
    if fiche.chiffres_modifies:
        out.append(Spacer(1, 0.2 * cm))
        out.append(Paragraph("Chiffres rédigés par l'équipe à partir des données enregistrées.", st["petit"]))
    return out


def ecrire(chemin: Path | str, centre: Centre, fiche: Fiche) -> Path:
    doc = document(Path(chemin), f"Fiche bilan {fiche.annee} — {fiche.titre}")
    flux = entete_centre(centre) + flux_fiche(fiche)
    pied = pied_de_page(f"{centre.nom} — fiche bilan {fiche.annee}")
    doc.build(flux, onFirstPage=pied, onLaterPages=pied)
    return Path(chemin)
