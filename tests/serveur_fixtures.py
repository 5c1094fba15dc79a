"""The same tests on both stores: a throw-away PostgreSQL cluster and the ``magasin`` fixture.

Why redirect ``assemblage.ouvrir`` rather than change each test: the service, CLI and
expected-figure tests open "a data folder"; under the ``serveur`` parameter each distinct folder of
a test becomes its own empty database (the same folder opened twice is the same database), so
every assertion — figures included — is checked against the server unchanged.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pg_grappe import Grappe, dossier_binaires

#: Test modules run on both stores (the folder-only ones look at files, locks or the folder's layout).
DEUX_MAGASINS = {
    "test_accompagnements", "test_activites", "test_centre", "test_cli_donnees", "test_commande_lettres",
    "test_comptes", "test_documents", "test_fiches", "test_inscriptions", "test_interchange", "test_journal",
    "test_personnes", "test_positionnement", "test_preliste", "test_presences", "test_reparations",
    "test_rgpd", "test_seances", "test_statistiques", "test_export_stats", "test_export_ords", "test_threads",
}
#: Tests of those modules about the folder itself (its files, its lock, its mis_de_cote/ folder);
#: tests/test_serveur_*.py check the same on the server.
SEULEMENT_DOSSIER = {"test_verifier_sauvegarder_restaurer", "test_verifier_incoherences_code_1", "test_verrou_code_3",
                     "test_aucun_fichier_ne_contient_le_mot_de_passe",
                     "test_ids_pas_de_noms", "test_anonymiser_ne_change_aucune_statistique"}


@pytest.fixture(scope="session")
def grappe() -> Iterator[Grappe]:
    if dossier_binaires() is None:
        pytest.skip("PostgreSQL n'est pas installé sur cette machine (scripts/postgresql.sh l'installe)")
    ancien = os.environ.get("PGPASSWORD")
    g = Grappe().demarrer()
    g.bases_libres = []  # type: ignore[attr-defined]
    g.compteur = 0  # type: ignore[attr-defined]
    yield g
    g.arreter()
    if ancien is None:
        os.environ.pop("PGPASSWORD", None)
    else:
        os.environ["PGPASSWORD"] = ancien


class Bases:
    """Empty databases handed out during one test, emptied and given back at its end."""

    def __init__(self, grappe: Grappe) -> None:
        self.grappe = grappe
        self.prises: list[str] = []

    def nouvelle(self) -> str:
        g = self.grappe
        if g.bases_libres:  # type: ignore[attr-defined]
            nom = g.bases_libres.pop()  # type: ignore[attr-defined]
        else:
            g.compteur += 1  # type: ignore[attr-defined]
            nom = f"essai_{g.compteur}"  # type: ignore[attr-defined]
            g.creer_base(nom)
        self.prises.append(nom)
        return g.adresse(nom)

    def rendre(self) -> None:
        for nom in self.prises:
            self.grappe.vider(nom)
            self.grappe.bases_libres.append(nom)  # type: ignore[attr-defined]


@pytest.fixture
def bases(grappe: Grappe, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Bases]:
    monkeypatch.setenv("ATELIER_DOSSIER_LOCAL", str(tmp_path / "postes"))
    b = Bases(grappe)
    yield b
    b.rendre()


@pytest.fixture
def base_serveur(bases: Bases) -> str:
    """The address of an empty database on the throw-away cluster."""
    return bases.nouvelle()


@pytest.fixture(autouse=True)
def magasin(request: pytest.FixtureRequest) -> str:
    """Which store the test's data folders are: "dossier" (default) or "serveur"."""
    quel = getattr(request, "param", "dossier")
    if quel == "serveur":
        from atelier_app import assemblage
        from atelier_app.storage.serveur import est_adresse

        b: Bases = request.getfixturevalue("bases")
        vers: dict[str, str] = {}
        ouvrir, restaurer = assemblage.ouvrir, assemblage.restaurer

        def adresse(dossier) -> str:
            if est_adresse(dossier):
                return dossier
            cle = str(Path(dossier).resolve())
            if cle not in vers:
                vers[cle] = b.nouvelle()
            return vers[cle]

        mp: pytest.MonkeyPatch = request.getfixturevalue("monkeypatch")
        mp.setattr(assemblage, "ouvrir", lambda dossier=None, ctx=None: ouvrir(
            adresse(dossier or assemblage.dossier_par_defaut()), ctx))
        mp.setattr(assemblage, "restaurer", lambda dossier, fichier=None: restaurer(adresse(dossier), fichier))
    return quel


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    nom = metafunc.module.__name__.rsplit(".", 1)[-1]
    if ("magasin" in metafunc.fixturenames and nom in DEUX_MAGASINS
            and metafunc.function.__name__ not in SEULEMENT_DOSSIER and "gui" not in metafunc.definition.keywords):
        metafunc.parametrize("magasin", ["dossier", "serveur"], indirect=True)
