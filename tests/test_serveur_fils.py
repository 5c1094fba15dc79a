"""Threads on the server's store (issue 13, "a lost write", as tests/test_threads.py on the folder):
a transaction belongs to the thread that opened it; another thread waits for it, never joins it.

Why a test of its own: on the server, a save joined to a background task's action would be undone
with it in this PC's copy and never sent, so the other PCs would not see it either.
"""

from __future__ import annotations

import threading

import psycopg
import pytest

from atelier_app import assemblage
from atelier_app.domain.personnes import Personne
from tests.test_threads import annulation_pendant_un_enregistrement


@pytest.fixture
def services_serveur(base_serveur):
    s = assemblage.ouvrir(base_serveur)
    yield s
    assemblage.fermer(s)


def _ids_sur_le_serveur(adresse: str) -> set[str]:
    with psycopg.connect(adresse) as c:
        return {r[0] for r in c.execute("SELECT id FROM atelier_docs WHERE tbl = 'personnes' AND data IS NOT NULL")}


def test_une_tache_qui_annule_ne_perd_pas_l_enregistrement_du_fil_principal(services_serveur, base_serveur):
    amelie = annulation_pendant_un_enregistrement(services_serveur)
    sur_le_serveur = _ids_sur_le_serveur(base_serveur)
    assert amelie in sur_le_serveur and "p-tache" not in sur_le_serveur


def test_le_second_fil_attend_la_fin_de_la_premiere_transaction(services_serveur, base_serveur):
    """The other thread's save is its own SQL transaction, sent after the first one ended."""
    s = services_serveur
    ouverte, liberer = threading.Event(), threading.Event()
    ordre: list[str] = []

    def tache() -> None:
        with s.depot.transaction("Tâche de fond") as tx:
            tx.put(Personne(id="p-fond", nom="Fond", prenom="Tâche"))
            ouverte.set()
            liberer.wait(5)
            ordre.append("tâche")

    def second() -> None:
        with s.depot.transaction("Second fil") as tx:
            ordre.append("second")
            tx.put(Personne(id="p-second", nom="Second", prenom="Fil"))

    fil = threading.Thread(target=tache)
    fil.start()
    assert ouverte.wait(5)
    autre = threading.Thread(target=second)
    autre.start()
    autre.join(0.3)
    assert autre.is_alive() and ordre == []  # it waits: it did not join the open transaction
    liberer.set()
    fil.join(10)
    autre.join(10)
    assert ordre == ["tâche", "second"]
    assert {"p-fond", "p-second"} <= _ids_sur_le_serveur(base_serveur)


def test_une_transaction_imbriquee_du_meme_fil_rejoint_la_premiere(services_serveur, base_serveur):
    s = services_serveur
    with s.depot.transaction("Extérieure") as tx:
        with s.depot.transaction("Intérieure") as interieure:
            assert interieure is tx
            interieure.put(Personne(id="p-int", nom="Dedans", prenom="Imbriquée"))
        assert "p-int" not in _ids_sur_le_serveur(base_serveur)  # sent once, with the outer action
    assert "p-int" in _ids_sur_le_serveur(base_serveur)
