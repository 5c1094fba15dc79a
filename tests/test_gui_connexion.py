"""Sign-in, auto-lock, role-filtered areas and the privacy tabs, driven through their functions."""

from datetime import date

import pytest
import ttkbootstrap as ttk
from argon2 import PasswordHasher

from atelier_app import assemblage
from atelier_app.domain.personnes import Personne
from atelier_app.domain.roles import Role
from atelier_app.gui import connexion, dialogues, verrouillage
from atelier_app.services.comptes import ComptesService

pytestmark = pytest.mark.gui
MDP = "Tilleuls#2026x"


@pytest.fixture(autouse=True)
def rapide(monkeypatch):
    monkeypatch.setattr(ComptesService, "hacheur", PasswordHasher(time_cost=1, memory_cost=1024))
    monkeypatch.setitem(assemblage._Outils._MODULES, "chiffrement", "atelier_app.storage.chiffrement")


def test_zones_pour_role():
    assert connexion.zones_pour_role(Role.BENEVOLE) == ["aujourdhui"]
    assert "parametres" in connexion.zones_pour_role(Role.ANIMATEUR)


def test_sans_compte_pas_de_connexion(app):
    assert connexion.exiger_connexion(app) is True


def test_dialogue_connexion(app):
    s = app.services
    s.comptes.creer("sophie", "direction", MDP)
    s.comptes.creer("marc", "benevole", "Benevole#2026z")
    d = connexion.DialogueConnexion(app, "marc")
    d.ouvrir(attendre=False)
    d.mot_de_passe.var.set("faux")
    d.valider()
    assert "incorrect" in d.message.cget("text") and "Prochain essai" in d.message.cget("text")
    s.ctx.maintenant = lambda: __import__("datetime").datetime.now().replace(year=2099)
    d.mot_de_passe.var.set("Benevole#2026z")
    d.valider()
    assert d.resultat.identifiant == "marc" and s.ctx.role == Role.BENEVOLE
    connexion.appliquer_role(app)
    visibles = [c for c, b in app.boutons.items() if b.winfo_manager()]
    assert visibles == ["aujourdhui"]
    assert "Bénévole" in app.etat.cget("text")


def test_verrouillage(app):
    s = app.services
    s.comptes.creer("sophie", "direction", MDP)
    s.comptes.connecter("sophie", MDP)
    v = verrouillage.installer(app)
    v.derniere_activite -= 11 * 60
    v._verifier()
    assert v.voile is not None and v.voile.winfo_manager() == "place"
    v.mot_de_passe.var.set("faux")
    assert not v.deverrouiller() and "incorrect" in v.message.cget("text")
    s.ctx.maintenant = lambda: __import__("datetime").datetime.now().replace(year=2099)
    v.mot_de_passe.var.set(MDP)
    assert v.deverrouiller() and v.voile is None


def _page(app, module):
    cadre = ttk.Frame(app.racine)
    return module.construire(cadre, app)


def test_onglets_parametres(app, tmp_path, monkeypatch):
    from atelier_app.gui.onglets_parametres import comptes, donnees_personnelles, journal

    s = app.services
    s.comptes.creer("sophie", "direction", MDP)
    s.comptes.connecter("sophie", MDP)
    with s.depot.transaction("t") as tx:
        tx.put(Personne(id="p1", nom="Durand", prenom="Amélie", cree_le=date(2015, 1, 1)))
    assert comptes.VISIBLE(app) and journal.VISIBLE(app)
    p = _page(app, comptes)
    assert p.arbre.get_children() == ("sophie",)
    d = _page(app, donnees_personnelles)
    assert d.arbre.get_children() == ("p1",)
    d.anonymiser()
    assert s.depot.get(Personne, "p1").anonymise and d.arbre.get_children() == ()
    d.notice()
    d.registre()
    monkeypatch.setattr(donnees_personnelles.filedialog, "askdirectory", lambda **k: str(tmp_path))
    monkeypatch.setattr(donnees_personnelles, "demander_phrase", lambda *a, **k: "une longue phrase de passe")
    d.sauvegarder()
    assert list(tmp_path.glob("*.atelier-chiffre"))
    j = _page(app, journal)
    actions = [j.arbre.item(i)["values"][2] for i in j.arbre.get_children()]
    assert "Anonymisation" in actions and "Sauvegarde chiffrée" in actions
    s.ctx.utilisateur = s.ctx.utilisateur.__class__("x", Role.ANIMATEUR)
    assert not comptes.VISIBLE(app) and not journal.VISIBLE(app)


def test_onglet_personne(app, tmp_path, monkeypatch):
    from atelier_app.gui.onglets_personne import rgpd

    s = app.services
    with s.depot.transaction("t") as tx:
        tx.put(Personne(id="p1", nom="Durand", prenom="Amélie"))
    o = rgpd.construire(ttk.Frame(app.racine), app, s.depot.get(Personne, "p1"))
    monkeypatch.setattr(dialogues, "demander_texte", lambda *a, **k: "photos")
    o.ajouter()
    assert o.arbre.get_children() == ("0",)
    o.arbre.selection_set("0")
    o.retirer()
    assert o.arbre.item("0")["values"][2]
    monkeypatch.setattr(rgpd.filedialog, "askdirectory", lambda **k: str(tmp_path))
    o.exporter()
    assert (tmp_path / "personne-p1.pdf").exists()
    monkeypatch.setattr(dialogues, "demander_texte", lambda *a, **k: "non")
    o.anonymiser()
    assert not s.depot.get(Personne, "p1").anonymise
    monkeypatch.setattr(dialogues, "demander_texte", lambda *a, **k: "anonymiser")
    o.anonymiser()
    assert s.depot.get(Personne, "p1").anonymise


def test_etape_assistant(app):
    from atelier_app.gui.assistant import Assistant

    a = Assistant(app)
    try:
        e = a.etape_compte
        assert e.page in a.etapes
        e.mdp.var.set("court")
        e.mdp2.var.set("court")
        assert not e.verifier() and "majuscule" in e.message.cget("text")
        e.mdp.var.set(MDP)
        e.mdp2.var.set(MDP)
        assert e.verifier() and e.creer()
        assert app.services.ctx.utilisateur.identifiant == "direction"
    finally:
        a.destroy()


def test_changer_d_utilisateur(app, monkeypatch):
    """The animateur hands the PC to a volunteer: the screens go, the volunteer sees today only."""
    s = app.services
    s.comptes.creer("sophie", "direction", MDP)
    s.comptes.creer("marc", "benevole", "Benevole#2026z")
    s.comptes.connecter("sophie", MDP)
    app.mettre_a_jour_barre()
    assert app.bouton_compte.winfo_manager()
    app.aller("personnes")

    def connexion_de_marc(self, attendre=True):
        self.identifiant.var.set("marc")
        self.mot_de_passe.var.set("Benevole#2026z")
        self.valider()
        return self.resultat

    monkeypatch.setattr(connexion.DialogueConnexion, "ouvrir", connexion_de_marc)
    app.changer_utilisateur()
    assert s.ctx.role == Role.BENEVOLE and "personnes" not in app.ecrans
    assert app.zone_courante == "aujourdhui"
    assert [c for c, b in app.boutons.items() if b.winfo_manager()] == ["aujourdhui"]


def _zones_montrees(app):
    return [c for c, b in app.boutons.items() if b.winfo_manager()]


def test_rien_avant_la_connexion(centre):
    """Issue 18, point 1: with accounts, nothing is built or reachable before a successful sign-in."""
    from atelier_app.gui.app import AtelierApp

    centre.comptes.creer("sophie", "direction", MDP)
    with centre.depot.transaction("t") as tx:
        tx.put(Personne(id="p1", nom="Durand", prenom="Amélie", telephone="0601020304"))
    a = AtelierApp(centre)
    try:
        a.racine.update()
        assert _zones_montrees(a) == [] and a.etat.cget("text") == "Personne n'est connecté"
        assert not centre.ctx.peut(__import__("atelier_app.domain.roles", fromlist=["x"]).Permission.VOIR_PERSONNES)
        d = connexion.DialogueConnexion(a, "sophie")
        a.dialogue_connexion = d
        d.ouvrir(attendre=False)
        for cle in ("personnes", "parametres"):
            assert a.aller(cle) is None
        a.racine.event_generate("<Control-Key-2>")
        a.racine.update()
        assert a.ecrans == {} and a.zone_courante is None
        d.mot_de_passe.var.set(MDP)
        d.valider()
        assert "personnes" in _zones_montrees(a) and "sophie" in a.etat.cget("text")
        assert a.aller("personnes") is not None
    finally:
        a.fermer()


def test_changer_d_utilisateur_vide_l_ecran(app, monkeypatch):
    """Ctrl+U: behind the sign-in dialog, no screen, no open file, no former user in the header."""
    s = app.services
    s.comptes.creer("sophie", "direction", MDP)
    s.comptes.connecter("sophie", MDP)
    app.appliquer_role()
    app.aller("personnes")
    fenetre = ttk.Toplevel(master=app.racine)
    vu = {}

    def regarder(self, attendre=True):
        vu["zones"], vu["etat"], vu["ecrans"] = _zones_montrees(app), app.etat.cget("text"), dict(app.ecrans)
        vu["fenetre"] = fenetre.winfo_exists()
        vu["aller"] = app.aller("personnes")
        self.identifiant.var.set("sophie")
        self.mot_de_passe.var.set(MDP)
        self.valider()
        return self.resultat

    monkeypatch.setattr(connexion.DialogueConnexion, "ouvrir", regarder)
    app.changer_utilisateur()
    assert vu == {"zones": [], "etat": "Personne n'est connecté", "ecrans": {}, "fenetre": False, "aller": None}


def test_verrou_rend_les_raccourcis_inertes_et_cache_les_fiches(app):
    s = app.services
    s.comptes.creer("sophie", "direction", MDP)
    s.comptes.connecter("sophie", MDP)
    app.appliquer_role()
    fiche = ttk.Toplevel(master=app.racine)
    app.racine.update()
    v = verrouillage.installer(app)
    v.verrouiller()
    app.racine.update()
    assert not fiche.winfo_viewable()
    assert app.aller("personnes") is None and "personnes" not in app.ecrans
    s.ctx.maintenant = lambda: __import__("datetime").datetime.now().replace(year=2099)
    v.mot_de_passe.var.set(MDP)
    assert v.deverrouiller()
    app.racine.update()
    assert fiche.winfo_viewable() and app.aller("personnes") is not None
