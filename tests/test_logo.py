"""The centre's logo is copied into the data (so into the backups), not kept as an outside path."""

import base64
from dataclasses import replace

import pytest

from atelier_app.domain.logo import extension_image
from atelier_app.errors import UserError

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


def test_le_logo_est_copie_dans_les_donnees(centre, tmp_path, dossier):
    image = tmp_path / "ailleurs" / "logo.png"
    image.parent.mkdir()
    image.write_bytes(PNG)
    c = centre.centre.enregistrer_centre(replace(centre.centre.centre(), logo=str(image)))
    image.unlink()  # the user tidies their desktop
    chemin = centre.centre.centre().logo
    assert chemin.startswith(str(dossier)) and open(chemin, "rb").read() == PNG
    assert c.logo == chemin
    stocke = "".join(p.read_text(encoding="utf-8") for p in dossier.glob("*.json"))
    assert str(image) not in stocke and base64.b64encode(PNG).decode() in stocke
    # saving the centre again with the same (inside) path keeps it; emptying the field removes it
    centre.centre.enregistrer_centre(centre.centre.centre())
    assert centre.centre.centre().logo == chemin
    centre.centre.enregistrer_centre(replace(centre.centre.centre(), logo=""))
    assert centre.centre.centre().logo == ""


def test_le_logo_reecrit_apres_restauration(centre, tmp_path, dossier):
    image = tmp_path / "logo.png"
    image.write_bytes(PNG)
    centre.centre.enregistrer_centre(replace(centre.centre.centre(), logo=str(image)))
    chemin = centre.centre.chemin_logo()
    chemin.unlink()
    assert centre.centre.chemin_logo().read_bytes() == PNG


def test_logo_refuse_ce_qui_n_est_pas_une_image(centre, tmp_path):
    faux = tmp_path / "logo.png"
    faux.write_text("pas une image")
    with pytest.raises(UserError, match="PNG ou JPG"):
        centre.centre.enregistrer_centre(replace(centre.centre.centre(), logo=str(faux)))
    with pytest.raises(UserError, match="introuvable"):
        centre.centre.enregistrer_centre(replace(centre.centre.centre(), logo=str(tmp_path / "non.png")))
    assert extension_image(PNG) == ".png" and extension_image(b"\xff\xd8\xff\xe0") == ".jpg"
