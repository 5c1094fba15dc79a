"""Small counts in the *Chiffres* paragraphs of the documents for funders (DESIGN.md).

The attacker reads the printed sentence only (never the marks): every figure of a paragraph is an
interval (« moins de 5 » is 1 to 4, « 5 ou plus » at least 5, « effectif non communiqué » anything),
the total of a course in cycles is the sum of its sessions, and a person count never exceeds the
requests it was counted from. It enumerates every assignment that agrees with the sentence and
checks that each masked count still takes at least two values. The screen keeps the true figures.
"""

from __future__ import annotations

import itertools
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atelier_app.domain import chiffres as ch

#: A count of 1 to 4 people printed as is (what must never reach a funder).
PETIT_IMPRIME = re.compile(
    r"(?<![\d,\u202f\u00a0])[1-4]\s(?:stagiaires?|adhérents?\sinscrits?|personnes?\s(?:venues?|identifiées?)|en\s)")
MASQUE = r"moins de 5|5 ou plus|effectif non communiqué"
JAMAIS = 10**6


def _plage(jeton: str, plafond: int) -> range:
    jeton = jeton.strip()
    if jeton == "moins de 5":
        return range(1, 5)
    if jeton == "5 ou plus":
        return range(5, plafond + 1)
    if jeton == "effectif non communiqué":
        return range(0, plafond + 1)
    return range(int(jeton.replace("\u202f", "")), int(jeton.replace("\u202f", "")) + 1)


def lire_cycles(texte: str) -> tuple[str, list[str]]:
    """The total and each session's figure as printed, in the sentence's order."""
    m = re.match(rf"(\d[\d\u202f]*|{MASQUE}) stagiaires? en cumulé", texte)
    assert m, texte
    parts: list[str] = []
    if " : " in texte:
        corps = texte.split(" : ", 1)[1].split(".", maxsplit=1)[0].split(" (", maxsplit=1)[0]
        for morceau in corps.split(" ; "):
            pm = re.match(rf"(\d[\d\u202f]*|{MASQUE}) en ", morceau)
            assert pm, morceau
            parts.append(pm.group(1))
    return m.group(1), parts


def attaque_cycles(texte: str, vrai_total: int, vraies_parts: list[int]) -> list[int]:
    """Indexes of masked sessions whose count the sentence gives away."""
    total, parts = lire_cycles(texte)
    assert len(parts) == len(vraies_parts)
    plafond = max(vrai_total, 1) + 5
    totaux = _plage(total, plafond)
    plages = [_plage(p, plafond) for p in parts]
    vus: list[set[int]] = [set() for _ in parts]
    for t in totaux:
        for combinaison in itertools.product(*[range(r.start, min(r.stop, t + 1)) for r in plages]):
            if sum(combinaison) == t:
                for i, v in enumerate(combinaison):
                    vus[i].add(v)
    for v, vrai in zip(vus, vraies_parts, strict=True):
        assert vrai in v  # the sentence never lies
    return [i for i, (p, v) in enumerate(zip(parts, vus, strict=True)) if not p[0].isdigit() and len(v) < 2]


def _cycles(effectifs: list[int]) -> list[ch.CycleChiffres]:
    return [ch.CycleChiffres(date(2025, 1 + 2 * i, 1), date(2025, 2 + 2 * i, 20), n) for i, n in enumerate(effectifs)]


# ----------------------------------------------------------------- the sentences alone
def test_club_petits_effectifs_masques_et_accordes() -> None:
    texte = ch.texte_club(2025, 10, 6, jours=["mercredi"], sans_inscription=2, masquer=True)
    assert texte.startswith("10 adhérents inscrits le mercredi sur l'année 2025 et moins de 5 personnes venues "
                            "sans inscription.")
    assert ch.texte_club(2025, 3, 6, masquer=True).startswith("moins de 5 adhérents inscrits sur l'année 2025.")
    # the screen, for the team, keeps the true figures
    assert "et 2 personnes venues sans inscription" in ch.texte_club(2025, 10, 6, sans_inscription=2)
    # zero is a fact about no one
    assert ch.texte_club(2025, 0, 0, masquer=True).startswith("0 adhérent inscrit")


def test_repair_cafe_et_accompagnement() -> None:
    texte = ch.texte_projets(2026, 8, 81, 25, 14, sans_inscription=1, masquer=True)
    assert "8 adhérents inscrits sur l'année 2026 et moins de 5 personnes venues sans inscription." in texte
    assert "25 projets ouverts, 14 objets réparés" in texte  # objects, not people
    texte = ch.texte_accompagnement(2025, 8, 3, 4, masquer=True)
    assert texte.startswith("8 demandes d'accompagnement individuel sur l'année 2025, pour moins de 5 personnes "
                            "identifiées.")
    # the people were counted from the requests: 3 requests leave 1 to 3 people, enough
    assert ch.texte_accompagnement(2025, 3, 2, 1, masquer=True).startswith(
        "3 demandes d'accompagnement individuel sur l'année 2025, pour moins de 5 personnes identifiées.")
    # one request and « moins de 5 » people would say one person: the people are not written
    texte = ch.texte_accompagnement(2025, 1, 1, 1, masquer=True)
    assert texte.startswith("1 demande d'accompagnement individuel sur l'année 2025. Total de 1 heure")
    assert not PETIT_IMPRIME.search(texte)
    assert ch.texte_accompagnement(2025, 1, 1, 1).startswith(
        "1 demande d'accompagnement individuel sur l'année 2025, pour 1 personne identifiée.")


def test_cycles_un_seul_petit_et_le_total() -> None:
    """21 = 9 + 2 + 10: the total and the other sessions would give the 2 back."""
    texte = ch.texte_cycles(2025, _cycles([9, 2, 10]), 84, masquer=True)
    assert not PETIT_IMPRIME.search(texte), texte
    assert "moins de 5 en" in texte
    assert attaque_cycles(texte, 21, [9, 2, 10]) == []
    assert texte.startswith("21 stagiaires en cumulé")  # the headline figure stays


def test_cycles_total_petit() -> None:
    """Four sessions of one person each: « moins de 5 » everywhere would still say 1 each."""
    texte = ch.texte_cycles(2025, _cycles([1, 1, 1, 1]), 20, masquer=True)
    assert texte.startswith("moins de 5 stagiaires en cumulé")
    assert attaque_cycles(texte, 4, [1, 1, 1, 1]) == []
    assert not PETIT_IMPRIME.search(texte), texte


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 12), min_size=1, max_size=5))
def test_aucun_effectif_de_session_ne_se_retrouve(effectifs) -> None:
    texte = ch.texte_cycles(2025, _cycles(effectifs), 30, groupes=len(effectifs) + 1, masquer=True)
    assert not PETIT_IMPRIME.search(texte), texte
    assert attaque_cycles(texte, sum(effectifs), effectifs) == [], texte
    if 0 in effectifs and sum(effectifs) >= 5 and "non communiqué" not in texte:
        assert re.search(r"(?<!\d)0 en ", texte)  # zero stays printed


# ----------------------------------------------------------------- the demo years
@pytest.fixture(scope="module")
def demo_petite(tmp_path_factory):
    from atelier_app.assemblage import outils
    from atelier_app.services import Services
    from atelier_app.services.centre import activites_par_defaut
    from atelier_app.storage import demo
    from atelier_app.storage.repository import Depot

    depot = Depot.ouvrir(tmp_path_factory.mktemp("demo"))
    demo.generer(depot, "petite", 1, date(2026, 12, 1), activites_par_defaut("Sophie Martin", "Salle multimédia"))
    yield Services(depot, outils=outils())
    depot.fermer()


@pytest.mark.parametrize("annee", [2025, 2026])
def test_annees_de_demo_chiffres_des_documents(demo_petite, annee) -> None:
    services = demo_petite
    petits_vus = 0
    for a in services.centre.activites():
        ecran = services.fiches.fiche(a.id, annee).valeur("chiffres")
        imprime = services.fiches.fiche(a.id, annee, diffusion=True).valeur("chiffres")
        petits_vus += bool(PETIT_IMPRIME.search(ecran))
        assert not PETIT_IMPRIME.search(imprime), (a.id, imprime)
        if a.genre_activite == "cycles":
            total, parts = lire_cycles(ecran)
            assert attaque_cycles(imprime, int(total), [int(p) for p in parts]) == [], imprime
    if annee == 2026:
        assert petits_vus >= 2  # the demo has small counts to hide: the test is not vacuous


def test_rapport_et_fiche_imprimes_sans_petit_effectif(demo_petite, tmp_path) -> None:
    from pypdf import PdfReader

    services = demo_petite
    ecran = services.fiches.fiche("numerikids", 2026).valeur("chiffres")
    assert re.search(r"et [1-4] personnes? venues? sans inscription", ecran)  # the team sees the truth
    for chemin in (services.documents.rapport(2026, tmp_path / "r.pdf"),
                   services.documents.fiche("numerikids", 2026, tmp_path / "f.pdf")):
        texte = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(chemin).pages)
        assert "moins de 5 personnes venues sans inscription" in texte
        assert not re.search(r"(?<![\d,])[1-4] personnes? venues?", texte), chemin.name


def test_chiffres_rediges_a_la_main_signales(demo_petite, tmp_path) -> None:
    """A text rewritten by the team is printed as written: the team is told it shows a small figure."""
    services = demo_petite
    services.fiches.enregistrer("numerikids", 2025, "Dix enfants, et 2 venus sans inscription.")
    try:
        dits: list[str] = []
        services.documents.fiche("numerikids", 2025, tmp_path / "f.pdf", signaler=dits.append)
        assert any("Chiffres rédigés à la main" in d and "« Numérikids »" in d for d in dits), dits
        assert services.fiches.fiche("numerikids", 2025, diffusion=True).valeur("chiffres").startswith("Dix enfants")
    finally:
        services.fiches.revenir_au_calcule("numerikids", 2025)
    dits = []
    services.documents.fiche("numerikids", 2025, tmp_path / "g.pdf", signaler=dits.append)
    assert not any("à la main" in d for d in dits)


@pytest.mark.parametrize("demandes,personnes,ouvert", [(1, 1, True), (3, 2, False), (8, 0, False)])
def test_tableau_accompagnement_personnes_au_plus_les_demandes(demandes, personnes, ouvert) -> None:
    """In the report's table too: « Demandes 1 » beside « Personnes identifiées < 5 » says one person."""
    from atelier_app.domain.secret import Cellule, Masque, intervalle
    from atelier_app.reports import masquage
    from atelier_app.reports.statistiques import Ligne, Section, Statistiques

    sec = Section("Accompagnement individuel", [
        Ligne("Demandes", demandes, precedent=demandes),
        Ligne("Personnes identifiées", personnes, personnes=True, precedent=personnes),
        Ligne("Heures d'accompagnement", 1.5, unite="h", precedent=1.5)])
    stats = Statistiques(date(2025, 1, 1), date(2025, 12, 31), None, "Toutes", [sec])
    m = masquage.masques(stats)
    for marque in (m.courant(sec.titre, 1), m.precedent(sec.titre, 1)):
        bas, haut = intervalle(Cellule(personnes), marque)
        possibles = set(range(bas, min(haut, demandes) + 1))  # no more people than requests
        assert personnes in possibles
        if marque is not Masque.VISIBLE:
            assert len(possibles) >= 2, (demandes, personnes, marque)
        assert (marque is Masque.RETENU) == ouvert


def test_texte_calcule_complete_a_la_main_reste_masque(demo_petite) -> None:
    """The team kept the computed sentence and added its own: the computed part is still masked."""
    services = demo_petite
    calcule = services.fiches.fiche("numerikids", 2025).valeur("chiffres")
    services.fiches.enregistrer("numerikids", 2025, calcule + " Un goûter a réuni les familles en juin.")
    try:
        imprime = services.fiches.fiche("numerikids", 2025, diffusion=True).valeur("chiffres")
        assert "moins de 5 personnes venues sans inscription" in imprime
        assert imprime.endswith("Un goûter a réuni les familles en juin.")
        assert services.fiches.fiche("numerikids", 2025).valeur("chiffres").startswith(calcule)  # the screen
    finally:
        services.fiches.revenir_au_calcule("numerikids", 2025)
