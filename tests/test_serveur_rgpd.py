"""On the server too: passwords, the journal and anonymisation leave nothing readable behind.

The folder versions of these tests read the data files; here the same checks read the server's rows.
"""

from __future__ import annotations

import io

import psycopg
import pytest

from atelier_app.domain.personnes import Personne
from tests.test_rgpd import chiffres, peupler

pytestmark = pytest.mark.parametrize("magasin", ["serveur"], indirect=True)
MDP = "Tilleuls#Direction2026"


def _texte(services) -> str:
    with psycopg.connect(services.depot.adresse.libelle) as c:
        return "".join(r[0] for r in c.execute("SELECT coalesce(data::text, '') FROM atelier_docs"))


def test_aucun_mot_de_passe_sur_le_serveur(services, magasin) -> None:
    services.comptes.creer("sophie", "direction", MDP)
    services.comptes.changer_mot_de_passe("sophie", "Nouveau#Secret42")
    chemin = services.donnees.sauvegarder("test")
    texte = _texte(services)
    assert MDP not in texte and "Nouveau#Secret42" not in texte and "argon2id" in texte
    assert b"Nouveau#Secret42" not in chemin.read_bytes()


def test_journal_et_anonymisation_sur_le_serveur(centre, magasin) -> None:
    peupler(centre)
    avant = chiffres(centre)
    centre.rgpd.anonymiser("p1")
    assert chiffres(centre) == avant
    p = centre.depot.get(Personne, "p1")
    assert p.anonymise and p.nom == "Anonyme"
    texte = _texte(centre)
    assert "Durand" not in texte and "0601020304" not in texte and "Amélie" not in texte
    assert any(e.action == "anonymisation" for e in centre.journal.lister())


def test_sauvegarde_chiffree_du_serveur(centre, magasin, tmp_path) -> None:
    from atelier_app import assemblage

    with centre.depot.transaction("t") as tx:
        tx.put(Personne(id="p1", nom="Durand", prenom="Amélie"))
    cle = tmp_path / "usb"
    cle.mkdir()
    chemin = centre.rgpd.sauvegarder_chiffre(cle, "une phrase de passe assez longue")
    assert chemin.parent == cle and b"Durand" not in chemin.read_bytes()
    with centre.depot.transaction("t") as tx:
        tx.delete(Personne, "p1")
    zip_ = centre.rgpd.dechiffrer_sauvegarde(chemin, "une phrase de passe assez longue")
    adresse = centre.depot.adresse.libelle
    assemblage.restaurer(adresse, zip_)
    s = assemblage.ouvrir(adresse)
    try:
        assert s.depot.get(Personne, "p1").nom == "Durand"
    finally:
        assemblage.fermer(s)


def test_restaurer_chiffree_en_ligne_de_commande(centre, magasin, tmp_path, capsys, monkeypatch) -> None:
    """`atelier --donnees postgresql://… restaurer-chiffree F`: a wrong passphrase changes nothing;
    the right one puts the backup back on the server (the present kept in this PC's backups)."""
    from atelier_app import assemblage
    from atelier_app.cli import main

    phrase = "une phrase de passe assez longue"
    with centre.depot.transaction("t") as tx:
        tx.put(Personne(id="p1", nom="Durand", prenom="Amélie"))
    cle = tmp_path / "usb"
    cle.mkdir()
    chemin = centre.rgpd.sauvegarder_chiffre(cle, phrase)
    with centre.depot.transaction("t") as tx:
        tx.delete(Personne, "p1")
    adresse = centre.depot.adresse.libelle

    def atelier(entree: str) -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(entree))
        code = main(["--donnees", adresse, "restaurer-chiffree", str(chemin)])
        sortie = capsys.readouterr()
        assert "Traceback" not in sortie.err
        return code, sortie.out, sortie.err

    code, _, err = atelier("fausse phrase\n")
    assert code == 1 and "phrase de passe est fausse" in err
    assert not list(tmp_path.rglob("postgresql:*"))  # the address never became a folder
    code, out, _ = atelier(phrase + "\n")
    assert code == 0 and "restaurée" in out and "avant-restauration" in out
    s = assemblage.ouvrir(adresse)
    try:
        assert s.depot.get(Personne, "p1").nom == "Durand"
        assert any(e.action == "restauration_chiffree" for e in s.journal.lister())
    finally:
        assemblage.fermer(s)
