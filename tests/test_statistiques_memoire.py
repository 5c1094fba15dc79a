"""Statistiques keeps its figures between visits until the data changes (issue 15, screen switch
under 0.3 s at `grande`): a visit without a change computes nothing and draws at once; a change
told by ``ctx.signaler`` (a save, another PC) makes the next visit compute again."""

from __future__ import annotations

from datetime import date

import pytest

from atelier_app.domain.personnes import Personne
from tests import donnees_connues

pytestmark = pytest.mark.gui


@pytest.fixture
def calculs(app, monkeypatch) -> list[tuple]:
    """Each computation of the figures the screen starts (period and activity)."""
    from atelier_app.reports import statistiques

    app.services.ctx.aujourd_hui = lambda: date(2025, 12, 15)
    donnees_connues.construire(app.services)
    faits: list[tuple] = []
    vrai = statistiques.pour_periode

    def compter(collecter, du, au, activite=None):
        faits.append((du, au, activite))
        return vrai(collecter, du, au, activite)

    monkeypatch.setattr(statistiques, "pour_periode", compter)
    return faits


def _visiter(app, cle: str = "statistiques"):
    e = app.aller(cle)
    app.taches.attendre()
    return e


def _total(ecran) -> str:
    sid = next(i for i in ecran.arbre.get_children() if ecran.arbre.item(i, "text") == "Statistiques générales")
    enfants = {ecran.arbre.item(c, "text"): ecran.arbre.item(c, "values") for c in ecran.arbre.get_children(sid)}
    return str(enfants["Bénéficiaires accompagnés"][0])


def test_revenir_sans_changement_ne_recalcule_rien(app, calculs) -> None:
    e = _visiter(app)
    assert len(calculs) == 1 and e.stats is not None
    for _ in range(3):
        _visiter(app, "personnes")
        lancees = app.taches.en_cours
        e = app.aller("statistiques")
        assert app.taches.en_cours == lancees  # nothing started: the figures are there already
        app.taches.attendre()
    assert len(calculs) == 1
    assert e.arbre.get_children()


def test_ecran_reconstruit_montre_les_chiffres_gardes_sans_attendre(app, calculs) -> None:
    avant = _visiter(app)
    chiffres = _total(avant)
    _visiter(app, "personnes")
    app.ecrans.pop("statistiques").destroy()  # rebuilt, as after a change of user
    e = app.aller("statistiques")
    assert app.taches.en_cours == 0
    assert _total(e) == chiffres  # shown at once, before any task could have run
    assert len(calculs) == 1


def test_un_changement_signale_fait_recalculer(app, calculs) -> None:
    e = _visiter(app)
    avant = _total(e)
    _visiter(app, "personnes")
    s = app.services
    with s.depot.transaction("accompagnement de test") as tx:
        tx.put(Personne(id="p-nouveau", nom="Nouveau", prenom="Né"))
    s.ctx.signaler("personnes")  # what every service does after a write (and the server's listener)
    e = _visiter(app)
    assert len(calculs) == 2
    assert _total(e) == avant  # same figures (a person with no help desk visit), but computed again


def test_changement_pendant_que_l_ecran_montre_recalcule(app, calculs) -> None:
    _visiter(app)
    app.services.ctx.signaler("accompagnements")
    app.taches.attendre()
    assert len(calculs) == 2  # the screen on view refreshes with new figures


def test_bouton_calculer_recalcule_toujours(app, calculs) -> None:
    e = _visiter(app)
    e.calculer()
    app.taches.attendre()
    assert len(calculs) == 2


def test_periode_ou_activite_differente_calculee_a_part(app, calculs) -> None:
    e = _visiter(app)
    e.annee.set("2024")
    e._annee_changee()
    e.calculer()
    app.taches.attendre()
    assert len(calculs) == 2
    _visiter(app, "personnes")
    _visiter(app)  # the screen keeps its 2024 filters: the 2024 figures are kept, nothing computed
    assert len(calculs) == 2 and e.stats.debut.year == 2024


def test_ecran_reconstruit_pendant_le_calcul_le_rejoint(app, calculs) -> None:
    app.aller("statistiques")  # computing, not waited for
    app.aller("personnes")
    app.ecrans.pop("statistiques").destroy()
    e = app.aller("statistiques")
    app.taches.attendre()
    assert len(calculs) == 1  # one computation for both screens
    assert e.stats is not None and e.arbre.get_children()


def test_calcul_en_echec_retente_a_la_visite_suivante(app, calculs, monkeypatch) -> None:
    from atelier_app.reports import statistiques

    compter = statistiques.pour_periode
    monkeypatch.setattr(statistiques, "pour_periode", lambda *a: (_ for _ in ()).throw(RuntimeError("panne")))
    _visiter(app)
    assert [m for m in app.messages if m[0] == "erreur"]  # shown the usual way
    monkeypatch.setattr(statistiques, "pour_periode", compter)
    _visiter(app, "personnes")
    e = _visiter(app)
    assert len(calculs) == 1 and e.stats is not None
