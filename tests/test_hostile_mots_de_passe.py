"""Hostile: weak passwords and look-alike account ids (issue 14), the USB passphrase (issue 18 point 6)."""

from __future__ import annotations

import pytest

from atelier_app.domain.comptes import normaliser_identifiant, raisons_refus
from atelier_app.errors import UserError

FAIBLES = ["aa aa aa aa aa", "ab ab ab ab ab", "aaaa aaaa aaaa", "password password password",
           "1234 5678 9012 3456", "motdepasse motdepasse motdepasse", "Password123!", "Azerty12345!",
           "Marseille13!!", "MotDePasse#2026"]
BONS = ["Tilleuls#2026x", "le chat dort sur la box", "Les 3 chats gris dorment sur le toit !", "Autre#Secret99z"]


@pytest.mark.parametrize("mdp", FAIBLES)
def test_mots_de_passe_faibles_refuses(mdp):
    raisons = raisons_refus(mdp)
    assert raisons and any("facile à deviner" in r for r in raisons)


@pytest.mark.parametrize("mdp", BONS)
def test_mots_de_passe_solides_acceptes(mdp):
    assert raisons_refus(mdp) == []


def test_plancher_cnil_toujours_la():
    assert any("12 caractères" in r for r in raisons_refus("Xq#9v!Lp2"))


def test_identifiant_dans_le_mot_de_passe_message_correct():
    (raison,) = raisons_refus("Ｓｏｐｈｉｅ#2026xyz", "sophie")
    assert raison == "un mot de passe qui ne contient pas l'identifiant"


def test_identifiants_sosies_refuses(centre):
    centre.comptes.creer("sophie", "direction", "Tilleuls#2026x")
    for sosie in ("ｓｏｐｈｉｅ", "SOPHIE", " Sophie "):
        assert normaliser_identifiant(sosie) == "sophie"
        with pytest.raises(UserError, match="existe déjà"):
            centre.comptes.creer(sosie, "animateur", "Autre#Secret99z")
    with pytest.raises(UserError, match="Identifiant"):
        centre.comptes.creer("ѕophie", "animateur", "Autre#Secret99z")  # Cyrillic dze
    assert centre.comptes.connecter("ＳＯＰＨＩＥ", "Tilleuls#2026x").identifiant == "sophie"


@pytest.mark.parametrize("phrase", ["aaaaaaaaaa", "aaaa aaaa aaaa", "motdepasse motdepasse motdepasse"])
def test_phrase_de_passe_usb_meme_regle(centre, tmp_path, phrase):
    with pytest.raises(UserError, match="Phrase de passe trop faible"):
        centre.rgpd.sauvegarder_chiffre(tmp_path, phrase)
    assert list(tmp_path.glob("*.atelier-chiffre")) == []
