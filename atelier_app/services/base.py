"""The base of every use case: access to the store, the acting user and the sibling services."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar

from atelier_app.domain.journal import EntreeJournal
from atelier_app.domain.records import Record, nouvel_id
from atelier_app.errors import DonneesInvalides, Probleme

if TYPE_CHECKING:
    from atelier_app.services import Services
    from atelier_app.services.contexte import Contexte
    from atelier_app.services.ports import Store, Tx

T = TypeVar("T", bound=Record)


class Service:
    def __init__(self, services: Services) -> None:
        self.services = services

    @property
    def depot(self) -> Store:
        return self.services.depot

    @property
    def ctx(self) -> Contexte:
        return self.services.ctx

    def journaliser(self, tx: Tx, action: str, cibles: tuple[str, ...] | list[str] = (), details: str = "") -> None:
        """Write a journal entry in the same durable write as the action it records (ids only)."""
        tx.put(
            EntreeJournal(
                id=nouvel_id("j"),
                le=self.ctx.maintenant().replace(microsecond=0),
                qui=self.ctx.utilisateur.identifiant,
                action=action,
                cibles=tuple(cibles),
                details=details,
            )
        )

    def sauver(self, objet: T, action: str, zone: str, problemes: Sequence[Probleme] = (),
               refus: str = "") -> T:
        """The end of every simple change: refuse it whole if invalid, else one durable write and
        the screens showing ``zone`` told to refresh."""
        if problemes:
            raise DonneesInvalides(refus or "Rien n'a été enregistré.", list(problemes))
        with self.depot.transaction(action) as tx:
            tx.put(objet)
        self.ctx.signaler(zone)
        return objet
