"""The CNIL 2022 password rule and the lock-out policy (pure)."""

from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from atelier_app.domain.comptes import (
    ECHECS_AVANT_VERROU,
    Compte,
    apres_echec,
    attente,
    delai_apres_echecs,
    raisons_refus,
)


def test_mot_de_passe_complet_accepte():
    assert raisons_refus("Tilleuls#2026x") == []


def test_phrase_de_passe_acceptee():
    assert raisons_refus("le chat dort sur la box") == []


def test_raisons_en_francais():
    r = raisons_refus("abc")
    assert any("12 caractères" in x for x in r)
    assert any("majuscule" in x for x in r)
    assert any("chiffre" in x for x in r)
    assert any("spécial" in x for x in r)


def test_identifiant_interdit():
    assert raisons_refus("Sophie#2026xyz", "sophie")


@given(st.text(max_size=11))
def test_trop_court_sans_phrase_toujours_refuse(mdp):
    assert raisons_refus(mdp) != []


@given(st.text(alphabet="abcdefghijklmnop", min_size=12, max_size=13))
def test_minuscules_seules_refusees(mdp):
    assert raisons_refus(mdp)


@given(st.text(min_size=4, max_size=4, alphabet="ABCDEFGH"), st.text(min_size=4, max_size=4, alphabet="abcdefgh"),
       st.text(min_size=2, max_size=2, alphabet="0123456789"), st.sampled_from("!?#@%&*"))
def test_quatre_sortes_acceptees(maj, minu, chif, sym):
    assert raisons_refus(maj + minu + chif + sym + sym) == []


@given(st.integers(min_value=0, max_value=50))
def test_delai_croissant(n):
    assert delai_apres_echecs(n + 1) >= delai_apres_echecs(n)
    assert delai_apres_echecs(n) <= 30


def test_verrou_apres_n_echecs():
    t = datetime(2026, 3, 1, 10, 0)
    c = Compte(id="a", role="direction", empreinte="x")
    for _ in range(ECHECS_AVANT_VERROU - 1):
        c = apres_echec(c, t)
    assert c.verrouille_jusqua is None
    assert 0 < attente(c, t) <= 30
    c = apres_echec(c, t)
    assert c.verrouille_jusqua is not None
    assert attente(c, t + timedelta(minutes=5)) > 60
    assert attente(c, t + timedelta(hours=1)) == 0
