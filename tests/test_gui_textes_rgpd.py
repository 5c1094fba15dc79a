"""Paramètres › Données personnelles: the notice and the register are edited on screen (issue 18, 11)."""

import pytest
import ttkbootstrap as ttk

from atelier_app.gui.onglets_parametres import donnees_personnelles
from atelier_app.gui.textes_rgpd import EditeurTextes

pytestmark = pytest.mark.gui


def test_modifier_la_notice_a_l_ecran(app_reel):
    s = app_reel.services
    s.rgpd.definir_duree_conservation(1)
    page = donnees_personnelles.construire(ttk.Frame(app_reel.racine), app_reel)
    assert "1 ans" not in page.resume.cget("text")

    def corriger(f):
        assert isinstance(f, EditeurTextes)
        f.liste.selection_clear(0, "end")
        f.liste.selection_set(1)
        f._choisir()
        f.texte.delete("1.0", "end")
        f.texte.insert("1.0", "Notre déléguée : Mme Leroy, dpo@tilleuls.fr.")
        f.dpo.set("Mme Leroy, dpo@tilleuls.fr")
        app_reel.pilote.cliquer(f, "Enregistrer")

    app_reel.pilote.faire(corriger).bouton("OK")
    page.modifier("notice")
    assert not app_reel.pilote.erreurs
    assert dict(s.rgpd.textes("notice"))["Délégué à la protection des données"].startswith("Notre déléguée")
    assert s.rgpd.situation().dpo == "Mme Leroy, dpo@tilleuls.fr"

    app_reel.pilote.faire(lambda f: app_reel.pilote.cliquer(f, "Rétablir")).bouton("Oui").bouton("OK")
    page.modifier("notice")
    assert not app_reel.pilote.erreurs and not s.rgpd.texte_modifie("notice")
    assert "Mme Leroy" in dict(s.rgpd.textes("notice"))["Délégué à la protection des données"]
