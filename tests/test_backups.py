"""Rotating backups and restore."""

from __future__ import annotations

from datetime import date, datetime, timedelta

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
    maintenant = datetime(2027, 1, 31, 9, 0)
    assert not backups.sauvegarde_du_jour_faite(dossier, maintenant.date())
    backups.sauvegarder(dossier, horloge=lambda: maintenant)
    backups.sauvegarder(dossier, horloge=lambda: maintenant)
    assert backups.sauvegarde_du_jour_faite(dossier, maintenant.date())
    assert not backups.sauvegarde_du_jour_faite(dossier, date(2027, 2, 1))
    assert len(backups.lister(dossier)) == 2


def test_premiere_du_jour_et_manuelle_gardees(tmp_path):
    """Issue 18 point 5: the morning's backup and a backup made by hand survive later automatic ones."""
    dossier = tmp_path / "d"
    _depot_avec(dossier, "a").fermer()
    s = dossier / "sauvegardes"
    s.mkdir()
    noms = ["atelier-20261201-080000-quotidienne.zip", "atelier-20261201-090000-manuelle.zip"]
    noms += [f"atelier-20261201-1{i}0000-avant-import.zip" for i in range(5)]
    noms += ["atelier-20250101-080000-manuelle.zip", "atelier-20240101-080000-dechiffree.zip"]
    for n in noms:
        (s / n).write_bytes(b"PK")
    backups.tourner(dossier)
    restent = {p.name for p in s.iterdir()}
    assert "atelier-20261201-080000-quotidienne.zip" in restent  # first of the day
    assert {"atelier-20261201-090000-manuelle.zip", "atelier-20250101-080000-manuelle.zip",
            "atelier-20240101-080000-dechiffree.zip"} <= restent
    assert "atelier-20261201-100000-avant-import.zip" not in restent


def test_supprimer_une_sauvegarde(services, tmp_path):
    chemin = services.donnees.sauvegarder(raison="manuelle")
    services.donnees.supprimer_sauvegarde(chemin)
    assert not chemin.exists()
    import pytest

    from atelier_app.errors import UserError

    autre = tmp_path / "atelier-20260101-000000.zip"
    autre.write_bytes(b"PK")
    with pytest.raises(UserError, match="n'est pas une sauvegarde de ce dossier"):
        services.donnees.supprimer_sauvegarde(autre)
    assert autre.exists()


def test_sauvegarde_dechiffree_datee_de_son_contenu(services, tmp_path):
    from atelier_app.storage import chiffrement

    a = services.donnees.sauvegarder(raison="manuelle")
    import os

    for p in services.depot.dossier.rglob("*.json"):
        os.utime(p, (1700000000, 1700000000))  # 14 November 2023
    chiffre = tmp_path / "x.atelier-chiffre"
    chiffre.write_bytes(chiffrement.chiffrer(backups.archive(services.depot.dossier), "Les 3 chats gris dorment !"))
    z = services.rgpd.dechiffrer_sauvegarde(chiffre, "Les 3 chats gris dorment !")
    (s,) = [s for s in services.donnees.sauvegardes() if s.chemin == z]
    assert s.quand.date().isoformat() == "2023-11-14" and s.a_la_main
    assert a.exists()
