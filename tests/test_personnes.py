"""People service: search, add, duplicates, merge, roles."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from atelier_app.domain.activites import Cycle, Groupe
from atelier_app.domain.personnes import Personne
from atelier_app.domain.roles import Role
from atelier_app.domain.seances import Presence, Seance
from atelier_app.errors import AccesRefuse, DonneesInvalides, UserError
from atelier_app.services.contexte import Utilisateur


def _p(nom: str, prenom: str, annee: int | None = 1950, **kw) -> Personne:
    return Personne(id="", nom=nom, prenom=prenom, annee_naissance=annee, **kw)


def test_recherche_sans_accents_ni_casse(centre) -> None:
    s = centre.personnes
    s.ajouter(_p("Lefèvre", "Hélène", commune="Lille"))
    s.ajouter(_p("Martin", "Paul", commune="Roubaix"))
    assert [p.prenom for p in s.rechercher("helene")] == ["Hélène"]
    assert [p.prenom for p in s.rechercher("LEFEV hel")] == ["Hélène"]
    assert [p.nom for p in s.rechercher("roubaix")] == ["Martin"]
    assert len(s.rechercher("")) == 2


def test_doublon_refuse(centre) -> None:
    centre.personnes.ajouter(_p("Durand", "Anne"))
    with pytest.raises(UserError, match="existe déjà"):
        centre.personnes.ajouter(_p("DURAND", "anne"))


def test_validation_dit_ou_et_quoi(centre) -> None:
    with pytest.raises(DonneesInvalides) as e:
        centre.personnes.ajouter(_p("", "Anne", annee=1850, email="pas-un-mail"))
    texte = e.value.texte()
    assert "nom" in texte and "1850" in texte and "pas-un-mail" in texte


def test_modifier_garde_la_date_de_creation(centre) -> None:
    p = centre.personnes.ajouter(_p("Durand", "Anne"))
    centre.personnes.modifier(replace(p, telephone="06 01 02 03 04", cree_le=date(1999, 1, 1)))
    relu = centre.personnes.personne(p.id)
    assert relu.telephone == "06 01 02 03 04" and relu.cree_le == p.cree_le


def test_fusion_deplace_toutes_les_references(centre) -> None:
    a = centre.personnes.ajouter(_p("Durand", "Anne", telephone="0601020304"))
    b = centre.personnes.ajouter(_p("Durant", "Anne", commune="Lille"))
    with centre.depot.transaction("prépa") as tx:
        tx.put(Cycle(id="c1", activite="senou", nom="Automne"))
        tx.put(Groupe(id="g1", cycle="c1", nom="Jeudi", capacite=6, inscrits=(a.id, b.id)))
        tx.put(Seance(id="s1", groupe="g1", date=date(2026, 3, 5),
                      presences=(Presence(a.id), Presence(b.id, statut="absent"))))
    fusion = centre.personnes.fusionner(a.id, b.id)
    assert fusion.commune == "Lille" and fusion.telephone == "0601020304"
    assert centre.depot.get(Personne, b.id) is None
    assert centre.depot.get(Groupe, "g1").inscrits == (a.id,)
    assert [p.personne for p in centre.depot.get(Seance, "s1").presences] == [a.id]


def test_benevole_ne_voit_pas_les_personnes(centre) -> None:
    centre.ctx.utilisateur = Utilisateur("marie", Role.BENEVOLE)
    with pytest.raises(AccesRefuse):
        centre.personnes.rechercher("")
    with pytest.raises(AccesRefuse):
        centre.personnes.ajouter(_p("Durand", "Anne"))
