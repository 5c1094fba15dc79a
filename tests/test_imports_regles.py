"""The few lines that tell the user what an import did (``domain/imports.py``)."""

from __future__ import annotations

import pytest

from atelier_app.domain.imports import RapportImport, accorder


def test_rapport_vide() -> None:
    assert RapportImport().lignes() == ["Rien à ajouter : tout était déjà là."]


def test_ajouts_et_mises_a_jour_sans_les_zeros() -> None:
    r = RapportImport(ajoutes={"personnes": 3, "séances": 0}, mis_a_jour={"personnes": 0, "groupes": 2})
    assert r.lignes() == ["3 personnes ajoutées", "2 groupes mis à jour"]


def test_que_des_zeros_c_est_rien() -> None:
    r = RapportImport(ajoutes={"personnes": 0}, mis_a_jour={"groupes": 0})
    assert r.lignes() == ["Rien à ajouter : tout était déjà là."]


def test_fusions_et_colonnes_ignorees_a_la_suite() -> None:
    r = RapportImport(ajoutes={"personnes": 1}, fusionnes=["DURAND Amélie", "MARTIN Paul"],
                      colonnes_ignorees=["Pointure", "Couleur"])
    assert r.lignes() == ["1 personne ajoutée", "Fusionné : DURAND Amélie", "Fusionné : MARTIN Paul",
                          "Colonnes ignorées : Pointure, Couleur"]


def test_rien_ajoute_mais_des_fusions() -> None:
    r = RapportImport(fusionnes=["DURAND Amélie"], colonnes_ignorees=["Pointure"])
    assert r.lignes() == ["Rien à ajouter : tout était déjà là.", "Fusionné : DURAND Amélie",
                          "Colonnes ignorées : Pointure"]


def test_chaque_rapport_a_ses_listes() -> None:
    a, b = RapportImport(), RapportImport()
    a.fusionnes.append("X")
    assert b.fusionnes == [] and b.ajoutes == {} and b.mis_a_jour == {} and b.colonnes_ignorees == []


@pytest.mark.parametrize(("n", "quoi", "participe", "suite", "attendu"), [
    (1, "personnes", "ajouté", "", "1 personne ajoutée"),
    (2, "personnes", "ajouté", "", "2 personnes ajoutées"),
    (1, "groupes", "ajouté", "", "1 groupe ajouté"),
    (2, "groupes", "ajouté", "", "2 groupes ajoutés"),
    (1, "séances", "mis", " à jour", "1 séance mise à jour"),
    (3, "séances", "mis", " à jour", "3 séances mises à jour"),
    (2, "groupes", "mis", " à jour", "2 groupes mis à jour"),
    (1, "entrées de pré-liste", "ajouté", "", "1 entrée de pré-liste ajoutée"),
    (4, "entrées de pré-liste", "ajouté", "", "4 entrées de pré-liste ajoutées"),
    (1, "cycle", "ajouté", "", "1 cycle ajouté"),
])
def test_accorder_en_genre_et_en_nombre(n: int, quoi: str, participe: str, suite: str, attendu: str) -> None:
    assert accorder(n, quoi, participe, suite) == attendu
