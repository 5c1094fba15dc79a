"""The privacy journal: ids not names, direction only, purged after 12 months."""

from datetime import datetime

import pytest

from atelier_app.domain.journal import EntreeJournal
from atelier_app.domain.personnes import Personne
from atelier_app.domain.roles import Role
from atelier_app.errors import AccesRefuse
from atelier_app.services.contexte import Utilisateur


def test_ids_pas_de_noms(centre, tmp_path):
    with centre.depot.transaction("t") as tx:
        tx.put(Personne(id="p9", nom="Zimmermann", prenom="Odile", telephone="0699887766"))
    centre.rgpd.consentir("p9", "photos")
    centre.rgpd.anonymiser("p9")
    texte = (centre.depot.dossier / "journal.json").read_text(encoding="utf-8")
    assert "p9" in texte
    assert "Zimmermann" not in texte and "Odile" not in texte and "0699887766" not in texte
    actions = [e.action for e in centre.journal.lister()]
    assert actions.count("anonymisation") == 1 and "consentement" in actions


def test_purge_douze_mois(centre):
    with centre.depot.transaction("t") as tx:
        tx.put(EntreeJournal(id="j1", le=datetime(2025, 1, 10, 9), qui="x", action="export"))
        tx.put(EntreeJournal(id="j2", le=datetime(2025, 6, 10, 9), qui="x", action="export"))
    centre.ctx.maintenant = lambda: datetime(2026, 3, 1, 12)
    assert [e.id for e in centre.journal.lister()] == ["j2"]
    assert centre.depot.get(EntreeJournal, "j1") is None
    centre.rgpd.journaliser_action("impression", ("p1",))  # writing purges too
    centre.ctx.maintenant = lambda: datetime(2026, 7, 1, 12)
    centre.rgpd.journaliser_action("impression", ("p1",))
    assert centre.depot.get(EntreeJournal, "j2") is None


def test_journal_reserve_a_la_direction(centre):
    for role in (Role.ANIMATEUR, Role.BENEVOLE):
        centre.ctx.utilisateur = Utilisateur("x", role)
        with pytest.raises(AccesRefuse):
            centre.journal.lister()
