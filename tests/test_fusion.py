"""Merging two people keeps every fact of both, warns on identity differences, and can be undone
(issue 18, point 3)."""

from datetime import date

import pytest

from atelier_app.domain.activites import Cycle, Groupe
from atelier_app.domain.fusion import AnnulationFusion, alertes, differences, personne_fusionnee
from atelier_app.domain.journal import EntreeJournal
from atelier_app.domain.personnes import Personne
from atelier_app.domain.preliste import ChangementEtat, EntreePreliste
from atelier_app.domain.seances import Presence, Seance
from atelier_app.errors import UserError

ALAIN = Personne(id="pa", nom="Charrier", prenom="Alain", annee_naissance=1950, genre="homme",
                 commune="Lille", cree_le=date(2024, 1, 1))
CELINE = Personne(id="pc", nom="Charrier", prenom="Céline", annee_naissance=1962, genre="femme",
                  commune="Roubaix", telephone="0601020304", cree_le=date(2023, 5, 1))


@pytest.fixture
def donnees(centre):
    with centre.depot.transaction("prépa") as tx:
        tx.put_many([ALAIN, CELINE])
        tx.put(Cycle(id="c1", activite="senou", nom="Automne"))
        tx.put(Groupe(id="g1", cycle="c1", nom="Jeudi", capacite=6, inscrits=("pa", "pc")))
        for i in range(10):
            statuts = ("present", "absent") if i % 2 else ("absent", "present")
            tx.put(Seance(id=f"s{i}", groupe="g1", date=date(2026, 3, 5 + i),
                          presences=(Presence("pa", statut=statuts[0]), Presence("pc", statut=statuts[1]))))
        for i, etat in enumerate(("inscrit", "inscrit", "invite", "inscrit")):
            tx.put(EntreePreliste(id=f"e{i}", personne="pc" if i else "pa", activite="senou", etat=etat,
                                  demande_le=date(2025, 9, 1 + i), notes=f"note {i}",
                                  historique=(ChangementEtat(etat, date(2025, 9, 1 + i)),)))
        tx.put(EntreePreliste(id="e9", personne="pc", activite="initiation", etat="a_inviter",
                              demande_le=date(2025, 10, 1)))
    return centre


def test_present_gagne_et_une_entree_par_activite(donnees):
    s = donnees
    fusion = s.personnes.fusionner("pa", "pc")
    assert fusion.telephone == "0601020304" and fusion.prenom == "Alain"
    for i in range(10):
        [pr] = s.depot.get(Seance, f"s{i}").presences
        assert pr.personne == "pa" and pr.statut == "present"
    entrees = [e for e in s.depot.all(EntreePreliste) if e.personne == "pa"]
    assert sorted((e.activite, e.etat) for e in entrees) == [("initiation", "a_inviter"), ("senou", "inscrit")]
    senou = next(e for e in entrees if e.activite == "senou")
    assert len(senou.historique) == 4 and "note 3" in senou.notes
    assert s.depot.get(Groupe, "g1").inscrits == ("pa",)
    [j] = [e for e in s.depot.all(EntreeJournal) if e.action == "fusion"]
    assert j.cibles == ("pa", "pc") and "avant-fusion" in j.details


def test_annuler_la_fusion(donnees):
    s = donnees
    s.personnes.fusionner("pa", "pc")
    [a] = s.personnes.fusions_annulables()
    assert a.sauvegarde.startswith("atelier-")
    s.personnes.annuler_fusion(a.id)
    assert s.depot.get(Personne, "pc") == CELINE and s.depot.get(Personne, "pa") == ALAIN
    assert {pr.personne: pr.statut for pr in s.depot.get(Seance, "s0").presences} == {"pa": "absent", "pc": "present"}
    assert sorted(e.id for e in s.depot.all(EntreePreliste)) == ["e0", "e1", "e2", "e3", "e9"]
    assert set(s.depot.get(Groupe, "g1").inscrits) == {"pa", "pc"}
    assert s.personnes.fusions_annulables() == []
    with pytest.raises(UserError):
        s.personnes.annuler_fusion(a.id)
    assert isinstance(s.depot.get(AnnulationFusion, a.id), AnnulationFusion)


def test_differences_et_alertes():
    assert set(differences(ALAIN, CELINE)) >= {"prenom", "annee_naissance", "genre", "commune", "telephone"}
    textes = " ".join(alertes(ALAIN, CELINE))
    for mot in ("Prénom", "Genre", "Année de naissance", "Commune", "1950", "1962"):
        assert mot in textes
    assert alertes(ALAIN, Personne(id="x", nom="Charrier", prenom="alain")) == []
    f = personne_fusionnee(Personne(id="x", nom="A", prenom="B"), CELINE)
    assert f.genre == "femme" and f.commune == "Roubaix" and f.cree_le == date(2023, 5, 1)
