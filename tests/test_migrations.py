"""Schema version at open: older data is migrated after a backup; newer data is refused."""

from __future__ import annotations

import json

import pytest

from atelier_app.domain.personnes import Personne
from atelier_app.errors import DonneesIllisibles
from atelier_app.storage import backups, migrations
from atelier_app.storage.repository import SCHEMA_VERSION, Depot


def _fixer_version(dossier, version):
    chemin = dossier / "atelier.json"
    data = json.loads(chemin.read_text("utf-8"))
    data["_meta"]["schema"]["version"] = version
    chemin.write_text(json.dumps(data), "utf-8")


def test_ancien_schema_migre_apres_sauvegarde(tmp_path, monkeypatch):
    dossier = tmp_path / "d"
    depot = Depot.ouvrir(dossier)
    with depot.transaction("x") as tx:
        tx.put(Personne(id="p1", nom="durand", prenom="anne"))
    depot.fermer()
    _fixer_version(dossier, SCHEMA_VERSION - 1)

    def majuscules(contenus):  # a fake step: names were stored in lower case before
        for contenu in contenus.values():
            for doc in contenu.get("personnes", {}).values():
                doc["nom"] = doc["nom"].upper()

    monkeypatch.setitem(migrations.MIGRATIONS, SCHEMA_VERSION - 1, majuscules)
    depot = Depot.ouvrir(dossier)
    try:
        assert depot.get(Personne, "p1").nom == "DURAND"
        assert depot.schema_version() == SCHEMA_VERSION
    finally:
        depot.fermer()
    faites = backups.lister(dossier)
    assert len(faites) == 1 and "avant-migration" in faites[0].chemin.name
    rouvert = Depot.ouvrir(dossier)  # migrated once, stored
    rouvert.fermer()
    assert len(backups.lister(dossier)) == 1


def test_schema_plus_recent_refuse(tmp_path):
    dossier = tmp_path / "d"
    Depot.ouvrir(dossier).fermer()
    _fixer_version(dossier, SCHEMA_VERSION + 1)
    avant = (dossier / "atelier.json").read_bytes()
    with pytest.raises(DonneesIllisibles, match="version plus récente"):
        Depot.ouvrir(dossier)
    assert (dossier / "atelier.json").read_bytes() == avant
