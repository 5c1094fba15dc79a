"""atelier lettres: PDF, count, people to phone, invited afterwards, journal."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from pypdf import PdfReader

from atelier_app import assemblage, cli
from atelier_app.domain.activites import Reunion
from atelier_app.domain.centre import Centre
from atelier_app.domain.journal import EntreeJournal
from atelier_app.domain.personnes import Personne
from atelier_app.services.centre import activites_par_defaut


def test_lettres(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("ATELIER_EXPORTS", str(tmp_path / "exports"))
    d = tmp_path / "donnees"
    s = assemblage.ouvrir(d)
    s.centre.premier_demarrage(Centre(nom="Centre des Tilleuls", commune="Lille"), activites_par_defaut("Sophie"))
    s.preliste.ajouter("senou", Personne(id="", nom="Durand", prenom="Amélie", adresse="1 rue X",
                                         code_postal="59000", commune="Lille"))
    s.preliste.ajouter("senou", Personne(id="", nom="Leroy", prenom="Paul", telephone="0601020304"))
    assemblage.fermer(s)

    assert cli.main(["--donnees", str(d), "lettres", "--activite", "senou"]) == 1
    assert "réunion d'information" in capsys.readouterr().err

    s = assemblage.ouvrir(d)
    a = s.centre.activite("senou")
    s.activites.modifier(replace(a, reunion=Reunion(date(2026, 9, 3), "10:00", "Salle B")))
    assemblage.fermer(s)
    assert cli.main(["--donnees", str(d), "lettres", "--activite", "senou"]) == 0
    out = capsys.readouterr().out
    assert "1 lettre(s)" in out and "Paul Leroy — 0601020304" in out
    pdfs = list((tmp_path / "exports").glob("lettres-senou-*.pdf"))
    assert len(pdfs) == 1 and len(PdfReader(str(pdfs[0])).pages) == 1

    s = assemblage.ouvrir(d)
    try:
        assert s.preliste.comptes("senou")["invite"] == 1
        assert any(e.action == "impression" for e in s.depot.all(EntreeJournal))
    finally:
        assemblage.fermer(s)
    assert cli.main(["--donnees", str(d), "lettres", "--activite", "senou"]) == 0
    assert "Aucune lettre" in capsys.readouterr().out
