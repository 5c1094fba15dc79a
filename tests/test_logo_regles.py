"""The logo record and the image kinds accepted, read from the file's first bytes (domain.logo)."""

from __future__ import annotations

from datetime import date

import pytest

from atelier_app.domain.logo import TAILLE_MAX, Logo, extension_image

PNG = b"\x89PNG\r\n\x1a\n"
JPEG = b"\xff\xd8\xff"


def test_png_et_jpeg_reconnus_a_leurs_premiers_octets() -> None:
    assert extension_image(PNG) == ".png"
    assert extension_image(PNG + b"\x00\x00\x00\rIHDR") == ".png"
    assert extension_image(JPEG) == ".jpg"
    assert extension_image(JPEG + b"\xe0\x00\x10JFIF") == ".jpg"


@pytest.mark.parametrize("octets", [
    b"", PNG[:-1], JPEG[:-1], b"GIF89a", b"%PDF-1.7", b"BM", b"x" + PNG, b"\x89png\r\n\x1a\n", b"<svg",
])
def test_tout_le_reste_refuse(octets: bytes) -> None:
    assert extension_image(octets) is None


def test_enregistrement_du_logo() -> None:
    logo = Logo()
    assert (logo.id, logo.extension, logo.contenu, logo.nom_origine) == ("logo", ".png", "", "")
    assert (Logo.TABLE, Logo.RANGEMENT, Logo.ID) == ("logo", "noyau", "logo")
    assert logo.date_rangement() == date(2000, 1, 1)
    assert TAILLE_MAX == 1_000_000
