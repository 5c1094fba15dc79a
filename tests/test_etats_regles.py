"""The state enums: their stored codes are a file format (FORMAT.md), so each code is pinned here.

Why: a member renamed or a code retyped would silently stop matching years of stored data; the
French labels of ``codes.py`` must name exactly the same states.
"""

from __future__ import annotations

from atelier_app.domain.codes import ETATS_PRELISTE, ETATS_PROJET, ETATS_SEANCE, STATUTS_PRESENCE
from atelier_app.domain.etats import VENUS, EtatPreliste, EtatProjet, EtatSeance, StatutPresence


def test_codes_des_seances() -> None:
    assert [e.value for e in EtatSeance] == ["prevue", "realisee", "annulee"]
    assert EtatSeance.REALISEE == "realisee" and EtatSeance("annulee") is EtatSeance.ANNULEE


def test_codes_des_presences() -> None:
    assert [s.value for s in StatutPresence] == ["present", "absent", "excuse", "retard"]


def test_codes_de_la_preliste_dans_l_ordre_du_parcours() -> None:
    assert [e.value for e in EtatPreliste] == ["a_inviter", "invite", "venu", "inscrit", "desiste"]


def test_codes_des_projets() -> None:
    assert [e.value for e in EtatProjet] == ["en_cours", "repare", "reparable", "fin_de_vie", "termine", "abandonne"]


def test_un_membre_vaut_son_code_texte() -> None:
    """Data read back from a file holds strings: they must compare equal and hash alike."""
    assert {"present": 1}[StatutPresence.PRESENT] == 1
    assert f"{EtatPreliste.INVITE}" == "invite" and str(EtatSeance.PREVUE) == "prevue"


def test_venus_present_ou_en_retard_seulement() -> None:
    assert VENUS == {"present", "retard"}
    assert "absent" not in VENUS and "excuse" not in VENUS


def test_chaque_etat_a_son_libelle_francais() -> None:
    assert list(ETATS_SEANCE) == [e.value for e in EtatSeance]
    assert list(STATUTS_PRESENCE) == [s.value for s in StatutPresence]
    assert list(ETATS_PRELISTE) == [e.value for e in EtatPreliste]
    assert list(ETATS_PROJET) == [e.value for e in EtatProjet]
