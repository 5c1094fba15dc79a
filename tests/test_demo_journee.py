"""The demo shows a whole day (issue 15, point 9): accounts, a session today, free slots, slot ids,
a next cycle whose pre-list the proposal can place."""

from __future__ import annotations

import ast
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from atelier_app import assemblage
from atelier_app.domain.activites import Activite, Cycle, Groupe
from atelier_app.domain.comptes import raisons_refus
from atelier_app.domain.positionnement import Positionnement
from atelier_app.domain.preliste import EntreePreliste
from atelier_app.domain.seances import Seance
from atelier_app.services.centre import activites_par_defaut
from atelier_app.storage import demo
from atelier_app.storage.repository import Depot

AUJOURD_HUI = date(2026, 12, 1)


@pytest.fixture(scope="module")
def services(tmp_path_factory):
    s = assemblage.ouvrir(tmp_path_factory.mktemp("journee") / "d")
    s.ctx.aujourd_hui = lambda: AUJOURD_HUI
    s.donnees.generer_demo("petite", 1)
    yield s
    assemblage.fermer(s)


def test_le_stockage_n_importe_pas_les_services() -> None:
    import atelier_app.storage as stockage

    for module in Path(stockage.__file__).parent.glob("*.py"):
        arbre = ast.parse(module.read_text(encoding="utf-8"))
        noms = [n.module or "" for n in ast.walk(arbre) if isinstance(n, ast.ImportFrom)]
        noms += [a.name for n in ast.walk(arbre) if isinstance(n, ast.Import) for a in n.names]
        assert not [n for n in noms if n.startswith("atelier_app.services")], module.name


def test_un_compte_par_role_avec_son_mot_de_passe(services) -> None:
    avant = services.ctx.utilisateur
    try:
        for identifiant, role, mdp in demo.COMPTES:
            assert raisons_refus(mdp, identifiant) == []
            u = services.comptes.connecter(identifiant, mdp)
            assert u.role.value == role
    finally:
        services.ctx.utilisateur = avant
    assert sorted(r for _i, r, _m in demo.COMPTES) == ["animateur", "benevole", "direction"]
    script = (Path(__file__).parents[1] / "scripts" / "demo.sh").read_text(encoding="utf-8")
    assert "COMPTES" in script


@pytest.mark.parametrize("jour", [date(2026, 12, 1), date(2026, 12, 6), date(2026, 12, 25), date(2027, 4, 15)])
def test_une_seance_aujourd_hui_quel_que_soit_le_jour(tmp_path, jour) -> None:
    depot = Depot.ouvrir(tmp_path)
    try:
        demo.generer(depot, "petite", 3, jour, activites_par_defaut())
        depot.charger_tout()
        du_jour = [s for s in depot.all(Seance) if s.date == jour]
        assert du_jour
        groupes = {g.id: g for g in depot.all(Groupe)}
        assert any(groupes[s.groupe].inscrits for s in du_jour)
    finally:
        depot.fermer()


def test_aucun_creneau_reserve_deux_fois(services) -> None:
    services.depot.charger_tout()
    seances = [s for s in services.depot.all(Seance) if s.etat != "annulee"]
    doubles = [k for k, n in Counter((s.date, s.debut) for s in seances).items() if n > 1]
    assert not doubles


def test_disponibilites_en_identifiants_de_creneau(services) -> None:
    creneaux = {a.id: {c.id for c in a.creneaux} for a in services.depot.all(Activite)}
    positionnements = services.depot.all(Positionnement)
    assert positionnements
    for p in positionnements:
        assert p.activite in creneaux and p.disponibilites
        assert set(p.disponibilites) <= creneaux[p.activite], p


@pytest.mark.parametrize("activite", ["initiation", "senou"])
def test_la_proposition_du_prochain_cycle_place_la_preliste(services, activite) -> None:
    suivant = min((c for c in services.depot.all(Cycle) if c.activite == activite and c.debut > AUJOURD_HUI),
                  key=lambda c: c.debut)
    candidats = services.positionnement.candidats(suivant.id)
    attente = {e.personne for e in services.depot.all(EntreePreliste)
               if e.activite == activite and e.etat in ("a_inviter", "invite", "venu")}
    assert {c.personne for c in candidats} == attente and len(attente) >= 4
    prop = services.positionnement.proposer(suivant.id)
    assert prop.nb_places == len(candidats) and not prop.non_places
    assert any(p.disponibilites for p in services.depot.all(Positionnement)
               if p.personne in attente and p.activite == activite)


def test_demo_sans_comptes_en_ligne_de_commande(capsys, tmp_path) -> None:
    from atelier_app import cli
    from atelier_app.domain.comptes import Compte

    assert cli.main(["--donnees", str(tmp_path / "d"), "demo", "--sans-comptes"]) == 0
    assert "0 comptes" in capsys.readouterr().out
    depot = Depot.ouvrir(tmp_path / "d")
    try:
        assert depot.all(Compte) == []
    finally:
        depot.fermer()
