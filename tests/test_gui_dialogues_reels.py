"""The real dialogs (not stand-ins) of anonymisation, consent and a cancelled session's reason."""

from datetime import date

import pytest
import ttkbootstrap as ttk

from atelier_app.domain.personnes import Personne
from atelier_app.gui import dialogues

pytestmark = pytest.mark.gui


def test_demander_texte_reel(app_reel):
    app_reel.pilote.saisir("photos")
    assert dialogues.demander_texte(app_reel.racine, "Objet ?", initial="x") == "photos"
    app_reel.pilote.bouton("Annuler")
    assert dialogues.demander_texte(app_reel.racine, "Objet ?") is None
    assert not app_reel.pilote.erreurs and "Objet ?" in app_reel.pilote.vus[0]


def test_consentement_et_anonymisation_par_les_vrais_dialogues(app_reel):
    from atelier_app.gui.onglets_personne import rgpd

    s = app_reel.services
    with s.depot.transaction("t") as tx:
        tx.put(Personne(id="p1", nom="Durand", prenom="Amélie", cree_le=date(2015, 1, 1)))
    o = rgpd.construire(ttk.Frame(app_reel.racine), app_reel, s.depot.get(Personne, "p1"))
    app_reel.pilote.saisir("photos")
    o.ajouter()
    assert [c.objet for c in s.depot.get(Personne, "p1").consentements] == ["photos"]
    app_reel.pilote.saisir("ANONYMISER").bouton("OK")
    o.anonymiser()
    assert not app_reel.pilote.erreurs
    assert s.depot.get(Personne, "p1").anonymise
    assert "anonymisée" in app_reel.pilote.vus[-1]


def test_motif_d_annulation_par_le_vrai_dialogue(app_reel):
    from tests.test_seances import creer_groupe

    s = app_reel.services
    g = creer_groupe(s)
    s.seances.generer(g.id)
    ecran = app_reel.aller("seances")
    ecran.c_activite.set(next(a.nom for a in ecran.activites if a.id == "initiation"))
    ecran._activite_choisie()
    premiere = ecran.arbre.get_children()[0]
    ecran.arbre.focus(premiere)
    app_reel.pilote.saisir("salle inondée")
    ecran.annuler_seance()
    assert not app_reel.pilote.erreurs
    seance = s.seances.seance(premiere)
    assert seance.etat == "annulee" and seance.motif_annulation == "salle inondée"
