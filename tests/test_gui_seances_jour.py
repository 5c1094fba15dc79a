"""Séances opens on today (issue 15, point 5): the running cycle, today's row, a month to choose."""

from __future__ import annotations

import pytest

from atelier_app.gui.screens.seances import ChoixMois
from tests.clavier import JOUR, copie_demo, fermer_app, ouvrir_app, quand_ouverte

pytestmark = pytest.mark.gui


@pytest.fixture
def app(tmp_path_factory, tmp_path, monkeypatch):
    a = ouvrir_app(copie_demo(tmp_path_factory, tmp_path), monkeypatch)
    yield a
    fermer_app(a)


def test_seances_sur_le_cycle_et_le_jour_courants(app) -> None:
    ecran = app.aller("seances")
    app.racine.update()
    for i, a in enumerate(ecran.activites):
        ecran.c_activite.current(i)
        ecran._activite_choisie()
        cycle = ecran.cycles[ecran.c_cycle.current()] if ecran.cycles else None
        if cycle is not None and any(c.debut and c.debut <= JOUR for c in ecran.cycles):
            assert cycle.debut <= JOUR, (a.nom, cycle.nom)
        assert "sur 0" not in ecran.info.cget("text"), a.nom
    ecran.c_activite.current(0)
    ecran._activite_choisie()
    ecran.premier_focus()
    sid = ecran.arbre.focus()
    dates = sorted(ecran._dates.values())
    avenir = [d for d in dates if d >= JOUR]
    assert ecran._dates[sid] == (avenir[0] if avenir else dates[-1])


def test_feuille_du_mois_au_choix(app) -> None:
    ecran = app.aller("seances")
    app.racine.update()
    vus: list[list[str]] = []

    def choisir(d: ChoixMois) -> None:
        vus.append(list(d.liste.cget("values")))
        d.liste.current(0)
        d.event_generate("<Return>")

    quand_ouverte(app, ChoixMois, choisir)
    ecran.imprimer_mois()
    app.taches.attendre()
    assert vus and len(vus[0]) >= 1
    assert not [m for m in app.messages if m[0] == "erreur"], app.messages
    assert any("Feuille écrite" in m[1] for m in app.messages)
