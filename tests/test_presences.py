"""PresencesService: one write per save, who/when recorded, snapshot, walk-ins, roles."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from atelier_app.domain.personnes import Personne
from atelier_app.domain.roles import Role
from atelier_app.errors import AccesRefuse, UserError
from atelier_app.services.contexte import ADMINISTRATEUR_POSTE, Utilisateur
from atelier_app.services.presences import Nouveau
from tests.test_seances import creer_groupe


@pytest.fixture
def seance(centre):
    g = creer_groupe(centre)
    centre.seances.generer(g.id)
    s = centre.seances.seances_du_groupe(g.id)[0]
    centre.ctx.aujourd_hui = lambda: s.date
    centre.ctx.maintenant = lambda: datetime(s.date.year, s.date.month, s.date.day, 17, 5, 12, 345)
    return s


def test_un_seul_ecriture_durable(centre, seance, monkeypatch) -> None:
    commits = []
    original = centre.depot._commit
    monkeypatch.setattr(centre.depot, "_commit", lambda action: (commits.append(action), original(action))[1])
    statuts = {**{f"p{i}": "present" for i in range(9)}, "p4": "absent", "p5": "retard"}
    n = centre.presences.enregistrer(seance.id, statuts, anonymes=2, contenu="Les fichiers",
                                     thematiques=["bureautique"], nouveaux=[Nouveau("Léa", "Durand", 1990)])
    assert commits == ["Saisie des présences"]
    s = centre.seances.seance(seance.id)
    assert s == n and s.appel_fait and s.etat == "realisee"
    assert s.saisie_par == ADMINISTRATEUR_POSTE.identifiant and s.saisie_le == datetime(2025, 9, 3, 17, 5, 12)
    assert s.anonymes == 2 and s.contenu == "Les fichiers" and s.thematiques == ("bureautique",)
    assert s.nb_venus == 8 + 1 + 2
    nouvelle = [p for p in s.presences if not p.inscrit]
    assert len(nouvelle) == 1 and centre.depot.get(Personne, nouvelle[0].personne).nom == "Durand"
    p1 = next(p for p in s.presences if p.personne == "p1")
    assert (p1.tranche_age, p1.genre, p1.commune, p1.code_postal) == (Personne(id="x", nom="", prenom="", annee_naissance=1951).tranche_age(2025), "femme", "Lille", "59000")


def test_participants_et_sans_coordonnees(centre, seance) -> None:
    with centre.depot.transaction("t") as tx:
        tx.put(Personne(id="p9", nom="Nom9", prenom="Prénom9", telephone="0600000009"))
    centre.presences.enregistrer(seance.id, {**{f"p{i}": "present" for i in range(9)}, "p9": "present"})
    parts = centre.presences.participants(seance.id)
    assert len(parts) == 10 and parts[-1].personne == "p9" and not parts[-1].inscrit
    assert all(not hasattr(p, "telephone") for p in parts)
    assert [p.personne for p in centre.presences.chercher_personne("nom9")] == ["p9"]


def test_tous_doivent_etre_marques(centre, seance) -> None:
    with pytest.raises(UserError, match="pas enregistré") as e:
        centre.presences.enregistrer(seance.id, {"p0": "present", "p1": "bof"})
    assert "7 inscrits sans statut" in e.value.texte() and "bof" in e.value.texte()
    assert not centre.seances.seance(seance.id).appel_fait


def test_seance_annulee_refusee(centre, seance) -> None:
    centre.seances.annuler(seance.id, "Fermeture")
    with pytest.raises(UserError, match="annulée"):
        centre.presences.enregistrer(seance.id, {f"p{i}": "present" for i in range(9)})


def test_benevole_note_seulement_le_jour(centre, seance) -> None:
    autre = centre.seances.seances_du_groupe(seance.groupe)[1]
    centre.ctx.utilisateur = Utilisateur("Marie", Role.BENEVOLE)
    assert len(centre.presences.participants(seance.id)) == 9
    centre.presences.enregistrer(seance.id, {f"p{i}": "present" for i in range(9)})
    assert centre.seances.seance(seance.id).saisie_par == "Marie"
    with pytest.raises(AccesRefuse):
        centre.presences.participants(autre.id)
    with pytest.raises(AccesRefuse):
        centre.presences.feuille_seance(seance.id)
    with pytest.raises(AccesRefuse):
        centre.presences.assiduite("p0")


def test_assiduite(centre, seance) -> None:
    seances = centre.seances.seances_du_groupe(seance.groupe)
    centre.ctx.aujourd_hui = lambda: date(2026, 6, 30)
    centre.presences.enregistrer(seances[0].id, {f"p{i}": "present" for i in range(9)})
    centre.presences.enregistrer(seances[1].id, {**{f"p{i}": "present" for i in range(9)}, "p0": "absent"})
    centre.seances.annuler(seances[2].id, "Grève")
    centre.presences.enregistrer(seances[3].id, {**{f"p{i}": "present" for i in range(9)}, "p0": "excuse"})
    lignes = centre.presences.assiduite("p0")
    assert len(lignes) == 1
    a = lignes[0].assiduite
    assert (a.prevues, a.venues, a.absences, a.excuses, a.heures, a.taux_texte) == (3, 1, 1, 1, 2.0, "50 %")
    assert centre.presences.total("p0").heures == 2.0
