"""The centre's activity-report sheet as PDF: its labels in its order, with its odd capitals.

Why a two-column table with thin grey rules: it reproduces the centre's own paper form, which
the funders are used to, and it prints cleanly in black and white.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, Spacer, TableStyle

from atelier_app.domain.centre import Centre
from atelier_app.domain.fiches import Fiche
from atelier_app.reports.brouillon import TableRapide as Table
from atelier_app.reports.commun import document, echapper, entete_centre, insecables, pied_de_page, styles

LARGEUR = 17 * cm
#: Characters of a value per table row (a row cannot break across pages).
MORCEAU = 900


def flux_fiche(fiche: Fiche, titre: bool = True) -> list:
    """The flowables of one sheet (used alone, and inside the annual report)."""
    st = styles()
    libelle = st["gras"].clone("libelle", fontSize=9.5, leading=12.5)
    valeur = st["normal"].clone("valeur", fontSize=10, leading=13.5)
    out: list = []
    if titre:
        out.append(Paragraph(f"Fiche bilan {fiche.annee} — {echapper(fiche.titre)}", st["titre"]))
    rangs: list = []
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
        # a sheet running over two pages stays closed at the foot of one and the head of the next
        ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 0.8, colors.black),
        ("LINEABOVE", (0, "splitfirst"), (-1, "splitfirst"), 0.8, colors.black),
        ("LINEAFTER", (0, 0), (0, -1), 0.4, colors.HexColor("#888888")),
        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]
    for lg in fiche.lignes:
        debut = len(rangs)
        if lg.cle == "nom":
            rangs.append([Paragraph(echapper(lg.libelle), libelle), Paragraph(f"<b>{_texte(lg.valeur)}</b>", valeur)])
            style.append(("BACKGROUND", (0, debut), (-1, debut), colors.HexColor("#E6E6E6")))
        elif lg.cle == "objectifs":
            rangs.append([Paragraph(echapper(lg.libelle), libelle), ""])
        elif lg.cle == "objectifs_contrat":
            points = "<br/>".join(f"• {_texte(o.strip())}" for o in lg.valeur.split(" ; ") if o.strip())
            rangs.append([Paragraph("&nbsp;&nbsp;" + echapper(lg.libelle.strip()), libelle), Paragraph(points, valeur)])
        else:
            morceaux = _morceaux(lg.valeur) or [""]
            rangs += [[Paragraph(echapper(lg.libelle) if i == 0 else "", libelle), Paragraph(_texte(m), valeur)]
                      for i, m in enumerate(morceaux)]
            if len(morceaux) > 1:  # one field continued over several rows: no rule inside it
                style.append(("TOPPADDING", (0, debut + 1), (-1, len(rangs) - 1), 0))
        if lg.cle != "objectifs":  # "Objectifs :" and its "- du contrat de projet" read as one block
            style.append(("LINEBELOW", (0, len(rangs) - 1), (-1, len(rangs) - 1), 0.4, colors.HexColor("#888888")))
    style.append(("TOPPADDING", (0, "splitfirst"), (-1, "splitfirst"), 5))
    t = Table(rangs, colWidths=[5.2 * cm, LARGEUR - 5.2 * cm], repeatRows=0)
    t.setStyle(TableStyle(style))
    out.append(t)
    if fiche.chiffres_modifies:
        out.append(Spacer(1, 0.2 * cm))
        out.append(Paragraph("Chiffres rédigés par l'équipe à partir des données enregistrées.", st["petit"]))
    return out


#: A figure and the word after it (« 5 personnes », « 81 heures », « 28,7 kg »).
_NOMBRE_ET_MOT = re.compile(r"(\d) (?=[^\W\d_])")
#: « moins de 5 », « 5 ou plus »: the words of a masked count, read as one figure.
_MASQUE = re.compile(r"\bmoins de (?=\d)|(?<=\d)[ \u00a0]ou plus\b")


def _texte(valeur: str) -> str:
    """A value as printed: French spacing, and a figure never left at the end of a line without the
    word it counts (« moins de 5 / personnes » was printed on the sheet of the repair café), nor
    « moins de » without its figure (« moins de / 5 personnes », the Numérikids sheet of 2026)."""
    texte = _NOMBRE_ET_MOT.sub("\\1\u00a0", insecables(echapper(valeur or "")))
    return _MASQUE.sub(lambda m: m.group(0).replace(" ", "\u00a0"), texte)


def _morceaux(texte: str, taille: int = MORCEAU) -> list[str]:
    """A long value cut at sentence ends (or spaces) into pieces of about ``taille`` characters.

    Why: a table row cannot break across pages; a long "points positifs" written by the team must
    flow onto the next page (one row per piece) instead of stopping the printing.
    """
    morceaux: list[str] = []
    courant = ""
    for paragraphe in (texte or "").split("\n"):
        debut_paragraphe = True
        for phrase in re.split(r"(?<=[.!?…;])\s+", paragraphe):
            for bout in textwrap.wrap(phrase, taille, break_long_words=False) or [""]:
                sep = ("\n" if debut_paragraphe else " ") if courant else ""
                if courant and len(courant) + len(bout) > taille:
                    morceaux.append(courant)
                    courant, sep = "", ""
                courant += sep + bout
                debut_paragraphe = False
    if courant.strip():
        morceaux.append(courant)
    return morceaux


def ecrire(chemin: Path | str, centre: Centre, fiche: Fiche, en_cours: str = "") -> Path:
    """One sheet; ``en_cours`` says the year is not over (under the title and at the foot of each page)."""
    doc = document(Path(chemin), f"Fiche bilan {fiche.annee} — {fiche.titre}")
    entete = entete_centre(centre)
    flux = entete + flux_fiche(fiche)
    if en_cours:  # under the sheet's title
        flux.insert(len(entete) + 1, Paragraph(f"<b>{_texte(en_cours)}</b>",
                                               styles()["petit"].clone("en_cours", spaceAfter=6)))
    pied = pied_de_page(f"{centre.nom} — fiche bilan {fiche.annee}" + (" — année en cours" if en_cours else ""))
    doc.build(flux, onFirstPage=pied, onLaterPages=pied)
    return Path(chemin)


#: Fields of a sheet the team writes each year; an empty one would print as a blank row.
A_REMPLIR = ("chiffres", "animateur", "lieu", "objectif_pedagogique", "description", "public", "partenaires",
             "points_positifs", "perspectives")


def avertissement_vides(fiches: list[Fiche]) -> str:
    """One sentence naming the empty fields of each sheet (for the command line), "" when none."""
    morceaux = []
    for f in fiches:
        vides = champs_vides(f)
        if vides:
            noms = ", ".join(lg.libelle.rstrip(" :") for lg in vides)
            morceaux.append(f"« {f.titre} » : {noms}")
    return ("Champs vides, imprimés en blanc (à remplir dans l'écran Statistiques, fiche de l'activité) — "
            + " ; ".join(morceaux) + ".") if morceaux else ""


def champs_vides(fiche: Fiche) -> list:
    """The sheet's rows the team should fill before printing (``LigneFiche``, in the sheet's order).

    Why: a blank « Points positifs » or « Perspectives » sent to a funder reads as nothing to say;
    the print dialogs list these rows and offer to fill them first, never printing a blank silently.
    """
    return [lg for lg in fiche.lignes if lg.cle in A_REMPLIR and not (lg.valeur or "").strip()]


#: A figure of 1 to 4 standing alone in a sentence (« 2 personnes », « 3 en mars »), not « 12 » nor « 2,5 ».
_PETIT = re.compile(r"(?<![\d,\u202f\u00a0])[1-4](?![\d,])")


def avertissement_petits(fiches: list[Fiche]) -> str:
    """The sheets whose Chiffres the team rewrote and that show a figure of 1 to 4, "" when none.

    Why: the computed text masks counts under 5 in the documents for the funders, but a text written
    by hand is printed as written (it may say « 2 personnes »); the team is told to check it.
    """
    noms = [f"« {f.titre} »" for f in fiches if f.chiffres_modifies and _PETIT.search(f.valeur("chiffres"))]
    if not noms:
        return ""
    return ("Chiffres rédigés à la main et imprimés tels quels, avec un nombre de 1 à 4 : " + ", ".join(noms)
            + ". Vérifiez qu'aucun effectif de moins de 5 personnes n'y figure (écrivez « moins de 5 »).")
