"""Tab « Journal » of Paramètres: who exported, printed or anonymised what, and when (direction only)."""

from __future__ import annotations

import tkinter

import ttkbootstrap as ttk

from atelier_app.domain.roles import Permission
from atelier_app.gui.formulaires import liste, remplir, souple

TITRE = "Journal"
ORDRE = 92


def VISIBLE(app) -> bool:
    return app.services.ctx.peut(Permission.VOIR_JOURNAL)


class PageJournal(ttk.Frame):
    def __init__(self, parent: tkinter.Misc, app) -> None:
        super().__init__(parent, padding=12)
        self.app = app
        souple(ttk.Label(self, wraplength=800, justify="left",
                         text="Le journal garde 12 mois d'exports, d'impressions, d'anonymisations et de changements "
                              "de comptes. Il note les numéros des personnes, jamais leurs noms.")).pack(
            anchor="w", fill="x", pady=(0, 8))
        self.arbre = liste(self, (("le", "Date", 150), ("qui", "Compte", 170), ("action", "Action", 260),
                                  ("cibles", "Personnes (n°)", 200), ("details", "Détail", 260)), 14)
        self.arbre.cadre.pack(fill="both", expand=True)
        self.rafraichir()

    def rafraichir(self) -> None:
        svc = self.app.services.journal
        lignes = []
        for e in svc.lister():
            cibles = ", ".join(e.cibles[:6]) + (f" (+{len(e.cibles) - 6})" if len(e.cibles) > 6 else "")
            lignes.append((e.id, (f"{e.le:%d/%m/%Y %H:%M}", e.qui, svc.libelle(e.action), cibles, e.details)))
        remplir(self.arbre, lignes)


def construire(parent: tkinter.Misc, app) -> ttk.Frame:
    return PageJournal(parent, app)
