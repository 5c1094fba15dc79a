"""The merge dialog shows both records side by side, warns, merges, and the merge can be undone —
through the real dialogs (issue 18, point 3)."""

from datetime import date

import pytest

from atelier_app.domain.personnes import Personne
from atelier_app.gui.fusion import AnnulerFusion, ChoixFusion

pytestmark = pytest.mark.gui


def test_fusion_puis_annulation(app_reel):
    s = app_reel.services
    with s.depot.transaction("t") as tx:
        tx.put_many([Personne(id="pa", nom="Charrier", prenom="Alain", annee_naissance=1950, genre="homme",
                              commune="Lille", cree_le=date(2024, 1, 1)),
                     Personne(id="pc", nom="Charrier", prenom="Céline", annee_naissance=1962, genre="femme",
                              commune="Roubaix", telephone="0601020304", cree_le=date(2024, 1, 1))])
    ecran = app_reel.aller("personnes")
    ecran.arbre.selection_set(("pa", "pc"))
    vu = {}

    def regarder_puis_fusionner(f):
        assert isinstance(f, ChoixFusion)
        vu["diff"] = [c for c in f.arbre.get_children() if "diff" in f.arbre.item(c, "tags")]
        vu["valeurs"] = f.arbre.item("prenom")["values"]
        app_reel.pilote.cliquer(f, "Fusionner")

    app_reel.pilote.faire(regarder_puis_fusionner).bouton("Oui")
    ecran.fusionner()
    assert not app_reel.pilote.erreurs
    assert {"prenom", "genre", "annee_naissance", "commune", "telephone"} <= set(vu["diff"])
    assert list(vu["valeurs"]) == ["Prénom", "Alain", "Céline"]
    assert "peut-être deux personnes" in app_reel.pilote.vus[0] and "Fusionner quand même" in app_reel.pilote.vus[1]
    assert s.personnes.nombre() == 1

    def defaire(f):
        assert isinstance(f, AnnulerFusion)
        f.arbre.selection_set(f.arbre.get_children()[0])
        app_reel.pilote.cliquer(f, "Annuler la fusion")  # its message is answered by the next « OK »
        vu["liste_apres"] = f.arbre.get_children()
        app_reel.pilote.cliquer(f, "Fermer")

    app_reel.pilote.faire(defaire).bouton("OK")
    ecran.annuler_fusion()
    assert not app_reel.pilote.erreurs
    assert s.personnes.nombre() == 2 and "rétablies" in app_reel.pilote.vus[-1]
    assert vu["liste_apres"] == ()
