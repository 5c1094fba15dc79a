"""Opens Atelier on demo data under Xvfb, visits every screen and saves a PNG of each.

Usage (from the repository root): ``xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/captures/capturer.py``
The pictures land in docs/captures/ and are shown in the README: each screen at 100 %, and again at
200 % (``-200`` in the name) on the 1366×768 screen many centres have. Rerun it whenever a screen changes.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PIL import ImageGrab

ICI = Path(__file__).resolve().parent


def photo(racine, nom: str) -> Path:
    racine.update()
    racine.after(150)
    racine.update()
    x, y = racine.winfo_rootx(), racine.winfo_rooty()
    chemin = ICI / f"{nom}.png"
    ImageGrab.grab(bbox=(x, y, x + racine.winfo_width(), y + racine.winfo_height())).save(chemin)
    return chemin


def main() -> int:
    faites: list[Path] = []
    for taille, suffixe in ((100, ""), (200, "-200")):
        faites += captures(taille, suffixe)
    for f in faites:
        sys.stdout.write(f"{f.relative_to(ICI.parent.parent)}\n")
    sys.stdout.write(f"{len(faites)} captures\n")
    return 0


def captures(taille: int, suffixe: str) -> list[Path]:
    from atelier_app import assemblage
    from atelier_app.gui import dialogues
    from atelier_app.gui.app import ZONES, AtelierApp

    dialogues.informer = lambda *a, **k: None  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as tmp:
        services = assemblage.ouvrir(Path(tmp) / "demo")
        services.donnees.generer_demo("petite", 1)
        from atelier_app.storage.demo import COMPTES

        # the demo has accounts: nothing shows before a sign-in (the direction sees every screen)
        services.comptes.connecter("direction", {i: m for i, _r, m in COMPTES}["direction"])
        services.centre.taille_texte(taille)
        app = AtelierApp(services)
        app.racine.geometry(f"{app.racine.winfo_screenwidth()}x{app.racine.winfo_screenheight() - 40}+0+0")
        app.racine.update()
        faites = []
        for i, (cle, _libelle, _c) in enumerate(ZONES, start=1):
            app.aller(cle)
            app.taches.attendre()  # Statistiques computes its figures in the background
            faites.append(photo(app.racine, f"{i:02d}-{cle}{suffixe}"))
        personne = services.personnes.rechercher("")[0]
        from atelier_app.gui.fiche_personne import FichePersonne

        fiche = FichePersonne(app.racine, app, personne)
        fiche.montrer(attendre=False)
        fiche.update()
        faites.append(photo(fiche, f"10-fiche-personne{suffixe}"))
        fiche.fermer()
        from atelier_app.domain.seances import Seance
        from atelier_app.gui import appel, connexion

        passees = [s for s in services.depot.all(Seance, annee=services.ctx.aujourd_hui().year)
                   if s.appel_fait and s.date < services.ctx.aujourd_hui() and len(s.presences) >= 6]
        fenetre = appel.ouvrir(app.racine, app, max(passees, key=lambda s: s.date).id, attendre=False)
        fenetre.update()
        faites.append(photo(fenetre, f"11-appel{suffixe}"))
        fenetre.fermer()
        dialogue = connexion.DialogueConnexion(app, "direction")
        dialogue.montrer(dialogue.mot_de_passe, attendre=False)
        dialogue.update()
        faites.append(photo(dialogue, f"12-connexion{suffixe}"))
        dialogue.fermer()
        app.fermer()
        assemblage.fermer(services)
    return faites


if __name__ == "__main__":
    sys.exit(main())
