"""atelier comptes / rgpd / sauvegarde-chiffree / restaurer-chiffree: exit codes, messages, journal."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest

from atelier_app import assemblage, cli
from atelier_app.domain.journal import EntreeJournal
from atelier_app.domain.personnes import Personne
from atelier_app.services.contexte import ADMINISTRATEUR_POSTE, horloge_aujourd_hui

MDP = "Tilleuls#2026x"


@pytest.fixture(autouse=True)
def outil_chiffrement(monkeypatch):
    monkeypatch.setitem(assemblage._Outils._MODULES, "chiffrement", "atelier_app.storage.chiffrement")


@pytest.fixture
def d(tmp_path):
    d = tmp_path / "donnees"
    s = assemblage.ouvrir(d)
    with s.depot.transaction("t") as tx:
        tx.put(Personne(id="p1", nom="Durand", prenom="Amélie", telephone="0601020304", cree_le=date(2019, 1, 1)))
        tx.put(Personne(id="p2", nom="Petit", prenom="Léo", cree_le=horloge_aujourd_hui()))
    assemblage.fermer(s)
    return d


def atelier(capsys, monkeypatch, *args, entree: str = ""):
    monkeypatch.setattr("sys.stdin", io.StringIO(entree))
    code = cli.main([str(a) for a in args])
    sortie = capsys.readouterr()
    assert "Traceback" not in sortie.err
    return code, sortie.out, sortie.err


def journal(d):
    s = assemblage.ouvrir(d)
    try:
        return [(e.qui, e.action, e.cibles) for e in s.depot.all(EntreeJournal)]
    finally:
        assemblage.fermer(s)


def test_comptes_ajouter(capsys, monkeypatch, d):
    code, out, _ = atelier(capsys, monkeypatch, "--donnees", d, "comptes", "ajouter", "sophie", "--role", "direction",
                           entree=MDP + "\n")
    assert code == 0 and "sophie" in out
    code, _, err = atelier(capsys, monkeypatch, "--donnees", d, "comptes", "ajouter", "marc", "--role", "benevole",
                           entree="court\n")
    assert code == 1 and "trop faible" in err and "majuscule" in err
    assert MDP not in "".join(p.read_text(errors="ignore") for p in d.rglob("*.json"))


def test_rgpd_exporter_anonymiser_journal(capsys, monkeypatch, d, tmp_path):
    code, out, _ = atelier(capsys, monkeypatch, "--donnees", d, "rgpd", "exporter", "--personne", "p1",
                           "--sortie", tmp_path / "sortie")
    assert code == 0
    donnees = json.loads((tmp_path / "sortie" / "personne-p1.json").read_text(encoding="utf-8"))
    assert donnees["personnes"][0]["telephone"] == "0601020304"
    assert (tmp_path / "sortie" / "personne-p1.pdf").read_bytes().startswith(b"%PDF")
    code, out, _ = atelier(capsys, monkeypatch, "--donnees", d, "rgpd", "anonymiser", "--personne", "p1")
    assert code == 0 and "anonymisée" in out
    code, _, err = atelier(capsys, monkeypatch, "--donnees", d, "rgpd", "anonymiser", "--personne", "p9")
    assert code == 1 and "p9" in err
    assert journal(d) == [(ADMINISTRATEUR_POSTE.identifiant, "export_personne", ("p1",)),
                          (ADMINISTRATEUR_POSTE.identifiant, "anonymisation", ("p1",))]


def test_rgpd_purger(capsys, monkeypatch, d):
    code, out, _ = atelier(capsys, monkeypatch, "--donnees", d, "rgpd", "purger", "--inactifs-depuis", "3")
    assert code == 0 and "p1" in out and "p2" not in out and "--appliquer" in out and "Durand" not in out
    code, out, _ = atelier(capsys, monkeypatch, "--donnees", d, "rgpd", "purger", "--inactifs-depuis", "3",
                           "--appliquer")
    assert "1 personne(s) anonymisée(s)" in out
    code, out, _ = atelier(capsys, monkeypatch, "--donnees", d, "rgpd", "purger", "--inactifs-depuis", "3")
    assert "Personne n'est inactif" in out


def test_sauvegarde_et_restauration_chiffrees(capsys, monkeypatch, d, tmp_path):
    cle = tmp_path / "usb"
    cle.mkdir()
    phrase = "une phrase de passe assez longue\n"
    code, out, _ = atelier(capsys, monkeypatch, "--donnees", d, "sauvegarde-chiffree", "--vers", cle, entree=phrase)
    assert code == 0
    (fichier,) = cle.iterdir()
    code, _, err = atelier(capsys, monkeypatch, "--donnees", d, "restaurer-chiffree", fichier, entree="fausse phrase\n")
    assert code == 1 and "phrase de passe est fausse" in err
    code, out, _ = atelier(capsys, monkeypatch, "--donnees", d, "restaurer-chiffree", fichier, entree=phrase)
    assert code == 0 and "restaurée" in out
    assert (ADMINISTRATEUR_POSTE.identifiant, "restauration_chiffree", ()) in journal(d)


@pytest.mark.parametrize(("ans", "duree"), [("1", "plus d'un an"), ("2", "plus de 2 ans")])
def test_rgpd_purger_en_bon_francais(capsys, monkeypatch, d, ans, duree):
    """Hostile: « plus de 1 ans » was printed; one year reads « plus d'un an », more take the plural."""
    _code, out, _ = atelier(capsys, monkeypatch, "--donnees", d, "rgpd", "purger", "--inactifs-depuis", ans)
    assert f"1 personne(s) sans activité depuis {duree} :" in out
    atelier(capsys, monkeypatch, "--donnees", d, "rgpd", "purger", "--inactifs-depuis", ans, "--appliquer", "--oui")
    _code, out, _ = atelier(capsys, monkeypatch, "--donnees", d, "rgpd", "purger", "--inactifs-depuis", ans)
    assert out.strip() == f"Personne n'est inactif depuis {duree}."
