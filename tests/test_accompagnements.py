"""Individual help: quick record, snapshot of the person, refusal of bad input, lists per period."""

from __future__ import annotations

from datetime import date

import pytest

from atelier_app.domain.personnes import Personne
from atelier_app.errors import DonneesInvalides
from atelier_app.services.contexte import Contexte


@pytest.fixture
def svc(centre):
    centre.ctx.aujourd_hui = lambda: date(2025, 12, 15)
    return centre


def test_enregistrer_anonyme_et_avec_personne(svc) -> None:
    p = svc.personnes.ajouter(Personne(id="", nom="Lambert", prenom="Josiane", annee_naissance=1947,
                                       genre="feminin", statut_social="retraite", commune="Lille"))
    a = svc.accompagnements.enregistrer(date(2025, 3, 4), 30, ["argent_impots"], "autonome", personne=p.id)
    assert (a.tranche_age, a.genre, a.statut_social, a.commune) == ("soixante_dix_plus", "feminin", "retraite", "Lille")
    b = svc.accompagnements.enregistrer(date(2025, 6, 1), 60, ["sante", "social_sante"], "reorientation")
    assert b.personne is None and b.tranche_age == "non_communique"
    assert [x.id for x in svc.accompagnements.liste(date(2025, 1, 1), date(2025, 12, 31))] == [b.id, a.id]
    assert svc.accompagnements.par_thematique(date(2025, 1, 1), date(2025, 12, 31)) == {
        "sante": 1, "argent_impots": 1, "social_sante": 1}
    assert svc.accompagnements.par_suite(date(2025, 1, 1), date(2025, 12, 31))["reorientation"] == 1


def test_saisie_fausse_dit_ou_et_quoi(svc) -> None:
    with pytest.raises(DonneesInvalides) as err:
        svc.accompagnements.enregistrer(date(2026, 1, 5), 30, [], "inconnue", personne="p-absent")
    texte = err.value.texte()
    for attendu in ("date est dans le futur", "au moins une thématique", "personne inconnue", "suite inconnue"):
        assert attendu in texte
    assert svc.accompagnements.liste(date(2025, 1, 1), date(2026, 12, 31)) == []


def test_supprimer_et_droits(svc) -> None:
    from atelier_app.domain.roles import Role
    from atelier_app.errors import AccesRefuse
    from atelier_app.services.contexte import Utilisateur

    a = svc.accompagnements.enregistrer(date(2025, 3, 4), 45, ["email"])
    svc.accompagnements.supprimer(a.id, 2025)
    assert svc.accompagnements.liste(date(2025, 1, 1), date(2025, 12, 31)) == []
    svc.ctx.utilisateur = Utilisateur("bene", Role.BENEVOLE)
    with pytest.raises(AccesRefuse):
        svc.accompagnements.liste(date(2025, 1, 1), date(2025, 12, 31))
    assert isinstance(svc.ctx, Contexte)
