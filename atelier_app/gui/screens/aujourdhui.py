"""Aujourd'hui (delivered by the part « Séances et présences »)."""

from __future__ import annotations

from atelier_app.gui.ecran import EcranAVenir


class EcranAujourdhui(EcranAVenir):
    titre = "Aujourd'hui"
    partie = "Séances et présences"
    contenu = "Les séances du jour, les appels oubliés, les personnes à rappeler après deux absences et les places libérées."
