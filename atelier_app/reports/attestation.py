"""Attestation of participation at the end of a cycle, signed by the animateur.

Why it counts only sessions attended: job seekers hand it to their adviser, who needs the hours
actually followed, not the hours planned.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from atelier_app.domain.activites import Activite, Cycle, Groupe
from atelier_app.domain.centre import Centre
from atelier_app.domain.personnes import Personne
from atelier_app.reports.commun import date_longue, document, echapper, entete_centre, styles


def heures_texte(heures: float) -> str:
    h = int(heures)
    m = round((heures - h) * 60)
    return f"{h} h" + (f" {m:02d}" if m else "")


def ecrire(chemin: Path, *, centre: Centre, personne: Personne, activite: Activite, cycle: Cycle, groupe: Groupe,
           participation, le: date) -> Path:
    """``participation`` has ``seances``, ``heures``, ``premiere`` and ``derniere`` (sessions attended)."""
    seances, heures = participation.seances, participation.heures
    debut, fin = participation.premiere, participation.derniere
    st = styles()
    doc = document(chemin, f"Attestation de participation — {personne.prenom} {personne.nom}")
    debut = debut or cycle.debut
    fin = fin or cycle.fin
    if debut and fin:
        periode = f"du {date_longue(debut)} au {date_longue(fin)}"
    elif debut:
        periode = f"à partir du {date_longue(debut)}"
    else:
        periode = ""
    lieu = f" ({echapper(activite.lieu)})" if activite.lieu else ""
    elements = [
        *entete_centre(centre),
        Spacer(1, 1.2 * cm),
        Paragraph("Attestation de participation", st["titre"]),
        Spacer(1, 0.6 * cm),
        Paragraph(f"Je soussigné(e), <b>{echapper(activite.animateur or 'l’animateur du centre')}</b>, "
                  f"animateur/animatrice multimédia au {echapper(centre.nom)}, atteste que :", st["normal"]),
        Spacer(1, 0.5 * cm),
        Paragraph(f"<b>{echapper(personne.prenom)} {echapper(personne.nom.upper())}</b>", st["sous_titre"]),
        Spacer(1, 0.3 * cm),
        Paragraph(f"a participé à l'activité <b>« {echapper(activite.nom)} »</b>{lieu}, "
                  f"{echapper(cycle.nom)}, {echapper(groupe.nom)}, {periode}.", st["normal"]),
        Spacer(1, 0.4 * cm),
        Paragraph(f"Séances suivies : <b>{seances}</b> sur {groupe.nb_seances} prévues", st["normal"]),
        Paragraph(f"Heures de formation suivies : <b>{heures_texte(heures)}</b>", st["normal"]),
        Spacer(1, 0.5 * cm),
        Paragraph("Cette attestation est délivrée à la demande de l'intéressé(e) pour servir et valoir ce que "
                  "de droit.", st["normal"]),
        Spacer(1, 0.8 * cm),
        Paragraph(f"Fait à {echapper(centre.commune or '…')}, le {date_longue(le)}", st["normal"]),
        Spacer(1, 0.6 * cm),
        _signature_et_cachet(activite, st),
    ]
    doc.build(elements)
    return Path(chemin)


def _signature_et_cachet(activite: Activite, st) -> Table:
    """Room for the animateur's signature and for the centre's stamp: an adviser (France Travail)
    often refuses an attestation that bears no stamp."""
    gauche = [Paragraph("Signature de l'animateur/animatrice :", st["petit"]),
              Paragraph(f"<b>{echapper(activite.animateur)}</b>", st["normal"])]
    droite = [Paragraph("Cachet du centre :", st["petit"])]
    t = Table([[gauche, droite]], colWidths=[8.5 * cm, 6.5 * cm], rowHeights=[3.6 * cm])
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOX", (1, 0), (1, 0), 0.6, colors.grey),
        ("LEFTPADDING", (0, 0), (0, 0), 0),
    ]))
    t.hAlign = "LEFT"
    return t
