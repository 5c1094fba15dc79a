"""`atelier fiche`, `atelier rapport`, `atelier stats`: files written, journal kept, French errors."""

from __future__ import annotations

import csv

import pytest
from pypdf import PdfReader

from atelier_app import assemblage
from atelier_app.cli import main
from atelier_app.domain.centre import Centre
from atelier_app.domain.journal import EntreeJournal
from atelier_app.services.centre import activites_par_defaut
from tests import donnees_connues


@pytest.fixture
def dossier_connu(dossier):
    s = assemblage.ouvrir(dossier)
    s.centre.premier_demarrage(Centre(nom="Centre social des Tilleuls"), activites_par_defaut("Sophie", "Salle"))
    donnees_connues.construire(s)
    assemblage.fermer(s)
    return dossier


def _journal(dossier):
    s = assemblage.ouvrir(dossier)
    try:
        return [(e.action, e.details) for e in s.depot.all(EntreeJournal)]
    finally:
        assemblage.fermer(s)


def test_fiche_rapport_stats_par_defaut_dans_exports(dossier_connu, exports_temporaires, capsys) -> None:
    d = str(dossier_connu)
    assert main(["--donnees", d, "fiche", "--annee", "2025", "--activite", "senou"]) == 0
    fiche = exports_temporaires / "fiche-senou-2025.pdf"
    texte = " ".join(PdfReader(fiche).pages[0].extract_text().split())
    # the printed sheet goes to the funders: 3 people are « moins de 5 » (DESIGN.md, small counts)
    assert "moins de 5 stagiaires en cumulé" in texte and "3 stagiaires" not in texte
    assert main(["--donnees", d, "rapport", "--annee", "2025"]) == 0
    assert len(PdfReader(exports_temporaires / "rapport-2025.pdf").pages) > 8
    assert main(["--donnees", d, "stats", "--annee", "2025"]) == 0
    assert (exports_temporaires / "statistiques-2025.xlsx").stat().st_size > 0
    sortie = capsys.readouterr().out
    assert "Fiche bilan écrite" in sortie and "Rapport annuel écrit" in sortie
    actions = _journal(dossier_connu)
    assert ("impression", "fiche bilan senou 2025") in actions
    assert ("impression", "rapport annuel 2025") in actions
    assert ("export", "statistiques 2025 (xlsx)") in actions


def test_stats_csv_d_une_activite(dossier_connu, tmp_path) -> None:
    sortie = tmp_path / "s.csv"
    assert main(["--donnees", str(dossier_connu), "stats", "--annee", "2025", "--activite", "initiation",
                 "--sortie", str(sortie)]) == 0
    rangs = {r[0]: r for r in csv.reader(sortie.read_text(encoding="utf-8-sig").splitlines(), delimiter=";") if r}
    assert rangs["Activité"][1] == "Ateliers informatiques — Initiation"
    assert rangs["Heures réalisées (h)"][1] == "20"  # 10/01 (2 h) + c1 (8 h) + c3 (6 h + 4 h)


def test_erreurs_en_francais(dossier_connu, tmp_path, capsys) -> None:
    d = str(dossier_connu)
    assert main(["--donnees", d, "fiche", "--annee", "2025", "--activite", "inconnue"]) == 1
    assert "L'activité « inconnue » n'existe pas" in capsys.readouterr().err
    assert main(["--donnees", d, "stats", "--annee", "2025", "--sortie", str(tmp_path / "s.txt")]) == 1
    assert ".xlsx, .ods ou .csv" in capsys.readouterr().err
    with pytest.raises(SystemExit) as e:
        main(["--donnees", d, "rapport", "--annee", "vingt"])
    assert e.value.code == 2
