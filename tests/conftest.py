"""Shared fixtures: a fresh data folder, opened services, and (for GUI tests) the main window."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from atelier_app import assemblage
from atelier_app.domain.centre import Centre
from atelier_app.services import Services
from atelier_app.services.centre import activites_par_defaut

pytest_plugins = ["tests.serveur_fixtures"]

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(autouse=True)
def exports_temporaires(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Documents written by tests never land in the repository's exports/ folder."""
    d = tmp_path_factory.mktemp("exports")
    monkeypatch.setenv("ATELIER_EXPORTS", str(d))
    return d


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    d = tmp_path / "donnees"
    d.mkdir()
    return d


@pytest.fixture
def services(dossier: Path) -> Iterator[Services]:
    s = assemblage.ouvrir(dossier)
    yield s
    assemblage.fermer(s)


@pytest.fixture
def centre(services: Services) -> Services:
    """Services on a configured centre with the default activities."""
    services.centre.premier_demarrage(
        Centre(nom="Centre social des Tilleuls", adresse="3 rue des Lilas", code_postal="59000", commune="Lille"),
        activites_par_defaut("Sophie Martin", "Salle multimédia"),
    )
    return services


@pytest.fixture
def app(centre: Services, monkeypatch: pytest.MonkeyPatch):
    """The main window on a configured centre; dialogs are recorded instead of shown."""
    from atelier_app.gui import dialogues
    from atelier_app.gui.app import AtelierApp

    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogues, "informer", lambda _p, m, *a, **k: messages.append(("info", m)))
    monkeypatch.setattr(dialogues, "avertir", lambda _p, m, *a, **k: messages.append(("avertissement", m)))
    monkeypatch.setattr(dialogues, "erreur", lambda _p, m, *a, **k: messages.append(("erreur", m)))
    monkeypatch.setattr(dialogues, "confirmer", lambda _p, m, *a, **k: messages.append(("question", m)) or True)
    a = AtelierApp(centre)
    a.messages = messages
    a.racine.update()
    yield a
    a.fermer()


def pytest_collection_modifyitems(config, items):
    if os.environ.get("ATELIER_SANS_GUI"):
        skip = pytest.mark.skip(reason="ATELIER_SANS_GUI")
        for item in items:
            if "gui" in item.keywords:
                item.add_marker(skip)
