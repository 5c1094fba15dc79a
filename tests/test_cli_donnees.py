"""importer, exporter, verifier, sauvegarder, restaurer through ``atelier``: exit codes and messages."""

from __future__ import annotations

import json

import pytest

from atelier_app import cli
from atelier_app.storage.repository import Depot


def atelier(capsys, *args):
    code = cli.main([str(a) for a in args])
    sortie = capsys.readouterr()
    assert "Traceback" not in sortie.err
    return code, sortie.out, sortie.err


@pytest.fixture
def d(tmp_path):
    return tmp_path / "donnees"


def test_importer_liste_puis_exporter(capsys, tmp_path, d):
    liste = tmp_path / "gens.csv"
    liste.write_bytes("Nom;Prénom;Date de naissance;Allergie\r\nLefèvre;Hélène;14/07/1951;non\r\n".encode("cp1252"))
    code, out, err = atelier(capsys, "--donnees", d, "importer", liste)
    assert code == 0, err
    assert "1 personne ajoutée" in out and "Colonnes ignorées : Allergie" in out
    code, out, _ = atelier(capsys, "--donnees", d, "exporter", tmp_path / "e.json")
    assert code == 0 and "1 personnes" in out
    contenu = json.loads((tmp_path / "e.json").read_text("utf-8"))
    assert contenu["format"] == "atelier-echange" and contenu["personnes"][0]["prenom"] == "Hélène"
    code, out, _ = atelier(capsys, "--donnees", tmp_path / "autre", "importer", tmp_path / "e.json")
    assert code == 0 and "1 personne ajoutée" in out
    code, out, _ = atelier(capsys, "--donnees", tmp_path / "autre", "importer", tmp_path / "e.json")
    assert code == 0 and "Rien à ajouter" in out


def test_import_refuse_code_1_et_base_intacte(capsys, tmp_path, d):
    liste = tmp_path / "gens.csv"
    liste.write_text("Nom,Prénom,Sexe\nA,B,F\n,C,M\nD,E,Q\n", encoding="utf-8")
    code, _, err = atelier(capsys, "--donnees", d, "importer", liste)
    assert code == 1
    assert "Import refusé" in err and "ligne 3, champ « Nom »" in err and "ligne 4, champ « Sexe »" in err
    code, _, err = atelier(capsys, "--donnees", d, "importer", tmp_path / "absent.csv")
    assert code == 1 and "n'existe pas" in err
    (tmp_path / "x.txt").write_text("x")
    code, _, err = atelier(capsys, "--donnees", d, "importer", tmp_path / "x.txt")
    assert code == 1 and "Format non reconnu" in err
    depot = Depot.ouvrir(d)
    try:
        from atelier_app.domain.personnes import Personne

        assert depot.count(Personne) == 0
    finally:
        depot.fermer()


def test_verifier_sauvegarder_restaurer(capsys, tmp_path, d):
    code, out, _ = atelier(capsys, "--donnees", d, "verifier")
    assert code == 0 and "Tout va bien" in out
    code, out, _ = atelier(capsys, "--donnees", d, "sauvegarder")
    assert code == 0 and "Sauvegarde écrite" in out
    code, out, _ = atelier(capsys, "--donnees", d, "restaurer")
    assert code == 0 and "mis_de_cote" in out
    code, _, err = atelier(capsys, "--donnees", d, "restaurer", tmp_path / "absente.zip")
    assert code == 1 and "n'existe pas" in err


def test_verifier_incoherences_code_1(capsys, d):
    from atelier_app.domain.activites import Groupe

    depot = Depot.ouvrir(d)
    with depot.transaction("x") as tx:
        tx.put(Groupe(id="g1", cycle="c9", nom="G"))
    depot.fermer()
    code, out, _ = atelier(capsys, "--donnees", d, "verifier")
    assert code == 1 and "renvoie à « c9 »" in out


def test_verrou_code_3(capsys, d):
    depot = Depot.ouvrir(d)
    try:
        code, _, err = atelier(capsys, "--donnees", d, "exporter", d / "x.json")
    finally:
        depot.fermer()
    assert code == 3 and "déjà ouvertes" in err


def test_mauvais_usage_code_2(capsys, d):
    with pytest.raises(SystemExit) as fin:
        cli.main(["--donnees", str(d), "exporter"])
    assert fin.value.code == 2
    assert "arguments obligatoires manquants" in capsys.readouterr().err
