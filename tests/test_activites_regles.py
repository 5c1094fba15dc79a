"""Activities, cycles, groups and slots: the rules of ``domain/activites.py``, one by one."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atelier_app.domain.activites import (
    Activite,
    Creneau,
    Cycle,
    EtapeProgramme,
    Groupe,
    Reunion,
    creneau_convient,
    horaire,
    id_creneau,
    libelle_creneau,
    libelle_disponibilite,
    normaliser_disponibilite,
    ordre_groupes,
    valider_activite,
    valider_creneau,
    valider_cycle,
    valider_groupe,
)
from atelier_app.domain.codes import JOURS
from atelier_app.errors import Probleme

OU = "Activité « Initiation »"
MERCREDI_17 = Creneau("mercredi", "17:00", 120)


def test_creneau_identite_et_libelle() -> None:
    assert MERCREDI_17.id == "mercredi-17:00" == id_creneau("mercredi", "17:00")
    assert MERCREDI_17.libelle == "Mercredi 17 h"
    assert Creneau("jeudi", "09:30", 90).libelle == "Jeudi 9 h 30"


@pytest.mark.parametrize(("jour", "debut", "texte"), [
    ("mercredi", "17:00", "Mercredi 17 h"), ("jeudi", "09:30", "Jeudi 9 h 30"), ("lundi", "00:05", "Lundi 0 h 05"),
    ("samedi", "10:00", "Samedi 10 h"),
])
def test_libelle_d_un_creneau(jour: str, debut: str, texte: str) -> None:
    assert libelle_creneau(jour, debut) == texte


@pytest.mark.parametrize("debut", ["17h00", "", "aa:bb", "17:00:00"])
def test_libelle_d_un_creneau_sans_heure_lisible(debut: str) -> None:
    with pytest.raises(ValueError):
        libelle_creneau("mercredi", debut)


@pytest.mark.parametrize(("creneau", "texte"), [
    (Creneau("mercredi", "17:00", 120), "Mercredi de 17 h à 19 h"),
    (Creneau("jeudi", "09:30", 90), "Jeudi de 9 h 30 à 11 h"),
    (Creneau("lundi", "14:05", 60), "Lundi de 14 h 05 à 15 h 05"),
    (Creneau("samedi", "10:00", 45), "Samedi de 10 h à 10 h 45"),
    (Creneau("vendredi", "23:30", 60), "Vendredi de 23 h 30 à 0 h 30"),
    (Creneau("mardi", "00:00", 1), "Mardi de 0 h à 0 h 01"),
])
def test_horaire_du_questionnaire(creneau: Creneau, texte: str) -> None:
    assert horaire(creneau) == texte


@pytest.mark.parametrize(("texte", "norme"), [
    ("mercredi-17:00", "mercredi-17:00"), ("mercredi 17:00", "mercredi-17:00"), ("  Mercredi   17:00 ", "mercredi-17:00"),
    ("JEUDI - 09:30", "jeudi-09:30"), ("mercredi", "mercredi"), (" Mercredi ", "mercredi"), ("", ""),
])
def test_normaliser_une_disponibilite(texte: str, norme: str) -> None:
    assert normaliser_disponibilite(texte) == norme


def test_creneau_convient() -> None:
    assert creneau_convient([], MERCREDI_17)
    assert creneau_convient(["mercredi-17:00"], MERCREDI_17)
    assert creneau_convient(["Mercredi 17:00"], MERCREDI_17)
    assert creneau_convient(["lundi-09:00", "mercredi"], MERCREDI_17)
    assert not creneau_convient(["mercredi-14:00"], MERCREDI_17)
    assert not creneau_convient(["jeudi"], MERCREDI_17)


@pytest.mark.parametrize(("texte", "lisible"), [
    ("mercredi-17:00", "Mercredi 17 h"), ("jeudi 09:30", "Jeudi 9 h 30"), ("mercredi", "Mercredi (toute la journée)"),
    ("mardi-matin", "mardi-matin"), ("mardi-aa:bb", "mardi-aa:bb"),
])
def test_libelle_d_une_disponibilite(texte: str, lisible: str) -> None:
    assert libelle_disponibilite(texte) == lisible


@given(st.sampled_from(JOURS), st.integers(0, 23), st.integers(0, 59))
def test_disponibilite_aller_retour(jour: str, h: int, m: int) -> None:
    debut = f"{h:02d}:{m:02d}"
    c = Creneau(jour, debut, 60)
    assert normaliser_disponibilite(f"{jour.upper()} {debut}") == c.id
    assert creneau_convient([f"{jour} {debut}"], c)
    assert libelle_disponibilite(c.id) == f"{jour.capitalize()} {h} h" + (f" {m:02d}" if m else "")


def _g(i: str, nom: str, creneau: Creneau | None = None) -> Groupe:
    return Groupe(id=i, cycle="c1", nom=nom, creneau=creneau)


def test_groupes_numerotes_dans_l_ordre_des_numeros() -> None:
    groupes = [_g("a", "Groupe 10"), _g("b", "groupe 2"), _g("c", "Groupe n° 3"), _g("d", "Groupe1")]
    assert [g.id for g in ordre_groupes(groupes)] == ["d", "b", "c", "a"]


def test_groupes_nommes_dans_l_ordre_de_la_semaine_apres_les_numeros() -> None:
    groupes = [_g("v", "Vendredi", Creneau("vendredi", "09:00", 60)), _g("x", "zèbre"), _g("w", "Atelier"),
               _g("m2", "Mercredi soir", Creneau("mercredi", "17:00", 60)),
               _g("m1", "Mercredi matin", Creneau("mercredi", "09:00", 60)),
               _g("l", "Lundi", Creneau("lundi", "14:00", 60)), _g("n", "Groupe 5"),
               _g("f", "Férié", Creneau("jour férié", "09:00", 60))]
    assert [g.id for g in ordre_groupes(groupes)] == ["n", "l", "m1", "m2", "v", "w", "f", "x"]


def test_groupes_de_meme_nom_par_identifiant() -> None:
    assert [g.id for g in ordre_groupes([_g("b", "Groupe 1"), _g("a", "Groupe 1")])] == ["a", "b"]
    assert [g.id for g in ordre_groupes([_g("b", "Atelier"), _g("a", "atelier")])] == ["a", "b"]
    assert [g.id for g in ordre_groupes([_g("a", "Bleu"), _g("b", "atelier")])] == ["b", "a"]
    assert ordre_groupes([]) == []


def test_enregistrements_et_leur_rangement() -> None:
    a = Activite(id="initiation", nom="Initiation")
    assert (a.genre_activite, a.nb_seances, a.duree_seance, a.nb_groupes, a.capacite_min, a.capacite_max) == (
        "cycles", 10, 120, 1, 6, 9)
    assert a.en_cycles and not Activite(id="club", nom="Club", genre_activite="club").en_cycles
    assert a.reunion == Reunion() and a.active and a.date_rangement() == date(2000, 1, 1)
    assert Cycle(id="c", activite="a", nom="X").date_rangement() == date(2000, 1, 1)
    assert Cycle(id="c", activite="a", nom="X", debut=date(2025, 9, 8)).date_rangement() == date(2025, 9, 8)
    assert Groupe(id="g", cycle="c", nom="X").date_rangement() == date(2000, 1, 1)


def test_places_libres_et_complet() -> None:
    g = Groupe(id="g", cycle="c", nom="X", capacite=2)
    assert (g.places_libres, g.complet) == (2, False)
    g = Groupe(id="g", cycle="c", nom="X", capacite=2, inscrits=("p1",))
    assert (g.places_libres, g.complet) == (1, False)
    g = Groupe(id="g", cycle="c", nom="X", capacite=2, inscrits=("p1", "p2"))
    assert (g.places_libres, g.complet) == (0, True)
    g = Groupe(id="g", cycle="c", nom="X", capacite=1, inscrits=("p1", "p2"))
    assert (g.places_libres, g.complet) == (0, True)


def test_creneau_valide() -> None:
    assert valider_creneau(MERCREDI_17, OU) == []
    assert valider_creneau(Creneau("dimanche", "23:59", 720), OU) == []
    assert valider_creneau(Creneau("lundi", "00:00", 1), OU) == []
    assert valider_creneau(Creneau("lundi", "19:00", 1), OU) == []


@pytest.mark.parametrize("debut", ["24:00", "7:00", "17h00", "17:60", "", "17:00 ", "x17:00", "29:00"])
def test_heure_invalide(debut: str) -> None:
    assert valider_creneau(Creneau("lundi", debut, 60), OU) == [
        Probleme(OU, "creneau.debut", f"heure invalide : « {debut} » (HH:MM)")]


def test_heure_absente() -> None:
    assert valider_creneau(Creneau("lundi", None, 60), OU) == [  # type: ignore[arg-type]
        Probleme(OU, "creneau.debut", "heure invalide : « None » (HH:MM)")]


def test_jour_et_duree_invalides() -> None:
    assert valider_creneau(Creneau("Lundi", "09:00", 0), OU) == [
        Probleme(OU, "creneau.jour", "jour inconnu : « Lundi »"),
        Probleme(OU, "creneau.duree", "durée impossible : 0 minutes")]
    assert valider_creneau(Creneau("lundi", "09:00", 721), OU) == [
        Probleme(OU, "creneau.duree", "durée impossible : 721 minutes")]


def test_activite_valide_aux_bornes() -> None:
    assert valider_activite(Activite(id="a", nom="A"), OU) == []
    assert valider_activite(Activite(id="a", nom="A", nb_seances=0, duree_seance=1, capacite_min=1,
                                     capacite_max=1), OU) == []
    assert valider_activite(Activite(id="a", nom="A", nb_seances=200, duree_seance=720, nb_groupes=1,
                                     capacite_min=9, capacite_max=9, genre_activite="projets",
                                     creneaux=(MERCREDI_17,),
                                     programme=(EtapeProgramme(1, "souris", ("email", "logement")),)), OU) == []


def test_activite_chaque_probleme_en_francais() -> None:
    a = Activite(id=" ", nom="", genre_activite="stage", nb_seances=201, duree_seance=0, nb_groupes=0,
                 capacite_min=0, capacite_max=9, creneaux=(Creneau("lundi", "9:00", 60),),
                 programme=(EtapeProgramme(1, "a"), EtapeProgramme(2, "b", ("email", "cuisine"))))
    assert valider_activite(a, OU) == [
        Probleme(OU, "id", "l'identifiant est obligatoire"),
        Probleme(OU, "nom", "le nom est obligatoire"),
        Probleme(OU, "genre_activite", "genre inconnu : « stage »"),
        Probleme(OU, "nb_seances", "nombre de séances impossible : 201"),
        Probleme(OU, "duree_seance", "durée impossible : 0 minutes"),
        Probleme(OU, "nb_groupes", "il faut au moins un groupe par cycle"),
        Probleme(OU, "capacite_max", "places par groupe : de 0 à 9, c'est impossible"),
        Probleme(OU, "creneau.debut", "heure invalide : « 9:00 » (HH:MM)"),
        Probleme(OU, "programme[1].thematiques", "thématique inconnue : « cuisine »"),
    ]


@pytest.mark.parametrize(("champs", "champ"), [
    ({"nb_seances": -1}, "nb_seances"), ({"duree_seance": 721}, "duree_seance"),
    ({"capacite_min": 10, "capacite_max": 9}, "capacite_max"), ({"nom": "   "}, "nom"),
])
def test_activite_hors_bornes(champs: dict, champ: str) -> None:
    assert [p.champ for p in valider_activite(Activite(id="a", **{"nom": "A", **champs}), OU)] == [champ]


def test_cycle() -> None:
    assert valider_cycle(Cycle(id="c", activite="a", nom="Automne"), OU) == []
    assert valider_cycle(Cycle(id="c", activite="a", nom="A", debut=date(2025, 9, 8), fin=date(2025, 9, 8)), OU) == []
    assert valider_cycle(Cycle(id="c", activite="a", nom="A", fin=date(2025, 9, 1)), OU) == []
    assert valider_cycle(Cycle(id="c", activite="a", nom="A", debut=date(2025, 9, 8)), OU) == []
    assert valider_cycle(Cycle(id="c", activite="a", nom=" ", debut=date(2025, 9, 8), fin=date(2025, 9, 7)), OU) == [
        Probleme(OU, "nom", "le nom est obligatoire"),
        Probleme(OU, "fin", "la fin (07/09/2025) précède le début (08/09/2025)")]


def test_groupe_valide_aux_bornes() -> None:
    assert valider_groupe(Groupe(id="g", cycle="c", nom="G", nb_seances=0, capacite=1, inscrits=("p1",)), OU) == []
    assert valider_groupe(Groupe(id="g", cycle="c", nom="G", nb_seances=200, niveau="a_rassurer",
                                 creneau=MERCREDI_17, liste_attente=("p2",)), OU) == []


def test_groupe_chaque_probleme_en_francais() -> None:
    g = Groupe(id="g", cycle="c", nom=" ", niveau="expert", capacite=0, nb_seances=201, inscrits=("p1", "p1"),
               liste_attente=("p1",), creneau=Creneau("lundi", "09:00", 0))
    assert valider_groupe(g, OU) == [
        Probleme(OU, "nom", "le nom est obligatoire"),
        Probleme(OU, "nb_seances", "nombre de séances impossible : 201"),
        Probleme(OU, "niveau", "niveau inconnu : « expert »"),
        Probleme(OU, "capacite", "la capacité doit être d'au moins 1"),
        Probleme(OU, "inscrits", "2 inscrits pour 0 places : le groupe déborde"),
        Probleme(OU, "inscrits", "une personne est inscrite deux fois"),
        Probleme(OU, "liste_attente", "une personne est à la fois inscrite et en attente"),
        Probleme(OU, "creneau.duree", "durée impossible : 0 minutes"),
    ]
    assert [p.champ for p in valider_groupe(Groupe(id="g", cycle="c", nom="G", nb_seances=-1), OU)] == ["nb_seances"]
    assert [p.champ for p in valider_groupe(Groupe(id="g", cycle="c", nom="G", capacite=1,
                                                   inscrits=("p1", "p2")), OU)] == ["inscrits"]
