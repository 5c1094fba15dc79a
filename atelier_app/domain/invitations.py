"""Which information meeting a person's invitation letter announces (FORMAT.md, pre-list ``reunion``).

Why a rule of its own: pre-lists imported from another tool carry each person's meeting date while
the activity may have none set; the letter then takes the entry's date, with the activity's meeting
time and place when set. Without any date, no letter: a letter saying « date à préciser » invites
no one. Used by the letters (``reports.lettres``) and by whoever marks people invited.
"""

from __future__ import annotations

from datetime import date

from atelier_app.domain.activites import Activite, Reunion


def reunion_pour(activite: Activite, reunion_preliste: date | None) -> Reunion | None:
    """The activity's own meeting when it has a date, else the pre-list entry's date; None: no date."""
    r = activite.reunion
    if r.date is not None:
        return r
    if reunion_preliste is None:
        return None
    return Reunion(reunion_preliste, r.heure, r.lieu)
