"""Details of the group proposal that ``test_proposition.py`` leaves unchecked, worked out by hand:
free places, the dispersion measure, the reasons shown to the animateur, full groups, fixed levels,
and the greedy baseline."""

from __future__ import annotations

from atelier_app.domain.proposition import Candidat, GroupeCible, Proposition, dispersion, glouton, proposer

DEB, RAS, INT = "debutant", "a_rassurer", "intermediaire"


def _c(p: str, niveau: str, *groupes: str) -> Candidat:
    return Candidat(p, niveau, frozenset(groupes), nom=p)


def test_places_libres() -> None:
    assert GroupeCible("g", 6, deja_inscrits=2).places == 4
    assert GroupeCible("g", 6, deja_inscrits=8).places == 0
    assert Proposition({"a": ["x", "y"], "b": ["z"]}).nb_places == 3


def test_dispersion_autour_du_niveau_median() -> None:
    niveaux = {"a": DEB, "b": RAS, "c": INT, "d": DEB, "e": INT}
    assert dispersion({"g": ["a", "b", "c"]}, niveaux) == 2  # median à rassurer: 1 + 0 + 1
    assert dispersion({"g": ["a", "d", "c", "e"]}, niveaux) == 4  # lower median débutant: 0 + 0 + 2 + 2
    assert dispersion({"g": [], "h": ["b"]}, niveaux) == 0
    assert dispersion({"g": ["a", "c"], "h": ["b", "e"]}, niveaux) == 3


def test_raisons_et_niveaux_cibles() -> None:
    groupes = [GroupeCible("g1", 2, libelle="Mercredi 17 h"), GroupeCible("g2", 2, libelle="Vendredi 14 h")]
    prop = proposer([_c("a", DEB, "g1"), _c("b", DEB, "g1"), _c("c", INT, "g1", "g2"), _c("d", RAS, "g2")], groupes)
    assert prop.affectations == {"g1": ["a", "b"], "g2": ["d", "c"]}  # in level order
    assert prop.niveaux_cibles == {"g1": DEB, "g2": RAS}  # à rassurer or intermédiaire cost the same: lower first
    assert prop.raisons == {
        "a": "niveau débutant, comme le groupe ; seul créneau possible : Mercredi 17 h",
        "b": "niveau débutant, comme le groupe ; seul créneau possible : Mercredi 17 h",
        "c": "niveau intermédiaire dans un groupe plutôt à rassurer (pas de place plus proche)",
        "d": "niveau à rassurer, comme le groupe ; seul créneau possible : Vendredi 14 h",
    }
    assert prop.non_places == {}


def test_groupes_complets_et_creneaux_impossibles() -> None:
    groupes = [GroupeCible("g1", 3, libelle="Mercredi 17 h", deja_inscrits=2), GroupeCible("g2", 1)]
    prop = proposer([_c("a", DEB, "g1", "g2"), _c("b", DEB, "g1", "g2"), _c("c", DEB, "g1", "g2"), _c("z", DEB, "g9")],
                    groupes)
    assert prop.affectations == {"g1": ["a"], "g2": ["b"]}
    assert prop.non_places == {"c": "groupe de son niveau complet : Mercredi 17 h, g2",
                               "z": "aucun groupe sur un créneau qui lui convient"}


def test_niveau_impose_respecte() -> None:
    groupes = [GroupeCible("g1", 3, niveau=INT), GroupeCible("g2", 3)]
    prop = proposer([_c("a", DEB, "g1", "g2"), _c("b", INT, "g1", "g2"), _c("c", DEB, "g1", "g2")], groupes)
    assert prop.niveaux_cibles == {"g1": INT, "g2": DEB}
    assert prop.affectations == {"g1": ["b"], "g2": ["a", "c"]}


def test_sans_groupe_personne_n_est_place() -> None:
    prop = proposer([_c("a", DEB, "g1")], [])
    assert prop.affectations == {} and prop.nb_places == 0
    assert prop.non_places == {"a": "aucun groupe sur un créneau qui lui convient"}


def test_le_flot_trouve_la_place_que_le_glouton_perd() -> None:
    """a can go anywhere, b only to g1: the greedy fill gives g1 to a and leaves b out."""
    groupes = [GroupeCible("g1", 1), GroupeCible("g2", 1)]
    candidats = [_c("a", DEB, "g1", "g2"), _c("b", DEB, "g1")]
    assert glouton(candidats, groupes) == {"g1": ["a"], "g2": []}
    assert proposer(candidats, groupes).affectations == {"g1": ["b"], "g2": ["a"]}


def test_glouton_par_niveau_puis_dans_l_ordre_des_groupes() -> None:
    groupes = [GroupeCible("g2", 2), GroupeCible("g1", 1, deja_inscrits=0)]
    candidats = [_c("c", INT, "g1", "g2"), _c("a", DEB, "g1", "g2"), _c("b", RAS, "g2"), _c("d", DEB, "g9")]
    assert glouton(candidats, groupes) == {"g1": ["a"], "g2": ["b", "c"]}
