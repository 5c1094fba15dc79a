"""``Depot.lignes``: light frozen rows for bulk reading, equal to what the records say, never stale."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from atelier_app.domain.accompagnements import Accompagnement
from atelier_app.domain.activites import Activite, Cycle, Groupe
from atelier_app.domain.lignes import (
    LIGNES,
    AccompagnementLigne,
    ActiviteLigne,
    CycleLigne,
    GroupeLigne,
    MarqueLigne,
    PositionnementLigne,
    PrelisteLigne,
    ProjetLigne,
    SeanceLigne,
    VenuesLigne,
    VisiteLigne,
)
from atelier_app.domain.positionnement import Positionnement
from atelier_app.domain.preliste import ChangementEtat, EntreePreliste
from atelier_app.domain.projets import Projet, Visite
from atelier_app.domain.seances import Presence, Seance
from atelier_app.storage.lignes import LECTEURS
from atelier_app.storage.repository import Depot

D = date.fromisoformat


@pytest.fixture
def depot(tmp_path):
    d = Depot.ouvrir(tmp_path / "d")
    with d.transaction("données") as tx:
        tx.put_many([
            Activite(id="club", nom="Numérikids", genre_activite="club"),
            Cycle("c1", "club", "2026", debut=D("2026-01-07")),
            Groupe("g1", "c1", "Mercredi", inscrits=("k1", "k2")),
            Seance("s1", "g1", D("2026-03-04"), duree=90, etat="realisee", thematiques=("email",), anonymes=1,
                   appel_fait=True, presences=(Presence("k1", "retard", tranche_age="moins_de_douze", genre="feminin",
                                                        commune="Lille"),
                                               Presence("w", "present", inscrit=False))),
            Seance("s0", "g1", D("2025-12-03")),
            Projet("r1", "k1", "reparation", "Radio", D("2026-02-01"), etat="repare", repare_le=D("2026-02-08"),
                   visites=(Visite(D("2026-02-01"), 60),)),
            Accompagnement("a1", D("2026-03-03"), 45, None, ("sante",), "autonome"),
            EntreePreliste("e1", "k2", "club", D("2026-01-02"), etat="inscrit",
                           historique=(ChangementEtat("inscrit", D("2026-01-05")),)),
            Positionnement("q1", "k1", D("2026-01-07"), niveau="a_rassurer", cycle="c1"),
        ])
    yield d
    d.fermer()


def test_chaque_ligne_a_son_lecteur() -> None:
    assert set(LECTEURS) == set(LIGNES)


def test_lignes_fideles_aux_enregistrements(depot) -> None:
    assert depot.lignes(ActiviteLigne) == (ActiviteLigne("club", "Numérikids", "club"),)
    assert depot.lignes(CycleLigne) == (CycleLigne("c1", "club", D("2026-01-07"), None),)
    assert depot.lignes(GroupeLigne) == (GroupeLigne("g1", "c1", ("k1", "k2")),)
    assert depot.lignes(SeanceLigne, 2026) == (SeanceLigne(
        "s1", "g1", "2026-03-04", 90, "realisee", ("email",), 1, True,
        (MarqueLigne("k1", "retard", True, "moins_de_douze", "feminin", "non_communique", "Lille"),
         MarqueLigne("w", "present", False, "non_communique", "non_communique", "non_communique", ""))),)
    assert sorted(s.id for s in depot.lignes(SeanceLigne)) == ["s0", "s1"]
    assert depot.lignes(SeanceLigne, 2025)[0].etat == "prevue"
    assert depot.lignes(VenuesLigne, 2026) == (VenuesLigne("g1", "2026-03-04", "realisee", ("k1", "w")),)
    assert depot.lignes(VenuesLigne, 2025) == (VenuesLigne("g1", "2025-12-03", "prevue", ()),)
    assert depot.lignes(ProjetLigne) == (ProjetLigne("r1", "k1", "repare", D("2026-02-01"), D("2026-02-08"), None,
                                                     (VisiteLigne(D("2026-02-01"), 60),)),)
    assert depot.lignes(AccompagnementLigne, 2026) == (AccompagnementLigne(
        "2026-03-03", 45, ("sante",), "autonome", None, "non_communique", "non_communique", "non_communique", ""),)
    assert depot.lignes(PrelisteLigne) == (PrelisteLigne("club", "2026-01-02", "inscrit", "2026-01-05",
                                                                  (("2026-01-05", "inscrit"),)),)
    assert depot.lignes(PositionnementLigne) == (PositionnementLigne("k1", "2026-01-07", "a_rassurer", "entree", "c1"),)


def test_lignes_figees(depot) -> None:
    s = depot.lignes(SeanceLigne, 2026)[0]
    with pytest.raises(AttributeError):
        s.etat = "annulee"  # type: ignore[misc]
    assert isinstance(s.presences, tuple)


def test_jamais_perimees_apres_une_ecriture(depot) -> None:
    avant = depot.lignes(SeanceLigne, 2026)
    assert depot.lignes(SeanceLigne, 2026)[0] is avant[0]  # unchanged document: the same row is served
    s1 = depot.get(Seance, "s1")
    with depot.transaction("annulation") as tx:
        tx.put(replace(s1, etat="annulee", presences=()))
    apres = depot.lignes(SeanceLigne, 2026)
    assert (apres[0].etat, apres[0].presences) == ("annulee", ())
    with pytest.raises(RuntimeError), depot.transaction("abandonnée") as tx:
        tx.put(replace(s1, etat="prevue"))
        assert depot.lignes(SeanceLigne, 2026)[0].etat == "prevue"
        raise RuntimeError
    assert depot.lignes(SeanceLigne, 2026)[0].etat == "annulee"  # rolled back: the row follows
    with depot.transaction("suppression") as tx:
        tx.delete(Seance, "s1")
    assert depot.lignes(SeanceLigne, 2026) == ()


def test_etat_d_une_entree_de_pre_liste_a_une_date() -> None:
    """The statistics read an entry's state on the period's last day from its dated history."""
    from atelier_app.domain.preliste import EN_ATTENTE, est_en_attente, etat_le

    h = (("2025-03-01", "a_inviter"), ("2025-04-01", "invite"), ("2025-04-01", "venu"), ("2026-02-01", "inscrit"))
    assert etat_le("2025-12-31", "inscrit", h) == "venu"  # the later of two changes of one day
    assert etat_le("2025-03-31", "inscrit", h) == "a_inviter"
    assert etat_le("2026-02-01", "inscrit", h) == "inscrit"
    assert etat_le("2025-02-01", "inscrit", h) == "a_inviter"  # before its first dated change: as any new entry
    assert etat_le("2020-01-01", "desiste", ()) == "desiste"  # no history (old files): its current state
    assert etat_le("2025-12-31", "a_inviter", (("2026-01-10", "a_inviter"), ("2025-06-01", "desiste"))) == "desiste"
    assert EN_ATTENTE == {"a_inviter", "invite", "venu"}
    assert [e for e in ("a_inviter", "invite", "venu", "inscrit", "desiste") if est_en_attente(e)] == [
        "a_inviter", "invite", "venu"]


def test_historique_de_la_ligne_de_pre_liste_dans_l_ordre(tmp_path) -> None:
    d = Depot.ouvrir(tmp_path / "h")
    try:
        with d.transaction("pré-liste") as tx:
            tx.put(EntreePreliste("e2", "k1", "club", D("2025-05-01"), etat="a_inviter", historique=(
                ChangementEtat("a_inviter", D("2025-05-01")), ChangementEtat("desiste", D("2025-06-01")),
                ChangementEtat("a_inviter", D("2026-01-10")))))
        assert d.lignes(PrelisteLigne) == (PrelisteLigne("club", "2025-05-01", "a_inviter", None, (
            ("2025-05-01", "a_inviter"), ("2025-06-01", "desiste"), ("2026-01-10", "a_inviter"))),)
    finally:
        d.fermer()
