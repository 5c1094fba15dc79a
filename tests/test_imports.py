"""The lines of an import's report agree in number and gender (« 1 personne mise à jour », never
« 1 personnes mis à jour »)."""

from __future__ import annotations

from atelier_app.domain.imports import RapportImport


def test_accord_en_nombre_et_en_genre() -> None:
    r = RapportImport(ajoutes={"personnes": 1, "séances": 3, "centre": 1, "groupes": 2, "projets": 0},
                      mis_a_jour={"personnes": 1, "entrées de pré-liste": 2, "cycles": 1})
    assert r.lignes() == ["1 personne ajoutée", "3 séances ajoutées", "1 centre ajouté", "2 groupes ajoutés",
                          "1 personne mise à jour", "2 entrées de pré-liste mises à jour", "1 cycle mis à jour"]


def test_rien_a_ajouter() -> None:
    assert RapportImport(ajoutes={"personnes": 0}).lignes() == ["Rien à ajouter : tout était déjà là."]
