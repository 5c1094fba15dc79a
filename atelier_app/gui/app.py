"""The main window: navigation between the areas, one place for errors, background work.

Why screens are built on first visit: the window must be usable fast on the centre's old PC; an
area nobody opens costs nothing.
"""

from __future__ import annotations

import importlib
import logging
import sys
import tkinter
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

import ttkbootstrap as ttk
from ttkbootstrap.localization import MessageCatalog

from atelier_app.errors import DonneesIllisibles, DonneesVerrouillees, UserError
from atelier_app.gui import champs, dialogues, polices, raccourcis
from atelier_app.gui.defilement import Defilement, suivre_focus
from atelier_app.gui.ecran import Ecran
from atelier_app.gui.formulaires import souple
from atelier_app.gui.taches import Taches
from atelier_app.services import Services

log = logging.getLogger(__name__)

#: (key, label, "module:Class"); Ctrl+1…Ctrl+7 follow this order.
ZONES: tuple[tuple[str, str, str], ...] = (
    ("aujourdhui", "Aujourd'hui", "atelier_app.gui.screens.aujourdhui:EcranAujourdhui"),
    ("personnes", "Personnes", "atelier_app.gui.screens.personnes:EcranPersonnes"),
    ("activites", "Activités et groupes", "atelier_app.gui.screens.activites:EcranActivites"),
    ("seances", "Séances", "atelier_app.gui.screens.seances:EcranSeances"),
    ("repair", "Repair café", "atelier_app.gui.screens.repair:EcranRepair"),
    ("statistiques", "Statistiques", "atelier_app.gui.screens.statistiques:EcranStatistiques"),
    ("parametres", "Paramètres", "atelier_app.gui.screens.parametres:EcranParametres"),
)

THEME = "bootstrap-light"


class AtelierApp:
    def __init__(self, services: Services, racine: ttk.App | None = None) -> None:
        self.services = services
        self.racine = racine or ttk.App(title="Atelier", theme=THEME, size=(1280, 800), minsize=(1024, 640))
        self.racine.report_callback_exception = self._exception_tk
        if racine is None:  # on a 1366×768 screen the window must fit, title bar and task bar included
            r = self.racine
            r.geometry(f"{min(1280, r.winfo_screenwidth())}x{min(800, r.winfo_screenheight() - 60)}")
        MessageCatalog.locale("fr")  # Oui/Non, Annuler in the message boxes whatever the PC's language
        self.taches = Taches(self.racine, self.montrer_erreur)
        self.ecrans: dict[str, Ecran] = {}
        self.zone_courante: str | None = None
        self.a_restaurer: Path | None = None  # set when the user asked to put a backup back in place
        self.boutons: dict[str, ttk.Button] = {}
        polices.appliquer(self.racine, services.centre.parametres().taille_texte)
        self._configurer_style()
        self._construire()
        # Screens hear of changes on the Tk thread only, even when a background task made them.
        self._ecouteur = self.taches.sur_le_fil_tk(self._donnees_changees)
        services.ctx.ecouteurs.append(self._ecouteur)
        from atelier_app.gui import connexion

        if not connexion.session_ouverte(self):
            connexion.vider(self)  # nothing on screen, no shortcut at work, until someone signs in

    # ------------------------------------------------------------ building
    def _configurer_style(self) -> None:
        style = ttk.Style()
        style.configure("Nav.TButton", anchor="w", padding=(14, 10))
        style.configure("NavActif.TButton", anchor="w", padding=(14, 10))

    def _construire(self) -> None:
        r = self.racine
        self.barre = ttk.Frame(r, padding=(12, 8))
        self.barre.pack(side="top", fill="x")
        # the centre's name gives way to the account's state and button at large text sizes: it goes
        # on two lines there rather than losing its end (issue 15)
        self.titre_centre = souple(ttk.Label(self.barre, text="", font=polices.GRAS, width=1, justify="left"))
        self.titre_centre.pack(side="left", fill="x", expand=True)
        self.bouton_compte = ttk.Button(self.barre, text="Changer d'utilisateur (Ctrl+U)", bootstyle="secondary-link",
                                        command=self.changer_utilisateur)
        raccourcis.lier(r, "<Control-u>", lambda _e: self.changer_utilisateur())
        self.etat = ttk.Label(self.barre, text="")
        self.etat.pack(side="right")
        ttk.Separator(r).pack(side="top", fill="x")
        corps = ttk.Frame(r)
        corps.pack(side="top", fill="both", expand=True)
        self.nav = ttk.Frame(corps, padding=8)
        self.nav.pack(side="left", fill="y")
        ttk.Separator(corps, orient="vertical").pack(side="left", fill="y")
        # with large text a screen scrolls rather than losing its end
        self.defilement = Defilement(corps)
        self.defilement.pack(side="left", fill="both", expand=True)
        self.zone = self.defilement.interieur
        suivre_focus(r)
        for i, (cle, libelle, _chemin) in enumerate(ZONES, start=1):
            b = ttk.Button(self.nav, text=f"{libelle}", style="Nav.TButton", command=lambda c=cle: self.aller(c))
            b.pack(fill="x", pady=2)
            self.boutons[cle] = b
            raccourcis.lier(r, f"<Control-Key-{i}>", self._raccourci(cle))
        self.aide_nav = ttk.Label(self.nav, text=f"Ctrl+1 à Ctrl+{len(ZONES)} :\nchanger d'espace", justify="left")
        self.aide_nav.pack(side="bottom", anchor="w", pady=8)
        self.mettre_a_jour_barre()

    def _raccourci(self, cle: str) -> Callable[[tkinter.Event], None]:
        def aller(_evenement: tkinter.Event) -> None:
            self.aller(cle)

        return aller

    def mettre_a_jour_barre(self) -> None:
        centre = self.services.centre.centre()
        self.titre_centre.configure(text=f"Atelier — {centre.nom}" if centre.nom else "Atelier")
        from atelier_app.gui import connexion

        u = self.services.ctx.utilisateur
        ouverte = connexion.session_ouverte(self)
        comptes = self.services.comptes.existe_des_comptes()
        # with accounts and nobody signed in, the sign-in dialog is open: say so, name nobody
        self.etat.configure(text=f"Connecté : {u.libelle}" if ouverte else "Personne n'est connecté" if comptes else "")
        if comptes and ouverte:
            if not self.bouton_compte.winfo_manager():
                self.bouton_compte.pack(side="right", padx=(12, 0), before=self.titre_centre)
        else:
            self.bouton_compte.pack_forget()
        self.racine.title(f"Atelier — {centre.nom}" if centre.nom else "Atelier")

    # ---------------------------------------------------------- navigation
    def zones_visibles(self) -> list[str]:
        """A volunteer sees today's sessions only; the volunteer-mode setting (PC without accounts)
        keeps Paramètres reachable so the animateur can switch it off."""
        from atelier_app.gui import connexion

        if not connexion.session_ouverte(self):
            return []
        par_role = connexion.zones_pour_role(self.services.ctx.role, [c for c, _l, _p in ZONES])
        if par_role != [c for c, _l, _p in ZONES]:
            return par_role
        try:
            benevole = self.services.seances.mode_benevole()
        except Exception:  # the sessions part must never stop the window from opening
            log.exception("Mode bénévole")
            benevole = False
        if benevole:
            return ["aujourdhui", "parametres"]
        return [cle for cle, _l, _c in ZONES]

    def appliquer_role(self) -> None:
        """Show only the areas the current user may open, and leave any other one."""
        visibles = self.zones_visibles()
        for b in self.boutons.values():
            b.pack_forget()
        for cle, _l, _c in ZONES:
            if cle in visibles:
                self.boutons[cle].pack(fill="x", pady=2)
        # the keys follow the full list: with fewer areas (a volunteer) they would not match the buttons
        if len(visibles) == len(ZONES):
            self.aide_nav.pack(side="bottom", anchor="w", pady=8)
        else:
            self.aide_nav.pack_forget()
        if self.zone_courante not in visibles and visibles:
            self.aller(visibles[0])
        self.mettre_a_jour_barre()

    def ecran(self, cle: str) -> Ecran:
        if cle not in self.ecrans:
            chemin = dict((c, p) for c, _l, p in ZONES)[cle]
            module, classe = chemin.split(":")
            self.ecrans[cle] = getattr(importlib.import_module(module), classe)(self.zone, self)
            polices.ajuster_colonnes(self.ecrans[cle])
        return self.ecrans[cle]

    def aller(self, cle: str) -> Ecran | None:
        if cle not in self.zones_visibles():
            return None
        try:
            ecran = self.ecran(cle)
        except Exception as exc:
            self.montrer_erreur(exc)
            return None
        if self.zone_courante and self.zone_courante in self.ecrans:
            self.ecrans[self.zone_courante].pack_forget()
        for c, b in self.boutons.items():
            b.configure(style="NavActif.TButton" if c == cle else "Nav.TButton")
            b.state(["pressed"] if c == cle else ["!pressed"])
        ecran.pack(fill="both", expand=True)
        self.zone_courante = cle
        try:
            ecran.rafraichir()
        except Exception as exc:
            self.montrer_erreur(exc)
        polices.ajuster_colonnes(ecran)  # texts filled in by the refresh may need to wrap
        self.defilement.remesurer()
        cible = ecran.premier_focus() or self.boutons[cle]
        cible.focus_set()
        return ecran

    def _donnees_changees(self, quoi: str) -> None:
        """Called on the Tk thread only (registered through ``taches.sur_le_fil_tk``)."""
        if quoi in ("centre", "parametres", "tout"):
            self.mettre_a_jour_barre()
        if quoi == "parametres" and self.zone_courante is not None:
            self.appliquer_role()
        if quoi == "parametres":
            polices.appliquer(self.racine, self.services.centre.parametres().taille_texte)
            self.defilement.remesurer()
        for cle, ecran in self.ecrans.items():
            if cle != self.zone_courante:
                continue
            avant, promis = self._focus_actuel(), self._focus_promis()
            try:
                ecran.rafraichir()
            except Exception as exc:
                self.montrer_erreur(exc)
            # another PC's save rebuilt the widget that had the keyboard, or the one it was promised to
            # while the window was not yet in front (just after the sign-in dialog): give it back to the
            # screen, else Entrée does nothing until the user clicks (found by two copies on one server).
            # Never taken from a dialog that holds the keyboard.
            perdus = [w for w in (avant, promis) if w is not None and w is not self.racine and not w.winfo_exists()]
            ici = self._focus_actuel()
            if perdus and (ici is None or ici.winfo_toplevel() is self.racine) \
                    and (cible := ecran.premier_focus()) is not None:
                cible.focus_set()

    def _focus_actuel(self) -> tkinter.Misc | None:
        try:
            return self.racine.focus_get()
        except (KeyError, tkinter.TclError):  # tkinter cannot name a combobox's open list
            return None

    def _focus_promis(self) -> tkinter.Misc | None:
        """The widget the main window gives the keyboard to when it comes in front (Tk's ``focus -lastfor``)."""
        try:
            return self.racine.focus_lastfor()
        except (KeyError, tkinter.TclError):
            return None

    # -------------------------------------------------------------- errors
    def montrer_erreur(self, exc: BaseException) -> None:
        """A UserError is shown as its French sentence; anything else is logged in full."""
        if isinstance(exc, UserError):
            log.info("Message à l'utilisateur : %s", exc.texte())
            dialogues.erreur(self.racine, champs.texte(exc))
            return
        log.error("Erreur inattendue", exc_info=(type(exc), exc, exc.__traceback__))
        dialogues.erreur(
            self.racine,
            "Une erreur inattendue s'est produite. Rien de ce qui était déjà enregistré n'est perdu.\n"
            f"Les détails sont notés dans {self.services.depot.dossier / 'atelier.log'}.",
        )

    def _exception_tk(self, typ: type[BaseException], val: BaseException, tb: TracebackType | None) -> None:
        self.montrer_erreur(val)

    def proteger(self, action: Callable[[], object]) -> object | None:
        """Run a user action, showing any error the standard way."""
        try:
            return action()
        except Exception as exc:
            self.montrer_erreur(exc)
            return None

    # ----------------------------------------------------------- lifecycle
    def demarrer(self) -> None:
        """After the window shows: first-run assistant if needed, daily backup in the background."""
        if self.services.centre.premier_lancement:
            from atelier_app.gui.assistant import Assistant

            Assistant(self).ouvrir()
        from atelier_app.gui import verrouillage

        if not self._ouvrir_session():
            return
        verrouillage.installer(self)
        self.proteger(self.services.journal.purger)
        self.taches.lancer(lambda _avancer: self.services.donnees.sauvegarde_du_jour())

    def changer_utilisateur(self) -> None:
        """Sign out and hand the PC to someone else: screens holding people's data are destroyed."""

        if not self.services.comptes.existe_des_comptes():
            return
        verrou = getattr(self, "verrou", None)
        if verrou is not None and verrou.voile is not None:
            verrou.voile.destroy()
            verrou.voile = None
        # screens first: signing out tells the open screen to refresh, under nobody's rights
        for ecran in self.ecrans.values():
            ecran.destroy()
        self.ecrans.clear()
        self.zone_courante = None
        self.services.comptes.deconnecter()
        self.etat.configure(text="Personne n'est connecté")  # not the previous user, while signing in
        if self._ouvrir_session() and verrou is not None:
            verrou._activite()

    def _ouvrir_session(self) -> bool:
        """Sign-in when the centre has accounts, then the role's areas and its first screen, opened
        (and refreshed) once. False when nobody signed in: the window is closed."""
        from atelier_app.gui import connexion

        self.mettre_a_jour_barre()  # nobody yet while the sign-in dialog is open
        if not connexion.exiger_connexion(self):
            self.fermer()
            return False
        self.appliquer_role()
        return True

    def redemarrer_avec(self, sauvegarde: Path) -> None:
        """Close the window so that `lancer` restores this backup with the folder closed, then reopens."""
        self.a_restaurer = sauvegarde
        self.fermer()

    def fermer(self) -> None:
        # the server's listener may outlive the window a moment: no way back from it to the widgets
        if self._ecouteur in self.services.ctx.ecouteurs:
            self.services.ctx.ecouteurs.remove(self._ecouteur)
        self.taches.arreter()
        try:
            self.racine.destroy()
        except tkinter.TclError:
            pass


def _racine_seule() -> ttk.App:
    r = ttk.App(title="Atelier", theme=THEME)
    MessageCatalog.locale("fr")
    r.withdraw()
    r.update()  # let the theme settle: destroyed before, Tk prints a ThemeChanged error
    return r


def lancer(dossier: Path) -> int:
    """`atelier` with no sub-command: open the data folder and the window."""
    from atelier_app import assemblage

    try:
        services = assemblage.ouvrir(dossier)
    except DonneesVerrouillees as exc:
        r = _racine_seule()
        dialogues.erreur(r, exc.texte())
        r.destroy()
        return 3
    except DonneesIllisibles as exc:
        r = _racine_seule()
        if not dialogues.confirmer(
            r,
            exc.texte() + "\n\nVoulez-vous restaurer la dernière sauvegarde ? "
            "Les fichiers actuels seront gardés de côté, rien n'est effacé.",
        ):
            r.destroy()
            return 3
        try:
            utilisee, a_cote = assemblage.restaurer(dossier)
        except UserError as err:
            dialogues.erreur(r, err.texte())
            r.destroy()
            return 3
        dialogues.informer(r, f"La sauvegarde « {utilisee.name} » est restaurée.\nAnciens fichiers : {a_cote}")
        r.destroy()
        return lancer(dossier)
    app = AtelierApp(services)
    app.racine.after(10, app.demarrer)
    try:
        app.racine.mainloop()
    finally:
        assemblage.fermer(services)
    sauvegarde = app.a_restaurer
    if sauvegarde is None:
        return 0
    r = _racine_seule()
    try:
        utilisee, a_cote = assemblage.restaurer(dossier, sauvegarde)
    except UserError as err:
        dialogues.erreur(r, err.texte())
    else:
        dialogues.informer(r, f"La sauvegarde « {utilisee.name} » est restaurée.\nAnciens fichiers : {a_cote}")
    r.destroy()
    return lancer(dossier)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(lancer(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("data")))
