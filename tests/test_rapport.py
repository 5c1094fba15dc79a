"""The annual report: cover, contents with the right pages, every sheet, statistics, page numbers."""

from __future__ import annotations

import re

from pypdf import PdfReader

from atelier_app.services.contexte import horloge_aujourd_hui
from tests import donnees_connues


def test_rapport_annuel_complet(centre, tmp_path) -> None:
    donnees_connues.construire(centre)
    etapes: list[tuple[float, str]] = []
    chemin = centre.documents.rapport(2025, tmp_path / "rapport.pdf", lambda f, t: etapes.append((f, t)))
    lecteur = PdfReader(chemin)
    pages = [" ".join(p.extract_text().split()) for p in lecteur.pages]
    assert "Rapport d’activité 2025" in pages[0] and "Centre social des Tilleuls" in pages[0]
    assert "Page 1" not in pages[0]  # no number on the cover
    assert "Sommaire" in pages[1]
    for i, texte in enumerate(pages[1:], start=2):
        assert f"Page {i}" in texte
    # every activity's sheet, in order, at the page the contents print
    sommaire = pages[1]
    noms = [a.nom for a in centre.centre.activites()]
    parties = [(o.title, lecteur.get_destination_page_number(o) + 1) for o in lecteur.outline if not isinstance(o, list)]
    assert [t for t, _p in parties] == (["L’année 2025 en chiffres"] + [f"Fiche bilan — {nom}" for nom in noms]
                                        + ["Statistiques 2025"])
    for titre, page in parties:
        assert re.search(rf"{page}\s+{re.escape(titre)}", sommaire), (titre, page)
        assert titre in pages[page - 1]
    for nom in noms:
        page = dict(parties)[f"Fiche bilan — {nom}"]
        assert "NOM de l'ATELIER, ACTIVITE, ACTION, SERVICE, MANIFESTATION" in pages[page - 1]
    initiation = pages[dict(parties)["Fiche bilan — Ateliers informatiques — Initiation"] - 1]
    assert "8 stagiaires en cumulé sur l'année 2025" in initiation
    assert "Perspectives 2026 :" in initiation
    stats = dict(parties)["Statistiques 2025"] - 1
    assert stats > 1 + len(noms)
    assert "< 5" in " ".join(pages[stats:])
    assert etapes[-1] == (1.0, "Terminé")
    assert [f for f, _t in etapes] == sorted(f for f, _t in etapes)


def test_rapport_sans_donnees(centre, tmp_path) -> None:
    chemin = centre.documents.rapport(horloge_aujourd_hui().year, tmp_path / "vide.pdf")
    pages = [p.extract_text() for p in PdfReader(chemin).pages]
    assert len(pages) >= 2 + 5
    assert any("Aucune donnée pour cette période" in p for p in pages)
