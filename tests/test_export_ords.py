"""ORDS CSV: 14 columns in the standard's order, standard values, no personal data, the CLI."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from atelier_app import cli
from atelier_app.domain import ords
from atelier_app.domain.journal import EntreeJournal
from atelier_app.domain.personnes import Personne
from atelier_app.reports import ords as export


@pytest.fixture
def svc(centre):
    centre.ctx.aujourd_hui = lambda: date(2025, 12, 15)
    p = centre.personnes.ajouter(Personne(id="", nom="Dupont", prenom="Josiane", annee_naissance=1947))
    rep = centre.reparations
    a = rep.ouvrir(p.id, "reparation", "Bouilloire de Josiane", categorie_ords=14, marque="Moulinex",
                   annee_fabrication=2015, ouvert_le=date(2025, 3, 1),
                   probleme="Ne chauffe plus ; appeler Josiane Dupont au 06 12 34 56 78 ou josiane.dupont@free.fr")
    rep.ajouter_visite(a.id, date(2025, 3, 8), 60)
    rep.clore(a.id, "repare", le=date(2025, 3, 8))
    b = rep.ouvrir(p.id, "reparation", "Téléphone", categorie_ords=19, age_produit=6.5, ouvert_le=date(2025, 4, 1))
    rep.clore(b.id, "fin_de_vie", frein=6, le=date(2025, 4, 5))
    c = rep.ouvrir(p.id, "reparation", "Ordinateur", categorie_ords=16, ouvert_le=date(2025, 5, 1))
    rep.clore(c.id, "reparable", le=date(2025, 5, 3))
    rep.ouvrir(p.id, "reparation", "Radio", categorie_ords=23, ouvert_le=date(2025, 6, 1))  # still open
    rep.ouvrir(p.id, "projet_numerique", "Site web", ouvert_le=date(2025, 6, 1))
    return centre


def _lire(chemin):
    with open(chemin, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def test_colonnes_ordre_valeurs(svc, tmp_path) -> None:
    chemin = tmp_path / "ords.csv"
    assert export.ecrire(chemin, svc.reparations.donnees_ords(2025)) == 3
    entete, *rangs = _lire(chemin)
    assert tuple(entete) == ords.COLONNES and len(entete) == 14
    lignes = [dict(zip(entete, r, strict=True)) for r in rangs]
    bouilloire, telephone, portable = lignes
    assert (bouilloire["product_category"], bouilloire["product_category_id"], bouilloire["repair_status"]) == (
        "Kettle", "14", "Fixed")
    assert (bouilloire["year_of_manufacture"], bouilloire["product_age"], bouilloire["event_date"]) == (
        "2015", "10", "2025-03-08")
    assert bouilloire["country"] == "FRA" and bouilloire["data_provider"] == "Centre social des Tilleuls"
    assert bouilloire["group_identifier"].startswith("atelier-") and "Tilleuls" not in bouilloire["group_identifier"]
    assert bouilloire["repair_barrier_if_end_of_life"] == ""
    assert (telephone["repair_status"], telephone["repair_barrier_if_end_of_life"]) == ("End of life", "Item too worn out")
    assert (telephone["product_age"], telephone["year_of_manufacture"]) == ("6.5", "2018")
    assert portable["repair_status"] == "Repairable" and portable["product_category"] == "Laptop"
    assert {r["repair_status"] for r in lignes} <= set(ords.STATUTS)


def test_probleme_nettoye(svc, tmp_path) -> None:
    chemin = tmp_path / "ords.csv"
    export.ecrire(chemin, svc.reparations.donnees_ords())
    texte = chemin.read_text(encoding="utf-8")
    for interdit in ("Josiane", "Dupont", "06 12 34 56 78", "@", "free.fr", "Bouilloire de"):
        assert interdit not in texte
    assert "Ne chauffe plus" in texte


def test_export_journalise(svc, tmp_path) -> None:
    chemin, n = svc.documents.ords(2025, tmp_path / "ords.csv")
    assert n == 3 and chemin.is_file()
    (entree,) = [j for j in svc.depot.all(EntreeJournal) if j.action == "export"]
    assert len(entree.cibles) == 3 and entree.details == "ORDS 2025"


def test_commande_ords(dossier, tmp_path) -> None:
    sortie = tmp_path / "sortie.csv"
    assert cli.main(["--donnees", str(dossier), "ords", "--annee", "2025", "--sortie", str(sortie)]) == 0
    assert _lire(sortie) == [list(ords.COLONNES)]


def test_identifiants_au_motif_de_l_ora(svc, tmp_path) -> None:
    """The ORA aggregate schema requires ``^[a-z]+-[0-9]+$``; "r02527" did not match."""
    import re

    chemin = tmp_path / "ords.csv"
    export.ecrire(chemin, svc.reparations.donnees_ords(2025))
    entete, *rangs = _lire(chemin)
    ids = [dict(zip(entete, r, strict=True))["id"] for r in rangs]
    assert ids and all(re.fullmatch(ords.MOTIF_ID, i) for i in ids), ids
    assert len(set(ids)) == len(ids)
    assert all(i.startswith("tilleuls-") for i in ids)
    assert ords.prefixe("Centre social La Passerelle") == "passerelle"
    assert ords.identifiant("passerelle", "r02527") == "passerelle-2527"
    assert ords.prefixe("Maison de l'Île") == "ile" and ords.prefixe("") == "atelier"
