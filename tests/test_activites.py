"""Activities service: editing, new cycles from the defaults, groups."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from atelier_app.domain.activites import Reunion
from atelier_app.domain.roles import Role
from atelier_app.errors import AccesRefuse, DonneesInvalides, UserError
from atelier_app.services.contexte import Utilisateur


def test_modifier_activite_et_reunion(centre):
    a = centre.centre.activite("senou")
    centre.activites.modifier(replace(a, partenaires=("CCAS",), reunion=Reunion(date(2026, 9, 3), "10:00", "Salle B")))
    b = centre.centre.activite("senou")
    assert b.partenaires == ("CCAS",) and b.reunion.lieu == "Salle B"
    with pytest.raises(DonneesInvalides):
        centre.activites.modifier(replace(a, nom=""))


@pytest.mark.parametrize("attendu",
                         [("initiation", 3, 10, 120, 9), ("senou", 2, 5, 90, 6), ("numerikids", 1, 30, 120, 10)])
def test_nouveau_cycle_depuis_les_defauts(centre, attendu):
    act, nb, seances, duree, cap = attendu
    c, gs = centre.activites.nouveau_cycle(act, date(2026, 9, 14))
    assert len(gs) == nb and all(g.nb_seances == seances and g.capacite == cap for g in gs)
    assert all(g.creneau.duree == duree for g in gs)
    assert centre.activites.cycles(act, 2026) == [c] and centre.activites.groupes(c.id) == sorted(gs, key=lambda g: g.nom)


def test_supprimer_groupe_refuse_s_il_y_a_du_monde(centre):
    from atelier_app.domain.personnes import Personne

    _c, gs = centre.activites.nouveau_cycle("senou", date(2026, 9, 14))
    p = centre.personnes.ajouter(Personne(id="", nom="Durand", prenom="Amélie", annee_naissance=1950))
    centre.inscriptions.inscrire(gs[0].id, p.id)
    with pytest.raises(UserError, match="retirez"):
        centre.activites.supprimer_groupe(gs[0].id)
    centre.activites.supprimer_groupe(gs[1].id)
    assert len(centre.activites.groupes(gs[0].cycle)) == 1
    g = centre.activites.modifier_groupe(replace(gs[0], niveau="debutant", capacite=7, inscrits=()))
    assert g.inscrits == (p.id,) and g.niveau == "debutant"


def test_benevole_ne_gere_pas_les_activites(centre):
    centre.ctx.utilisateur = Utilisateur("b", Role.BENEVOLE)
    with pytest.raises(AccesRefuse):
        centre.activites.nouveau_cycle("senou")
