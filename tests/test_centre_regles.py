"""The centre's identity and settings records (``domain/centre.py``)."""

from __future__ import annotations

from datetime import date

from atelier_app.domain.centre import Centre, Parametres, PeriodeVacances


def test_un_seul_enregistrement_de_chaque_range_avec_le_noyau() -> None:
    assert (Centre.TABLE, Centre.RANGEMENT, Centre.ID, Centre().id) == ("centre", "noyau", "centre", "centre")
    assert (Parametres.TABLE, Parametres.RANGEMENT, Parametres.ID, Parametres().id) == (
        "parametres", "noyau", "parametres", "parametres")
    assert Centre(nom="CS").date_rangement() == date(2000, 1, 1)
    assert Parametres().date_rangement() == date(2000, 1, 1)


def test_configure_quand_le_nom_est_rempli() -> None:
    assert not Centre().configure
    assert not Centre(nom="   ").configure
    assert Centre(nom="CS Les Tilleuls").configure


def test_parametres_par_defaut() -> None:
    p = Parametres()
    assert (p.taille_texte, p.theme, p.zone_scolaire, p.vacances_manuelles, p.mode_benevole,
            p.verrouillage_minutes, p.retention_annees) == (100, "clair", "A", (), False, 10, 3)


def test_periode_de_vacances() -> None:
    v = PeriodeVacances(date(2026, 10, 17), date(2026, 11, 2))
    assert (v.debut, v.fin, v.nom) == (date(2026, 10, 17), date(2026, 11, 2), "")
