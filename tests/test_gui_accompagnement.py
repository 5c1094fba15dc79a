"""Help-desk form: an ambiguous or unknown name is never saved as an anonymous request (issue 18, 4)."""

from datetime import date

import pytest

from atelier_app.domain.personnes import Personne
from atelier_app.gui.accompagnement import FormulaireAccompagnement

pytestmark = pytest.mark.gui


@pytest.fixture
def formulaire(app_reel):
    s = app_reel.services
    s.ctx.aujourd_hui = lambda: date(2026, 11, 30)
    with s.depot.transaction("t") as tx:
        tx.put_many([Personne(id="p1", nom="Charrier", prenom="Alain"),
                     Personne(id="p2", nom="Charrier", prenom="Céline")])
    f = FormulaireAccompagnement(app_reel.racine, app_reel)
    f.montrer(attendre=False)
    f.themes.selection_set(0)
    yield f
    if f.winfo_exists():
        f.destroy()


def test_nom_ambigu_pas_anonyme_en_silence(app_reel, formulaire):
    formulaire.recherche.set("charrier")
    assert formulaire.personne_id is None and not formulaire.anonyme.get()
    app_reel.pilote.bouton("OK")
    formulaire.enregistrer()
    assert app_reel.services.accompagnements.liste(date(2026, 1, 1), date(2026, 12, 31)) == []
    assert "2 personnes correspondent" in app_reel.pilote.vus[-1]
    formulaire.choix_personne.current(1)
    formulaire._choisir()
    formulaire.enregistrer()
    [a] = app_reel.services.accompagnements.liste(date(2026, 1, 1), date(2026, 12, 31))
    assert a.personne == "p2"


def test_anonyme_est_un_choix_explicite(app_reel, formulaire):
    formulaire.recherche.set("inconnu")
    app_reel.pilote.bouton("OK")
    formulaire.enregistrer()
    assert "aucune fiche" in app_reel.pilote.vus[-1]
    formulaire.anonyme.set(True)
    formulaire._anonyme_coche()
    formulaire.enregistrer()
    [a] = app_reel.services.accompagnements.liste(date(2026, 1, 1), date(2026, 12, 31))
    assert a.personne is None and formulaire.recherche.get() == ""
