"""The counting rules of ``domain/comptage.py``, each against figures worked out by hand.

Both shapes the rules accept are used: records (``Seance``, ``Presence``, ``Projet``, ``Groupe``)
and the store's light rows (``domain/lignes.py``).
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atelier_app.domain import comptage as c
from atelier_app.domain.activites import Groupe
from atelier_app.domain.lignes import GroupeLigne, MarqueLigne, ProjetLigne, SeanceLigne, VisiteLigne
from atelier_app.domain.projets import Projet, Visite
from atelier_app.domain.seances import Presence, Seance

D = date.fromisoformat
STATUTS = ["present", "absent", "excuse", "retard"]
ETATS = ["prevue", "realisee", "annulee"]


def _s(etat: str = "realisee", duree: int = 120, marques: dict[str, str] | None = None, anonymes: int = 0, *,
       groupe: str = "g", hors: tuple[str, ...] = (), jour: str = "2026-03-04") -> Seance:
    presences = tuple(Presence(p, st, inscrit=p not in hors) for p, st in (marques or {}).items())
    return Seance(id=f"s-{jour}-{groupe}", groupe=groupe, date=D(jour), duree=duree, etat=etat,
                  anonymes=anonymes, presences=presences)


def _ligne(etat: str, duree: int, marques: list[tuple[str, str, bool]], anonymes: int = 0,
           groupe: str = "g") -> SeanceLigne:
    return SeanceLigne("s", groupe, "2026-03-04", duree, etat, (), anonymes, etat == "realisee",
                       tuple(MarqueLigne(p, st, ins, "non_communique", "non_communique", "non_communique", "")
                             for p, st, ins in marques))


# --------------------------------------------------------------------------- one session
@pytest.mark.parametrize(("etat", "tenue", "annulee", "prevue"), [
    ("realisee", True, False, False), ("annulee", False, True, False), ("prevue", False, False, True)])
def test_etats_de_seance(etat: str, tenue: bool, annulee: bool, prevue: bool) -> None:
    assert (c.est_tenue(etat), c.est_annulee(etat), c.est_prevue(etat)) == (tenue, annulee, prevue)


@pytest.mark.parametrize(("statut", "venue", "absence"), [
    ("present", True, False), ("retard", True, False), ("absent", False, True), ("excuse", False, False)])
def test_venue_present_ou_en_retard(statut: str, venue: bool, absence: bool) -> None:
    assert c.est_venue(statut) is venue
    assert c.est_absence(statut) is absence


def test_heures_d_une_seance() -> None:
    assert c.heures("realisee", 90) == 1.5
    assert c.heures("annulee", 90) == 0.0
    assert c.heures("prevue", 120) == 0.0


def test_venus_d_une_seance_tenue() -> None:
    s = _s(marques={"a": "present", "b": "retard", "c": "absent", "d": "excuse", "e": "present"}, anonymes=2)
    assert c.venus(s) == 5  # a b e + 2 anonymous
    assert c.venus_nommes(s) == ["a", "b", "e"]
    assert s.nb_venus == 5


def test_une_seance_non_tenue_ne_compte_personne() -> None:
    for etat in ("prevue", "annulee"):
        s = _s(etat, marques={"a": "present"}, anonymes=3)
        assert c.venus(s) == 0 and c.venus_nommes(s) == []
    assert c.venus(_ligne("realisee", 60, [("a", "retard", True)], anonymes=1)) == 2


def test_appel_a_faire() -> None:
    hier, jour = D("2026-03-03"), D("2026-03-04")
    assert c.appel_a_faire("prevue", False, hier, jour)
    assert c.appel_a_faire("realisee", False, hier, jour)  # held (imported) without a roll call
    assert not c.appel_a_faire("prevue", False, jour, jour)  # today's call is not forgotten yet
    assert not c.appel_a_faire("annulee", False, hier, jour)
    assert not c.appel_a_faire("realisee", True, hier, jour)


# --------------------------------------------------------------------------- many sessions
def test_heures_tenues_sur_tous_les_groupes() -> None:
    seances = [_s(duree=90, groupe="g1"), _s(duree=90, groupe="g2"), _s("annulee", 120), _s("prevue", 120)]
    assert c.heures_tenues(seances) == 3.0  # two groups meeting 1 h 30 each count 3 h
    assert [s.groupe for s in c.tenues(seances)] == ["g1", "g2"]
    assert c.heures_tenues([_s(duree=10)]) == 0.17  # rounded to the hundredth
    assert c.heures_tenues([_s(duree=20)] * 3) == 1.0
    assert c.heures_tenues([]) == 0


def test_stagiaires_d_un_cycle() -> None:
    groupes = [Groupe("g1", "c1", "A", inscrits=("a", "b")), Groupe("g2", "c1", "B", inscrits=("b", "c")),
               GroupeLigne("g3", "c2", ("d",))]
    assert c.stagiaires(groupes, "c1") == {"a", "b", "c"}  # b in two groups of the cycle counts once
    assert c.stagiaires(groupes, "c2") == {"d"}
    assert c.stagiaires(groupes, "c3") == set()


def test_adherents_inscrits_seulement_et_venues_a_part() -> None:
    groupes = [GroupeLigne("g1", "k", ("k1", "k2")), GroupeLigne("g2", "k", ("k4",)),
               GroupeLigne("g3", "k", ("k9",))]  # g3 never met this year
    seances = [
        _s(groupe="g1", marques={"k1": "present", "k2": "absent", "w1": "present", "w2": "absent"},
           hors=("w1", "w2")),
        _s(groupe="g2", marques={"k4": "present", "k1": "retard", "w3": "retard", "x": "present"}, hors=("k1", "w3")),
        _s("annulee", groupe="g2", marques={"w4": "present"}, hors=("w4",)),
    ]
    a = c.adherents(groupes, seances)
    # k1 k2 (g1), k4 (g2), x (marked enrolled at a held session, left the group since)
    assert a.inscrits == {"k1", "k2", "k4", "x"}
    # w1 and w3 came without enrolling; w2 was absent, w4's session was cancelled, k1 is enrolled elsewhere
    assert a.sans_inscription == {"w1", "w3"}


def test_adherents_du_repair_cafe_avec_les_porteurs_de_projet() -> None:
    seances = [_s(groupe="r", marques={"p1": "present", "p2": "present"}, hors=("p1", "p2"))]
    a = c.adherents([GroupeLigne("r", "rc", ())], seances, porteurs=["p2", "p3"])
    assert a.inscrits == {"p2", "p3"}
    assert a.sans_inscription == {"p1"}


def test_un_groupe_prevu_compte_ses_inscrits() -> None:
    a = c.adherents([GroupeLigne("g", "k", ("k1",))], [_s("prevue", groupe="g")])
    assert a == c.Adherents(frozenset({"k1"}), frozenset())


# --------------------------------------------------------------------------- a person
def test_assiduite_d_une_personne() -> None:
    seances = [_s(marques={"a": "present"}, duree=90), _s(marques={"a": "retard"}), _s(marques={"a": "absent"}),
               _s(marques={"a": "excuse"}), _s("annulee", marques={"a": "present"}), _s(marques={"b": "present"}),
               _s(marques={"a": "present"}, duree=30)]
    a = c.assiduite(seances, "a")
    assert a == c.Assiduite(prevues=5, venues=3, absences=1, excuses=1, heures=4.0)
    assert a.taux == 0.75 and a.taux_texte == "75 %"
    assert c.assiduite(seances, "z") == c.Assiduite()


def test_assiduite_compte_chaque_absence_et_arrondit() -> None:
    seances = [_s(marques={"a": st}, duree=1) for st in ("absent", "excuse", "absent", "excuse", "present")]
    assert c.assiduite(seances, "a") == c.Assiduite(5, 1, 2, 2, 0.02)  # 1 min = 0.0166… h


def test_assiduite_sur_les_lignes_du_depot() -> None:
    lignes = [_ligne("realisee", 120, [("a", "present", True)]), _ligne("realisee", 45, [("a", "retard", False)])]
    assert c.assiduite(lignes, "a") == c.Assiduite(2, 2, 0, 0, 2.75)


def test_taux() -> None:
    assert c.Assiduite().taux is None and c.Assiduite().taux_texte == "—"
    assert c.Assiduite(prevues=2, excuses=2).taux is None  # only excused: nothing to count
    assert c.Assiduite(prevues=3, venues=2).taux_texte == "67 %"
    assert c.Assiduite(prevues=4, venues=1, excuses=1).taux == pytest.approx(1 / 3)


def test_assiduites_s_ajoutent() -> None:
    total = c.Assiduite(2, 1, 1, 0, 1.5) + c.Assiduite(6, 2, 2, 2, 2.25)
    assert total == c.Assiduite(8, 3, 3, 2, 3.75)
    assert (c.Assiduite(heures=0.001) + c.Assiduite(heures=0.002)).heures == 0.0  # to the hundredth
    assert c.Assiduite(1, 1, 0, 0, 0.1) + c.Assiduite(1, 1, 0, 0, 0.2) == c.Assiduite(2, 2, 0, 0, 0.3)


def test_marque_de() -> None:
    s = _s(marques={"a": "absent", "b": "present"})
    assert c.marque_de(s, "b") == Presence("b", "present")
    assert c.marque_de(s, "z") is None


# --------------------------------------------------------------------------- repair projects
def _p(ouvert: str, etat: str = "en_cours", visites: tuple[str, ...] = (), repare: str | None = None,
       clos: str | None = None) -> Projet:
    return Projet("r", "p", "reparation", "Radio", D(ouvert), etat=etat, repare_le=D(repare) if repare else None,
                  clos_le=D(clos) if clos else None, visites=tuple(Visite(D(v), 60) for v in visites))


def test_fin_d_un_projet() -> None:
    assert c.fin_projet(_p("2025-01-10", "repare", ("2025-02-01",), repare="2025-03-01", clos="2025-04-01")) \
        == D("2025-03-01")  # the repair day first
    assert c.fin_projet(_p("2025-01-10", "fin_de_vie", ("2025-02-01",), clos="2025-04-01")) == D("2025-04-01")
    assert c.fin_projet(_p("2025-01-10", "abandonne", ("2025-02-01", "2025-05-01", "2025-03-01"))) == D("2025-05-01")
    assert c.fin_projet(_p("2025-01-10", "abandonne")) == D("2025-01-10")
    assert c.fin_projet(_p("2025-01-10", "en_cours", ("2025-02-01",))) == date.max
    assert c.est_en_cours("en_cours") and not c.est_en_cours("repare")


@pytest.mark.parametrize(("projet", "annees"), [
    (_p("2025-06-01", "repare", repare="2025-07-01"), {2025}),
    (_p("2024-12-07", "en_cours", ("2024-12-07",)), {2024, 2025, 2026, 2027, 2028}),  # runs on
    (_p("2024-11-01", "fin_de_vie", clos="2026-02-01"), {2024, 2025, 2026}),
    (_p("2024-11-01", "termine", ("2024-11-01", "2025-01-05")), {2024, 2025}),  # ended at its last visit
    (_p("2025-03-01", "abandonne"), {2025}),
])
def test_projet_actif(projet: Projet, annees: set[int]) -> None:
    assert {a for a in range(2022, 2029) if c.projet_actif(projet, a)} == annees


def test_projet_visite_apres_sa_cloture_compte_l_annee_de_la_visite() -> None:
    p = _p("2024-03-01", "repare", ("2024-03-01", "2026-05-01"), repare="2024-03-01")
    assert [a for a in range(2023, 2028) if c.projet_actif(p, a)] == [2024, 2026]


def test_projet_actif_sur_une_ligne() -> None:
    ligne = ProjetLigne("r", "p", "en_cours", D("2025-02-01"), None, None, (VisiteLigne(D("2025-02-01"), 90),))
    assert c.projet_actif(ligne, 2026) and not c.projet_actif(ligne, 2024)


# --------------------------------------------------------------------------- properties
marques = st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), st.sampled_from(STATUTS), max_size=4)


@given(st.sampled_from(ETATS), st.integers(1, 600), marques, st.integers(0, 5))
def test_venus_regle(etat: str, duree: int, m: dict[str, str], anonymes: int) -> None:
    s = _s(etat, duree, m, anonymes)
    attendu = sum(st in ("present", "retard") for st in m.values()) + anonymes if etat == "realisee" else 0
    assert c.venus(s) == attendu
    assert c.heures(etat, duree) == (duree / 60 if etat == "realisee" else 0)


@given(st.lists(st.tuples(st.sampled_from(ETATS), st.sampled_from(["g1", "g2"]), marques,
                          st.frozensets(st.sampled_from(["a", "b", "c", "d"])))),
       st.frozensets(st.sampled_from(["a", "b", "e"])), st.frozensets(st.sampled_from(["c", "f"])))
def test_adherents_proprietes(seances: list, g1: frozenset[str], porteurs: frozenset[str]) -> None:
    liste = [_s(e, marques=m, groupe=g, hors=tuple(h)) for e, g, m, h in seances]
    a = c.adherents([GroupeLigne("g1", "k", tuple(sorted(g1)))], liste, porteurs)
    assert not a.inscrits & a.sans_inscription
    assert porteurs <= a.inscrits
    if any(s.groupe == "g1" for s in liste):
        assert g1 <= a.inscrits
    venus_hors = {p.personne for s in liste if s.etat == "realisee" for p in s.presences
                  if not p.inscrit and p.statut in ("present", "retard")}
    assert a.sans_inscription == venus_hors - a.inscrits
