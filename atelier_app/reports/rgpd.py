"""Documents of the privacy area: a person's export (PDF + JSON), the information notice for
enrolment forms and the pre-filled record of processing (registre des traitements).

Why from the centre's settings: the controller named in the notice and the register is the
centre; the texts follow the CNIL's model mentions for associations.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from atelier_app.domain import information
from atelier_app.domain.centre import Centre
from atelier_app.domain.codes import (
    ETATS_PRELISTE,
    ETATS_PROJET,
    GENRES,
    NIVEAUX,
    ORIGINES,
    STATUTS_PRESENCE,
    STATUTS_SOCIAUX,
    SUITES_ACCOMPAGNEMENT,
    THEMATIQUES,
    TRANCHES_AGE,
    TYPES_PROJET,
)
from atelier_app.ecriture import ecrire_octets, verifier_sortie
from atelier_app.reports.commun import date_longue, document, echapper, entete_centre, pied_de_page, styles

_SECTIONS = (
    ("personnes", "Fiche"),
    ("groupes", "Groupes"),
    ("presences", "Présences aux séances"),
    ("preliste", "Demandes d'inscription (pré-liste)"),
    ("positionnements", "Positionnements"),
    ("projets", "Projets et réparations"),
    ("accompagnements", "Aides individuelles"),
)


_LIBELLES = {
    "id": "N°", "nom": "Nom", "prenom": "Prénom", "annee_naissance": "Année de naissance", "genre": "Genre",
    "statut_social": "Situation", "commune": "Commune", "code_postal": "Code postal", "adresse": "Adresse",
    "telephone": "Téléphone", "email": "E-mail", "responsable_legal": "Responsable légal",
    "telephone_responsable": "Téléphone du responsable", "droit_image": "Droit à l'image",
    "consentements": "Consentements", "notes": "Notes", "cree_le": "Fiche créée le", "anonymise": "Anonymisée",
    "seance": "Séance", "date": "Date", "groupe": "Groupe", "statut": "Présence", "inscrit": "Inscrite",
    "tranche_age": "Tranche d'âge", "activite": "Activité", "demande_le": "Demande le", "etat": "État",
    "intitule": "Intitulé", "description": "Description", "visites": "Visites", "duree": "Durée (min)",
    "thematiques": "Thèmes", "reponses": "Réponses", "niveau": "Niveau", "situation": "Situation",
    "cycle": "Cycle", "origine": "Origine de la demande", "reunion": "Réunion d'information",
    "historique": "Historique", "type": "Type", "ouvert_le": "Ouvert le", "categorie_objet": "Catégorie d'objet",
    "marque": "Marque", "annee_fabrication": "Année de fabrication", "age_produit": "Âge de l'objet (ans)",
    "probleme": "Problème décrit", "obstacle": "Obstacle à la réparation", "repare_le": "Réparé le",
    "clos_le": "Clos le", "poids_estime_kg": "Poids estimé (kg)", "aidant": "Aidant",
    "prochaine_etape": "Prochaine étape", "score": "Score", "moment": "Moment", "disponibilites": "Disponibilités",
    "suite": "Suite donnée", "objet": "Objet", "le": "Le", "retire_le": "Retiré le",
}


_CODES: dict[str, dict[str, str]] = {
    "genre": GENRES, "statut_social": STATUTS_SOCIAUX, "tranche_age": TRANCHES_AGE, "thematiques": THEMATIQUES,
    "suite": SUITES_ACCOMPAGNEMENT, "niveau": NIVEAUX, "origine": ORIGINES, "type": TYPES_PROJET,
}
#: Codes whose meaning depends on the section ("etat" of a pre-list entry is not that of a project).
_CODES_SECTION: dict[str, dict[str, dict[str, str]]] = {
    "presences": {"statut": STATUTS_PRESENCE}, "preliste": {"etat": ETATS_PRELISTE},
    "projets": {"etat": ETATS_PROJET},
}
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
#: Columns of the attendance table; the other fields of each attendance go in its last column.
_COLONNES_PRESENCES = ("date", "activite", "groupe", "statut", "inscrit")


def _lisible(cle: str, v: Any, codes: dict[str, dict[str, str]]) -> Any:
    """A stored code as the person reads it (« feminin » → « Féminin »); the JSON keeps the codes.

    Why: the PDF answers a request from the person; the app's internal codes mean nothing to them.
    """
    table = codes.get(cle)
    if table is None:
        return v
    if isinstance(v, str):
        return table.get(v, v)
    if isinstance(v, list):
        return [table.get(x, x) if isinstance(x, str) else x for x in v]
    return v


def _texte(v: Any, codes: dict[str, dict[str, str]] | None = None) -> str:
    codes = codes if codes is not None else _CODES
    if isinstance(v, dict) and {"objet", "le"} <= set(v):  # a consent
        retrait = f", retiré le {_texte(v['retire_le'])}" if v.get("retire_le") else ""
        return f"{v['objet']} (donné le {_texte(v['le'])}{retrait})"
    if isinstance(v, dict):
        return ", ".join(f"{_libelle(k)} : {_texte(_lisible(k, x, codes), codes)}" for k, x in v.items()) or "—"
    if isinstance(v, list):
        return "; ".join(_texte(x, codes) for x in v) or "—"
    if v is None or v == "":
        return "—"
    if v is True:
        return "oui"
    if v is False:
        return "non"
    if isinstance(v, str) and (m := _DATE.fullmatch(v)):
        return f"{m.group(3)}/{m.group(2)}/{m.group(1)}"
    return str(v)


def _libelle(cle: str) -> str:
    """A field's French label; an unknown key keeps its own capitals (« Transferts hors UE »)."""
    texte = cle.replace("_", " ")
    return _LIBELLES.get(cle, texte[:1].upper() + texte[1:])


def _tableau(d: dict[str, Any], st, codes: dict[str, dict[str, str]] | None = None) -> Table:
    codes = codes if codes is not None else _CODES
    lignes = [[Paragraph(echapper(_libelle(k)), st["gras"]), Paragraph(echapper(_texte(_lisible(k, v, codes), codes)),
                                                                         st["normal"])]
              for k, v in d.items()]
    t = Table(lignes, colWidths=[5 * cm, 12 * cm])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.25, "#bbbbbb")]))
    return t


def _tableau_presences(presences: list[dict[str, Any]], st) -> Table:
    """One row per attendance: a person who came all year gets a page, not one block per session."""
    codes = {**_CODES, **_CODES_SECTION["presences"]}
    cell = st["normal"].clone("cellule", fontSize=8.5, leading=10.5)
    tete = st["gras"].clone("tete", fontSize=8.5, leading=10.5)
    entete = [Paragraph(_libelle(k), tete) for k in _COLONNES_PRESENCES] + [
        Paragraph("Autres données notées avec la présence", tete)]
    lignes = [entete]
    for pr in presences:
        autres = {k: v for k, v in pr.items() if k not in _COLONNES_PRESENCES}
        lignes.append([Paragraph(echapper(_texte(_lisible(k, pr.get(k), codes), codes)), cell)
                       for k in _COLONNES_PRESENCES] + [Paragraph(echapper(_texte(autres, codes)), cell)])
    t = Table(lignes, colWidths=[2.2 * cm, 1.8 * cm, 1.8 * cm, 2.0 * cm, 1.9 * cm, 7.3 * cm], repeatRows=1)
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.25, "#bbbbbb"),
                           ("LINEBELOW", (0, 0), (-1, 0), 0.6, "#000000")]))
    return t


def exporter_personne(dossier: Path | str, centre: Centre, donnees: dict[str, Any], le: date) -> tuple[Path, Path]:
    """Write ``personne-<id>.json`` and ``personne-<id>.pdf`` in ``dossier``; returns both paths.

    Why the PDF first and both through ``ecriture``: the PDF is what may fail (a page that cannot be
    laid out, a full disk); the JSON, written only once the PDF is in place, never stays alone.
    """
    dossier = Path(dossier)
    pid = donnees["personnes"][0]["id"]
    chemin_json = dossier / f"personne-{pid}.json"
    chemin_pdf = dossier / f"personne-{pid}.pdf"
    verifier_sortie(chemin_json)  # before anything, even the folder (never created inside the data)
    contenu = {"format": "atelier-donnees-personne", "le": le.isoformat(), **donnees}
    octets_json = json.dumps(contenu, ensure_ascii=False, indent=1).encode("utf-8")
    st = styles()
    flux = entete_centre(centre)
    flux.append(Paragraph("Données personnelles détenues", st["titre"]))
    flux.append(Paragraph(
        f"Document établi le {date_longue(le)} en réponse à une demande d'accès (article 15 du RGPD). "
        "Il contient tout ce que le centre enregistre sur cette personne.", st["normal"]))
    section = st["sous_titre"].clone("section", keepWithNext=1)  # never a title alone at a page's foot
    lisible = donnees.get("lisible") or donnees  # the person's view: names, not the app's codes
    for cle, titre in _SECTIONS:
        elements = lisible.get(cle) or []
        flux.append(Paragraph(f"{titre} ({len(elements)})", section))
        if not elements:
            flux.append(Paragraph("Aucune donnée.", st["petit"]))
        if cle == "presences" and elements:
            flux.append(_tableau_presences(elements, st))
            continue
        codes = {**_CODES, **_CODES_SECTION.get(cle, {})}
        for e in elements:
            flux.append(_tableau(e, st, codes))
            flux.append(Spacer(1, 0.25 * cm))
    if donnees.get("informations"):
        flux.append(Paragraph("Ce que le centre fait de ces données", section))
        for info in donnees["informations"]:
            flux.append(Paragraph(echapper(info["titre"]), st["gras"]))
            flux.append(Paragraph(_lignes(info["texte"]), st["normal"]))
            flux.append(Spacer(1, 0.15 * cm))
    pied = pied_de_page(f"{centre.nom} — données personnelles ({pid})")
    ancien_pdf = chemin_pdf.read_bytes() if chemin_pdf.is_file() else None
    document(chemin_pdf, "Données personnelles détenues").build(flux, onFirstPage=pied, onLaterPages=pied)
    try:
        ecrire_octets(chemin_json, octets_json)
    except BaseException:  # the pair whole or as it was: the PDF just written goes back too
        if ancien_pdf is None:
            chemin_pdf.unlink(missing_ok=True)
        else:
            ecrire_octets(chemin_pdf, ancien_pdf)
        raise
    return chemin_pdf, chemin_json


def _lignes(texte: str) -> str:
    """A text typed on several lines, kept on several lines in the PDF."""
    return "<br/>".join(echapper(x) for x in texte.splitlines())


def situation_par_defaut(centre: Centre, retention_annees: int) -> information.Situation:
    adresse = ", ".join(x for x in (centre.adresse, f"{centre.code_postal} {centre.commune}".strip()) if x)
    return information.Situation(nom=centre.nom, adresse=adresse, telephone=centre.telephone, email=centre.email,
                                 retention_annees=retention_annees)


def notice_information(chemin: Path | str, centre: Centre, retention_annees: int,
                       sections: information.Sections | None = None) -> Path:
    """The information notice to hand out or staple to enrolment forms (articles 13 and 14 RGPD);
    ``sections`` is the centre's edited text (``RgpdService.textes("notice")``)."""
    st = styles()
    flux = entete_centre(centre)
    flux.append(Paragraph("Vos données personnelles aux ateliers numériques", st["titre"]))
    sections = sections or information.notice(situation_par_defaut(centre, retention_annees))
    titre = st["sous_titre"].clone("titre_notice", keepWithNext=1)
    for t, texte in sections:
        flux.append(Paragraph(echapper(t), titre))
        flux.append(Paragraph(_lignes(texte), st["normal"]))
    pied = pied_de_page(f"{centre.nom} — information sur les données personnelles")
    document(Path(chemin), "Information sur les données personnelles").build(flux, onFirstPage=pied,
                                                                               onLaterPages=pied)
    return Path(chemin)


def registre(chemin: Path | str, centre: Centre, retention_annees: int, le: date,
             sections: information.Sections | None = None) -> Path:
    """The record of processing (article 30 RGPD), as the centre completed it."""
    st = styles()
    flux = entete_centre(centre)
    flux.append(Paragraph("Registre des traitements — ateliers numériques", st["titre"]))
    flux.append(Paragraph(f"Établi avec Atelier le {date_longue(le)} ; modifiable dans Paramètres › Données "
                          "personnelles.", st["petit"]))
    sections = sections or information.registre(situation_par_defaut(centre, retention_annees))
    lignes = [[Paragraph(echapper(t), st["gras"]), Paragraph(_lignes(x), st["normal"])] for t, x in sections]
    tableau = Table(lignes, colWidths=[5 * cm, 12 * cm])
    tableau.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("LINEBELOW", (0, 0), (-1, -1), 0.25, "#bbbbbb")]))
    flux.append(tableau)
    pied = pied_de_page(f"{centre.nom} — registre des traitements")
    document(Path(chemin), "Registre des traitements").build(flux, onFirstPage=pied, onLaterPages=pied)
    return Path(chemin)
