"""The rows of domain.lignes: their columns in order (the statistics' DataFrames take them as they are)."""

from __future__ import annotations

from datetime import date

import pytest

from atelier_app.domain import lignes as L

COLONNES = {
    L.ActiviteLigne: "id nom genre_activite",
    L.CycleLigne: "id activite debut fin",
    L.GroupeLigne: "id cycle inscrits",
    L.MarqueLigne: "personne statut inscrit tranche_age genre statut_social commune",
    L.SeanceLigne: "id groupe jour duree etat thematiques anonymes appel_fait presences",
    L.VenuesLigne: "groupe jour etat venus",
    L.VisiteLigne: "date duree",
    L.ProjetLigne: "id personne etat ouvert_le repare_le clos_le visites",
    L.AccompagnementLigne: "date duree thematiques suite personne tranche_age genre statut_social commune",
    L.PrelisteLigne: "activite demande_le etat inscrit_le historique",
    L.PositionnementLigne: "personne date niveau moment cycle",
    L.SeanceStat: "id activite cycle groupe date duree etat thematiques anonymes venus tenue",
    L.PresenceStat: ("seance activite cycle groupe date duree personne statut venue inscrit tranche_age genre "
                     "statut_social commune"),
    L.InscriptionStat: "activite cycle groupe personne",
}


@pytest.mark.parametrize("ligne", list(COLONNES))
def test_colonnes_dans_l_ordre_et_aucune_par_defaut(ligne: type) -> None:
    assert ligne._fields == tuple(COLONNES[ligne].split())
    assert ligne._field_defaults == {}  # every column given: a forgotten one fails at once


def test_les_lignes_que_le_magasin_sert() -> None:
    assert L.LIGNES == (L.ActiviteLigne, L.CycleLigne, L.GroupeLigne, L.SeanceLigne, L.VenuesLigne, L.ProjetLigne,
                        L.AccompagnementLigne, L.PrelisteLigne, L.PositionnementLigne)


def test_une_ligne_est_figee_et_se_compare_par_valeur() -> None:
    v = L.VisiteLigne(date(2026, 3, 4), 60)
    with pytest.raises(AttributeError):
        v.duree = 90  # type: ignore[misc]
    assert v == (date(2026, 3, 4), 60) and v._replace(duree=90).duree == 90 and v.duree == 60
    p = L.PrelisteLigne("club", "2026-01-02", "inscrit", None, ())
    assert p._asdict() == {"activite": "club", "demande_le": "2026-01-02", "etat": "inscrit", "inscrit_le": None,
                           "historique": ()}
