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


def test_frein_de_chaque_forme_de_code() -> None:
    assert ords.frein(3) == ords.Frein(3, "No way to open product", "Impossible d'ouvrir l'appareil")
    assert ords.frein("6").libelle == "Appareil trop usé"
    assert ords.frein(" 1 ").valeur == "Spare parts not available"
    for absent in (None, "", "  ", "x", "3.5", 0, "0", 7, "-1", [], [1], {}):
        assert ords.frein(absent) is None, absent


def test_prefixe_sans_les_mots_communs() -> None:
    assert ords.prefixe("Centre social La Passerelle") == "passerelle"
    assert ords.prefixe("Maison de l'Île") == "ile"
    assert ords.prefixe("ASSOCIATION Les Amis du Quartier Saint-Éloi") == "amissainteloi"
    communs = ("centre social sociale socio culturel socioculturel maison de du des la le les l d et a au aux en "
               "quartier association")
    assert ords.prefixe(f"{communs} Zèbre") == "zebre"
    # a name made only of common words keeps them all rather than an empty prefix
    assert ords.prefixe("Centre social") == "centresocial"
    assert ords.prefixe("Maison de quartier") == "maisondequartier"


def test_prefixe_seize_lettres_au_plus_et_atelier_a_defaut() -> None:
    assert ords.prefixe("Abcdefghijklmnop") == "abcdefghijklmnop"
    assert ords.prefixe("Abcdefghijklmnopq") == "abcdefghijklmnop"
    assert ords.prefixe("Centre Abcdefgh Ijklmnopqrs") == "abcdefghijklmnop"
    assert ords.prefixe("") == "atelier"
    assert ords.prefixe("123 — !!") == "atelier"
    assert ords.prefixe("Œuvre 13") == "uvre"  # Œ has no ASCII decomposition


def test_identifiant_stable_selon_la_forme_de_l_id() -> None:
    assert ords.identifiant("passerelle", "r02527") == "passerelle-2527"
    assert ords.identifiant("p", "rr12") == "p-12"  # every leading letter of an r-id is dropped
    assert ords.identifiant("p", "r0a1") == "p-161"  # hexadecimal part after the r
    assert ords.identifiant("p", "rabc") == "p-2748"
    assert ords.identifiant("p", "r00000000002a") == "p-42"
    assert ords.identifiant("p", "123") == "p-123"  # digits only, no letter
    assert ords.identifiant("p", "x123") == "p-291"  # not an r-id: the part after the first letter, in hex
    assert ords.identifiant("p", "rzz") == "p-3442764914"  # neither: CRC-32 of the id
    assert ords.identifiant("p", "projet") == "p-1343593641"
    assert ords.identifiant("p", "") == "p-0"
    assert ords.identifiant("p", "rzz") == ords.identifiant("p", "rzz")
