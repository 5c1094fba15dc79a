"""Activités et groupes (delivered by the part « De l'intérêt au groupe »)."""

from __future__ import annotations

from atelier_app.gui.ecran import EcranAVenir


class EcranActivites(EcranAVenir):
    titre = "Activités et groupes"
    partie = "De l'intérêt au groupe"
    contenu = "Les activités du centre, les pré-listes, les lettres d'invitation, les cycles, les groupes et les listes d'attente."
