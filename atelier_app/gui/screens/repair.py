"""Repair café (delivered by the part « Repair café et projets personnels »)."""

from __future__ import annotations

from atelier_app.gui.ecran import EcranAVenir


class EcranRepair(EcranAVenir):
    titre = "Repair café"
    partie = "Repair café et projets personnels"
    contenu = "Les projets en cours, les visites, l'impact (déchets et CO2 évités) et l'export ORDS."
