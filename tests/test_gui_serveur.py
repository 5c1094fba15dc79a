"""Paramètres says which store is in use: this PC's folder or the centre's server."""

import pytest

from atelier_app.gui.onglets_parametres import magasin as onglet

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("magasin", ["dossier", "serveur"], indirect=True)
def test_parametres_montre_le_magasin(app, magasin) -> None:
    page = onglet.construire(app.racine, app)
    texte = page.ligne.cget("text")
    if app.services.depot.__class__.__name__ == "DepotServeur":
        assert "serveur PostgreSQL postgresql://" in texte and "même temps" in texte
    else:
        assert "dans le dossier" in texte and str(app.services.depot.dossier) in texte


def test_description_du_serveur(base_serveur) -> None:
    from atelier_app import assemblage

    s = assemblage.ouvrir(base_serveur)
    try:
        texte = onglet.description(s.depot)
        assert base_serveur.split("@")[1].split("/")[0] in texte and "PGPASSWORD" not in texte
    finally:
        assemblage.fermer(s)
