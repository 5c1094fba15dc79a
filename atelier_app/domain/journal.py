"""The privacy journal: who exported, printed, deleted or anonymised what, and when.

Why ids only: the journal must not become one more copy of personal data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar


@dataclass(frozen=True)
class EntreeJournal:
    TABLE: ClassVar[str] = "journal"
    RANGEMENT: ClassVar[str] = "journal"

    id: str
    le: datetime
    qui: str
    action: str
    cibles: tuple[str, ...] = ()
    details: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def date_rangement(self) -> date:
        return self.le.date()
