"""Importing a people list shows each change first; the user applies, skips a line or keeps an old
value, and the chosen plan is applied in one write (issue 18, point 7)."""

from datetime import date

import pytest

from atelier_app.domain.journal import EntreeJournal
from atelier_app.domain.personnes import Personne
from atelier_app.errors import DonneesInvalides


def _csv(chemin, lignes):
    chemin.write_text("\n".join(";".join(x) for x in lignes) + "\n", encoding="utf-8")
    return chemin


@pytest.fixture
def s(centre):
    with centre.depot.transaction("t") as tx:
        tx.put(Personne(id="p1", nom="Durand", prenom="Amélie", annee_naissance=1950, telephone="0601020304",
                        adresse="3 rue des Lilas", commune="Lille", cree_le=date(2024, 1, 1)))
    return centre


def test_le_plan_montre_chaque_changement_sans_rien_ecrire(s, tmp_path):
    f = _csv(tmp_path / "l.csv", [("Nom", "Prénom", "Année de naissance", "Téléphone", "Adresse"),
                                  ("Durand", "Amélie", "1950", "0700000000", "8 place Rihour"),
                                  ("Petit", "Léo", "2012", "", "")])
    plan = s.personnes.preparer_import(f)
    assert s.depot.get(Personne, "p1").telephone == "0601020304" and s.personnes.nombre() == 1
    [modif] = plan.modifiees
    assert modif.ligne == 2 and modif.existante.id == "p1"
    changes = {c.libelle: (c.avant, c.apres) for c in modif.changements}
    assert set(changes) == {"Adresse", "Téléphone"}
    assert changes["Adresse"] == ("3 rue des Lilas", "8 place Rihour") and changes["Téléphone"][0] == "0601020304"
    assert [x.personne.nom for x in plan.nouvelles] == ["Petit"]


def test_garder_l_ancienne_valeur_et_ignorer_une_ligne(s, tmp_path):
    f = _csv(tmp_path / "l.csv", [("Nom", "Prénom", "Année de naissance", "Téléphone", "Adresse"),
                                  ("Durand", "Amélie", "1950", "0700000000", "8 place Rihour"),
                                  ("Petit", "Léo", "2012", "", "")])
    plan = s.personnes.preparer_import(f)
    rapport = s.personnes.appliquer_import(plan, ignorer={3}, garder={2: {"telephone"}})
    p = s.depot.get(Personne, "p1")
    assert p.telephone == "0601020304" and p.adresse == "8 place Rihour"
    assert s.personnes.nombre() == 1
    assert rapport.mis_a_jour["personnes"] == 1 and rapport.ajoutes["personnes"] == 0
    [j] = [e for e in s.depot.all(EntreeJournal) if e.action == "import"]
    assert j.cibles == ("p1",) and "Durand" not in j.details


def test_problemes_nommes_par_ligne_et_refus(s, tmp_path):
    f = _csv(tmp_path / "l.csv", [("Nom", "Prénom", "Date de naissance", "E-mail"),
                                  ("Martin", "Paul", "1850", ""), ("Roux", "Lise", "", "pas-un-mail")])
    plan = s.personnes.preparer_import(f)
    assert {(p.enregistrement, p.champ) for p in plan.problemes} == {("ligne 2", "Date de naissance"),
                                                                     ("ligne 3", "E-mail")}
    with pytest.raises(DonneesInvalides):
        s.personnes.appliquer_import(plan)
    assert s.personnes.nombre() == 1
