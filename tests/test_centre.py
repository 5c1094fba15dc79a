"""Centre service: first start, settings, defaults."""

from __future__ import annotations

from dataclasses import replace

import pytest

from atelier_app.domain.centre import Centre
from atelier_app.errors import DonneesInvalides, UserError
from atelier_app.services.centre import activites_par_defaut


def test_premier_lancement(services) -> None:
    assert services.centre.premier_lancement
    services.centre.premier_demarrage(Centre(nom="CS Les Tilleuls"), activites_par_defaut("Sophie"))
    assert not services.centre.premier_lancement
    ids = [a.id for a in services.centre.activites()]
    assert ids == ["initiation", "senou", "numerikids", "repair", "accompagnement"]
    init = services.centre.activite("initiation")
    assert (init.nb_seances, init.duree_seance, init.nb_groupes, init.capacite_min, init.capacite_max) == (10, 120, 3, 6, 9)
    senou = services.centre.activite("senou")
    assert (senou.nb_seances, senou.duree_seance, senou.nb_groupes) == (5, 90, 2)


def test_nom_obligatoire(services) -> None:
    with pytest.raises(DonneesInvalides):
        services.centre.premier_demarrage(Centre(nom="  "), [])


def test_taille_du_texte_bornee(centre) -> None:
    centre.centre.taille_texte(150)
    assert centre.centre.parametres().taille_texte == 150
    with pytest.raises(UserError):
        centre.centre.enregistrer_parametres(replace(centre.centre.parametres(), taille_texte=500))
