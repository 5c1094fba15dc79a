"""Age bands derived from the year of birth, never typed in (national rule)."""

from __future__ import annotations


def tranche_age(annee_naissance: int | None, annee_reference: int) -> str:
    """Coop rule: age = reference year − year of birth; no year ⇒ ``non_communique``."""
    if not annee_naissance or annee_naissance > annee_reference:
        return "non_communique"
    age = annee_reference - annee_naissance
    if age >= 70:
        return "soixante_dix_plus"
    if age >= 60:
        return "soixante_soixante_neuf"
    if age >= 40:
        return "quarante_cinquante_neuf"
    if age >= 25:
        return "vingt_cinq_trente_neuf"
    if age >= 18:
        return "dix_huit_vingt_quatre"
    if age >= 12:
        return "douze_dix_huit"
    return "moins_de_douze"


def est_mineur(annee_naissance: int | None, annee_reference: int) -> bool:
    """A person is treated as a minor when under 18 in the reference year (safe side for consent)."""
    if not annee_naissance:
        return False
    return annee_reference - annee_naissance < 18
