"""The session record's own rules: what it counts (through ``comptage``) and what ``valider_seance`` refuses."""

from __future__ import annotations

from datetime import date

import pytest

from atelier_app.domain.seances import Presence, Seance, valider_seance
from atelier_app.errors import Probleme

J = date(2026, 3, 4)


def _s(**champs: object) -> Seance:
    return Seance(id="s", groupe="g", date=J, **champs)  # type: ignore[arg-type]


def test_valeurs_par_defaut() -> None:
    s = _s()
    assert (s.debut, s.duree, s.etat, s.appel_fait, s.anonymes) == ("09:00", 120, "prevue", False, 0)
    assert Presence("p").statut == "present" and Presence("p").inscrit is True
    assert s.date_rangement() == J


def test_ce_qu_une_seance_compte() -> None:
    s = _s(etat="realisee", duree=90, anonymes=2,
           presences=(Presence("a", "present"), Presence("b", "retard"), Presence("c", "absent")))
    assert (s.nb_venus, s.heures, s.est_tenue) == (4, 1.5, True)
    assert [p.est_venue for p in s.presences] == [True, True, False]
    annulee = _s(etat="annulee", presences=(Presence("a"),))
    assert (annulee.nb_venus, annulee.heures, annulee.est_tenue) == (0, 0.0, False)


def test_seance_valide() -> None:
    assert valider_seance(_s(debut="23:59", duree=720, thematiques=("email",)), "S") == []
    assert valider_seance(_s(debut="00:00", duree=1), "S") == []


@pytest.mark.parametrize(("champs", "probleme"), [
    ({"etat": "faite"}, Probleme("S", "etat", "état inconnu : « faite »")),
    ({"debut": "24:00"}, Probleme("S", "debut", "heure invalide : « 24:00 » (HH:MM)")),
    ({"debut": "9:00"}, Probleme("S", "debut", "heure invalide : « 9:00 » (HH:MM)")),
    ({"debut": "09:60"}, Probleme("S", "debut", "heure invalide : « 09:60 » (HH:MM)")),
    ({"debut": ""}, Probleme("S", "debut", "heure invalide : «  » (HH:MM)")),
    ({"duree": 0}, Probleme("S", "duree", "durée impossible : 0 minutes")),
    ({"duree": 721}, Probleme("S", "duree", "durée impossible : 721 minutes")),
    ({"anonymes": -1}, Probleme("S", "anonymes", "le nombre d'anonymes ne peut pas être négatif")),
    ({"thematiques": ("email", "cuisine")}, Probleme("S", "thematiques", "thématique inconnue : « cuisine »")),
    ({"presences": (Presence("a", "malade"),)},
     Probleme("S", "presences", "statut de présence inconnu : « malade »")),
    ({"presences": (Presence("a"), Presence("a", "absent"))},
     Probleme("S", "presences", "personne « a » notée deux fois")),
])
def test_seance_refusee(champs: dict[str, object], probleme: Probleme) -> None:
    assert valider_seance(_s(**champs), "S") == [probleme]


def test_debut_absent() -> None:
    assert valider_seance(_s(debut=None), "S") == [Probleme("S", "debut", "heure invalide : « None » (HH:MM)")]
