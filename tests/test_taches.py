"""Background tasks: the heap that survives a collection is frozen, so later tasks no longer walk it
(issue 15: 0.15 to 0.4 s per task at `grande`), and what was frozen is still collected in the end."""

from __future__ import annotations

import gc
import weakref

import pytest

from atelier_app.gui import taches

pytestmark = pytest.mark.gui


class Boucle:
    """An object kept alive only by a cycle: freed by the cyclic collector, never by refcounts."""

    def __init__(self) -> None:
        self.moi = self


def test_le_tas_survivant_est_gele_puis_degele_a_la_fermeture(app) -> None:
    app.taches.lancer(lambda _av: 1)
    app.taches.attendre()
    assert gc.get_freeze_count() > 0
    app.taches.arreter()
    assert gc.get_freeze_count() == 0


def test_les_dechets_sont_ramasses_avant_chaque_tache(app) -> None:
    mort = weakref.ref(Boucle())  # garbage already
    app.taches.lancer(lambda _av: 1)
    assert mort() is None
    app.taches.attendre()


def test_un_objet_gele_puis_abandonne_est_ramasse_au_degel(app, monkeypatch) -> None:
    monkeypatch.setattr(taches, "DEGEL", 3)
    vivant = Boucle()
    ref = weakref.ref(vivant)
    app.taches.lancer(lambda _av: 1)  # frozen while alive
    app.taches.attendre()
    del vivant
    for _ in range(3):
        app.taches.lancer(lambda _av: 1)
        app.taches.attendre()
    assert ref() is None  # thawed and collected within DEGEL tasks
