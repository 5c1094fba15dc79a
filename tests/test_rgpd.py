"""A person's rights: export holds everything, anonymising keeps every past statistic, retention."""

import json
from collections import Counter
from datetime import date

import pytest

from atelier_app.domain.accompagnements import Accompagnement
from atelier_app.domain.journal import EntreeJournal
from atelier_app.domain.personnes import Personne
from atelier_app.domain.preliste import EntreePreliste
from atelier_app.domain.projets import Projet, Visite
from atelier_app.domain.seances import Presence, Seance
from atelier_app.errors import UserError
from atelier_app.storage import layout


def peupler(services):
    a = Personne(id="p1", nom="Durand", prenom="Amélie", annee_naissance=1950, genre="femme", commune="Lille",
                 code_postal="59000", telephone="0601020304", email="a@ex.fr", notes="vient avec sa fille",
                 cree_le=date(2021, 1, 5))
    b = Personne(id="p2", nom="Petit", prenom="Léo", annee_naissance=2012, commune="Roubaix",
                 cree_le=date(2024, 9, 1))
    snap_a = dict(tranche_age="60-74", genre="femme", statut_social="retraite", commune="Lille", code_postal="59000")
    snap_b = dict(tranche_age="11-14", genre="homme", commune="Roubaix", code_postal="59100")
    seances = [
        Seance(id="s1", groupe="g1", date=date(2022, 3, 1), presences=(Presence("p1", **snap_a),
                                                                      Presence("p2", **snap_b))),
        Seance(id="s2", groupe="g1", date=date(2022, 3, 8), presences=(Presence("p1", statut="absent", **snap_a),)),
        Seance(id="s3", groupe="g2", date=date(2025, 10, 2), presences=(Presence("p2", **snap_b),)),
    ]
    with services.depot.transaction("test") as tx:
        tx.put_many([a, b, *seances])
        tx.put(EntreePreliste(id="e1", personne="p1", activite="initiation", demande_le=date(2021, 12, 1),
                              notes="appeler sa fille Julie Durand"))
        tx.put(Projet(id="r1", personne="p1", type="reparation", intitule="Grille-pain", ouvert_le=date(2022, 2, 1),
                      description="Grille-pain de Mme Durand",
                      visites=(Visite(date(2022, 2, 5), notes="rappeler Mme Durand"),)))
        tx.put(Accompagnement(id="a1", date=date(2022, 4, 1), personne="p1", notes="dossier CAF de Mme Durand",
                              tranche_age="60-74", genre="femme", commune="Lille"))


def chiffres(services):
    """Figures of past years as statistics compute them: from the attendance/help snapshots."""
    c = Counter()
    for s in services.depot.all(Seance):
        for p in s.presences:
            if p.est_venue:
                c[(s.date.year, p.tranche_age, p.genre, p.statut_social, p.commune, p.code_postal)] += 1
        c[("seances", s.date.year)] += 1
    for a in services.depot.all(Accompagnement):
        c[("acc", a.date.year, a.tranche_age, a.genre, a.commune)] += 1
    c[("personnes",)] = services.depot.count(Personne)
    return c


def test_anonymiser_ne_change_aucune_statistique(centre):
    peupler(centre)
    avant = chiffres(centre)
    centre.rgpd.anonymiser("p1")
    assert chiffres(centre) == avant
    p = centre.depot.get(Personne, "p1")
    assert p.anonymise and p.nom == "Anonyme" and not (p.prenom or p.telephone or p.email or p.notes)
    assert p.annee_naissance is None and p.commune == ""
    dossier = centre.depot.dossier
    assert (dossier / "personnes").is_dir()
    texte = "".join((dossier / n).read_text(encoding="utf-8") for n in layout.data_files(dossier))
    assert "Durand" not in texte and "0601020304" not in texte and "Amélie" not in texte
    with pytest.raises(UserError, match="déjà anonymisée"):
        centre.rgpd.anonymiser("p1")
    journal = centre.depot.all(EntreeJournal)
    assert [(e.action, e.cibles) for e in journal] == [("anonymisation", ("p1",))]


def test_export_contient_tout_comme_l_echange(centre, tmp_path):
    peupler(centre)
    donnees = centre.rgpd.donnees_personne("p1")
    centre.donnees.exporter(tmp_path / "tout.json")
    tout = json.loads((tmp_path / "tout.json").read_text(encoding="utf-8"))
    for cle in ("preliste", "projets", "accompagnements"):
        attendu = [r for r in tout[cle] if r.get("personne") == "p1"]
        assert json.loads(json.dumps(donnees[cle])) == attendu, cle
    attendu = [p for p in tout["personnes"] if p["id"] == "p1"]
    assert json.loads(json.dumps(donnees["personnes"])) == attendu
    presences = [p for p in tout["presences"] if p["personne"] == "p1"]
    assert {(p["seance"], p["statut"]) for p in donnees["presences"]} == {(p["seance"], p["statut"]) for p in presences}
    pdf, js = centre.documents.donnees_personne("p1", tmp_path / "sortie")
    assert pdf.read_bytes().startswith(b"%PDF") and json.loads(js.read_text(encoding="utf-8"))["personnes"]
    assert [e.action for e in centre.depot.all(EntreeJournal) if e.action == "export_personne"] == ["export_personne"]


def test_consentements_date_et_retrait(centre):
    peupler(centre)
    centre.ctx.aujourd_hui = lambda: date(2026, 1, 10)
    centre.rgpd.consentir("p2", "photos")
    centre.ctx.aujourd_hui = lambda: date(2026, 2, 1)
    p = centre.rgpd.retirer_consentement("p2", "photos")
    (c,) = p.consentements
    assert (c.objet, c.le, c.retire_le) == ("photos", date(2026, 1, 10), date(2026, 2, 1))
    with pytest.raises(UserError, match="aucun consentement en cours"):
        centre.rgpd.retirer_consentement("p2", "photos")


def test_retention_liste_et_anonymise(centre):
    peupler(centre)
    centre.ctx.aujourd_hui = lambda: date(2026, 3, 1)
    inactifs = centre.rgpd.inactifs()
    assert [(p.id, d) for p, d in inactifs] == [("p1", date(2022, 4, 1))]
    assert [p.id for p, _ in centre.rgpd.inactifs(1)] == ["p1"]
    assert centre.rgpd.anonymiser_inactifs(["p1"]) == 1
    assert centre.rgpd.inactifs() == []
    centre.rgpd.definir_duree_conservation(5)
    assert centre.rgpd.duree_conservation() == 5
