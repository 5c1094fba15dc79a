"""Threads: a background task can neither swallow a save made meanwhile on the Tk thread, nor
refresh the screens from its own thread (issue 13, "a lost write", "screens refreshed from a worker")."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date

import pytest

from atelier_app import assemblage
from atelier_app.domain.activites import Reunion
from atelier_app.domain.personnes import Personne


class _Abandon(Exception):
    pass


def annulation_pendant_un_enregistrement(s) -> str:
    """A background task inside a transaction that it then rolls back, while the main thread saves a
    person meanwhile: the saved person is kept, the task's is gone. Returns the saved person's id.
    Played on the folder here and on the server by tests/test_serveur_fils.py."""
    dans_la_transaction = threading.Event()
    erreurs: list[BaseException] = []

    def tache() -> None:
        try:
            with s.depot.transaction("Tâche de fond") as tx:
                tx.put(Personne(id="p-tache", nom="Tache", prenom="Annulée"))
                dans_la_transaction.set()
                threading.Event().wait(0.3)  # the main thread saves meanwhile
                raise _Abandon
        except _Abandon:
            pass
        except BaseException as exc:  # pragma: no cover - shown by the assertion below
            erreurs.append(exc)

    fil = threading.Thread(target=tache)
    fil.start()
    assert dans_la_transaction.wait(5)
    amelie = s.personnes.ajouter(Personne(id="", nom="Durand", prenom="Amélie"))
    fil.join(10)
    assert not erreurs
    assert s.depot.get(Personne, amelie.id) is not None
    assert s.depot.get(Personne, "p-tache") is None
    return amelie.id


def test_une_tache_qui_annule_ne_perd_pas_l_enregistrement_du_fil_principal(centre, dossier):
    amelie = annulation_pendant_un_enregistrement(centre)
    assemblage.fermer(centre)
    rouvert = assemblage.ouvrir(dossier)
    try:
        assert rouvert.depot.get(Personne, amelie) is not None
        assert rouvert.depot.get(Personne, "p-tache") is None
    finally:
        assemblage.fermer(rouvert)
    centre.depot = assemblage.ouvrir(dossier).depot  # the fixture closes it again


def test_une_transaction_imbriquee_du_meme_fil_rejoint_la_premiere(centre):
    with centre.depot.transaction("Extérieure") as tx:
        with centre.depot.transaction("Intérieure") as interieure:
            assert interieure is tx
            interieure.put(Personne(id="p-int", nom="Dedans", prenom="Imbriquée"))
    assert centre.depot.get(Personne, "p-int") is not None


@pytest.mark.gui
def test_lettres_en_tache_de_fond_rafraichissent_sur_le_fil_tk(app):
    s = app.services
    s.activites.modifier(replace(s.centre.activite("senou"), reunion=Reunion(date(2026, 9, 3), "10:00", "Salle B")))
    e = s.preliste.ajouter("senou", Personne(id="", nom="Durand", prenom="Amélie", adresse="1 rue X",
                                             code_postal="59000", commune="Lille"))
    ecran = app.aller("activites")
    app.racine.update()
    fils: list[str] = []
    rafraichir = ecran.rafraichir
    ecran.rafraichir = lambda: (fils.append(threading.current_thread().name), rafraichir())[1]
    app.taches.lancer(lambda _avancer: s.preliste.marquer_invites("senou", [e.personne]))
    app.taches.attendre()
    assert not [m for m in app.messages if m[0] == "erreur"], app.messages
    assert fils and set(fils) == {threading.main_thread().name}
    assert s.preliste.comptes("senou")["invite"] == 1
