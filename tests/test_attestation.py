"""Attestation of participation: the person, the activity, sessions attended and hours."""

from __future__ import annotations

from datetime import date

from pypdf import PdfReader

from atelier_app.domain.personnes import Personne
from atelier_app.reports import attestation
from atelier_app.services.inscriptions import Participation


def test_attestation(centre, tmp_path):
    c, gs = centre.activites.nouveau_cycle("initiation", date(2026, 9, 14))
    p = centre.personnes.ajouter(Personne(id="", nom="Durand", prenom="Amélie"))
    chemin = attestation.ecrire(tmp_path / "a.pdf", centre=centre.centre.centre(), personne=p,
                                activite=centre.centre.activite("initiation"), cycle=c, groupe=gs[0],
                                participation=Participation(7, 13.5, date(2026, 9, 16), date(2026, 11, 18)),
                                le=date(2026, 11, 20))
    texte = " ".join(PdfReader(str(chemin)).pages[0].extract_text().split())
    for attendu in ("Attestation de participation", "Amélie DURAND", "Initiation", "7", "sur 10", "13 h 30",
                    "16 septembre 2026", "18 novembre 2026", "Sophie Martin", "Fait à Lille", "Cachet du centre"):
        assert attendu in texte
    assert len(PdfReader(str(chemin)).pages) == 1
    assert attestation.heures_texte(2.0) == "2 h"
