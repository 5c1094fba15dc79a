"""The report a board keeps: cover with the logos, « L'année en chiffres », the year in progress said."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

from tests import donnees_connues


def _png(chemin, couleur=(200, 30, 30)):
    from PIL import Image

    Image.new("RGB", (60, 30), couleur).save(chemin)
    return chemin


def _pages(chemin):
    return [" ".join(p.extract_text().split()) for p in PdfReader(str(chemin)).pages]


def test_couverture_logos_et_annee_en_chiffres(centre, tmp_path) -> None:
    from dataclasses import replace

    donnees_connues.construire(centre)
    logo = _png(tmp_path / "caf.png")
    p = centre.centre.parametres()
    centre.centre.enregistrer_parametres(replace(p, extra={**p.extra, "logos_financeurs": [str(logo)]}))
    centre.ctx.aujourd_hui = lambda: date(2026, 3, 2)
    chemin = centre.documents.rapport(2025, tmp_path / "r.pdf")
    lecteur = PdfReader(str(chemin))
    pages = _pages(chemin)
    assert "Avec le soutien de" in pages[0] and lecteur.pages[0].images  # the funders' logo on the cover
    assert "en cours" not in pages[0]  # 2025 is over on 2 March 2026
    chiffres = pages[2]
    assert "L’année 2025 en chiffres" in chiffres
    assert "Accompagnements au total" in chiffres and "Heures réalisées" in chiffres
    sommaire = pages[1]
    assert sommaire.count(". . .") >= 5  # dot leaders on every contents line, level 2 included
    assert "Statistiques sur les accompagnements" in " ".join(pages)
    assert "vos accompagnements" not in " ".join(pages)


def test_annee_en_cours_sur_la_couverture_et_chaque_page(centre, tmp_path) -> None:
    donnees_connues.construire(centre)
    centre.ctx.aujourd_hui = lambda: date(2025, 12, 1)
    pages = _pages(centre.documents.rapport(2025, tmp_path / "r.pdf"))
    assert "Année 2025 en cours" in pages[0] and "1er décembre 2025" in pages[0]
    assert all("Année 2025 en cours" in t for t in pages[1:])
    assert "Document établi le 1er décembre 2025" in pages[0]


@pytest.mark.gui
def test_onglet_financeurs(app, tmp_path) -> None:
    from atelier_app.gui.onglets_parametres import financeurs

    page = financeurs.construire(app.racine, app)
    page.ajouter(str(tmp_path / "commune.png"))
    page.ajouter(str(tmp_path / "commune.png"))  # once only
    page.enregistrer()
    assert app.services.centre.parametres().extra["logos_financeurs"] == [str(tmp_path / "commune.png")]
    page.liste.selection_set(0)
    page.retirer()
    page.enregistrer()
    assert app.services.centre.parametres().extra["logos_financeurs"] == []


def test_fiche_d_une_annee_en_cours_et_champs_vides_nommes(centre, tmp_path, capsys) -> None:
    """The CLI prints a sheet: the year in progress is said on it, its empty fields named on stderr."""
    from atelier_app import cli
    from atelier_app.reports import fiche as pdf

    donnees_connues.construire(centre)
    fiche = centre.fiches.fiche("senou", 2025)
    texte = " ".join(_pages(pdf.ecrire(tmp_path / "f.pdf", centre.centre.centre(), fiche,
                                       "Année 2025 en cours : chiffres du 1er janvier au 15 décembre 2025.")))
    assert "Année 2025 en cours" in texte and "année en cours" in texte
    assert "Perspectives 2026" in pdf.avertissement_vides([fiche])
    d = centre.depot.dossier
    centre.depot.fermer()
    code = cli.main(["--donnees", str(d), "fiche", "--annee", "2025", "--activite", "senou",
                     "--sortie", str(tmp_path / "g.pdf")])
    err = capsys.readouterr().err
    assert code == 0 and "Champs vides" in err and "Perspectives 2026" in err


def test_un_nombre_ne_se_coupe_jamais_en_fin_de_ligne() -> None:
    """reportlab breaks lines at the narrow no-break space (U+202F) of « 9 185 »: seen on the
    « L’année en chiffres » page of `grande` as « (9 / 185) ». The PDFs keep thousands together."""
    from reportlab.platypus import Paragraph

    from atelier_app.domain import nombres
    from atelier_app.reports.commun import insecables, styles

    texte = f"−0,7 % par rapport à 2024 ({nombres.entier(9185)})"
    for largeur in range(40, 140, 5):
        p = Paragraph(insecables(texte), styles()["petit"])
        p.wrap(largeur, 500)
        lignes = [" ".join(str(m) for m in ligne[1]) if isinstance(ligne, tuple) else " ".join(ligne.words)
                  for ligne in p.blPara.lines]
        assert not any(lg.endswith("(9") or lg.startswith(("185", "%")) for lg in lignes), (largeur, lignes)
    assert "\u202f" not in insecables(texte)


def test_un_nombre_reste_avec_le_mot_qu_il_compte_sur_la_fiche() -> None:
    """« moins de 5 / personnes » was printed over two lines on the repair café's sheet."""
    from reportlab.platypus import Paragraph

    from atelier_app.reports.commun import styles
    from atelier_app.reports.fiche import _texte

    texte = ("8 adhérents inscrits le samedi sur l'année 2026 et moins de 5 personnes venues sans inscription. "
             "Total de 81 heures d'activité en cumulé. 25 projets ouverts, 14 objets réparés ; 28,7 kg de déchets.")
    for largeur in range(120, 400, 7):
        p = Paragraph(_texte(texte), styles()["normal"])
        p.wrap(largeur, 2000)
        lignes = [" ".join(str(m) for m in ligne[1]) if isinstance(ligne, tuple) else " ".join(ligne.words)
                  for ligne in p.blPara.lines]
        assert not any(lg.rstrip()[-1:].isdigit() for lg in lignes[:-1]), (largeur, lignes)


def test_moins_de_5_reste_ensemble_sur_la_fiche() -> None:
    """« moins de / 5 personnes » was printed over two lines on the Numérikids sheet of 2026."""
    from reportlab.platypus import Paragraph

    from atelier_app.reports.commun import styles
    from atelier_app.reports.fiche import _texte

    texte = ("10 adhérents inscrits le mercredi sur l'année 2026 et moins de 5 personnes venues sans "
             "inscription. 21 stagiaires : 5 ou plus en mars, moins de 5 en mai.")
    for largeur in range(100, 400, 3):
        p = Paragraph(_texte(texte), styles()["normal"])
        p.wrap(largeur, 2000)
        lignes = [" ".join(str(m) for m in ligne[1]) if isinstance(ligne, tuple) else " ".join(ligne.words)
                  for ligne in p.blPara.lines]
        assert not any(lg.rstrip().endswith(("moins", "moins de", " ou")) or lg.startswith(("de ", "plus"))
                       for lg in lignes), (largeur, lignes)
