"""The activity-report sheet's labels and records (``domain/fiches.py``)."""

from __future__ import annotations

from datetime import date

import pytest

from atelier_app.domain.fiches import CHAMPS_MODIFIABLES, LIBELLES, Fiche, FicheTexte, LigneFiche, libelle


def test_libelles_dans_l_ordre_du_centre() -> None:
    assert [cle for cle, _ in LIBELLES] == [
        "nom", "animateur", "lieu", "objectifs", "objectifs_contrat", "objectif_pedagogique", "description",
        "public", "chiffres", "partenaires", "points_positifs", "perspectives"]
    assert set(CHAMPS_MODIFIABLES) < {cle for cle, _ in LIBELLES}


def test_libelle_d_une_rubrique() -> None:
    assert libelle("nom", 2025) == "NOM de l'ATELIER, ACTIVITE, ACTION, SERVICE, MANIFESTATION"
    assert libelle("chiffres", 2025) == "Chiffres :"
    assert libelle("objectifs_contrat", 2025) == " - du contrat de projet :"


def test_perspectives_de_l_annee_suivante() -> None:
    assert libelle("perspectives", 2025) == "Perspectives 2026 :"
    assert libelle("perspectives", 1999) == "Perspectives 2000 :"


def test_rubrique_inconnue() -> None:
    with pytest.raises(KeyError):
        libelle("pointure", 2025)


def test_fiche_texte_une_par_activite_et_par_an() -> None:
    assert FicheTexte.identifiant("initiation", 2025) == "initiation-2025"
    f = FicheTexte(id="initiation-2025", activite="initiation", annee=2025)
    assert (f.chiffres, f.champs, f.modifie_le, f.modifie_par) == (None, {}, None, "")
    assert f.date_rangement() == date(2000, 1, 1)
    assert (FicheTexte.TABLE, FicheTexte.RANGEMENT) == ("fiches", "noyau")


def test_valeur_d_une_ligne() -> None:
    fiche = Fiche("initiation", 2025, "Initiation", (LigneFiche("nom", "NOM", "Initiation"),
                                                     LigneFiche("lieu", "Lieu :", "Salle 2"),
                                                     LigneFiche("public", "Public :", "Adultes")),
                  "12 personnes", False)
    assert fiche.valeur("nom") == "Initiation"
    assert fiche.valeur("lieu") == "Salle 2"
    assert fiche.valeur("public") == "Adultes"
    with pytest.raises(StopIteration):
        fiche.valeur("pointure")
