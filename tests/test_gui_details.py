"""The smaller points of issue 15 (point 10): PDF without a viewer, the volunteer's menu hint."""

from __future__ import annotations

import subprocess

import pytest

from atelier_app.gui import activites_preliste

pytestmark = pytest.mark.gui


def test_pas_de_lecteur_pdf(app, monkeypatch, tmp_path) -> None:
    def absent(*_a, **_k):
        raise FileNotFoundError("xdg-open")

    monkeypatch.setattr(subprocess, "Popen", absent)
    monkeypatch.setattr("sys.platform", "linux")
    activites_preliste.ouvrir(tmp_path / "lettres.pdf", app.racine)
    assert app.messages and app.messages[-1][0] == "avertissement"
    assert "lecteur de PDF" in app.messages[-1][1] and "lettres.pdf" in app.messages[-1][1]


def test_lecteur_qui_refuse(app, monkeypatch, tmp_path) -> None:
    class Refus:
        def __init__(self, *_a, **_k) -> None:
            pass

        def poll(self) -> int:
            return 3  # xdg-open: no application for this type

    monkeypatch.setattr(subprocess, "Popen", Refus)
    activites_preliste.ouvrir(tmp_path / "attestation.pdf", app.racine)
    app.racine.after(1600, lambda: None)
    import time

    fin = time.monotonic() + 3
    while not app.messages and time.monotonic() < fin:
        app.racine.update()
        time.sleep(0.05)
    assert app.messages and "lecteur de PDF" in app.messages[-1][1]


def test_aide_des_raccourcis_selon_le_role(app) -> None:
    from atelier_app.domain.roles import Role
    from atelier_app.services.contexte import Utilisateur

    app.appliquer_role()
    app.racine.update()
    assert app.aide_nav.winfo_ismapped() and "Ctrl+7" in app.aide_nav.cget("text")
    app.services.ctx.utilisateur = Utilisateur("marie", Role.BENEVOLE)
    app.appliquer_role()
    app.racine.update()
    assert not app.aide_nav.winfo_ismapped()
