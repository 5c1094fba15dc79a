"""Code lists and their labels (``domain/codes.py``): the national codes are a contract."""

from __future__ import annotations

from atelier_app.domain.codes import (
    GENRES,
    JOURS,
    MOIS,
    STATUTS_PRESENCE,
    THEMATIQUES,
    THEMATIQUES_DEMARCHES,
    THEMATIQUES_MEDIATION,
    TRANCHES_AGE,
    libelle,
)


def test_libelle_d_un_code_connu() -> None:
    assert libelle(GENRES, "feminin") == "Féminin"
    assert libelle(STATUTS_PRESENCE, "retard") == "En retard"
    assert libelle(TRANCHES_AGE, "douze_dix_huit") == "12 - 17 ans"


def test_code_inconnu_montre_tel_quel() -> None:
    assert libelle(GENRES, "homme") == "homme"
    assert libelle(GENRES, "") == ""


def test_sans_code_rien() -> None:
    assert libelle(GENRES, None) == ""
    assert libelle({"None": "Aucun"}, None) == ""


def test_thematiques_nationales() -> None:
    assert len(THEMATIQUES_MEDIATION) == 19 and len(THEMATIQUES_DEMARCHES) == 11
    assert THEMATIQUES == {**THEMATIQUES_MEDIATION, **THEMATIQUES_DEMARCHES}
    assert next(iter(THEMATIQUES)) == "diagnostic_numerique" and list(THEMATIQUES)[-1] == "associations"


def test_tranches_d_age_de_la_plus_agee_a_non_communique() -> None:
    assert list(TRANCHES_AGE.values()) == ["70 ans et plus", "60 - 69 ans", "40 - 59 ans", "25 - 39 ans",
                                           "18 - 24 ans", "12 - 17 ans", "Moins de 12 ans", "Non communiqué"]


def test_jours_et_mois() -> None:
    assert JOURS[0] == "lundi" and JOURS[-1] == "dimanche" and len(JOURS) == 7
    assert MOIS[1] == "février" and MOIS[7] == "août" and MOIS[11] == "décembre" and len(MOIS) == 12
