"""Pre-list service: adding, states with dates, counts, waiting time, letters to send."""

from __future__ import annotations

from datetime import date

import pytest

from atelier_app.domain.personnes import Personne
from atelier_app.errors import UserError


def test_ajouter_changer_compter(centre):
    centre.ctx.aujourd_hui = lambda: date(2026, 6, 1)
    p = centre.personnes.ajouter(Personne(id="", nom="Durand", prenom="Amélie"))
    e = centre.preliste.ajouter("initiation", p.id, origine="ccas", notes="le matin", demande_le=date(2026, 3, 1))
    with pytest.raises(UserError, match="déjà sur la pré-liste"):
        centre.preliste.ajouter("initiation", p.id)
    e2 = centre.preliste.ajouter("initiation", Personne(id="", nom="Martin", prenom="Jean"))
    assert centre.preliste.attente_jours(e) == 92
    centre.ctx.aujourd_hui = lambda: date(2026, 6, 10)
    e = centre.preliste.changer_etat(e.id, "invite")
    e = centre.preliste.changer_etat(e.id, "venu")
    assert [(h.etat, h.le) for h in e.historique] == [("a_inviter", date(2026, 3, 1)), ("invite", date(2026, 6, 10)),
                                                      ("venu", date(2026, 6, 10))]
    with pytest.raises(UserError):
        centre.preliste.changer_etat(e.id, "a_inviter")
    comptes = centre.preliste.comptes("initiation")
    assert comptes["venu"] == 1 and comptes["a_inviter"] == 1 and comptes["inscrit"] == 0
    assert [x.id for x in centre.preliste.entrees("initiation", "a_inviter")] == [e2.id]
    e = centre.preliste.changer_etat(e.id, "inscrit")
    centre.ctx.aujourd_hui = lambda: date(2026, 12, 1)
    assert centre.preliste.attente_jours(e) == 101
    assert centre.preliste.modifier_notes(e2.id, "mairie", "appeler").origine == "mairie"


def test_lettres_a_envoyer_separe_sans_adresse(centre):
    centre.preliste.ajouter("senou", Personne(id="", nom="A", prenom="Avec", adresse="1 rue X", code_postal="59000",
                                              commune="Lille"))
    centre.preliste.ajouter("senou", Personne(id="", nom="S", prenom="Sans", telephone="0601020304"))
    avec, sans = centre.preliste.lettres_a_envoyer("senou")
    assert [p.prenom for p in avec] == ["Avec"] and [p.prenom for p in sans] == ["Sans"]
    assert centre.preliste.marquer_invites("senou", [avec[0].id]) == 1
    assert centre.preliste.comptes("senou")["invite"] == 1
