"""The placement questionnaire on paper: large type, boxes to tick, filled at the meeting, typed in later.

Why large type and one column: many of the people who fill it are seniors and beginners; it must
read like a simple form, not like a test.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from atelier_app.domain.activites import Activite, horaire
from atelier_app.domain.centre import Centre
from atelier_app.domain.questionnaire import Questionnaire
from atelier_app.reports.commun import document, echapper, entete_centre, pied_de_page, polices, styles

CASE = "\u2610"  # ☐, present in DejaVu Sans


def ecrire(chemin: Path, centre: Centre, questionnaire: Questionnaire, activite: Activite | None = None) -> Path:
    st = styles(grand=True)
    normal, _gras = polices()
    case = CASE if normal != "Helvetica" else "[  ]"
    doc = document(chemin, "Questionnaire de positionnement")
    flux: list = entete_centre(centre, largeur_logo=2.5 * cm)
    titre = "Questionnaire de positionnement"
    if activite is not None:
        titre += f" — {activite.nom}"
    flux.append(Paragraph(echapper(titre), st["titre"]))
    flux.append(Paragraph(
        "Ce questionnaire nous aide à vous proposer un groupe à votre rythme. Il n'y a pas de bonne ou de "
        "mauvaise réponse : cochez simplement ce qui vous ressemble.", st["normal"]))
    flux.append(Spacer(1, 0.4 * cm))
    # the label column fits "Année de naissance :" in large type, so the label never runs onto the line
    ident = Table([["Nom :", "", "Prénom :", ""], ["Année de naissance :", "", "Date :", ""]],
                  colWidths=[5.4 * cm, 4.0 * cm, 2.6 * cm, 5.0 * cm], rowHeights=[1.0 * cm, 1.0 * cm])
    ident.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), normal, 13),
        ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
        ("LINEBELOW", (3, 0), (3, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
    ]))
    flux += [ident, Spacer(1, 0.5 * cm)]
    for i, q in enumerate(questionnaire.questions, start=1):
        lignes = [[Paragraph(f"<b>{i}. {echapper(q.texte)}</b>", st["normal"])]]
        lignes += [[Paragraph(f"{case}&nbsp;&nbsp;{echapper(c.libelle)}", st["normal"])] for c in q.choix]
        t = Table(lignes, colWidths=[17 * cm])
        t.setStyle(TableStyle([("LEFTPADDING", (0, 1), (-1, -1), 18), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
        flux += [KeepTogether([t]), Spacer(1, 0.25 * cm)]
    if activite is not None and activite.creneaux:
        lignes = [[Paragraph("<b>Quels créneaux vous conviennent ?</b> (cochez tous ceux possibles)", st["normal"])]]
        lignes += [[Paragraph(f"{case}&nbsp;&nbsp;{echapper(horaire(c))}", st["normal"])] for c in activite.creneaux]
        t = Table(lignes, colWidths=[17 * cm])
        t.setStyle(TableStyle([("LEFTPADDING", (0, 1), (-1, -1), 18)]))
        flux.append(KeepTogether([t]))
    flux.append(Spacer(1, 0.5 * cm))
    flux.append(Paragraph("Merci ! Réservé à l'animateur : score ______ / "
                          f"{questionnaire.maximum}  —  niveau ______________", st["petit"]))
    pied = pied_de_page(centre.nom)
    doc.build(flux, onFirstPage=pied, onLaterPages=pied)
    return Path(chemin)
