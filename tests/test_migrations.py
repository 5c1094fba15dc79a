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


def test_schema_1_personnes_passent_des_annees_aux_mois(tmp_path):
    """A folder written by schema 1 (people in the year files) opens with every person and every other
    record where it was, people now in month files, and nothing else moved."""
    dossier = tmp_path / "d"
    (dossier / "annees").mkdir(parents=True)
    (dossier / "atelier.json").write_text(json.dumps({"_meta": {"schema": {"version": 1}}}), "utf-8")
    an_2024 = {"personnes": {"p1": {"id": "p1", "nom": "Durand", "prenom": "Anne", "cree_le": "2024-03-05"},
                             "p2": {"id": "p2", "nom": "Roux", "prenom": "Paul", "cree_le": "2024-11-30"}},
               "preliste": {"e1": {"id": "e1", "personne": "p1", "activite": "a", "demande_le": "2024-03-05"}}}
    an_2025 = {"personnes": {"p3": {"id": "p3", "nom": "Petit", "prenom": "Léa", "cree_le": "2025-01-02"}}}
    (dossier / "annees" / "2024.json").write_text(json.dumps(an_2024), "utf-8")
    (dossier / "annees" / "2025.json").write_text(json.dumps(an_2025), "utf-8")
    depot = Depot.ouvrir(dossier)
    try:
        assert {p.id: p.nom for p in depot.all(Personne)} == {"p1": "Durand", "p2": "Roux", "p3": "Petit"}
        assert depot.schema_version() == SCHEMA_VERSION
    finally:
        depot.fermer()
    lire = lambda rel: json.loads((dossier / rel).read_text("utf-8"))  # noqa: E731
    assert set(lire("personnes/2024-03.json")["personnes"]) == {"p1"}
    assert set(lire("personnes/2024-11.json")["personnes"]) == {"p2"}
    assert set(lire("personnes/2025-01.json")["personnes"]) == {"p3"}
    assert "personnes" not in lire("annees/2024.json") and set(lire("annees/2024.json")["preliste"]) == {"e1"}
    assert not list(dossier.rglob("*.tx")) and not (dossier / "transaction.json").exists()
    rouvert = Depot.ouvrir(dossier)  # a second opening finds nothing to migrate
    try:
        assert rouvert.count(Personne) == 3
    finally:
        rouvert.fermer()
