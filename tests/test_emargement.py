"""Sign-in sheets: every enrolled name, never a phone, an e-mail or an address; printing is journaled."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from atelier_app import cli
from atelier_app.domain.journal import EntreeJournal
from tests.test_seances import creer_groupe


def _texte(chemin: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(chemin)).pages)


@pytest.fixture
def groupe(centre):
    g = creer_groupe(centre)
    centre.seances.generer(g.id)
    return g


def test_feuille_seance(centre, groupe, tmp_path) -> None:
    s = centre.seances.seances_du_groupe(groupe.id)[0]
    chemin = centre.documents.emargement_seance(s.id, tmp_path / "f.pdf")
    texte = _texte(chemin)
    for i in range(9):
        assert f"NOM{i} Prénom{i}" in texte
        assert f"p{i}@exemple.fr" not in texte and f"{i} rue des Roses" not in texte
    assert "06 00 00 00" not in texte and "@" not in texte
    assert "Centre social des Tilleuls" in texte and "Initiation" in texte and "Mercredi débutants" in texte
    assert "3 septembre 2025" in texte and "17 h 00" in texte and "Sophie Martin" in texte
    journal = [e for e in centre.depot.all(EntreeJournal) if e.action == "impression"]
    assert [e.cibles for e in journal] == [(s.id,)]


def test_feuille_mois(centre, groupe, tmp_path) -> None:
    seances = centre.seances.seances_du_groupe(groupe.id)
    centre.ctx.aujourd_hui = lambda: seances[0].date
    centre.presences.enregistrer(seances[0].id, {**{f"p{i}": "present" for i in range(9)}, "p2": "absent"})
    centre.seances.annuler(seances[1].id, "Grève")
    chemin = centre.documents.emargement_mois(groupe.id, 2025, 9, tmp_path / "m.pdf")
    texte = _texte(chemin)
    assert "septembre 2025" in texte and "03/09" in texte and "annulée" in texte
    assert all(f"NOM{i} Prénom{i}" in texte for i in range(9))
    assert "@" not in texte and "06 00" not in texte


def test_commande(centre, groupe, dossier, tmp_path, capsys) -> None:
    from atelier_app import assemblage

    s = centre.seances.seances_du_groupe(groupe.id)[0]
    assemblage.fermer(centre)
    sortie = tmp_path / "cli.pdf"
    assert cli.main(["--donnees", str(dossier), "emargement", "--seance", s.id, "--sortie", str(sortie)]) == 0
    assert sortie.is_file() and "Feuille écrite" in capsys.readouterr().out
    assert cli.main(["--donnees", str(dossier), "emargement", "--groupe", groupe.id, "--mois", "2025-09",
                     "--sortie", str(tmp_path / "m.pdf")]) == 0
    assert cli.main(["--donnees", str(dossier), "emargement", "--seance", "inconnue"]) == 1
    assert "inconnue" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli.main(["--donnees", str(dossier), "emargement", "--groupe", groupe.id, "--mois", "2025-13"])
