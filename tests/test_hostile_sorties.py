"""Hostile: files the app writes (issue 14): never inside the data folder, whole or not at all,
cells that cannot run as formulas, no plaintext copy of an encrypted backup."""

from __future__ import annotations

import csv
import errno
import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from atelier_app import cli, ecriture
from atelier_app.domain.personnes import Personne
from atelier_app.errors import UserError
from atelier_app.reports import export_stats
from atelier_app.reports import ords as export_ords
from atelier_app.reports.statistiques import pour_periode
from tests import donnees_connues

FORMULE = '=HYPERLINK("http://example.org","Cliquez")'


def atelier(capsys, *args):
    code = cli.main([str(a) for a in args])
    sortie = capsys.readouterr()
    assert "Traceback" not in sortie.err and "erreur inattendue" not in sortie.err
    return code, sortie.out, sortie.err


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    d = tmp_path_factory.mktemp("demo") / "donnees"
    assert cli.main(["--donnees", str(d), "demo"]) == 0
    return d


def contenu(dossier: Path) -> dict[str, bytes]:
    return {str(p.relative_to(dossier)): p.read_bytes() for p in sorted(dossier.rglob("*"))
            if p.is_file() and not p.name.startswith("atelier.lock") and p.suffix != ".log"}


@pytest.mark.parametrize("commande", [
    ("ords", "--sortie", "personnes/2026-03.json"),
    ("exporter", "atelier.json"),
    ("exporter", "annees/2026.json"),
    ("stats", "--annee", "2026", "--sortie", "stats.xlsx"),
])
def test_sortie_dans_le_dossier_des_donnees_refusee(capsys, demo, commande):
    avant = contenu(demo)
    args = [str(demo / a) if a.endswith((".json", ".xlsx")) else a for a in commande]
    code, _, err = atelier(capsys, "--donnees", demo, *args)
    assert code == 1 and "dossier des données" in err and "rien n'a été écrit" in err
    apres = contenu(demo)
    if commande[0] == "ords":  # the ORDS export journals before it writes (issue 13 moves the journal after)
        avant.pop("journal.json", None), apres.pop("journal.json", None)
    assert apres == avant


def test_exporter_vers_proc_message_francais(capsys, demo):
    code, _, err = atelier(capsys, "--donnees", demo, "exporter", "/proc/x.json")
    assert code == 1 and "/proc/x.json" in err and "Impossible d'écrire" in err


class _Plein:
    """A file on a full disk: every write fails with ENOSPC while the disk is full."""

    plein = False

    def __init__(self, f):
        self._f = f

    def write(self, data):
        if _Plein.plein:
            raise OSError(errno.ENOSPC, "No space left on device")
        return self._f.write(data)

    def __getattr__(self, nom):
        if nom == "_f":
            raise AttributeError(nom)
        return getattr(self._f, nom)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._f.close()


class _DisquePlein:
    """A fault-injecting writer: every file opened for writing (but the log) is on a full disk."""

    def __init__(self, monkeypatch):
        import builtins

        vrai = io.open

        def ouvrir(fichier, mode="r", *a, **k):
            f = vrai(fichier, mode, *a, **k)
            if any(c in mode for c in "wax+") and not str(fichier).endswith(".log"):
                return _Plein(f)
            return f

        monkeypatch.setattr(io, "open", ouvrir)
        monkeypatch.setattr(builtins, "open", ouvrir)
        monkeypatch.setattr(_Plein, "plein", True)  # undone with the rest: the disk has room again


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the injector's zip __del__
@pytest.mark.parametrize("nom", ["stats.xlsx", "stats.ods", "stats.csv", "export.json", "ords.csv"])
def test_disque_plein_ni_fichier_vide_ni_temporaire(capsys, monkeypatch, demo, tmp_path, nom):
    sortie = tmp_path / "sortie"
    sortie.mkdir()
    _DisquePlein(monkeypatch)
    if nom.startswith("stats"):
        args = ("stats", "--annee", "2026", "--sortie", sortie / nom)
    elif nom == "export.json":
        args = ("exporter", sortie / nom)
    else:
        args = ("ords", "--sortie", sortie / nom)
    code, _, err = atelier(capsys, "--donnees", demo, *args)
    monkeypatch.undo()
    assert code == 1 and "le disque est plein" in err and (nom in err or "rien n'a été changé" in err)
    assert list(sortie.iterdir()) == []


def test_disque_plein_pendant_une_sauvegarde(capsys, monkeypatch, demo):
    avant = sorted(p.name for p in (demo / "sauvegardes").iterdir()) if (demo / "sauvegardes").exists() else []
    _DisquePlein(monkeypatch)
    code, _, err = atelier(capsys, "--donnees", demo, "sauvegarder")
    monkeypatch.undo()
    assert code == 1 and "le disque est plein" in err
    assert sorted(p.name for p in (demo / "sauvegardes").iterdir()) == avant


def test_temporaire_perime_nettoye_a_l_ouverture(capsys, demo):
    (demo / "sauvegardes").mkdir(exist_ok=True)
    reste = demo / "sauvegardes" / "atelier-20260101-000000.zip.tmp"
    reste.write_bytes(b"PK copie de toutes les donnees")
    code, _, _ = atelier(capsys, "--donnees", demo, "verifier")
    assert code in (0, 1) and not reste.exists()


def test_sauvegarde_chiffree_sans_copie_en_clair(capsys, monkeypatch, tmp_path, demo):
    cle = tmp_path / "usb"
    cle.mkdir()
    monkeypatch.setattr("sys.stdin", io.StringIO("Les 3 chats gris dorment sur le toit !\n"))
    avant = set((demo / "sauvegardes").glob("*")) if (demo / "sauvegardes").exists() else set()
    code, _, err = atelier(capsys, "--donnees", demo, "sauvegarde-chiffree", "--vers", cle)
    assert code == 0, err
    nouveaux = set((demo / "sauvegardes").glob("*")) - avant if (demo / "sauvegardes").exists() else set()
    assert nouveaux == set()
    assert [p.suffix for p in cle.iterdir()] == [".atelier-chiffre"]


# ---------------------------------------------------------------------------- formula cells
@pytest.fixture
def stats_piegees(centre, monkeypatch):
    for pid, (n, p, an, g, s, commune) in list(donnees_connues.PERSONNES.items()):
        if commune == "Lille":
            monkeypatch.setitem(donnees_connues.PERSONNES, pid, (n, p, an, g, s, FORMULE))
    donnees_connues.construire(centre)
    return pour_periode(centre.fiches.collecte, date(2025, 1, 1), date(2025, 12, 31))


def test_statistiques_csv_neutralisees(stats_piegees, tmp_path):
    chemin = export_stats.ecrire(stats_piegees, tmp_path / "s.csv", "@SOMME(A1)", quand=datetime(2026, 12, 1, 10, 0))
    rangs = list(csv.reader(chemin.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    cellules = [c for r in rangs for c in r]
    assert "'" + FORMULE in cellules and "'@SOMME(A1)" in cellules
    assert not any(c.startswith(("=", "+", "@")) for c in cellules)


def test_statistiques_xlsx_sans_formule(stats_piegees, tmp_path):
    from openpyxl import load_workbook

    chemin = export_stats.ecrire(stats_piegees, tmp_path / "s.xlsx", "C", quand=datetime(2026, 12, 1, 10, 0))
    with zipfile.ZipFile(chemin) as z:
        feuille = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in feuille  # no formula element anywhere
    valeurs = [c.value for r in load_workbook(chemin).active.iter_rows() for c in r]
    assert "'" + FORMULE in valeurs
    assert 12 not in valeurs or isinstance(12, int)  # numbers stay numbers
    assert any(isinstance(v, int) for v in valeurs)


def test_statistiques_ods_neutralisees(stats_piegees, tmp_path):
    chemin = export_stats.ecrire(stats_piegees, tmp_path / "s.ods", "C", quand=datetime(2026, 12, 1, 10, 0))
    with zipfile.ZipFile(chemin) as z:
        xml = z.read("content.xml").decode()
    assert "table:formula" not in xml and ("&apos;=HYPERLINK" in xml or "'=HYPERLINK" in xml)


def test_ords_csv_neutralise(centre, tmp_path):
    centre.ctx.aujourd_hui = lambda: date(2025, 12, 15)
    p = centre.personnes.ajouter(Personne(id="", nom="Dupont", prenom="Josiane", annee_naissance=1947))
    a = centre.reparations.ouvrir(p.id, "reparation", "Bouilloire", categorie_ords=14, marque=FORMULE,
                                  ouvert_le=date(2025, 3, 1), probleme="+cmd|' /C calc'!A0")
    centre.reparations.clore(a.id, "repare", le=date(2025, 3, 8))
    chemin = tmp_path / "ords.csv"
    export_ords.ecrire(chemin, centre.reparations.donnees_ords(2025))
    with open(chemin, encoding="utf-8", newline="") as f:
        rangs = list(csv.DictReader(f))
    assert rangs[0]["brand"] == "'" + FORMULE and rangs[0]["problem"].startswith("'+cmd")


def test_neutraliser():
    assert [ecriture.neutraliser(v) for v in ("=1+1", "+1", "-x", "@a", "\tx", "\rx", "Lille", "", 12, -3.5)] == [
        "'=1+1", "'+1", "'-x", "'@a", "'\tx", "'\rx", "Lille", "", 12, -3.5]


def test_ecrire_avec_echec_ne_laisse_rien(tmp_path):
    cible = tmp_path / "x.pdf"
    cible.write_bytes(b"ancien")

    def produire(tmp):
        tmp.write_bytes(b"moitie")
        raise ValueError("coupure")

    with pytest.raises(ValueError):
        ecriture.ecrire_avec(cible, produire)
    assert cible.read_bytes() == b"ancien" and list(tmp_path.iterdir()) == [cible]
    with pytest.raises(UserError, match="dossier des données"):
        ecriture.proteger(tmp_path)
        ecriture.ecrire_octets(tmp_path / "y.json", b"{}")


# ---------------------------------------------------------------------------- no traceback
def test_donnees_est_un_fichier(capsys, tmp_path):
    f = tmp_path / "fichier"
    f.write_text("x")
    code, _, err = atelier(capsys, "--donnees", f, "verifier")
    assert code == 3 and "est un fichier, pas un dossier" in err


def test_dossier_en_lecture_seule(capsys, monkeypatch, demo):
    import os

    vrai = os.open

    def ouvrir(chemin, drapeaux, *a, **k):
        if str(chemin).endswith("atelier.lock") or drapeaux & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, "Read-only file system", str(chemin))
        return vrai(chemin, drapeaux, *a, **k)

    monkeypatch.setattr(os, "open", ouvrir)
    for commande in (("verifier",), ("sauvegarder",), ("stats", "--annee", "2026")):
        code, _, err = atelier(capsys, "--donnees", demo, *commande)
        assert code == 3 and "lecture seule" in err, (commande, err)


def test_stats_sur_un_dossier_casse(capsys, tmp_path, demo):
    import json
    import shutil

    d = tmp_path / "casse"
    shutil.copytree(demo, d)
    fichier = sorted((d / "personnes").glob("*.json"))[0]
    contenu = json.loads(fichier.read_text(encoding="utf-8"))
    contenu["personnes"] = {}
    fichier.write_text(json.dumps(contenu), encoding="utf-8")
    code, _, _ = atelier(capsys, "--donnees", d, "verifier")
    assert code == 1
    code, _, err = atelier(capsys, "--donnees", d, "stats", "--annee", "2026", "--sortie", tmp_path / "s.xlsx")
    assert code == 3 and "incohérentes" in err and "renvoie à" in err
    assert not (tmp_path / "s.xlsx").exists()


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_import_sur_disque_plein(capsys, monkeypatch, tmp_path, demo):
    import shutil

    d = tmp_path / "copie"
    shutil.copytree(demo, d)
    liste = tmp_path / "gens.csv"
    liste.write_text("Nom;Prénom\nNouveau;Venu\n", encoding="utf-8")
    avant = contenu(d)
    _DisquePlein(monkeypatch)
    code, _, err = atelier(capsys, "--donnees", d, "importer", liste)
    monkeypatch.undo()
    assert code == 1 and "le disque est plein" in err
    apres = contenu(d)
    assert {k: v for k, v in apres.items() if not k.startswith("sauvegardes/")} == {
        k: v for k, v in avant.items() if not k.startswith("sauvegardes/")}


def test_temporaires_d_export_perimes_nettoyes(capsys, demo, exports_temporaires):
    import os
    import time

    vieux = exports_temporaires / "export.json.tmp"
    vieux.write_bytes(b'{"personnes": [toutes les donnees')
    os.utime(vieux, (time.time() - 7200, time.time() - 7200))
    recent = exports_temporaires / "stats.xlsx.tmp"  # another copy may be writing it now
    recent.write_bytes(b"PK")
    autre = exports_temporaires / "notes.tmp"
    autre.write_bytes(b"pas a nous")
    os.utime(autre, (time.time() - 7200, time.time() - 7200))
    atelier(capsys, "--donnees", demo, "verifier")
    assert not vieux.exists() and recent.exists() and autre.exists()
