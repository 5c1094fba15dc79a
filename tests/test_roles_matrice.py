"""Roles proven for every method (issue 13, item 3): every public method of every service is declared
in ``services/droits.py``; every role without the declared permission is refused before anything is
read or written; what a volunteer may call returns no personal data and writes nothing beyond the
listed exceptions. A method added without a declared permission fails here."""

from __future__ import annotations

import importlib
import inspect
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest

from atelier_app.domain.ages import tranche_age
from atelier_app.domain.journal import EntreeJournal
from atelier_app.domain.personnes import Personne
from atelier_app.domain.roles import PERMISSIONS, Permission, Role
from atelier_app.errors import AccesRefuse, UserError
from atelier_app.services import REGISTRE
from atelier_app.services.base import Service
from atelier_app.services.contexte import Utilisateur
from atelier_app.services.droits import ECRITURES_PERMISES, MATRICE, permissions


def _classe(nom: str) -> type:
    module, classe = REGISTRE[nom].split(":")
    return getattr(importlib.import_module(module), classe)


def _publiques(cls: type) -> list[str]:
    """Public methods and properties a caller can reach (class attributes that are data are not)."""
    out = []
    for n in dir(cls):
        if n.startswith("_") or hasattr(Service, n):
            continue
        attribut = inspect.getattr_static(cls, n)
        if isinstance(attribut, (staticmethod, classmethod, property)) or inspect.isfunction(attribut):
            out.append(n)
    return sorted(out)


METHODES = [(s, m) for s in REGISTRE for m in _publiques(_classe(s))]


def test_chaque_methode_publique_a_un_droit_declare():
    manquantes = [f"{s}.{m}" for s, m in METHODES if m not in MATRICE.get(s, {})]
    assert not manquantes, f"Déclarez le droit de ces méthodes dans services/droits.py : {manquantes}"
    perimees = [f"{s}.{m}" for s, ms in MATRICE.items() for m in ms if (s, m) not in METHODES]
    assert not perimees, f"Méthodes déclarées qui n'existent plus : {perimees}"
    assert set(ECRITURES_PERMISES) <= {f"{s}.{m}" for s, m in METHODES}


# ------------------------------------------------------------------ the data of the walk
TELEPHONE, COURRIEL, ADRESSE, NAISSANCE, COMMUNE, CP = ("0611223344", "amelie.durand@exemple.fr",
                                                       "12 rue des Roses", 1955, "Roubaix", "59100")


@pytest.fixture
def monde(centre, monkeypatch):
    """A centre with accounts; a person with every field filled, enrolled in a group with a session
    today (attendance taken, so the session holds her snapshot) and one yesterday."""
    from argon2 import PasswordHasher

    from atelier_app.services.comptes import ComptesService

    monkeypatch.setattr(ComptesService, "hacheur", PasswordHasher(time_cost=1, memory_cost=1024))
    s = centre
    s.comptes.creer("direction", "direction", "Tilleuls#2026x")
    p = s.personnes.ajouter(Personne(id="", nom="Durand", prenom="Amélie", telephone=TELEPHONE, email=COURRIEL,
                                     adresse=ADRESSE, code_postal=CP, commune=COMMUNE, annee_naissance=NAISSANCE,
                                     genre="feminin", statut_social="retraite"))
    e = s.preliste.ajouter("initiation", p.id, notes="rencontrée au forum")
    cycle, groupes = s.activites.nouveau_cycle("initiation", s.ctx.aujourd_hui())
    g = groupes[0]
    s.inscriptions.inscrire(g.id, p.id)
    jour = s.ctx.aujourd_hui()
    hier = s.seances.ajouter(g.id, jour - timedelta(days=1))
    aujourdhui = s.seances.ajouter(g.id, jour)
    for seance in (hier, aujourdhui):
        s.presences.enregistrer(seance.id, {p.id: "present"})
    return {"s": s, "p": p, "e": s.preliste.entree(e.id), "cycle": cycle, "g": s.activites.groupe(g.id),
            "hier": s.seances.seance(hier.id), "aujourdhui": s.seances.seance(aujourdhui.id)}


def _personnel(m: dict[str, Any]) -> list[str]:
    p = m["p"]
    return [TELEPHONE, COURRIEL, ADRESSE, str(NAISSANCE), COMMUNE, CP, "feminin", "retraite", "rencontrée",
            tranche_age(NAISSANCE, m["s"].ctx.aujourd_hui().year), p.nom, p.prenom]


#: Arguments to call each method a volunteer may call (a new one must be added here).
EXEMPLES: dict[str, Any] = {
    "centre.activite": lambda m: ("initiation",),
    "rgpd.textes": lambda m: ("notice",),
    "rgpd.textes_proposes": lambda m: ("registre",),
    "activites.cycle": lambda m: (m["cycle"].id,),
    "activites.cycles": lambda m: ("initiation",),
    "activites.groupe": lambda m: (m["g"].id,),
    "activites.groupes": lambda m: (m["cycle"].id,),
    "preliste.attente_jours": lambda m: (m["e"],),
    "seances.creneau_du_groupe": lambda m: (m["g"],),
    "seances.cycle_et_activite": lambda m: (m["g"],),
    "seances.cycles": lambda m: ("initiation",),
    "seances.exiger": lambda m: (Permission.VOIR_SEANCES_DU_JOUR,),
    "seances.groupe": lambda m: (m["g"].id,),
    "seances.groupes": lambda m: (m["cycle"].id,),
    "seances.ligne": lambda m: (m["s"].seances.seance(m["aujourdhui"].id),),  # as the volunteer has it
    "seances.programme": lambda m: ("initiation",),
    "seances.seance": lambda m: (m["aujourdhui"].id,),
    "presences.participants": lambda m: (m["aujourdhui"].id,),
    "presences.chercher_personne": lambda m: ("Dur",),
    "presences.enregistrer": lambda m: (m["aujourdhui"].id, {m["p"].id: "retard"}),
    "positionnement.groupes_du_cycle": lambda m: (m["cycle"].id,),
    "comptes.attente": lambda m: ("quelqu_un",),
    "comptes.connecter": lambda m: ("quelqu_un", "mauvais"),
    "comptes.verifier": lambda m: ("mauvais",),
    "journal.libelle": lambda m: ("impression",),
}
#: The roll call shows the names of today's attendees to the volunteer who takes it (domain/roles.py).
NOMS_DU_JOUR = {"presences.participants", "presences.chercher_personne", "presences.enregistrer"}


def _compter_ecritures(s, monkeypatch) -> list[str]:
    ecritures: list[str] = []
    commit = s.depot._commit
    monkeypatch.setattr(s.depot, "_commit", lambda action: (ecritures.append(action), commit(action))[1])
    return ecritures


def _appel(s, service: str, methode: str, args: tuple = ()) -> Any:
    attribut = inspect.getattr_static(_classe(service), methode)
    objet = getattr(s, service)
    if isinstance(attribut, property):
        return getattr(objet, methode)
    return getattr(objet, methode)(*args)


def _arguments_vides(service: str, methode: str) -> tuple:
    """None for every required argument: the permission is checked before any argument is used."""
    f = inspect.getattr_static(_classe(service), methode)
    if isinstance(f, property):
        return ()
    f = f.__func__ if isinstance(f, (staticmethod, classmethod)) else f
    params = list(inspect.signature(f).parameters.values())[1:]
    return tuple(None for q in params if q.default is inspect.Parameter.empty
                 and q.kind in (q.POSITIONAL_ONLY, q.POSITIONAL_OR_KEYWORD))


@pytest.mark.parametrize("role", [Role.BENEVOLE, Role.ANIMATEUR])
def test_chaque_role_sans_le_droit_est_refuse_avant_toute_lecture(monde, monkeypatch, role):
    s = monde["s"]
    s.ctx.utilisateur = Utilisateur("quelqu_un", role)
    ecritures = _compter_ecritures(s, monkeypatch)
    avant = len(s.depot.all(EntreeJournal))
    testees = 0
    for service, methode in METHODES:
        requises = permissions(MATRICE[service][methode])
        if all(q in PERMISSIONS[role] for q in requises):
            continue
        with pytest.raises(AccesRefuse):
            _appel(s, service, methode, _arguments_vides(service, methode))
        testees += 1
    assert testees >= (60 if role == Role.BENEVOLE else 5)
    assert ecritures == [] and len(s.depot.all(EntreeJournal)) == avant


def test_un_benevole_ne_recoit_aucune_donnee_personnelle_et_n_ecrit_rien(monde, monkeypatch):
    s = monde["s"]
    s.ctx.utilisateur = Utilisateur("quelqu_un", Role.BENEVOLE)
    ecritures = _compter_ecritures(s, monkeypatch)
    personnel = _personnel(monde)
    ouvertes = [(sv, m) for sv, m in METHODES
                if all(q in PERMISSIONS[Role.BENEVOLE] for q in permissions(MATRICE[sv][m]))]
    assert ("seances", "seance") in ouvertes and ("presences", "participants") in ouvertes
    for service, methode in ouvertes:
        nom = f"{service}.{methode}"
        exemple = EXEMPLES.get(nom)
        args = exemple(monde) if exemple else ()
        if exemple is None and _arguments_vides(service, methode):
            pytest.fail(f"Ajoutez des arguments d'exemple pour {nom} dans EXEMPLES")
        avant = len(ecritures)
        try:
            resultat = _appel(s, service, methode, args)
        except UserError:
            resultat = None  # refused with a sentence (e.g. a wrong password): nothing given away
        vus = [x for x in personnel if x in repr(resultat)]
        if nom in NOMS_DU_JOUR:
            vus = [x for x in vus if x not in (monde["p"].nom, monde["p"].prenom)]
        assert not vus, f"{nom} donne à un bénévole : {vus}"
        if nom not in ECRITURES_PERMISES:
            assert len(ecritures) == avant, f"{nom} écrit pour un bénévole : {ecritures[avant:]}"
        s.ctx.utilisateur = Utilisateur("quelqu_un", Role.BENEVOLE)  # deconnecter signs out


def test_un_benevole_ne_voit_que_la_seance_du_jour_et_pas_le_portrait_des_presents(monde):
    s = monde["s"]
    complete = s.seances.seance(monde["aujourdhui"].id)
    assert complete.presences[0].genre == "feminin"  # the direction sees the snapshot (statistics)
    s.ctx.utilisateur = Utilisateur("quelqu_un", Role.BENEVOLE)
    with pytest.raises(AccesRefuse):
        s.seances.seance(monde["hier"].id)
    (presence,) = s.seances.seance(monde["aujourdhui"].id).presences
    assert (presence.personne, presence.statut) == (monde["p"].id, "present")
    assert (presence.genre, presence.statut_social, presence.tranche_age, presence.commune, presence.code_postal) == (
        "non_communique", "non_communique", "non_communique", "", "")


@pytest.mark.parametrize("appel", [
    lambda m: m["s"].personnes.doublon_de(replace(m["p"], id="")),
    lambda m: m["s"].positionnement.candidats(m["cycle"].id),
    lambda m: m["s"].positionnement.dernier(m["p"].id),
    lambda m: m["s"].preliste.entree(m["e"].id),
    lambda m: m["s"].rgpd.journaliser_action("impression", (m["p"].id,)),
    lambda m: m["s"].presences.total(m["p"].id),
], ids=["doublon_de", "candidats", "dernier", "entree", "journaliser_action", "total"])
def test_les_fuites_trouvees_sont_fermees(monde, appel):
    s = monde["s"]
    avant = len(s.depot.all(EntreeJournal))
    s.ctx.utilisateur = Utilisateur("quelqu_un", Role.BENEVOLE)
    with pytest.raises(AccesRefuse):
        appel(monde)
    assert len(s.depot.all(EntreeJournal)) == avant


def test_plus_de_journal_ecrit_par_n_importe_qui():
    assert not hasattr(_classe("fiches"), "noter_document")
    assert not hasattr(_classe("presences"), "noter_impression")

