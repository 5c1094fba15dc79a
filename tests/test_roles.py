"""Each role on the service methods that matter: the services refuse, not just the menus."""

import dataclasses
from datetime import date

import pytest

from atelier_app.domain.personnes import Personne
from atelier_app.domain.roles import Permission, Role
from atelier_app.errors import AccesRefuse
from atelier_app.services.contexte import Utilisateur

MDP = "Tilleuls#2026x"

ACTIONS = {
    "exporter_personne": lambda s, t: s.rgpd.donnees_personne("p1"),
    "exporter_tout": lambda s, t: s.donnees.exporter(t / "x.json"),
    "anonymiser": lambda s, t: s.rgpd.anonymiser("p1"),
    "inactifs": lambda s, t: s.rgpd.inactifs(),
    "fiche_personne": lambda s, t: s.personnes.personne("p1"),
    "consentir": lambda s, t: s.rgpd.consentir("p1", "photos"),
    "creer_compte": lambda s, t: s.comptes.creer("nouveau", "benevole", "Benevole#2026z"),
    "lister_comptes": lambda s, t: s.comptes.lister(),
    "desactiver_compte": lambda s, t: s.comptes.desactiver("autre"),
    "reinitialiser_mdp": lambda s, t: s.comptes.changer_mot_de_passe("autre", "Nouveau#Secret42"),
    "journal": lambda s, t: s.journal.lister(),
    "sauvegarde_chiffree": lambda s, t: s.rgpd.sauvegarder_chiffre(t, "une phrase assez longue"),
    "duree_conservation": lambda s, t: s.rgpd.definir_duree_conservation(4),
}
REFUSES = {
    Role.BENEVOLE: set(ACTIONS),
    Role.ANIMATEUR: {"creer_compte", "lister_comptes", "desactiver_compte", "reinitialiser_mdp", "journal"},
    Role.DIRECTION: set(),
}


@pytest.fixture
def prepare(centre, monkeypatch):
    from argon2 import PasswordHasher

    from atelier_app import assemblage
    from atelier_app.services.comptes import ComptesService

    monkeypatch.setattr(ComptesService, "hacheur", PasswordHasher(time_cost=1, memory_cost=1024))
    monkeypatch.setitem(assemblage._Outils._MODULES, "chiffrement", "atelier_app.storage.chiffrement")
    with centre.depot.transaction("t") as tx:
        tx.put(Personne(id="p1", nom="Durand", prenom="Amélie", telephone="0601020304", cree_le=date(2020, 1, 1)))
    centre.comptes.creer("direction", "direction", MDP)
    centre.comptes.creer("autre", "animateur", "Animateur#2026z")
    return centre


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", list(ACTIONS))
def test_role_sur_service(prepare, tmp_path, role, action):
    prepare.ctx.utilisateur = Utilisateur("quelqu_un", role)
    if action in REFUSES[role]:
        with pytest.raises(AccesRefuse, match="Votre compte"):
            ACTIONS[action](prepare, tmp_path)
    else:
        ACTIONS[action](prepare, tmp_path)


def test_benevole_ne_voit_pas_de_telephone(prepare):
    """What a volunteer can reach (sessions of the day, their participants) carries names only."""
    from atelier_app.services import presences

    champs = {f.name for f in dataclasses.fields(presences.Participant)}
    assert not champs & {"telephone", "email", "adresse", "telephone_responsable"}
    prepare.ctx.utilisateur = Utilisateur("b", Role.BENEVOLE)
    with pytest.raises(AccesRefuse):
        prepare.personnes.personne("p1")
    assert not prepare.ctx.peut(Permission.VOIR_COORDONNEES)
