"""Open Repair Data Standard (ORDS v0.3) code lists and the Restarters.net weights and footprints.

Why here as plain data: the export must use the standard's exact English values, the screens show
French labels, and the waste / CO2 figures follow the Restarters Fixometer method
(`shared/reference/repair.md` §1.3–1.4, §2.3–2.5). Stored projects keep only codes.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Restarters constants (.env.example): half of repairs avoid a new purchase.
DEPLACEMENT = 0.5
RATIO_CO2_ELECTRIQUE = 32.06679233
RATIO_CO2_NON_ELECTRIQUE = 17.70147059


@dataclass(frozen=True)
class CategorieOrds:
    """One ORDS product category, with the Restarters weight (kg) and footprint (kg CO2e) used for it."""

    id: int
    valeur: str
    libelle: str
    poids_kg: float
    empreinte_kg: float
    divers: bool = False


_C = CategorieOrds
#: The 40 ORDS categories (id, exact value, French label). Weight and footprint are those of the
#: Restarters category mapped to it (config/ords.php); Flat screen uses the 22-24" row and Laptop the
#: "medium" row, the Restarters sizes most often met. Categories no Restarters row maps to (2, 17, 28,
#: 37, 39) and Misc are ``divers``: like Restarters' Misc, they count only with a weight estimate.
CATEGORIES: dict[int, CategorieOrds] = {c.id: c for c in (
    _C(1, "Aircon/dehumidifier", "Air conditionné/déshumidificateur", 7.6, 99.41),
    _C(2, "Battery/charger/adapter", "Batterie/chargeur/adaptateur", 0.0, 0.0, divers=True),
    _C(3, "Decorative or safety lights", "Lumières décoratives/éclairage", 0.46, 14.72),
    _C(4, "Desktop computer", "Ordinateur de bureau", 6.69, 414.17),
    _C(5, "Digital compact camera", "Appareil photo numérique compact", 0.48, 29.73),
    _C(6, "DSLR/video camera", "Appareil photo numérique/Reflex", 0.59, 16.03),
    _C(7, "Fan", "Ventilateur", 3.9, 15.6),
    _C(8, "Flat screen", "Écran plat", 5.23, 343.49),
    _C(9, "Hair & beauty item", "Accessoires de beauté et pour cheveux", 0.67, 10.28),
    _C(10, "Handheld entertainment device", "Appareils portables de divertissement", 0.14, 22.71),
    _C(11, "Headphones", "Ecouteurs", 0.4, 3.0),
    _C(12, "Hi-Fi integrated", "Enceintes Hifi intégrées", 8.95, 186.5),
    _C(13, "Hi-Fi separates", "Enceintes Hifi séparées", 8.72, 123.86),
    _C(14, "Kettle", "Bouilloire", 1.25, 44.32),
    _C(15, "Lamp", "Lampe", 2.68, 14.96),
    _C(16, "Laptop", "Ordinateur portable", 1.83, 265.32),
    _C(17, "Large home electrical", "Gros appareil électrique domestique", 0.0, 0.0, divers=True),
    _C(18, "Misc", "Divers", 0.0, 0.0, divers=True),
    _C(19, "Mobile", "Téléphone portable", 0.15, 50.51),
    _C(20, "Musical instrument", "Instrument musical", 17.7, 109.5),
    _C(21, "Paper shredder", "Déchiqueteuse de papier", 3.8, 59.5),
    _C(22, "PC accessory", "Accessoires PC", 0.44, 15.94),
    _C(23, "Portable radio", "Radio portable", 2.06, 54.65),
    _C(24, "Power tool", "Outil électrique", 1.65, 26.65),
    _C(25, "Printer/scanner", "Imprimante/scanner", 12.47, 100.69),
    _C(26, "Projector", "Projecteur", 2.68, 57.58),
    _C(27, "Sewing machine", "Machine à coudre", 8.6, 35.0),
    _C(28, "Small home electrical", "Petit appareil électrique domestique", 0.0, 0.0, divers=True),
    _C(29, "Small kitchen item", "Petit objet de cuisine", 2.95, 30.9),
    _C(30, "Tablet", "Tablette", 0.77, 114.49),
    _C(31, "Toaster", "Grille-pain", 1.47, 8.13),
    _C(32, "Toy", "Jouet", 0.93, 10.4),
    _C(33, "TV and gaming-related accessories", "Accessoires TV et jeux vidéos", 1.99, 51.33),
    _C(34, "Vacuum", "Aspirateur", 6.8, 36.01),
    _C(35, "Watch/clock", "Montre/horloge", 1.3, 28.29),
    _C(36, "Coffee maker", "Machine à café", 1.28, 17.5),
    _C(37, "Food processor", "Robot de cuisine", 0.0, 0.0, divers=True),
    _C(38, "Games console", "Console de jeux", 3.22, 140.67),
    _C(39, "Hair dryer", "Sèche-cheveux", 0.0, 0.0, divers=True),
    _C(40, "Iron", "Fer à repasser", 1.17, 11.0),
)}


@dataclass(frozen=True)
class CategorieNonElectrique:
    """An unpowered item (Restarters ids 47–52); ORDS only publishes them as a summary."""

    code: str
    valeur_ords: str
    libelle: str
    poids_kg: float
    empreinte_kg: float


NON_ELECTRIQUES: dict[str, CategorieNonElectrique] = {c.code: c for c in (
    CategorieNonElectrique("meuble", "Unpowered - Furniture", "Meubles", 29.81, 67.13),
    CategorieNonElectrique("velo", "Unpowered - Bicycle", "Vélos", 15.1, 149.6),
    CategorieNonElectrique("textile", "Unpowered - Textile", "Vêtements", 0.75, 20.32),
    CategorieNonElectrique("divers", "Unpowered - Other", "Divers (non électrique)", 0.0, 0.0),
    CategorieNonElectrique("outil_manuel", "Unpowered - Other", "Outil manuel", 0.93, 4.67),
    CategorieNonElectrique("bijou", "Unpowered - Jewellery", "Bijoux", 0.06, 59.19),
)}

#: ORDS repair_status values, exactly as the standard spells them, with the Restarters French labels.
STATUTS: dict[str, str] = {
    "Fixed": "Réparé",
    "Repairable": "Réparable",
    "End of life": "Fin de vie",
    "Unknown": "Inconnu",
}

#: Our outcomes → ORDS repair_status.
STATUT_ORDS: dict[str, str] = {
    "repare": "Fixed",
    "reparable": "Repairable",
    "fin_de_vie": "End of life",
}


@dataclass(frozen=True)
class Frein:
    code: int
    valeur: str
    libelle: str


#: repair_barrier_if_end_of_life: the integer code is stored, the code-table text is emitted.
FREINS: dict[int, Frein] = {f.code: f for f in (
    Frein(1, "Spare parts not available", "Pièces détachées non disponibles"),
    Frein(2, "Spare parts too expensive", "Pièces détachées trop coûteuses"),
    Frein(3, "No way to open product", "Impossible d'ouvrir l'appareil"),
    Frein(4, "Repair information not available", "Informations de réparation non disponibles"),
    Frein(5, "Lack of equipment", "Manque d'équipement"),
    Frein(6, "Item too worn out", "Appareil trop usé"),
)}

#: Column order of the published ORDS CSV (14 columns).
COLONNES: tuple[str, ...] = (
    "id", "data_provider", "country", "partner_product_category", "product_category", "product_category_id",
    "brand", "year_of_manufacture", "product_age", "repair_status", "repair_barrier_if_end_of_life",
    "group_identifier", "event_date", "problem",
)

PAYS = "FRA"


def frein(code: str | int | None) -> Frein | None:
    """The barrier of a stored code ("3" or 3), None when absent or unknown.

    Why ``code or 0``: an absent code (None, "") reads as 0, which no barrier has, so it ends in the
    same ``None`` as an unknown one without a test of its own.
    """
    try:
        return FREINS.get(int(code or 0))
    except (TypeError, ValueError):  # TypeError: a list or a dict from a damaged file
        return None


#: The Open Repair Alliance's aggregate schema constraint on ``id`` (reference/repair.md).
MOTIF_ID = r"^[a-z]+-[0-9]+$"
#: Words every centre's name shares: left out of the provider prefix so that it says which centre.
_MOTS_COMMUNS = frozenset({"centre", "social", "sociale", "socio", "culturel", "socioculturel", "maison", "de", "du",
                           "des", "la", "le", "les", "l", "d", "et", "a", "au", "aux", "en", "quartier", "association"})


def prefixe(nom_centre: str) -> str:
    """``lapasserelle`` from « Centre social La Passerelle »: lowercase ASCII letters, at most 16.

    Why from the name: the ORA aggregates every partner's file; ids must not collide between
    partners, and a prefix a person recognises says whose repair it is.
    """
    import re
    import unicodedata

    ascii_ = "".join(c for c in unicodedata.normalize("NFKD", nom_centre) if c.isascii()).lower()
    mots = re.findall(r"[a-z]+", ascii_)
    utiles = [m for m in mots if m not in _MOTS_COMMUNS] or mots
    return "".join(utiles)[:16] or "atelier"


def identifiant(prefixe_centre: str, projet_id: str) -> str:
    """``lapasserelle-2527``: the project's stable number after the provider prefix (ORA pattern).

    The number is the id's digits when it has only digits after its letter, else its hexadecimal
    part read as a number (ids are ``r`` + 12 hex digits): the same project always gets the same id.
    """
    import string
    import zlib

    suite = projet_id.lstrip(string.ascii_lowercase) if projet_id[:1] == "r" else projet_id
    if suite.isdigit():
        numero = int(suite)
    else:
        try:
            numero = int(projet_id[1:], 16)
        except ValueError:
            numero = zlib.crc32(projet_id.encode())
    return f"{prefixe_centre}-{numero}"
