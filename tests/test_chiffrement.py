"""Encrypted backups: round trip, wrong passphrase fails cleanly, tampered file refused."""

import pytest

from atelier_app import assemblage
from atelier_app.domain.journal import EntreeJournal
from atelier_app.domain.personnes import Personne
from atelier_app.errors import UserError
from atelier_app.storage import chiffrement

PHRASE = "une phrase de passe assez longue"


@pytest.fixture(autouse=True)
def outil_chiffrement(monkeypatch):
    monkeypatch.setitem(assemblage._Outils._MODULES, "chiffrement", "atelier_app.storage.chiffrement")


def test_chiffrer_dechiffrer():
    donnees = b"contenu" * 100
    c = chiffrement.chiffrer(donnees, PHRASE)
    assert donnees not in c
    assert chiffrement.dechiffrer(c, PHRASE) == donnees


def test_aller_retour(centre, tmp_path, dossier):
    with centre.depot.transaction("t") as tx:
        tx.put(Personne(id="p1", nom="Durand", prenom="Amélie"))
    cle = tmp_path / "usb"
    cle.mkdir()
    chemin = centre.rgpd.sauvegarder_chiffre(cle, PHRASE)
    assert chemin.parent == cle and b"Durand" not in chemin.read_bytes()
    assert any(e.action == "sauvegarde_chiffree" for e in centre.depot.all(EntreeJournal))
    with centre.depot.transaction("t") as tx:
        tx.delete(Personne, "p1")
    assemblage.fermer(centre)
    assemblage.restaurer_chiffre(dossier, chemin, PHRASE)
    s = assemblage.ouvrir(dossier)
    try:
        assert s.depot.get(Personne, "p1").nom == "Durand"
    finally:
        assemblage.fermer(s)
    centre.depot.fermer = lambda: None  # already closed above; the fixture closes again


def test_mauvaise_phrase_echoue_proprement(centre, tmp_path, dossier):
    cle = tmp_path / "usb"
    cle.mkdir()
    chemin = centre.rgpd.sauvegarder_chiffre(cle, PHRASE)
    with pytest.raises(UserError, match="phrase de passe est fausse"):
        centre.rgpd.dechiffrer_sauvegarde(chemin, "pas la bonne phrase")
    assemblage.fermer(centre)
    avant = {p: p.read_bytes() for p in dossier.rglob("*") if p.is_file()}
    with pytest.raises(UserError, match="Rien n'a été changé"):
        assemblage.restaurer_chiffre(dossier, chemin, "pas la bonne phrase")
    assert {p: p.read_bytes() for p in dossier.rglob("*") if p.is_file()} == avant
    centre.depot.fermer = lambda: None


def test_fichier_altere_refuse(centre, tmp_path):
    cle = tmp_path / "usb"
    cle.mkdir()
    chemin = centre.rgpd.sauvegarder_chiffre(cle, PHRASE)
    brut = bytearray(chemin.read_bytes())
    brut[-20] ^= 1
    chemin.write_bytes(bytes(brut))
    with pytest.raises(UserError, match="modifié"):
        centre.rgpd.dechiffrer_sauvegarde(chemin, PHRASE)
    entete = chemin.read_bytes().replace(b'"n": 32768', b'"n": 16384')
    chemin.write_bytes(entete)
    with pytest.raises(UserError):
        centre.rgpd.dechiffrer_sauvegarde(chemin, PHRASE)
    with pytest.raises(UserError, match="pas une sauvegarde chiffrée"):
        chiffrement.dechiffrer(b"PK\x03\x04", PHRASE)


def test_phrase_trop_courte(centre, tmp_path):
    with pytest.raises(UserError, match="trop faible"):
        centre.rgpd.sauvegarder_chiffre(tmp_path, "court")
