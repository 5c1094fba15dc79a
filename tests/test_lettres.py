"""Invitation letters: one page per person, the meeting's date on each, no one missing."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from pypdf import PdfReader

from atelier_app.domain.activites import Reunion
from atelier_app.domain.journal import EntreeJournal
from atelier_app.domain.personnes import Personne


def lettres(services, activite_id, chemin):
    return services.documents.lettres(activite_id, chemin)


def _preparer(centre):
    a = centre.centre.activite("initiation")
    centre.activites.modifier(replace(a, reunion=Reunion(date(2026, 9, 14), "14:00", "Salle polyvalente")))
    gens = [
        Personne(id="", nom="Durand", prenom="Amélie", adresse="12 rue des Roses", code_postal="59000",
                 commune="Lille"),
        Personne(id="", nom="Martin", prenom="Jean", adresse="4 place du Marché", code_postal="59800", commune="Lille"),
        Personne(id="", nom="Sans", prenom="Adresse", telephone="0601020304"),
    ]
    return [centre.preliste.ajouter("initiation", p).personne for p in gens]


def test_une_page_par_personne_avec_la_date(centre, tmp_path):
    ids = _preparer(centre)
    chemin, n, sans = lettres(centre, "initiation", tmp_path / "l.pdf")
    assert n == 2 and [p.nom for p in sans] == ["Sans"]
    pages = [p.extract_text() for p in PdfReader(str(chemin)).pages]
    assert len(pages) == 2
    assert all("lundi 14 septembre 2026" in t and "14 h" in t and "Salle polyvalente" in t for t in pages)
    assert any("Amélie DURAND" in t for t in pages) and any("Jean MARTIN" in t for t in pages)
    assert all("Centre social des Tilleuls" in t for t in pages)
    assert all(re.search(r"Lille, le (1er|\d+) \w+ \d{4}", t) for t in pages)  # dated with the town, as a letter is
    etats = {e.personne: e.etat for e in centre.preliste.entrees("initiation")}
    assert etats == {ids[0]: "invite", ids[1]: "invite", ids[2]: "a_inviter"}
    journal = [e for e in centre.depot.all(EntreeJournal) if e.action == "impression"]
    assert journal and set(journal[-1].cibles) == {ids[0], ids[1]}


def test_rien_a_ecrire(centre, tmp_path):
    chemin, n, sans = lettres(centre, "senou", tmp_path / "l.pdf")
    assert chemin is None and n == 0 and sans == []


def test_lettre_datee_du_premier_du_mois(centre, tmp_path):
    _preparer(centre)
    centre.ctx.aujourd_hui = lambda: date(2026, 12, 1)
    chemin, n, _sans = lettres(centre, "initiation", tmp_path / "l.pdf")
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(str(chemin)).pages]
    assert n == 2 and all("Lille, le 1er décembre 2026" in t for t in pages)


def test_date_de_la_pre_liste_quand_l_activite_n_en_a_pas(centre, tmp_path):
    """FORMAT.md ``reunion``: the letters refused to print although the entries carried the date."""
    from atelier_app.errors import UserError
    from atelier_app.reports import lettres as pdf

    a = centre.centre.activite("initiation")
    assert a.reunion.date is None
    p = Personne(id="p1", nom="Durand", prenom="Amélie", adresse="12 rue des Roses", code_postal="59000",
                 commune="Lille")
    chemin = pdf.ecrire(tmp_path / "l.pdf", centre.centre.centre(), a, [p], date(2026, 12, 1),
                        reunions={"p1": date(2027, 1, 15)})
    (texte,) = [pg.extract_text() for pg in PdfReader(str(chemin)).pages]
    assert "vendredi 15 janvier 2027" in texte and "date à préciser" not in texte
    assert "Salle multimédia" in texte  # the activity's place
    try:
        pdf.ecrire(tmp_path / "m.pdf", centre.centre.centre(), a, [p], date(2026, 12, 1))
    except UserError as e:
        assert "Amélie Durand" in str(e) and "pré-liste" in str(e)
    else:
        raise AssertionError("a letter without a date must not print")
    assert not (tmp_path / "m.pdf").exists()
