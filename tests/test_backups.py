"""Rotating backups and restore."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from atelier_app import assemblage
from atelier_app.domain.personnes import Personne
from atelier_app.storage import backups
from atelier_app.storage.repository import Depot

instants = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1))


@given(st.lists(instants, min_size=1, max_size=200, unique=True))
def test_rotation_bornee_et_plus_recente_gardee(quands):
    garde = backups.a_garder(quands)
    assert len(garde) <= 3 + 8 + 5 + 12
    assert max(quands) in garde
    assert garde <= set(quands)


@given(st.lists(instants, min_size=1, max_size=60, unique=True))
def test_rotation_stable(quands):
    """Rotating twice deletes nothing more: what is kept stays kept."""
    garde = backups.a_garder(quands)
    assert backups.a_garder(sorted(garde)) == garde


def test_une_par_jour_sur_un_an():
    debut = datetime(2025, 1, 1, 9)
    quands = [debut + timedelta(days=i) for i in range(365)]
    garde = backups.a_garder(quands)
    recents = sorted(garde, reverse=True)
    assert recents[:8] == sorted(quands, reverse=True)[:8]
    assert len({(q.year, q.month) for q in garde}) == 12


def _depot_avec(dossier, *noms):
    depot = Depot.ouvrir(dossier)
    with depot.transaction("x") as tx:
        tx.put_many([Personne(id=n, nom=n, prenom="x") for n in noms])
    return depot


def test_sauvegarde_et_restauration(tmp_path):
    dossier = tmp_path / "d"
    depot = _depot_avec(dossier, "avant")
    archive = backups.sauvegarder(dossier, raison="manuelle")
    assert archive.name.endswith("-manuelle.zip")
    with depot.transaction("après") as tx:
        tx.put(Personne(id="apres", nom="apres", prenom="x"))
    depot.fermer()
    courant = (dossier / "atelier.json").read_bytes()
    utilisee, a_cote = assemblage.restaurer(dossier)
    assert utilisee == archive
    assert (a_cote / "atelier.json").read_bytes() == courant
    assert a_cote.parent.name == "mis_de_cote"
    rouvert = Depot.ouvrir(dossier)
    try:
        assert rouvert.get(Personne, "avant") is not None
        assert rouvert.get(Personne, "apres") is None
    finally:
        rouvert.fermer()


def test_sauvegarde_du_jour(tmp_path):
    dossier = tmp_path / "d"
    _depot_avec(dossier, "a").fermer()
    assert not backups.sauvegarde_du_jour_faite(dossier)
    backups.sauvegarder(dossier)
    backups.sauvegarder(dossier)
    assert backups.sauvegarde_du_jour_faite(dossier)
    assert len(backups.lister(dossier)) == 2
