"""Record ids: short, random, with the kind's prefix (readable in a support call)."""

from __future__ import annotations

import re

from atelier_app.domain.records import nouvel_id


def test_nouvel_id_prefixe_et_douze_chiffres_hexadecimaux() -> None:
    for prefixe in ("p", "s", "cy", ""):
        i = nouvel_id(prefixe)
        assert re.fullmatch(re.escape(prefixe) + "[0-9a-f]{12}", i), i


def test_nouvel_id_jamais_deux_fois_le_meme() -> None:
    ids = {nouvel_id("p") for _ in range(2000)}
    assert len(ids) == 2000
