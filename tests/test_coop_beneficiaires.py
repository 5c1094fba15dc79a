"""The people list in the national tool's beneficiaries import template: layout, journal, CLI, screen."""

from __future__ import annotations

import pytest

from atelier_app import cli
from atelier_app.domain.journal import EntreeJournal
from atelier_app.domain.personnes import Personne
from atelier_app.errors import UserError
from atelier_app.reports import coop_beneficiaires


def _gens(services):
    services.personnes.ajouter(Personne(id="", nom="Lefèvre", prenom="Hélène", annee_naissance=1951, genre="feminin",
                                        commune="Lille", code_postal="59000", telephone="+33 6 12 34 56 78",
                                        email="h@exemple.fr", notes="à ne pas exporter"))
    services.personnes.ajouter(Personne(id="", nom="=HYPERLINK(1)", prenom="Jean", genre="masculin"))
    services.personnes.ajouter(Personne(id="", nom="Anon", prenom="Yme", anonymise=True))


def _lire(chemin):
    from openpyxl import load_workbook

    wb = load_workbook(chemin)
    assert wb.sheetnames == ["Bénéficiaires"]
    ws = wb["Bénéficiaires"]
    return ws, [r for r in ws.iter_rows(min_row=4, values_only=True)]


def test_modele_d_import_de_l_outil_national(centre, tmp_path) -> None:
    _gens(centre)
    n = centre.documents.beneficiaires_coop(tmp_path / "b.xlsx")
    assert n == 2
    ws, rangs = _lire(tmp_path / "b.xlsx")
    assert [c.value for c in ws[3]][:10] == list(coop_beneficiaires.COLONNES)
    par_nom = {r[0]: r for r in rangs}
    assert par_nom["Lefèvre"][:10] == ("Lefèvre", "Hélène", 1951, "Lille", None, "59000", "+33 6 12 34 56 78",
                                       "h@exemple.fr", "Féminin", None)
    jean = par_nom["=HYPERLINK(1)"]
    assert jean[2] is None and jean[8][0] == "M"  # unknown year left empty (0 reads as empty), M for Masculin
    assert ws.cell(5, 1).data_type == "s"  # a formula-looking name stays text
    assert "Anon" not in par_nom  # anonymised people are not exported
    entree = [e for e in centre.depot.all(EntreeJournal) if e.action == "export"][-1]
    assert len(entree.cibles) == 2 and "outil national" in entree.details


def test_refus_hors_xlsx_et_dans_le_dossier_de_donnees(centre, tmp_path) -> None:
    with pytest.raises(UserError, match=r"\.xlsx"):
        centre.documents.beneficiaires_coop(tmp_path / "b.csv")
    with pytest.raises(UserError, match="hors du dossier de données"):
        centre.documents.beneficiaires_coop(centre.depot.dossier / "b.xlsx")


def test_ligne_de_commande(capsys, tmp_path) -> None:
    d = tmp_path / "donnees"
    assert cli.main(["--donnees", str(d), "demo", "--echelle", "petite"]) == 0
    capsys.readouterr()
    code = cli.main(["--donnees", str(d), "exporter", "--format", "coop-beneficiaires", str(tmp_path / "c.xlsx")])
    sortie = capsys.readouterr()
    assert code == 0, sortie.err
    assert "bénéficiaire(s) écrit(s)" in sortie.out
    _ws, rangs = _lire(tmp_path / "c.xlsx")
    assert len(rangs) > 20 and all(r[0] and r[1] for r in rangs)
    assert all(r[8] in ("Féminin", "Masculin", "Non communiqué") for r in rangs)


@pytest.mark.gui
def test_bouton_de_l_ecran_personnes(app, tmp_path) -> None:
    from atelier_app.gui import export_coop

    _gens(app.services)
    ecran = app.aller("personnes")
    assert export_coop.exporter(ecran, lambda _e: tmp_path / "p.xlsx") == 2
    assert app.messages[-1][0] == "info" and "2 personne(s)" in app.messages[-1][1]
    assert export_coop.exporter(ecran, lambda _e: None) is None
