"""Helpers for GUI tests that play the app by keyboard: key presses, and answering modal windows.

Why polling with after(): a modal window waits in its own event loop (wait_window); the test can
only act on it from a callback scheduled before it opened.
"""

from __future__ import annotations

import shutil
import tkinter
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

from atelier_app import assemblage
from atelier_app.gui.formulaires import Modale


def touche(widget: tkinter.Misc, sequence: str) -> None:
    """Press a key on the widget that has the focus (as the user would), then let Tk settle."""
    widget.focus_force()
    widget.update()
    widget.event_generate(sequence)
    widget.update()


def focus(app) -> tkinter.Misc:
    return app.racine.focus_get() or app.racine


def modales(app) -> list[Modale]:
    trouves: list[Modale] = []
    pile = list(app.racine.winfo_children())
    while pile:
        w = pile.pop()
        if isinstance(w, Modale) and w.winfo_exists():
            trouves.append(w)
        pile.extend(w.winfo_children())
    return trouves


def quand_ouverte(app, classe: type, agir: Callable[[Modale], None], delai: int = 30, essais: int = 200) -> None:
    """When a window of ``classe`` opens, run ``agir`` on it (from inside its wait loop)."""

    def voir(reste: int) -> None:
        for m in modales(app):
            if isinstance(m, classe) and m.winfo_viewable():
                m.update()
                agir(m)
                if m.winfo_exists():  # the keys did not close it: fail the test rather than hang
                    getattr(app, "messages", []).append(("erreur", f"fenêtre restée ouverte : {m.title()}"))
                    m.destroy()
                return
        if reste:
            app.racine.after(delai, voir, reste - 1)

    app.racine.after(delai, voir, essais)


def saisir(entree: tkinter.Misc, texte: str) -> None:
    """Type into an entry key by key (its variable follows, as with a real keyboard)."""
    entree.focus_force()
    entree.update()
    for c in texte:
        sym = {" ": "space", "#": "numbersign", "@": "at", "-": "minus", ".": "period"}.get(c, c)
        entree.event_generate(f"<KeyPress-{sym}>")
    entree.update()


JOUR = date(2026, 12, 1)


def dossier_demo(racine: Path, jour: date = JOUR) -> Path:
    """A data folder filled with the small demo centre as of ``jour`` (built once, then copied)."""
    modele = racine / f"demo-{jour:%Y%m%d}"
    if not modele.exists():
        s = assemblage.ouvrir(modele)
        try:
            s.ctx.aujourd_hui = lambda: jour
            s.ctx.maintenant = lambda: datetime.combine(jour, time(9, 30))
            s.donnees.generer_demo("petite", 1)
        finally:
            assemblage.fermer(s)
        (modele / "atelier.lock").unlink(missing_ok=True)
    return modele


def copie_demo(tmp_path_factory, tmp_path: Path) -> Path:
    """A fresh copy of the demo folder for one test (the model is shared by the session)."""
    cible = tmp_path / "donnees"
    shutil.copytree(dossier_demo(tmp_path_factory.getbasetemp()), cible)
    return cible


def ouvrir_app(dossier: Path, monkeypatch, jour: date = JOUR, heure: time = time(9, 30), taille: int = 100, *,
               connecte: str | None = "direction"):
    """The main window on a data folder, on a fixed day; message boxes are recorded, not shown.

    The demo has accounts, and nothing shows before a sign-in: ``connecte`` names the demo account
    signed in before the window opens (None: the window opens on the sign-in dialog)."""
    from atelier_app.gui import dialogues
    from atelier_app.gui.app import AtelierApp
    from atelier_app.storage.demo import COMPTES

    services = assemblage.ouvrir(dossier)
    services.ctx.aujourd_hui = lambda: jour
    services.ctx.maintenant = lambda: datetime.combine(jour, heure)
    if connecte and services.comptes.existe_des_comptes():
        services.comptes.connecter(connecte, {i: m for i, _r, m in COMPTES}[connecte])
    if taille != services.centre.parametres().taille_texte:
        services.centre.taille_texte(taille)
    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogues, "informer", lambda _p, m, *a, **k: messages.append(("info", m)))
    monkeypatch.setattr(dialogues, "avertir", lambda _p, m, *a, **k: messages.append(("avertissement", m)))
    monkeypatch.setattr(dialogues, "erreur", lambda _p, m, *a, **k: messages.append(("erreur", m)))
    monkeypatch.setattr(dialogues, "confirmer", lambda _p, m, *a, **k: messages.append(("question", m)) or True)
    app = AtelierApp(services)
    app.messages = messages
    app.racine.update()
    return app


def fermer_app(app) -> None:
    services = app.services
    app.fermer()
    assemblage.fermer(services)
