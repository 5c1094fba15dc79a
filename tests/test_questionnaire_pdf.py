"""The printed questionnaire: every question and answer, in large type, with the activity's slots."""

from __future__ import annotations

from pypdf import PdfReader

from atelier_app.domain.centre import Centre
from atelier_app.domain.questionnaire import QUESTIONNAIRE_PAR_DEFAUT as Q
from atelier_app.reports.questionnaire import ecrire
from atelier_app.services.centre import activites_par_defaut


def test_pdf_contient_chaque_question(tmp_path) -> None:
    chemin = ecrire(tmp_path / "q.pdf", Centre(nom="Centre social des Tilleuls"), Q, activites_par_defaut()[0])
    texte = " ".join(p.extract_text() for p in PdfReader(chemin).pages)
    texte = " ".join(texte.split())
    for q in Q.questions:
        assert " ".join(q.texte.split()[:4]) in texte
    assert "Mercredi de 17 h à 19 h" in texte and "Centre social des Tilleuls" in texte
