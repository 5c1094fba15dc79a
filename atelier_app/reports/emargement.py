"""Sign-in sheets: one session (signatures) and one group over a month (people × dates).

Why no phone, address or e-mail: the sheet lies on a table where everyone signs; it carries first
names and names only (privacy rule of the project).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from atelier_app.domain.centre import Centre
from atelier_app.domain.codes import JOURS, MOIS
from atelier_app.domain.etats import StatutPresence
from atelier_app.reports.commun import date_longue, document, echapper, entete_centre, pied_de_page, polices, styles

#: Letters of the monthly grid (the same keys as the attendance screen).
LETTRES = {StatutPresence.PRESENT: "P", StatutPresence.ABSENT: "A", StatutPresence.EXCUSE: "E",
           StatutPresence.RETARD: "R"}
LIGNES_VIDES = 4
#: Blank lines when nobody is enrolled (a drop-in session): everyone writes their name.
LIGNES_VIDES_SANS_INSCRITS = 10
LIGNES_VIDES_MOIS = 2
#: Room to sign; 1 cm keeps a full Numérikids group (10 children + 4 blank lines) on one page.
HAUTEUR_SIGNATURE = 1.0 * cm


@dataclass(frozen=True)
class FeuilleSeance:
    """What the session sheet prints: plain data, names only."""

    activite: str
    groupe: str
    jour: date
    debut: str
    duree: int
    animateur: str
    lieu: str
    personnes: Sequence[str]   # "NOM Prénom"
    contenu: str = ""


@dataclass(frozen=True)
class FeuilleMois:
    activite: str
    groupe: str
    annee: int
    mois: int
    animateur: str
    dates: Sequence[date]
    annulees: Sequence[date]
    #: (name, {date: status code or None})
    lignes: Sequence[tuple[str, dict[date, str | None]]]


def _horaire(debut: str, duree: int) -> str:
    h, m = (int(x) for x in debut.split(":"))
    fin = h * 60 + m + duree
    return f"{h} h {m:02d} – {fin // 60} h {fin % 60:02d}"


def _hauteurs(noms: Sequence[Paragraph], largeur: float, minimum: float) -> list[float]:
    """Row heights that leave room to sign and still grow when a long name takes two lines.

    Why computed: fixed heights let a long name spill over the row above it.
    """
    return [max(minimum, p.wrap(largeur - 12, 10000)[1] + 10) for p in noms]


def _style_grille(normal: str, gras: str) -> TableStyle:
    return TableStyle([
        ("FONT", (0, 0), (-1, -1), normal, 10),
        ("FONT", (0, 0), (-1, 0), gras, 10),
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ])


def feuille_seance(chemin: Path, centre: Centre, f: FeuilleSeance) -> Path:
    normal, gras = polices()
    st = styles()
    doc = document(chemin, f"Émargement {f.activite} {f.jour:%d/%m/%Y}")
    elements = entete_centre(centre)
    elements.append(Paragraph("Feuille d'émargement", st["titre"]))
    infos = [
        ("Activité", f.activite), ("Groupe", f.groupe),
        ("Date", f"{JOURS[f.jour.weekday()]} {date_longue(f.jour)}"), ("Horaire", _horaire(f.debut, f.duree)),
        ("Animateur·rice", f.animateur or "…………………………"), ("Lieu", f.lieu),
    ]
    t = Table([[Paragraph(f"<b>{k} :</b>", st["normal"]), Paragraph(echapper(v), st["normal"])]
               for k, v in infos if v], colWidths=[4 * cm, 13 * cm])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    elements += [t, Spacer(1, 0.3 * cm)]
    if f.contenu:
        elements += [Paragraph(f"<b>Au programme :</b> {echapper(f.contenu)}", st["normal"]), Spacer(1, 0.3 * cm)]
    vides = LIGNES_VIDES if f.personnes else LIGNES_VIDES_SANS_INSCRITS
    if f.personnes:
        note = (f"Les {vides} dernières lignes sont pour les personnes venues sans être inscrites "
                "(prénom et nom seulement).")
    else:
        note = "Personne n'est inscrit dans ce groupe : chaque personne présente écrit son prénom et son nom."
    elements += [Paragraph(note, st["petit"]), Spacer(1, 0.2 * cm)]
    noms = [Paragraph(echapper(nom), st["normal"]) for nom in f.personnes]
    lignes = [["N°", "Nom et prénom", "Signature"]]
    lignes += [[str(i), nom, ""] for i, nom in enumerate(noms, start=1)]
    lignes += [[str(len(f.personnes) + i), "", ""] for i in range(1, vides + 1)]
    grille = Table(lignes, colWidths=[1.2 * cm, 8.3 * cm, 7.5 * cm],
                   rowHeights=[0.8 * cm] + _hauteurs(noms, 8.3 * cm, HAUTEUR_SIGNATURE) + [HAUTEUR_SIGNATURE] * vides, repeatRows=1)
    grille.setStyle(_style_grille(normal, gras))
    elements.append(grille)
    pied = pied_de_page(f"{centre.nom} — émargement du {f.jour:%d/%m/%Y}")
    doc.build(elements, onFirstPage=pied, onLaterPages=pied)
    return Path(chemin)


def _grille_mois(f: FeuilleMois, st: dict, normal: str, gras: str) -> Table:
    """People × dates; a cancelled date says so in small type so that it fits its column."""
    date_st = st["petit"].clone("date", fontName=gras, fontSize=9, leading=10, alignment=TA_CENTER,
                                textColor=colors.black)
    entete = ["Nom et prénom"] + [
        Paragraph(d.strftime("%d/%m") + ("<br/><font size=7>annulée</font>" if d in f.annulees else ""), date_st)
        for d in f.dates]
    noms = [Paragraph(echapper(nom), st["normal"]) for nom, _statuts in f.lignes]
    lignes = [entete]
    for nom, (_n, statuts) in zip(noms, f.lignes, strict=True):
        lignes.append([nom] + ["—" if d in f.annulees else LETTRES.get(statuts.get(d) or "", "") for d in f.dates])
    for _ in range(LIGNES_VIDES_MOIS):
        lignes.append([""] * (len(f.dates) + 1))
    largeur_dates = min(2.6 * cm, (landscape(A4)[0] - 3 * cm - 7 * cm) / len(f.dates))
    grille = Table(lignes, colWidths=[7 * cm] + [largeur_dates] * len(f.dates), repeatRows=1, hAlign="LEFT",
                   rowHeights=[1.0 * cm] + _hauteurs(noms, 7 * cm, 0.8 * cm) + [0.8 * cm] * LIGNES_VIDES_MOIS)
    style = _style_grille(normal, gras)
    style.add("ALIGN", (1, 0), (-1, -1), "CENTER")
    style.add("LEFTPADDING", (1, 0), (-1, -1), 2)
    style.add("RIGHTPADDING", (1, 0), (-1, -1), 2)
    grille.setStyle(style)
    return grille


def feuille_mois(chemin: Path, centre: Centre, f: FeuilleMois) -> Path:
    normal, gras = polices()
    st = styles()
    doc = document(chemin, f"Présences {f.groupe} {MOIS[f.mois - 1]} {f.annee}", pagesize=landscape(A4),
                   leftMargin=1.5 * cm, rightMargin=1.5 * cm)
    adresse = " — ".join(x for x in (centre.adresse, f"{centre.code_postal} {centre.commune}".strip()) if x)
    elements: list = [Paragraph(f"<b>{echapper(centre.nom)}</b>" + (f" — {echapper(adresse)}" if adresse else ""),
                                st["petit"]), Spacer(1, 0.3 * cm)]
    elements.append(Paragraph(f"Présences de {MOIS[f.mois - 1]} {f.annee}", st["titre"]))
    elements.append(Paragraph(echapper(f"{f.activite} — {f.groupe}" + (f" — {f.animateur}" if f.animateur else "")),
                              st["gras"]))
    elements.append(Spacer(1, 0.3 * cm))
    if not f.dates:
        elements.append(Paragraph(f"Aucune séance de ce groupe en {MOIS[f.mois - 1]} {f.annee}.", st["normal"]))
    else:
        elements += [_grille_mois(f, st, normal, gras), Spacer(1, 0.3 * cm),
                     Paragraph("P : présent · A : absent · E : excusé · R : en retard · — : séance annulée",
                               st["petit"])]
    pied = pied_de_page(f"{centre.nom} — {f.groupe}, {MOIS[f.mois - 1]} {f.annee}")
    doc.build(elements, onFirstPage=pied, onLaterPages=pied)
    return Path(chemin)
