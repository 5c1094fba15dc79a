"""The few lines that tell the user what an import did (``domain/imports.py``)."""

from __future__ import annotations

from atelier_app.domain.imports import RapportImport


def test_rapport_vide() -> None:
    assert RapportImport().lignes() == ["Rien à ajouter : tout était déjà là."]


def test_ajouts_et_mises_a_jour_sans_les_zeros() -> None:
    r = RapportImport(ajoutes={"personnes": 3, "séances": 0}, mis_a_jour={"personnes": 0, "groupes": 2})
    assert r.lignes() == ["3 personnes ajouté(s)", "2 groupes mis à jour"]


def test_que_des_zeros_c_est_rien() -> None:
    r = RapportImport(ajoutes={"personnes": 0}, mis_a_jour={"groupes": 0})
    assert r.lignes() == ["Rien à ajouter : tout était déjà là."]


def test_fusions_et_colonnes_ignorees_a_la_suite() -> None:
    r = RapportImport(ajoutes={"personnes": 1}, fusionnes=["DURAND Amélie", "MARTIN Paul"],
                      colonnes_ignorees=["Pointure", "Couleur"])
    assert r.lignes() == ["1 personnes ajouté(s)", "Fusionné : DURAND Amélie", "Fusionné : MARTIN Paul",
                          "Colonnes ignorées : Pointure, Couleur"]


def test_rien_ajoute_mais_des_fusions() -> None:
    r = RapportImport(fusionnes=["DURAND Amélie"], colonnes_ignorees=["Pointure"])
    assert r.lignes() == ["Rien à ajouter : tout était déjà là.", "Fusionné : DURAND Amélie",
                          "Colonnes ignorées : Pointure"]


def test_chaque_rapport_a_ses_listes() -> None:
    a, b = RapportImport(), RapportImport()
    a.fusionnes.append("X")
    assert b.fusionnes == [] and b.ajoutes == {} and b.mis_a_jour == {} and b.colonnes_ignorees == []
