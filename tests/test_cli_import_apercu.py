"""``atelier importer liste.csv`` shows each change to a known person before anything is written
(issue 18, point 7: a « clean » file replaced a phone and an address, reported as « 1 personnes mis à
jour »), and changes known people only with ``--oui``."""

from __future__ import annotations

from atelier_app import assemblage, cli
from atelier_app.domain.personnes import Personne


def atelier(capsys, *args):
    code = cli.main([str(a) for a in args])
    sortie = capsys.readouterr()
    assert "Traceback" not in sortie.err
    return code, sortie.out, sortie.err


def _liste(chemin, telephone):
    chemin.write_text("Nom;Prénom;Année de naissance;Téléphone\n"
                      f"Lefèvre;Hélène;1951;{telephone}\nMartin;Paul;1948;0600000000\n", encoding="utf-8")
    return chemin


def _telephone(d, prenom):
    s = assemblage.ouvrir(d)
    try:
        return next(p.telephone for p in s.depot.all(Personne) if p.prenom == prenom)
    finally:
        assemblage.fermer(s)


def test_changements_montres_et_rien_ecrit_sans_oui(capsys, tmp_path):
    d = tmp_path / "donnees"
    assert atelier(capsys, "--donnees", d, "importer", _liste(tmp_path / "a.csv", "0102030405"))[0] == 0
    code, out, _ = atelier(capsys, "--donnees", d, "importer", _liste(tmp_path / "b.csv", "0999999999"))
    assert code == 1
    assert "Ligne 2 — Hélène Lefèvre" in out and "01 02 03 04 05" in out.replace("0102030405", "01 02 03 04 05")
    assert "--oui" in out and "Rien n'a été enregistré" in out
    assert _telephone(d, "Hélène").replace(" ", "") == "0102030405"


def test_oui_applique_et_garder_ancien_garde(capsys, tmp_path):
    d = tmp_path / "donnees"
    atelier(capsys, "--donnees", d, "importer", _liste(tmp_path / "a.csv", "0102030405"))
    code, _out, _ = atelier(capsys, "--donnees", d, "importer", _liste(tmp_path / "b.csv", "0999999999"),
                            "--garder-ancien", "2")
    assert code == 0 and _telephone(d, "Hélène").replace(" ", "") == "0102030405"
    code, out, _ = atelier(capsys, "--donnees", d, "importer", _liste(tmp_path / "c.csv", "0988888888"), "--oui")
    assert code == 0 and "1 personne mise à jour" in out
    assert _telephone(d, "Hélène").replace(" ", "") == "0988888888"
