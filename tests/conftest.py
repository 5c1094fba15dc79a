"""Shared fixtures: a fresh data folder, opened services, and (for GUI tests) the main window."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from atelier_app import assemblage
from atelier_app.domain.centre import Centre
from atelier_app.services import Services
from atelier_app.services.centre import activites_par_defaut
from atelier_app.services.contexte import DATE_FIXE, horloge_aujourd_hui

pytest_plugins = ["tests.serveur_fixtures"]

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(autouse=True)
def exports_temporaires(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Documents written by tests never land in the repository's exports/ folder."""
    d = tmp_path_factory.mktemp("exports")
    monkeypatch.setenv("ATELIER_EXPORTS", str(d))
    return d


@pytest.fixture(autouse=True)
def date_fixe(monkeypatch: pytest.MonkeyPatch) -> date:
    """Today for the test: the real date, or ``ATELIER_DATE_FIXE`` (``ATELIER_DATE_FIXE=2028-02-29 pytest``),
    which every context built by the test reads, and every CLI subprocess it starts inherits."""
    valeur = os.environ.get(DATE_FIXE, "").strip()
    if valeur:
        date.fromisoformat(valeur)  # a typo fails every test loudly rather than running on the real date
        monkeypatch.setenv(DATE_FIXE, valeur)
    return horloge_aujourd_hui()


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


class Pilote:
    """Answers the REAL dialogs of a GUI test the way a user would (types, clicks a button).

    Why: a stand-in for the dialog helpers hid a crash of the real one (issue 18, point 2). Each
    queued answer waits (by ``after``) for a new window on top of the main one, then acts on it;
    ``vus`` keeps the texts the windows showed, to check what the user was told.
    """

    def __init__(self, racine) -> None:
        self.racine = racine
        self.reponses: list = []
        self.vus: list[str] = []
        self.erreurs: list[BaseException] = []

    def fenetres(self) -> list:
        import tkinter

        def parcourir(w):
            for c in w.winfo_children():
                if isinstance(c, tkinter.Toplevel):
                    yield c
                yield from parcourir(c)

        return [t for t in parcourir(self.racine) if t.winfo_exists() and t.winfo_viewable()]

    @staticmethod
    def widgets(w, classe):
        for c in w.winfo_children():
            if isinstance(c, classe):
                yield c
            yield from Pilote.widgets(c, classe)

    @staticmethod
    def textes(w) -> str:
        import tkinter
        from tkinter import ttk as tkttk

        return "\n".join(str(c.cget("text")) for c in Pilote.widgets(w, (tkinter.Label, tkttk.Label)))

    @staticmethod
    def cliquer(fenetre, debut: str) -> None:
        from tkinter import ttk as tkttk

        for b in Pilote.widgets(fenetre, (tkttk.Button,)):
            if str(b.cget("text")).startswith(debut):
                b.invoke()
                return
        raise AssertionError(f"pas de bouton « {debut} » dans {Pilote.textes(fenetre)!r}")

    def saisir(self, texte: str, bouton: str = "Valider") -> Pilote:
        def agir(f):
            from tkinter import ttk as tkttk

            champ = next(Pilote.widgets(f, (tkttk.Entry,)))
            champ.delete(0, "end")
            champ.insert(0, texte)
            Pilote.cliquer(f, bouton)
        return self.faire(agir)

    def bouton(self, debut: str) -> Pilote:
        return self.faire(lambda f: Pilote.cliquer(f, debut))

    def faire(self, action) -> Pilote:
        """Queue any action on the next dialog window (receives the Toplevel)."""
        self.reponses.append(action)
        if len(self.reponses) == 1:
            self.racine.after(50, self._guetter, set(map(str, self.fenetres())), 0)
        return self

    def _guetter(self, avant: set[str], essais: int) -> None:
        nouvelles = [f for f in self.fenetres() if str(f) not in avant]
        if not nouvelles:
            if essais < 100:
                self.racine.after(50, self._guetter, avant, essais + 1)
            return
        f = nouvelles[-1]
        self.racine.update_idletasks()
        self.vus.append(self.textes(f))
        action = self.reponses.pop(0)
        if self.reponses:  # a window the action opens (nested or next) is new to this snapshot
            self.racine.after(50, self._guetter, set(map(str, self.fenetres())), 0)
        try:
            action(f)
        except BaseException as exc:  # reported by the test; the dialog is closed
            self.erreurs.append(exc)
            f.destroy()


@pytest.fixture
def app_reel(centre: Services):
    """The main window with the REAL dialog helpers; answer them through ``app_reel.pilote``."""
    from atelier_app.gui.app import AtelierApp

    a = AtelierApp(centre)
    a.pilote = Pilote(a.racine)
    a.racine.update()
    yield a
    a.fermer()
