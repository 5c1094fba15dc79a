"""The statistics export: national section order, "< 5" for small counts of people, three formats."""

from __future__ import annotations

import csv
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atelier_app.reports import export_stats
from atelier_app.reports.statistiques import pour_periode
from tests import donnees_connues

QUAND = datetime(2026, 12, 1, 10, 30)  # the export's date, handed in by the caller's context

ORDRE_NATIONAL = [
    "Statistiques générales", "Accompagnements sur les 12 derniers mois", "Statistiques sur vos accompagnements",
    "Thématiques Médiation numérique", "Thématiques Démarches administratives", "Durées des activités", "Genre",
    "Tranches d'âge", "Statuts", "Commune de résidence des bénéficiaires",
]


@pytest.fixture
def stats(centre):
    donnees_connues.construire(centre)
    return pour_periode(centre.fiches.collecte, date(2025, 1, 1), date(2025, 12, 31))


def _titres(rangs, stats):
    connus = {s.titre for s in stats.sections}
    return [r[0] for r in rangs if len(r) == 1 and r[0] in connus]


def test_sections_dans_l_ordre_national_puis_celles_du_centre(stats) -> None:
    rangs = export_stats.lignes(stats, "Centre social des Tilleuls", quand=QUAND)
    titres = _titres(rangs, stats)
    assert titres[:len(ORDRE_NATIONAL)] == ORDRE_NATIONAL
    assert "Séances et heures" in titres[len(ORDRE_NATIONAL):]
    assert rangs[0] == ["Informations export"] and ["Filtres"] in rangs


def test_moins_de_5_personnes_masque_pour_les_financeurs(stats) -> None:
    rangs = {r[0]: r for r in export_stats.lignes(stats, "C", quand=QUAND) if len(r) >= 3}
    assert rangs["Roubaix"][1:3] == ["< 5", ""]          # 2 people: hidden, with its percentage
    # Lille (12) and Roubaix (2) make the 14 people followed: Lille alone shown would give Roubaix away
    assert rangs["Lille"][1:3] == ["s", ""]
    assert rangs["Séances réalisées"][1] == 14           # not a count of people
    assert rangs["Bénéficiaires suivis"][3] in ("< 5", "s")  # last year: 1 person
    assert rangs["Non communiqué"][1] == 0               # zero identifies nobody
    brut = {r[0]: r for r in export_stats.lignes(stats, "C", masque=False, quand=QUAND) if len(r) >= 3}
    assert brut["Roubaix"][1] == 2


def test_csv_point_virgule_bom_et_virgule_decimale(stats, tmp_path) -> None:
    chemin = export_stats.ecrire(stats, tmp_path / "s.csv", "Centre", quand=QUAND)
    brut = chemin.read_bytes()
    assert brut.startswith(b"\xef\xbb\xbf")
    lignes = list(csv.reader(brut.decode("utf-8-sig").splitlines(), delimiter=";"))
    par_libelle = {r[0]: r for r in lignes if r}
    assert par_libelle["Féminin"][1:3] == ["8", "57,143"]
    assert par_libelle["Roubaix"][1] == "< 5"


def test_xlsx_et_ods_lisibles(stats, tmp_path) -> None:
    from odf.opendocument import load
    from odf.table import TableRow
    from openpyxl import load_workbook

    x = export_stats.ecrire(stats, tmp_path / "s.xlsx", "Centre", quand=QUAND)
    ws = load_workbook(x)["Statistiques"]
    valeurs = {r[0]: r for r in ws.iter_rows(values_only=True) if r[0]}
    assert valeurs["Féminin"][1:3] == (8, 57.143)
    assert valeurs["Roubaix"][1] == "< 5"
    o = export_stats.ecrire(stats, tmp_path / "s.ods", "Centre", quand=QUAND)
    doc = load(str(o))
    textes = [str(r) for r in doc.spreadsheet.getElementsByType(TableRow)]
    assert any("Thématiques Médiation numérique" in t for t in textes)
    assert any(t.startswith("Roubaix") and "< 5" in t for t in textes)


def test_format_inconnu(stats, tmp_path) -> None:
    from atelier_app.errors import UserError

    with pytest.raises(UserError, match=r"\.xlsx, \.ods ou \.csv"):
        export_stats.ecrire(stats, tmp_path / "s.txt", "Centre", quand=QUAND)


@given(st.floats(0, 1000, allow_nan=False), st.booleans())
def test_masque_seulement_les_petits_effectifs_de_personnes(valeur: float, personnes: bool) -> None:
    v = export_stats.masquer(valeur, personnes, True)
    assert (v == export_stats.PETIT) == (personnes and 0 < valeur < 5)
    assert export_stats.masquer(valeur, personnes, False) != export_stats.PETIT


def test_annee_incomplete_et_evolution_jamais_sur_un_masque(stats) -> None:
    rangs = export_stats.lignes(stats, "C", quand=datetime(2025, 12, 15, 10, 0), en_cours="Année 2025 en cours : chiffres du 1er janvier au 15 décembre 2025.")
    assert ["Année incomplète", "Année 2025 en cours : chiffres du 1er janvier au 15 décembre 2025."] in rangs
    for r in rangs:
        if len(r) == 6 and r[0] != "Libellé" and ("< 5" in r[1:5] or "s" in r[1:5]):
            assert r[5] == "", r  # a change computed from a masked count would give it back


def test_export_d_une_annee_partielle_le_dit_sans_qu_on_le_demande(centre) -> None:
    donnees_connues.construire(centre)
    partielle = pour_periode(centre.fiches.collecte, date(2025, 1, 1), date(2025, 12, 1))
    rangs = export_stats.lignes(partielle, "C", quand=datetime(2025, 12, 1, 10, 0))
    assert ["Année incomplète", "Année 2025 incomplète : chiffres du 1er janvier au 1er décembre 2025, comparés à la "
            "même période de 2024."] in rangs
