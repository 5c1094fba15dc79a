"""Invitation letters to an activity's information meeting: one PDF, one page per person.

Why absolute frames: the address must sit in the window of a French DL/C5 envelope (window on the
right, about 11 cm from the left edge and 4.5–5 cm from the top), whatever the letterhead's height.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, KeepInFrame, Paragraph, Spacer

from atelier_app.domain.activites import Activite, Reunion
from atelier_app.domain.centre import Centre
from atelier_app.domain.codes import JOURS
from atelier_app.domain.invitations import reunion_pour
from atelier_app.domain.personnes import Personne
from atelier_app.ecriture import verifier_sortie
from atelier_app.errors import UserError
from atelier_app.reports.commun import date_longue, echapper, enregistrer, entete_centre, polices, styles

LARGEUR, HAUTEUR = A4


def jour_et_date(d: date) -> str:
    return f"{JOURS[d.weekday()]} {date_longue(d)}"


def _heure(h: str) -> str:
    if not h or ":" not in h:
        return h
    hh, mm = h.split(":", 1)
    return f"{int(hh)} h" + (f" {mm}" if mm != "00" else "")


def _corps(p: Personne, activite: Activite, le: date, commune: str = "", *, r: Reunion | None = None,
           adresse_centre: str = "") -> list:
    st = styles()
    r = r or activite.reunion
    quand = jour_et_date(r.date) if r.date else "(date à préciser)"
    heure = f" à {_heure(r.heure)}" if r.heure else ""
    lieu = r.lieu or activite.lieu or adresse_centre
    texte = [
        Paragraph(f"{echapper(commune)}, le {date_longue(le)}" if commune else f"Le {date_longue(le)}", st["normal"]),
        Spacer(1, 0.8 * cm),
        Paragraph(f"<b>Objet : réunion d'information — {echapper(activite.nom)}</b>", st["normal"]),
        Spacer(1, 0.6 * cm),
        Paragraph(f"Bonjour {echapper(p.prenom)} {echapper(p.nom)},", st["normal"]), Spacer(1, 0.3 * cm),
        Paragraph(f"Vous nous avez dit votre intérêt pour l'activité « {echapper(activite.nom)} ». "
                  "Nous avons le plaisir de vous inviter à une réunion d'information :", st["normal"]),
        Spacer(1, 0.4 * cm),
        Paragraph(f"<b>le {echapper(quand)}{echapper(heure)}</b>", st["normal"]),
    ]
    if lieu:
        texte.append(Paragraph(f"<b>{echapper(lieu)}</b>", st["normal"]))
    texte += [
        Spacer(1, 0.4 * cm),
        Paragraph("Nous vous présenterons le déroulement des séances, les horaires des groupes et le matériel. "
                  "Vous pourrez poser toutes vos questions, puis choisir de vous inscrire. "
                  "La réunion est gratuite et sans engagement.", st["normal"]),
        Spacer(1, 0.3 * cm),
        Paragraph("Si vous ne pouvez pas venir, prévenez simplement l'accueil du centre : "
                  "nous vous garderons votre place sur la liste.", st["normal"]),
        Spacer(1, 0.3 * cm),
        Paragraph("Au plaisir de vous rencontrer,", st["normal"]), Spacer(1, 1.0 * cm),
        Paragraph(f"<b>{echapper(activite.animateur)}</b>" if activite.animateur else "", st["normal"]),
        Paragraph(f"{echapper(activite.nom)}" if activite.animateur else "", st["petit"]),
    ]
    return texte


def adresse(p: Personne) -> list[str]:
    return [x for x in (f"{p.prenom} {p.nom.upper()}".strip(), p.adresse.strip(),
                        f"{p.code_postal} {p.commune.upper()}".strip()) if x]


def _cadre(c: Canvas, flux: list, x: float, y: float, *, largeur: float, hauteur: float) -> None:
    """Draw ``flux`` in a fixed box, made smaller when it is too long.

    Why shrink: a frame silently drops what does not fit; a long address or a tall letterhead
    would leave a letter without its address rather than in slightly smaller type.
    """
    marge = 6  # a Frame's default padding on each side
    boite = KeepInFrame(largeur - 2 * marge, hauteur - 2 * marge, flux, mode="shrink")
    Frame(x, y, largeur, hauteur, showBoundary=0).addFromList([boite], c)


def ecrire(chemin: Path, centre: Centre, activite: Activite, personnes: list[Personne],
           le: date, *, reunions: dict[str, date | None] | None = None) -> Path:
    """Write the letters; the caller chooses the people (those with a postal address).

    ``reunions`` maps a person's id to the meeting date of their pre-list entry (used when the
    activity has no meeting set). A letter without any date is refused, never printed blank.
    """
    reunions = reunions or {}
    choisies = {p.id: reunion_pour(activite, reunions.get(p.id)) for p in personnes}
    sans_date = [f"{p.prenom} {p.nom}".strip() for p in personnes if choisies[p.id] is None]
    if sans_date:
        raise UserError(f"Activité « {activite.nom} » : la date de la réunion d'information n'est pas fixée "
                        f"(écran Activités), ni sur la pré-liste pour : {', '.join(sans_date)}.")
    chemin = Path(chemin)
    verifier_sortie(chemin)  # refused before any work; written below through ecriture, whole or not at all
    adresse_centre = ", ".join(x for x in (centre.adresse, f"{centre.code_postal} {centre.commune}".strip()) if x)
    st = styles()
    normal, _gras = polices()
    c = Canvas(str(chemin), pagesize=A4)
    c.setTitle(f"Invitations — {activite.nom}")
    c.setAuthor("Atelier")
    for p in personnes:
        bloc = [Paragraph("<br/>".join(echapper(x) for x in adresse(p)), st["normal"])]
        _cadre(c, entete_centre(centre), 2 * cm, HAUTEUR - 6 * cm, largeur=8.5 * cm, hauteur=4.8 * cm)
        _cadre(c, bloc, 11 * cm, HAUTEUR - 8.3 * cm, largeur=8.5 * cm, hauteur=3.6 * cm)
        _cadre(c, _corps(p, activite, le, centre.commune, r=choisies[p.id], adresse_centre=adresse_centre), 2 * cm, 2 * cm, largeur=LARGEUR - 4 * cm, hauteur=HAUTEUR - 11 * cm)
        c.setFont(normal, 7)
        c.drawCentredString(LARGEUR / 2, 1.2 * cm, f"{centre.nom}".strip())
        c.showPage()
    return enregistrer(c, chemin)
