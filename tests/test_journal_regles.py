"""The journal's record: ids only, filed by the day of the action, kept apart (``journal``)."""

from __future__ import annotations

from datetime import date, datetime

from atelier_app.domain.journal import EntreeJournal


def test_entree_rangee_au_jour_de_l_action() -> None:
    e = EntreeJournal("j1", datetime(2026, 12, 1, 23, 59, 59), "direction", "export")
    assert e.date_rangement() == date(2026, 12, 1)
    assert EntreeJournal("j2", datetime(2026, 1, 1, 0, 0), "a", "b").date_rangement() == date(2026, 1, 1)
    assert (EntreeJournal.TABLE, EntreeJournal.RANGEMENT) == ("journal", "journal")


def test_valeurs_par_defaut_vides() -> None:
    a = EntreeJournal("j1", datetime(2026, 12, 1, 9, 0), "direction", "impression")
    b = EntreeJournal("j2", datetime(2026, 12, 1, 9, 0), "direction", "impression")
    assert (a.cibles, a.details, a.extra) == ((), "", {})
    assert a.extra is not b.extra  # each entry its own dict
