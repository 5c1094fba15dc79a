"""Hostile input files and fields (issue 14): limits named in French, bombs stopped early, wrong
encodings refused, the walk-in validated like every other entry point (issue 13 item 5)."""

from __future__ import annotations

import io
import json
import time
import tracemalloc
import zipfile
from datetime import date

import pytest

from atelier_app import cli
from atelier_app.domain.personnes import Personne
from atelier_app.errors import DonneesInvalides, UserError
from atelier_app.services.presences import Nouveau
from atelier_app.storage import listes
from atelier_app.storage.repository import Depot


def atelier(capsys, *args):
    code = cli.main([str(a) for a in args])
    sortie = capsys.readouterr()
    assert "Traceback" not in sortie.err and "erreur inattendue" not in sortie.err
    return code, sortie.out, sortie.err


def nb_personnes(d) -> int:
    depot = Depot.ouvrir(d)
    try:
        return depot.count(Personne)
    finally:
        depot.fermer()


# ---------------------------------------------------------------------------- fields
@pytest.mark.parametrize(("champ", "valeur", "attendu"), [
    ("nom", "A" * 10_000, "« Nom » trop long : 10000 caractères"),
    ("notes", "x" * 6000, "« Notes » trop long"),
    ("prenom", "Zo\x00é", "caractère de contrôle NUL"),
    ("nom", "Bip\x07", "caractère de contrôle BEL"),
    ("commune", "Lille\x1b[31m", "caractère de contrôle ESC"),
    ("nom", "Durand\u202efdp.exe", "caractère de contrôle RLO"),
])
def test_champ_hors_limites_refuse_par_le_formulaire(centre, champ, valeur, attendu):
    p = Personne(id="", nom="Durand", prenom="Zoé", cree_le=date(2026, 1, 1))
    with pytest.raises(DonneesInvalides) as exc:
        centre.personnes.ajouter(Personne(**{**p.__dict__, champ: valeur}))
    assert attendu in exc.value.texte()
    assert centre.depot.count(Personne) == 0


@pytest.mark.parametrize(("nouveau", "attendu"), [
    (Nouveau("Léa", "Durand", 2099), "année de naissance impossible : 2099"),
    (Nouveau("Léa", "D" * 500, 1990), "« Nom » trop long"),
    (Nouveau("Léa\x00", "Durand", 1990), "NUL"),
    (Nouveau("", "Durand", 1990), "le prénom est obligatoire"),
])
def test_nouveau_venu_de_l_appel_valide_comme_les_autres(centre, nouveau, attendu):
    """Issue 13 item 5: birth year 2099 was stored through the roll call; the bound is the context's year."""
    from tests.test_seances import creer_groupe

    g = creer_groupe(centre)
    centre.seances.generer(g.id)
    s = centre.seances.seances_du_groupe(g.id)[0]
    centre.ctx.aujourd_hui = lambda: s.date
    avant = centre.depot.count(Personne)
    statuts = {pid: "present" for pid in g.inscrits}
    with pytest.raises(DonneesInvalides) as exc:
        centre.presences.enregistrer(s.id, statuts, nouveaux=[nouveau])
    assert attendu in exc.value.texte()
    assert centre.depot.count(Personne) == avant and not centre.seances.seance(s.id).appel_fait


def test_nom_de_10_mo_dans_un_fichier_d_echange(capsys, tmp_path):
    f = tmp_path / "e.json"
    f.write_text(json.dumps({"format": "atelier-echange", "version": 1,
                             "personnes": [{"id": "p1", "nom": "N" * 10_000_000, "prenom": "X"}]}))
    code, _, err = atelier(capsys, "--donnees", tmp_path / "d", "importer", f)
    assert code == 1 and "« Nom » trop long" in err
    assert nb_personnes(tmp_path / "d") == 0


def test_liste_csv_avec_nom_trop_long_et_controle(capsys, tmp_path):
    f = tmp_path / "gens.csv"
    f.write_text("Nom;Prénom\nDurand;Zoé\n" + "B" * 500 + ";Léa\nPetit;Jean\x1b\n", encoding="utf-8")
    code, _, err = atelier(capsys, "--donnees", tmp_path / "d", "importer", f)
    assert code == 1 and "ligne 3" in err and "trop long" in err and "ligne 4" in err and "ESC" in err


# ---------------------------------------------------------------------------- bombs
def _ods_bombe(chemin, repetitions=2_000_000):
    contenu = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="F">'
        '<table:table-row><table:table-cell office:value-type="string"><text:p>Nom</text:p></table:table-cell>'
        '<table:table-cell office:value-type="string"><text:p>Prénom</text:p></table:table-cell></table:table-row>'
        f'<table:table-row table:number-rows-repeated="{repetitions}">'
        '<table:table-cell office:value-type="string"><text:p>Durand</text:p></table:table-cell>'
        '<table:table-cell office:value-type="string"><text:p>Zoé</text:p></table:table-cell></table:table-row>'
        '</table:table></office:spreadsheet></office:body></office:document-content>')
    with zipfile.ZipFile(chemin, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", contenu)
        z.writestr("META-INF/manifest.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                   'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                   '<manifest:file-entry manifest:full-path="/" '
                   'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                   '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                   '</manifest:manifest>')


def test_ods_bombe_arretee_tot(capsys, tmp_path):
    f = tmp_path / "bombe.ods"
    _ods_bombe(f)
    assert f.stat().st_size < 3000
    tracemalloc.start()
    debut = time.perf_counter()
    code, out, err = atelier(capsys, "--donnees", tmp_path / "d", "importer", f)
    duree = time.perf_counter() - debut
    _courant, pic = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert code == 1 and "plus de 100" in err and "lignes" in err
    assert duree < 5 and pic < 100 * 1024 * 1024 and len(out) < 1000
    assert nb_personnes(tmp_path / "d") == 0


def test_ods_repete_raisonnable_lu(tmp_path):
    f = tmp_path / "ok.ods"
    _ods_bombe(f, repetitions=3)
    assert [v for _n, v in listes.lignes(f)][1:] == [["Durand", "Zoé"]] * 3


def test_json_imbrique_5000_niveaux(capsys, tmp_path):
    f = tmp_path / "profond.json"
    f.write_text('{"format": "atelier-echange", "version": 1, "x": ' + "[" * 5000 + "]" * 5000 + "}")
    code, _, err = atelier(capsys, "--donnees", tmp_path / "d", "importer", f)
    assert code == 1 and "imbriqué" in err


def test_version_en_texte(capsys, tmp_path):
    f = tmp_path / "v.json"
    f.write_text('{"format": "atelier-echange", "version": "1"}')
    code, _, err = atelier(capsys, "--donnees", tmp_path / "d", "importer", f)
    assert code == 1 and "doit être le nombre 1" in err and "cette version lit la version 1" not in err


def test_xlsx_qui_se_decompresse_enorme(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(listes, "TAILLE_MAX_DECOMPRESSEE", 1000)
    f = tmp_path / "gros.xlsx"
    with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", " " * 100_000)
    code, _, err = atelier(capsys, "--donnees", tmp_path / "d", "importer", f)
    assert code == 1 and "se décompresse" in err


# ---------------------------------------------------------------------------- encodings
def test_csv_shift_jis_refuse(capsys, tmp_path):
    f = tmp_path / "japon.csv"
    f.write_bytes("Nom;Prenom;Commune\r\n山田;太郎;東京\r\n佐藤;花子;大阪\r\n鈴木;一郎;名古屋\r\n".encode("shift_jis"))
    code, _, err = atelier(capsys, "--donnees", tmp_path / "d", "importer", f)
    assert code == 1 and "ni en UTF-8 ni en Windows-1252" in err and "japon.csv" in err
    assert nb_personnes(tmp_path / "d") == 0


def test_csv_utf16_refuse():
    with pytest.raises(UserError, match="UTF-16"):
        listes.decoder("Nom;Prénom\r\nDurand;Zoé\r\n".encode("utf-16"), "x.csv")


@pytest.mark.parametrize("texte", ["Nom;Prénom;Commune\r\nLefèvre;Hélène;Évry\r\nDœuf;Zoé;Lille\r\n",
                                   "Nom;Prénom\r\nMüller;Jürgen\r\n"])
def test_csv_windows_1252_accepte(texte):
    assert listes.decoder(texte.encode("cp1252"), "x.csv") == texte


def test_decoder_utf8_bom():
    assert listes.decoder("\ufeffNom\r\n".encode(), "x.csv") == "Nom\r\n"


def test_lecture_ne_cree_rien_sur_un_fichier_illisible(capsys, tmp_path):
    f = tmp_path / "x.xlsx"
    f.write_bytes(b"PK\x03\x04 pas un classeur")
    code, _, err = atelier(capsys, "--donnees", tmp_path / "d", "importer", f)
    assert code == 1 and "x.xlsx" in err
    assert io is not None


def test_lecteur_xlsx_donne_les_valeurs_d_openpyxl(tmp_path):
    """The streamed reader (tableur_xlsx) reads what openpyxl reads: text, numbers, dates, booleans, gaps."""
    from datetime import datetime

    from openpyxl import Workbook, load_workbook

    from atelier_app.storage import tableur_xlsx

    classeur = Workbook()
    feuille = classeur.active
    feuille.append(["Nom", "Prénom", "Date de naissance", "Code postal", "Note", "Allergie"])
    feuille.append(["Lefèvre", "Hélène", datetime(1951, 7, 14), 59000, 1.5, True])
    feuille.append(["Petit", None, date(2001, 1, 2), "08000", None, False])
    feuille["B6"] = "  ligne 6 après un trou  "
    feuille.cell(7, 3).value = 1956
    chemin = tmp_path / "l.xlsx"
    classeur.save(chemin)
    attendu = [list(r) for r in load_workbook(chemin, read_only=True).worksheets[0].iter_rows(values_only=True)]
    lus = dict(tableur_xlsx.lignes(chemin, 100))
    for n, rang in enumerate(attendu, start=1):
        valeurs = lus.get(n, [])
        assert valeurs + [None] * (len(rang) - len(valeurs)) == rang, n
