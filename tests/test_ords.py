"""ORDS code lists: the 40 categories complete and exact, statuses, barriers, column order."""

from __future__ import annotations

from atelier_app.domain import ords


def test_quarante_categories_exactes() -> None:
    assert sorted(ords.CATEGORIES) == list(range(1, 41))
    assert ords.CATEGORIES[14].valeur == "Kettle" and ords.CATEGORIES[14].libelle == "Bouilloire"
    assert ords.CATEGORIES[37].valeur == "Food processor"  # v0.2.1 renamed "Blender"
    assert ords.CATEGORIES[10].valeur == "Handheld entertainment device"
    assert ords.CATEGORIES[33].valeur == "TV and gaming-related accessories"
    assert ords.CATEGORIES[9].valeur == "Hair & beauty item"
    assert all(c.libelle and c.valeur for c in ords.CATEGORIES.values())
    assert len({c.valeur for c in ords.CATEGORIES.values()}) == 40


def test_poids_et_empreintes_restarters() -> None:
    assert (ords.CATEGORIES[14].poids_kg, ords.CATEGORIES[14].empreinte_kg) == (1.25, 44.32)
    assert (ords.CATEGORIES[19].poids_kg, ords.CATEGORIES[19].empreinte_kg) == (0.15, 50.51)
    assert ords.CATEGORIES[18].divers and ords.CATEGORIES[18].poids_kg == 0
    assert ords.NON_ELECTRIQUES["textile"].valeur_ords == "Unpowered - Textile"


def test_statuts_freins_colonnes() -> None:
    assert ords.STATUT_ORDS == {"repare": "Fixed", "reparable": "Repairable", "fin_de_vie": "End of life"}
    assert list(ords.STATUTS) == ["Fixed", "Repairable", "End of life", "Unknown"]
    assert [f.valeur for f in ords.FREINS.values()] == [
        "Spare parts not available", "Spare parts too expensive", "No way to open product",
        "Repair information not available", "Lack of equipment", "Item too worn out"]
    assert ords.frein("3").code == 3 and ords.frein(None) is None and ords.frein("x") is None
    assert ords.COLONNES == (
        "id", "data_provider", "country", "partner_product_category", "product_category", "product_category_id",
        "brand", "year_of_manufacture", "product_age", "repair_status", "repair_barrier_if_end_of_life",
        "group_identifier", "event_date", "problem")
