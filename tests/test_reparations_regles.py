"""Repair-café rules: outcomes per type, Restarters impact (worked examples), once per object, scrubbing."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atelier_app.domain import reparations as r
from atelier_app.domain.projets import Projet, Visite


def _projet(**k) -> Projet:
    base = dict(id="r1", personne="p1", type="reparation", intitule="Bouilloire", ouvert_le=date(2025, 3, 1),
                categorie_ords=14)
    base.update(k)
    return Projet(**base)


def test_issues_par_type() -> None:
    assert r.issues_possibles("reparation") == ("repare", "reparable", "fin_de_vie")
    assert r.issues_possibles("projet_numerique") == ("termine", "abandonne")
    rep, num = _projet(), _projet(type="projet_numerique", categorie_ords=None)
    assert r.verifier_issue(rep, "repare", None) is None
    assert "impossible pour une réparation" in r.verifier_issue(rep, "termine", None)
    assert "impossible pour un projet numérique" in r.verifier_issue(num, "repare", None)
    assert "frein" in r.verifier_issue(rep, "fin_de_vie", None)
    assert r.verifier_issue(rep, "fin_de_vie", "1") is None


def test_exemples_de_repair_md() -> None:
    bouilloire = r.impact_objet(14)
    assert bouilloire.dechets_kg == pytest.approx(1.25) and bouilloire.co2_kg == pytest.approx(22.16)
    divers = r.impact_objet(18, estimation_kg=3)
    assert divers.dechets_kg == 3 and round(divers.co2_kg, 1) == 48.1
    jean = r.impact_objet(None, "textile")
    assert jean.dechets_kg == pytest.approx(0.75) and jean.co2_kg == pytest.approx(10.16)
    assert r.impact_objet(18).sans_poids == 1 and r.impact_objet(18).co2_kg == 0
    # the estimate is ignored for a powered non-Misc item, and always wins for unpowered ones
    assert r.impact_objet(14, estimation_kg=9).dechets_kg == pytest.approx(1.25)
    assert r.impact_objet(None, "velo", 10).co2_kg == pytest.approx(10 * 17.70147059 * 0.5)


def test_compte_une_fois_par_objet_dans_l_annee_de_la_premiere_reparation() -> None:
    visites = tuple(Visite(date(2025, m, 1)) for m in (3, 4, 5, 6, 7))
    p = _projet(visites=visites, etat="repare", repare_le=date(2025, 5, 1), clos_le=date(2026, 1, 10))
    total = r.impact([p, _projet(id="r2", etat="reparable")], date(2025, 1, 1), date(2025, 12, 31))
    assert total.repares == 1 and total.dechets_kg == pytest.approx(1.25)
    assert r.impact([p], date(2026, 1, 1), date(2026, 12, 31)).repares == 0


def test_oublie_apres_un_mois() -> None:
    p = _projet(visites=(Visite(date(2025, 3, 10)),))
    assert not r.oublie(p, date(2025, 4, 10)) and r.oublie(p, date(2025, 4, 12))
    assert not r.oublie(p.__class__(**{**p.__dict__, "etat": "repare"}), date(2026, 1, 1))


def test_nettoyer_exemples() -> None:
    texte = ("Mme Dupont-Martin (josiane.dupont@free.fr, 06 12 34 56 78, 06.12.34.56.78, +33 6 12 34 56 78, "
             "0612345678) dit : l'écran de Josiane reste noir")
    propre = r.nettoyer(texte, ("Dupont-Martin", "Josiane"))
    for interdit in ("@", "06 12", "06.12", "+33", "0612345678", "Dupont", "josiane", "Josiane"):
        assert interdit not in propre
    assert "l'écran de [nom retiré] reste noir" in propre
    assert r.nettoyer("Écran LÉA cassé", ("Léa",)) == "Écran [nom retiré] cassé"
    assert r.nettoyer("Batterie 3000 mAh, 12 V", ()) == "Batterie 3000 mAh, 12 V"


_mot = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèà ,;:!?()'\n", max_size=30)
_local = st.from_regex(r"[a-z][a-z0-9._+\-]{0,12}", fullmatch=True)
_domaine = st.from_regex(r"[a-z][a-z0-9\-]{0,8}\.(fr|com|org|net)", fullmatch=True)
_email = st.builds(lambda a, b: f"{a}@{b}", _local, _domaine)
_chiffres = st.lists(st.integers(0, 99), min_size=4, max_size=4)


@st.composite
def _telephone(draw) -> str:
    premier = draw(st.integers(1, 9))
    paires = [f"{n:02d}" for n in draw(_chiffres)]
    sep = draw(st.sampled_from(["", " ", ".", "-"]))
    if draw(st.booleans()):
        return f"0{premier}" + sep + sep.join(paires) if sep else f"0{premier}" + "".join(paires)
    return f"+33 {premier} " + " ".join(paires) if sep else f"+33{premier}" + "".join(paires)


@given(_mot, st.one_of(_email, _telephone()), _mot)
def test_nettoyer_ne_laisse_rien_passer(avant: str, secret: str, apres: str) -> None:
    propre = r.nettoyer(f"{avant} {secret} {apres}")
    assert secret not in propre
    assert "@" not in propre
