"""The centre's logo, kept inside the data (issue 18, point 13).

Why the image itself and not a path: a path to a file outside the data folder is not in the
backups and breaks when the file moves; a small image stored with the core data follows the
centre everywhere its data goes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

#: A letterhead logo, not a photo: larger files would slow every read of the core data.
TAILLE_MAX = 1_000_000

_SIGNATURES = {b"\x89PNG\r\n\x1a\n": ".png", b"\xff\xd8\xff": ".jpg"}


@dataclass(frozen=True)
class Logo:
    TABLE: ClassVar[str] = "logo"
    RANGEMENT: ClassVar[str] = "noyau"
    ID: ClassVar[str] = "logo"

    id: str = "logo"
    extension: str = ".png"
    contenu: str = ""  # base64 of the image's bytes
    nom_origine: str = ""

    def date_rangement(self) -> date:
        return date(2000, 1, 1)


def extension_image(octets: bytes) -> str | None:
    """``.png`` or ``.jpg`` from the file's first bytes (not its name); None for anything else."""
    for debut, ext in _SIGNATURES.items():
        if octets.startswith(debut):
            return ext
    return None
