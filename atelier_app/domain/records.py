"""What every stored record declares so the storage layer can file it without knowing the domain.

Why here and not in storage: a record's natural period (the year of a request, the month of a
session) is a domain fact; the storage only turns it into a file name. ``RANGEMENT`` is one of:

- ``noyau``: small, always-read data (centre, settings, activities, cycles, groups, accounts);
- ``annee``: filed by the year of ``date_rangement()`` (pre-lists, projects, help records…);
- ``mois``: filed by the month of ``date_rangement()`` (sessions and their attendance), past
  years read only when asked for;
- ``personnes``: people, filed by the month they were first recorded and always read (search);
- ``journal``: the privacy journal, kept apart and purged after 12 months.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import ClassVar, Protocol, TypeVar


class Record(Protocol):
    """A stored record: its table, how it is filed, its id and the date it is filed by.

    Why ``id`` is a read-only property here: records are frozen dataclasses, whose fields cannot be
    set, and a plain attribute in a Protocol would demand a settable one.
    """

    TABLE: ClassVar[str]
    RANGEMENT: ClassVar[str]

    @property
    def id(self) -> str: ...

    def date_rangement(self) -> date: ...


#: Any stored record kind, for the store's generic methods (``get(Seance, id) -> Seance | None``).
R = TypeVar("R", bound=Record)


def nouvel_id(prefixe: str) -> str:
    """Short random ids: unique enough for one centre, readable in a support call."""
    return f"{prefixe}{uuid.uuid4().hex[:12]}"
