"""Errors that carry a French message meant for the user.

Why a separate module: every layer raises them (domain rules, storage, services) and the GUI and
the CLI show them the same way — a short French sentence, no traceback — while anything else is a
bug that is logged in full.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


class UserError(Exception):
    """Something the user can fix; ``message`` is shown as is (French)."""

    code_sortie = 1

    def __init__(self, message: str, details: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.details = tuple(details)

    def texte(self) -> str:
        if not self.details:
            return self.message
        return self.message + "\n" + "\n".join(f"  - {d}" for d in self.details)


class DonneesVerrouillees(UserError):
    """Another running copy holds the data folder."""

    code_sortie = 3


class DonneesIllisibles(UserError):
    """A data file cannot be read; ``fichier`` names it so it can be put aside."""

    code_sortie = 3

    def __init__(self, message: str, fichier: str = "", details: Iterable[str] = ()) -> None:
        super().__init__(message, details)
        self.fichier = fichier


class AccesRefuse(UserError):
    """The current account's role does not allow the action."""


@dataclass(frozen=True)
class Probleme:
    """One validation problem: where (record, field) and why, in French."""

    enregistrement: str
    champ: str
    raison: str

    def __str__(self) -> str:
        where = self.enregistrement
        if self.champ:
            where += f", champ « {self.champ} »"
        return f"{where} : {self.raison}"


class DonneesInvalides(UserError):
    """Validation failed; carries every problem found, not just the first."""

    def __init__(self, message: str, problemes: Iterable[Probleme]) -> None:
        self.problemes = tuple(problemes)
        super().__init__(message, [str(p) for p in self.problemes])


class Conflit(UserError):
    """Another PC saved the same record since this one read it (server store): nothing was written.

    Why a kind of its own: the screen keeps what was typed and shows who changed what and when, so
    the user can look at the other change and save again.
    """

    def __init__(self, message: str, par: str = "", le: str = "") -> None:
        super().__init__(message)
        self.par = par
        self.le = le


class ServeurInaccessible(DonneesVerrouillees):
    """The PostgreSQL server cannot be used (unreachable, wrong password, missing database).

    Why a kind of DonneesVerrouillees: for whoever opens the app it is the same situation — the data
    cannot be opened right now, a French message says what to check, the app stops (exit 3) — so the
    window's start shows it in a dialog like a locked folder.
    """
