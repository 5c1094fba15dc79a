"""The activity-report sheet: the centre's labels in order, computed Chiffres, edited text kept per year."""

from __future__ import annotations

from pypdf import PdfReader

from atelier_app.domain.fiches import FicheTexte
from atelier_app.reports import fiche as pdf
from tests import donnees_connues

LIBELLES = [
    "NOM de l'ATELIER, ACTIVITE, ACTION, SERVICE, MANIFESTATION", "Animatrice(eur) / Coordinatrice(eur) :", "Lieu :",
    "Objectifs :", " - du contrat de projet :", "Objectif pédagogique :", "Description de l'activité :", "Public :",
    "Chiffres :", "Partenaires :", "Les points positifs et les points d'amélioration :", "Perspectives 2026 :",
]
CALCULE = ("3 stagiaires en cumulé sur l'année 2025 répartis en 1 session : 3 en mars (2 ateliers répartis sur la session). "
           "Total de 3 heures de formation en cumulé.")


def test_libelles_dans_l_ordre_du_centre(centre) -> None:
    donnees_connues.construire(centre)
    f = centre.fiches.fiche("senou", 2025)
    assert [lg.libelle for lg in f.lignes] == LIBELLES
    assert f.valeur("nom") == "Ateliers informatiques SÉNOU"
    assert f.valeur("animateur") == "Sophie Martin" and f.valeur("lieu") == "Salle multimédia"
    assert f.valeur("public") == "Retraités, + 60 ans"
    assert f.valeur("partenaires") == "Service Animations de la ville"
    assert f.valeur("chiffres") == CALCULE and not f.chiffres_modifies


def test_texte_modifie_garde_pour_l_annee_et_retour_au_calcule(centre) -> None:
    donnees_connues.construire(centre)
    texte = "Trois seniors très assidus en mars, 3 heures d'ateliers."
    f = centre.fiches.enregistrer("senou", 2025, texte, {"points_positifs": "Bonne ambiance."})
    assert f.valeur("chiffres") == texte and f.chiffres_modifies and f.chiffres_calcules == CALCULE
    assert f.valeur("points_positifs") == "Bonne ambiance."
    assert centre.depot.get(FicheTexte, "senou-2025").chiffres == texte
    assert not centre.fiches.fiche("senou", 2024).chiffres_modifies  # another year is untouched
    assert centre.fiches.fiche("senou", 2025).valeur("chiffres") == texte  # kept
    f = centre.fiches.revenir_au_calcule("senou", 2025)
    assert f.valeur("chiffres") == CALCULE and not f.chiffres_modifies
    assert f.valeur("points_positifs") == "Bonne ambiance."  # the other texts stay


def test_texte_identique_au_calcul_n_est_pas_fige(centre) -> None:
    donnees_connues.construire(centre)
    centre.fiches.enregistrer("senou", 2025, CALCULE + "  ", {"public": "Retraités, + 60 ans", "lieu": "Salle B"})
    garde = centre.depot.get(FicheTexte, "senou-2025")
    assert garde.chiffres is None
    assert garde.champs == {"lieu": "Salle B"}  # a text equal to the activity's is not frozen either


def test_champ_inconnu_refuse(centre) -> None:
    import pytest

    from atelier_app.errors import UserError

    with pytest.raises(UserError, match="non modifiable"):
        centre.fiches.enregistrer("senou", 2025, None, {"nom": "Autre"})


def test_pdf_de_la_fiche(centre, tmp_path) -> None:
    donnees_connues.construire(centre)
    chemin = pdf.ecrire(tmp_path / "f.pdf", centre.centre.centre(), centre.fiches.fiche("initiation", 2025))
    texte = " ".join(PdfReader(chemin).pages[0].extract_text().split())
    positions = [texte.index(" ".join(lib.split())) for lib in LIBELLES]
    assert positions == sorted(positions)
    assert "8 stagiaires en cumulé sur l'année 2025 répartis en 3 sessions" in texte
    assert "Page 1" in texte
