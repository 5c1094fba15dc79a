"""Switching screens and opening dialogs in the window, on the `grande` demo (issue 15): each under
0.3 s, next to switching to an empty screen in the same window (what Tk itself costs).

Why a window in this process: what the user waits for is the refresh from the services plus Tk's
layout; both happen on the Tk thread, so the time from the key press to the end of the idle work
(``update_idletasks``) is the wait. A first visit builds the screen; later visits only refresh it.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.commun import AUJOURD_HUI, Mesure, fermer, ouvrir

PLAFOND_S = 0.3
ANALYSE = """
### Écrans et dialogues (issue 15)

Changer d'écran, c'est : cacher l'écran courant, rafraîchir le nouveau depuis les services, le mettre en
page (Tk) et placer le focus. La référence est le même changement vers un écran vide dans la même
fenêtre : ce que coûtent Tk et la fenêtre seuls. « Premier passage » = l'écran est construit (une fois
par session) ; « retour » = il est déjà construit et seulement rafraîchi. Un onglet de Paramètres est
construit à son premier choix : ce choix est mesuré aussi. Avant chaque changement mesuré, le travail de
fond du précédent (calcul des statistiques) est terminé. Statistiques garde ses chiffres tant que les
données ne changent pas : « retour après un changement des données » est la visite qui les recalcule. Un
dialogue est mesuré de sa construction à la fin de sa mise en page. Plafond : 0,3 s chacun, sur la démo
`grande`.
"""


def _ouvrir_fenetre(dossier: Path):
    from atelier_app.gui import dialogues
    from atelier_app.gui.app import AtelierApp
    from atelier_app.gui.ecran import Ecran

    for nom in ("informer", "avertir", "erreur"):
        setattr(dialogues, nom, lambda *_a, **_k: None)
    dialogues.confirmer = lambda *_a, **_k: False
    services = ouvrir(dossier)
    app = AtelierApp(services)
    app.racine.geometry("1280x728+0+0")
    app.racine.update()

    class EcranVide(Ecran):
        titre = "Vide"

    app.ecrans["vide"] = EcranVide(app.zone, app)
    app.boutons["vide"] = app.boutons["aujourdhui"]
    zones = app.zones_visibles
    app.zones_visibles = lambda: [*zones(), "vide"]  # type: ignore[method-assign]
    return app


def _changer(app, cle: str) -> float:
    t = time.perf_counter()
    app.aller(cle)
    app.racine.update_idletasks()
    return time.perf_counter() - t


def mesurer(ctx) -> list[Mesure]:
    from atelier_app.gui.app import ZONES

    mesures: list[Mesure] = []
    with tempfile.TemporaryDirectory(prefix="atelier-bench-ecrans-") as t:
        app = _ouvrir_fenetre(ctx.copie("grande", Path(t)))
        services = app.services
        try:
            vide = []
            for _ in range(7):
                app.aller("aujourdhui")
                vide.append(_changer(app, "vide"))
            reference = statistics.median(vide)
            for cle, libelle, _c in ZONES:
                premiers = []
                for _ in range(3):
                    _changer(app, "vide")
                    ancien = app.ecrans.pop(cle, None)
                    if ancien is not None:
                        ancien.destroy()
                    app.taches.attendre()  # the previous visit's background work is over
                    premiers.append(_changer(app, cle))
                retours = []
                for _ in range(5):
                    _changer(app, "vide")
                    app.taches.attendre()
                    retours.append(_changer(app, cle))
                mesures.append(Mesure(f"écran {libelle} : premier passage (grande)", statistics.median(premiers),
                                      "changer vers un écran vide", reference, plafond_s=PLAFOND_S))
                if cle == "statistiques":  # the first one computes (nothing kept yet): said apart
                    mesures.append(Mesure(f"écran {libelle} : toute première visite de la session, une mesure "
                                          "(grande)", premiers[0], "changer vers un écran vide", reference,
                                          plafond_s=PLAFOND_S))
                mesures.append(Mesure(f"écran {libelle} : retour (grande)", statistics.median(retours),
                                      "changer vers un écran vide", reference, plafond_s=PLAFOND_S))
            mesures.append(_statistiques_apres_changement(app, reference))
            mesures += _onglets_parametres(app, reference)
            mesures += _dialogues(app, reference)
        finally:
            app.fermer()
            fermer(services)
    return mesures


def _statistiques_apres_changement(app, reference: float) -> Mesure:
    """Statistiques keeps its figures until the data changes: after a change it computes again (in
    a background task, the screen shows at once with a progress bar). The worst visit, measured apart."""
    durees = []
    for _ in range(5):
        _changer(app, "vide")
        app.services.ctx.signaler("personnes")  # what a save anywhere tells the screens
        app.taches.attendre()
        durees.append(_changer(app, "statistiques"))
    app.taches.attendre()
    return Mesure("écran Statistiques : retour après un changement des données (grande)", statistics.median(durees),
                  "changer vers un écran vide", reference, plafond_s=PLAFOND_S)


def _onglets_parametres(app, reference: float) -> list[Mesure]:
    """Paramètres builds a tab when it is first chosen: that first choice is a wait too."""
    out = []
    ecran = app.aller("parametres")
    titres = [ecran.notebook.tab(t, "text") for t in ecran.notebook.tabs()]
    durees: dict[str, list[float]] = {t: [] for t in titres[1:]}
    for _ in range(3):
        ancien = app.ecrans.pop("parametres")
        ancien.destroy()
        ecran = app.aller("parametres")
        app.racine.update_idletasks()
        for i, titre in enumerate(titres[1:], start=1):
            debut = time.perf_counter()
            ecran.notebook.select(i)
            app.racine.update()  # <<NotebookTabChanged>> is an event: the tab is built there
            durees[titre].append(time.perf_counter() - debut)
    for titre, d in durees.items():
        out.append(Mesure(f"onglet Paramètres › {titre} : premier choix (grande)", statistics.median(d),
                          "changer vers un écran vide", reference, plafond_s=PLAFOND_S))
    return out


def _dialogues(app, reference: float) -> list[Mesure]:
    """Each dialog the user opens, from building to laid out (same list as the 200 % test)."""
    import tests.test_gui_grand_texte as t

    services = app.services
    services.ctx.aujourd_hui = lambda: AUJOURD_HUI
    t.JOUR = AUJOURD_HUI  # the session of the roll call: the latest done before the benchmark's today
    out = []
    for nom, fabrique in t.dialogues(app):
        durees = []
        for _ in range(3):
            debut = time.perf_counter()
            d = fabrique()
            d.montrer(attendre=False)
            d.update_idletasks()
            durees.append(time.perf_counter() - debut)
            d.fermer()
            app.racine.update()
        out.append(Mesure(f"dialogue {nom} : ouverture (grande)", statistics.median(durees),
                          "changer vers un écran vide", reference, plafond_s=PLAFOND_S))
    return out
