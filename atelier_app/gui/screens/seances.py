"""Séances (delivered by the part « Séances et présences »)."""

from __future__ import annotations

from atelier_app.gui.ecran import EcranAVenir


class EcranSeances(EcranAVenir):
    titre = "Séances"
    partie = "Séances et présences"
    contenu = "Le calendrier des groupes, l'écran d'appel et les feuilles d'émargement."
