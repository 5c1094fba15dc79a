"""French as the user reads it (issue 15, point 8): elision, agreement, field labels, signature."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from atelier_app.domain.francais import accorder, de
from atelier_app.domain.ords import CATEGORIES
from atelier_app.domain.personnes import Personne
from atelier_app.domain.roles import Permission, Role
from atelier_app.errors import AccesRefuse, DonneesInvalides, Probleme
from atelier_app.gui import champs
from atelier_app.services.contexte import Contexte, Utilisateur
from tests.test_lettres import _preparer, lettres


def test_elision() -> None:
    assert de("anonymiser des personnes") == "d'anonymiser des personnes"
    assert de("Inaya Benali") == "d'Inaya Benali"
    assert de("Éloïse") == "d'Éloïse" and de("Hugo") == "d'Hugo"
    assert de("Paul Martin") == "de Paul Martin"


def test_refus_en_francais() -> None:
    ctx = Contexte(utilisateur=Utilisateur("marie", Role.BENEVOLE))
    with pytest.raises(AccesRefuse) as e:
        ctx.exiger(Permission.ANONYMISER)
    assert e.value.texte() == "Votre compte (bénévole) ne permet pas d'anonymiser des personnes."


def test_accord_du_statut() -> None:
    assert accorder("Présent", "feminin") == "Présente"
    assert accorder("Excusé", "feminin") == "Excusée"
    assert accorder("Présent", "masculin") == "Présent"
    assert accorder("Présent", "non_communique") == "Présent"


def test_champs_nommes_comme_a_l_ecran() -> None:
    exc = DonneesInvalides("La fiche n'est pas enregistrée.", [
        Probleme("Fiche de Paul", "prenom", "le prénom est obligatoire"),
        Probleme("Fiche de Paul", "annee_naissance", "année de naissance impossible : 1850")])
    t = champs.texte(exc)
    assert "« Prénom »" in t and "« Année de naissance »" in t
    assert "prenom" not in t and "annee_naissance" not in t


def test_appareil_photo_numerique() -> None:
    libelles = [c.libelle for c in CATEGORIES.values()]
    assert not [x for x in libelles if "digital" in x]
    assert any("Appareil photo numérique compact" in x for x in libelles)


def test_lettre_signee_par_l_animateur(centre, tmp_path) -> None:
    _preparer(centre)
    chemin, _n, _sans = lettres(centre, "initiation", tmp_path / "l.pdf")
    texte = PdfReader(str(chemin)).pages[0].extract_text()
    assert "Sophie Martin" in texte and "animatrice" not in texte


def test_genre_dans_l_appel(centre) -> None:
    from tests.test_seances import creer_groupe

    g = creer_groupe(centre)
    centre.seances.generer(g.id)
    s = centre.seances.seances_du_groupe(g.id)[0]
    # the roll call gets the words' agreement, never the gender code (a volunteer may not read it)
    accords = {p.personne: p.accord for p in centre.presences.participants(s.id)}
    assert accords["p1"] == ("f" if centre.depot.get(Personne, "p1").genre == "feminin" else "")
