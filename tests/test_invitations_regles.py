"""Which meeting an invitation letter announces (``domain/invitations.py``)."""

from __future__ import annotations

from datetime import date

from atelier_app.domain.activites import Activite, Reunion
from atelier_app.domain.invitations import reunion_pour


def _activite(reunion: Reunion) -> Activite:
    return Activite(id="initiation", nom="Initiation", reunion=reunion)


def test_la_date_de_l_activite_l_emporte() -> None:
    r = Reunion(date(2026, 9, 8), "14:00", "Salle 2")
    assert reunion_pour(_activite(r), date(2026, 10, 1)) == Reunion(date(2026, 9, 8), "14:00", "Salle 2")
    assert reunion_pour(_activite(r), None) == Reunion(date(2026, 9, 8), "14:00", "Salle 2")


def test_sinon_la_date_de_la_preliste_avec_l_heure_et_le_lieu_de_l_activite() -> None:
    r = Reunion(None, "14:00", "Salle 2")
    assert reunion_pour(_activite(r), date(2026, 10, 1)) == Reunion(date(2026, 10, 1), "14:00", "Salle 2")


def test_sans_aucune_date_pas_de_lettre() -> None:
    assert reunion_pour(_activite(Reunion(None, "14:00", "Salle 2")), None) is None
    assert reunion_pour(_activite(Reunion()), None) is None
