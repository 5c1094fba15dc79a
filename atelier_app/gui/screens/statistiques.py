"""Statistiques (delivered by the part « Fiches d'activité, rapport annuel et statistiques »)."""

from __future__ import annotations

from atelier_app.gui.ecran import EcranAVenir


class EcranStatistiques(EcranAVenir):
    titre = "Statistiques"
    partie = "Fiches d'activité, rapport annuel et statistiques"
    contenu = "Les fiches bilan par activité, le rapport annuel et les statistiques pour les financeurs."
