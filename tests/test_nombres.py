"""Numbers a person reads, the French way (Babel fr_FR), and one statistics row as printed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from atelier_app.domain import nombres
from atelier_app.domain.secret import Masque
from atelier_app.reports import cellules
from atelier_app.reports.statistiques import Ligne, Section

NNBSP = "\u202f"


def test_constat_de_l_issue() -> None:
    """« 15686 », « 11034,6 kg de CO2 », « 25,018 » without %, « 52,25 heures »."""
    assert nombres.entier(15686) == f"15{NNBSP}686"
    assert nombres.decimal(11034.6) == f"11{NNBSP}034,6"
    assert nombres.taux(25.018) == f"25,0{NNBSP}%"
    assert nombres.heures(52.25) == "52\u00a0h\u00a015"
    assert nombres.pourcent(1, 0) == nombres.taux(None) == "—"
    assert nombres.nombre(84.0) == "84" and nombres.nombre(6.5) == "6,5"


def test_cellules_du_rapport() -> None:
    assert cellules.valeur(52.25, "h") == "52\u00a0h\u00a015"
    assert cellules.valeur(87.5, "%") == f"87,5{NNBSP}%"
    assert cellules.valeur(3, "", Masque.PETIT) == "< 5" and cellules.valeur(9, "", Masque.SECRET) == "s"
    assert cellules.pourcentage(12.5, Masque.PETIT) == ""  # a masked count's percentage gives it away
    assert cellules.libelle(Ligne("CO2 évité", 1, unite="kg")) == "CO₂ évité (kg)"
    assert cellules.libelle(Ligne("Nombre total d'activités", 1)) == "Nombre total d’activités"
    vide = Section("Genre", [Ligne("Féminin", 0, 0.0), Ligne("Masculin", 0, 0.0)])
    assert cellules.sans_denominateur(vide)
    assert cellules.pourcentage(0.0, vide=True) == "—"


@given(st.integers(0, 10**7))
def test_entier_relu(n: int) -> None:
    assert int(nombres.entier(n).replace(NNBSP, "")) == n
    assert nombres.lire_decimal(nombres.entier(n)) == n


@given(st.integers(0, 100 * 60))
def test_heures_relues(minutes: int) -> None:
    texte = nombres.heures(minutes / 60)
    h, _, m = texte.replace("\u00a0h", "").partition("\u00a0")
    assert int(h.replace(NNBSP, "")) * 60 + (int(m) if m else 0) == minutes


def test_annee_en_cours() -> None:
    from datetime import date

    from atelier_app.domain.periode import annee

    p = annee(2026, date(2026, 12, 1))
    assert (p.debut, p.fin, p.en_cours) == (date(2026, 1, 1), date(2026, 12, 1), True)
    assert p.avertissement() == ("Année 2026 en cours : chiffres du 1er janvier au 1er décembre 2026, "
                                 "comparés à la même période de 2025.")
    assert annee(2025, date(2026, 12, 1)) == annee(2025, date(2025, 12, 31))
    assert not annee(2025, date(2026, 12, 1)).en_cours and annee(2025, date(2026, 1, 1)).avertissement() == ""
    assert not annee(2027, date(2026, 12, 1)).en_cours  # a future year: the whole year (nothing yet)


def test_taux_sans_rien_a_diviser() -> None:
    """« Taux de présence 0,0 % » in a year with no session: nothing to divide by, « — »."""
    vide = Section("Séances et heures", [Ligne("Séances réalisées", 0, precedent=4),
                                         Ligne("Taux de présence des inscrits", 0, unite="%", precedent=0)])
    taux = vide.lignes[1]
    assert cellules.taux(vide, taux, taux.valeur) == "—"
    assert cellules.taux(vide, taux, taux.precedent, precedent=True) == f"0,0{NNBSP}%"  # 4 sessions, nobody
