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


@pytest.mark.parametrize("magasin", ["serveur"], indirect=True)
def test_appel_en_conflit_garde_la_saisie(app, dossier, magasin) -> None:
    """Another PC saves the same roll call while this one types: told who, nothing lost, save again."""
    from atelier_app import assemblage
    from atelier_app.domain.seances import Seance
    from atelier_app.gui.appel import FenetreAppel
    from atelier_app.services.contexte import Utilisateur
    from tests.test_seances import creer_groupe

    s = app.services
    g = creer_groupe(s)
    s.seances.generer(g.id)
    seance = s.seances.seances_du_groupe(g.id)[0]
    s.ctx.aujourd_hui = lambda: seance.date
    ecran = app.aller("aujourdhui")
    app.racine.update()
    ecran.boutons_appel[0].invoke()
    app.racine.update()
    fen = next(w for w in app.racine.winfo_children() if isinstance(w, FenetreAppel))
    fen.event_generate("<Control-t>")   # this PC marks everyone present…
    fen.update()
    autre = assemblage.ouvrir(dossier)  # …while the other PC saves the same roll call
    try:
        autre.ctx.utilisateur = Utilisateur("marc", s.ctx.role)
        autre.ctx.aujourd_hui = lambda: seance.date
        autre.presences.enregistrer(seance.id, dict.fromkeys(g.inscrits, "absent"))
    finally:
        assemblage.fermer(autre)
    fen.event_generate("<Control-s>")
    fen.update()
    erreurs = [m for genre, m in app.messages if genre == "erreur"]
    assert erreurs and "marc" in erreurs[-1] and "enregistrez de nouveau" in erreurs[-1]
    assert fen.winfo_exists()           # the window stays, with what was typed
    fen.event_generate("<Control-s>")   # looked, saves again
    fen.update()
    assert {p.statut for p in s.depot.get(Seance, seance.id).presences} == {"present"}


def test_serveur_injoignable_au_lancement_montre_un_message(monkeypatch, tmp_path) -> None:
    """Started from the desktop shortcut, nobody reads stderr: the message is a dialog, exit 3."""
    from atelier_app.gui import app as module_app
    from atelier_app.gui import dialogues

    monkeypatch.setenv("ATELIER_DOSSIER_LOCAL", str(tmp_path))
    messages = []
    monkeypatch.setattr(dialogues, "erreur", lambda _p, m, *a, **k: messages.append(m))
    assert module_app.lancer("postgresql://atelier@127.0.0.1:1/atelier") == 3
    assert messages and "ne répond pas" in messages[0]
