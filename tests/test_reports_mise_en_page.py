"""Page layout of the printed documents: what a person sees on paper, beyond the words being there.

Each test comes from a defect seen on a rendered page: a lone line on a second page, a name
spilling over its row, an address that vanished, a sheet that would not print, a blank last page.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader

from atelier_app.domain.activites import Activite, Reunion
from atelier_app.domain.centre import Centre
from atelier_app.domain.fiches import LIBELLES, Fiche, LigneFiche, libelle
from atelier_app.domain.personnes import Personne
from atelier_app.reports import emargement, fiche, lettres
from atelier_app.reports import rgpd as doc
from atelier_app.reports.commun import insecables
from atelier_app.reports.fiche import _morceaux
from tests import donnees_connues

CENTRE = Centre(nom="Centre social et culturel intercommunal des Trois Rivières — Maison des habitants du "
                    "quartier Saint-Florent", adresse="3 rue des Lilas", code_postal="59000", commune="Lille")
LONG = "Marie-Bénédicte-Françoise-Éléonore DE LA ROCHEFOUCAULD-MONTMORENCY-LAVAL"


def _pages(chemin: Path) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(str(chemin)).pages]


def test_feuille_d_un_groupe_complet_sur_une_page(tmp_path) -> None:
    noms = [f"NOM{i} Prénom{i}" for i in range(10)]  # a full Numérikids group and its 4 blank lines
    f = emargement.FeuilleSeance("Numérikids", "Mercredi 10 h", date(2026, 1, 7), "10:00", 120, "Émilie",
                                 "Salle multimédia", noms, "Stop-motion en pâte à modeler")
    (page,) = _pages(emargement.feuille_seance(tmp_path / "f.pdf", CENTRE, f))
    assert "mercredi 7 janvier 2026" in page and "4 dernières lignes" in page and "Page 1" in page
    assert "…" in page  # the long centre name is cut before the page number, not printed over it


def test_feuille_sans_inscrits_et_noms_longs(tmp_path) -> None:
    vide = emargement.FeuilleSeance("Numérikids", "Mercredi 10 h", date(2026, 1, 7), "10:00", 120, "", "", [])
    texte = " ".join(_pages(emargement.feuille_seance(tmp_path / "v.pdf", CENTRE, vide)))
    assert "Personne n'est inscrit" in texte and texte.endswith("Signature 1 2 3 4 5 6 7 8 9 10")
    longs = emargement.FeuilleSeance("Initiation", "Mercredi 17 h", date(2026, 1, 7), "17:00", 120, "", "", [LONG] * 9)
    pages = _pages(emargement.feuille_seance(tmp_path / "l.pdf", CENTRE, longs))
    assert sum(p.count("ROCHEFOUCAULD") for p in pages) == 9


def test_feuille_du_mois_sans_seance(tmp_path) -> None:
    f = emargement.FeuilleMois("Numérikids", "Mercredi 10 h", 2026, 8, "Émilie", [], [], [])
    (page,) = _pages(emargement.feuille_mois(tmp_path / "m.pdf", CENTRE, f))
    assert "Aucune séance de ce groupe en août 2026" in page


def test_lettre_avec_une_longue_adresse_garde_l_adresse(tmp_path) -> None:
    a = Activite(id="x", nom="Initiation", animateur="Sophie", reunion=Reunion(date(2026, 12, 9), "14:30", "Salle"))
    p = Personne(id="p", nom="De La Rochefoucauld-Montmorency-Laval", prenom="Marie-Bénédicte-Françoise-Éléonore",
                 adresse="Résidence Les Jardins du Marais, Bâtiment C, escalier 4, appartement 127\n"
                         "128 avenue de la Libération et du Maréchal-de-Lattre-de-Tassigny",
                 code_postal="79000", commune="Niort")
    centre = Centre(nom=CENTRE.nom, adresse="Bâtiment B, 3e étage, 128 avenue de la Libération et du Maréchal",
                    code_postal="79000", commune="Niort", telephone="05 49 00 12 34")
    (page,) = _pages(lettres.ecrire(tmp_path / "l.pdf", centre, a, [p], date(2026, 11, 23)))
    assert "79000 NIORT" in page and "Tél. 05 49 00 12 34" in page and "9 décembre 2026" in page


def test_fiche_tres_longue_passe_sur_plusieurs_pages(tmp_path) -> None:
    lignes = tuple(LigneFiche(k, libelle(k, 2025), "Très bien. " * 400 if k == "points_positifs" else "")
                   for k, _l in LIBELLES)
    pages = _pages(fiche.ecrire(tmp_path / "f.pdf", CENTRE, Fiche("x", 2025, "Vide", lignes, "", False)))
    assert len(pages) >= 2 and " ".join(pages).count("Très bien.") == 400
    assert "Perspectives 2026 :" in pages[-1]


def test_decoupage_et_espaces_insecables() -> None:
    assert _morceaux("") == [] and _morceaux("a\nb") == ["a\nb"]
    morceaux = _morceaux("Une phrase. " * 200, taille=300)
    assert all(len(m) <= 300 for m in morceaux) and sum(m.count("Une phrase.") for m in morceaux) == 200
    assert insecables("en 3 sessions : 9 en mars ; « oui »") == "en 3 sessions\u00a0: 9 en mars\u00a0; «\u00a0oui\u00a0»"


def test_rapport_sans_page_blanche_ni_comparaison_vide(centre, tmp_path) -> None:
    donnees_connues.construire(centre)
    pages = _pages(centre.documents.rapport(2025, tmp_path / "r.pdf"))
    assert len(pages[-1].split()) > 15  # the last page is not a footer alone
    assert "% 2024" in " ".join(pages)  # 2024 has data: compared
    premiere = " ".join(_pages(centre.documents.rapport(2024, tmp_path / "r2024.pdf")))
    assert "donc pas de comparaison" in premiere and "% 2023" not in premiere  # nothing recorded in 2023


def test_export_rgpd_lisible(tmp_path) -> None:
    donnees = {
        "personnes": [{"id": "p1", "nom": "Durand", "genre": "feminin", "statut_social": "retraite",
                       "cree_le": "2025-11-03", "consentements": [{"objet": "photos", "le": "2026-01-10"}]}],
        "presences": [{"seance": "s1", "date": "2025-11-29", "groupe": "g1", "statut": "excuse", "inscrit": True,
                       "tranche_age": "soixante_dix_plus"}],
        "projets": [{"id": "r1", "etat": "fin_de_vie", "type": "reparation"}],
    }
    pdf, _js = doc.exporter_personne(tmp_path, CENTRE, donnees, date(2026, 3, 1))
    texte = " ".join(_pages(pdf))
    for lisible in ("Féminin", "Retraité", "03/11/2025", "donné le 10/01/2026", "29/11/2025", "Excusé",
                    "70 ans et plus", "Fin de vie", "Réparation"):
        assert lisible in texte, lisible
    assert "feminin" not in texte and "soixante_dix_plus" not in texte


def test_registre_garde_les_majuscules(tmp_path) -> None:
    texte = " ".join(_pages(doc.registre(tmp_path / "r.pdf", CENTRE, 3, date(2026, 3, 1))))
    assert "Transferts hors UE" in texte


def test_rapport_graphique_sur_la_page_de_son_tableau(centre, tmp_path) -> None:
    """A chart left alone at the top of the next page, away from its table, is hard to read on paper."""
    from atelier_app.reports import rapport_stats
    from atelier_app.reports.statistiques import calculer, periode_precedente

    donnees_connues.construire(centre)
    chemin = centre.documents.rapport(2025, tmp_path / "r.pdf")
    debut, fin = date(2025, 1, 1), date(2025, 12, 31)
    stats = calculer(centre.fiches.collecte(debut, fin), centre.fiches.collecte(*periode_precedente(debut, fin)))
    avec_graphique = [s.titre for s in stats.sections if s.graphique and s.lignes]
    pages = PdfReader(str(chemin)).pages
    debut_stats = next(i for i, p in enumerate(pages) if "Statistiques 2025" in p.extract_text())
    textes = [" ".join(p.extract_text().split()) for p in pages[debut_stats:]]
    assert not any(p.images for p in pages[debut_stats:])  # vector drawings, no raster image
    for titre in avec_graphique:
        section = next(s for s in stats.sections if s.titre == titre)
        libelle = section.lignes[-1].libelle.replace(" 20", " ") if section.graphique == "mois" else next(
            lg.libelle for lg in section.lignes if lg.valeur)
        # the row's label is printed twice on the title's page: in the table and as the chart's axis
        affiche = rapport_stats.titre(section)
        libelle = libelle.replace("'", "’")
        assert any(t.count(libelle) >= 2 for t in textes if affiche in t), (titre, libelle)
