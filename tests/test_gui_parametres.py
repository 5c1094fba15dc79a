"""Paramètres builds each tab when it is first chosen (issue 15: first visit under 0.3 s at `grande`),
and the tabs still work from the keyboard and refresh as before."""

from __future__ import annotations

import pytest

from atelier_app.gui.screens import parametres

pytestmark = pytest.mark.gui


@pytest.fixture
def construits(monkeypatch) -> list[str]:
    """The tab modules built, in order."""
    faits: list[str] = []
    vrais = parametres.onglets

    def suivis() -> list:
        mods = vrais()
        for m in mods:
            if getattr(m, "_suivi", False):
                continue
            vrai = m.construire
            monkeypatch.setattr(m, "construire", lambda p, a, v=vrai, n=m.TITRE: faits.append(n) or v(p, a))
            monkeypatch.setattr(m, "_suivi", True, raising=False)
        return mods

    monkeypatch.setattr(parametres, "onglets", suivis)
    return faits


def test_premier_passage_construit_le_premier_onglet_seulement(app, construits) -> None:
    ecran = app.aller("parametres")
    app.racine.update()
    assert construits == ["Centre"]
    titres = [ecran.notebook.tab(t, "text") for t in ecran.notebook.tabs()]
    assert titres[0] == "Centre" and "Comptes" in titres and "Journal" in titres


def test_onglet_construit_a_son_premier_choix_puis_garde(app, construits) -> None:
    ecran = app.aller("parametres")
    app.racine.update()
    onglets = ecran.notebook.tabs()
    titres = [ecran.notebook.tab(t, "text") for t in onglets]
    ecran.notebook.select(onglets[titres.index("Sauvegardes")])
    app.racine.update()
    assert construits == ["Centre", "Sauvegardes"]
    choisi = ecran.notebook.nametowidget(ecran.notebook.select())
    assert type(choisi).__name__ == "PageSauvegardes"
    assert ecran.notebook.tab(choisi, "text") == "Sauvegardes"
    assert ecran.notebook.index(choisi) == titres.index("Sauvegardes")  # in its place
    ecran.notebook.select(0)
    app.racine.update()
    ecran.notebook.select(choisi)
    app.racine.update()
    assert construits == ["Centre", "Sauvegardes"]


def test_pages_donne_chaque_onglet(app, construits) -> None:
    ecran = app.aller("parametres")
    noms = [type(p).__name__ for p in ecran.pages]
    assert "PageComptes" in noms and "PageCentre" in noms
    ecran.notebook.select(next(p for p in ecran.pages if type(p).__name__ == "PageComptes"))
    app.racine.update()
    assert type(ecran.notebook.nametowidget(ecran.notebook.select())).__name__ == "PageComptes"


def test_rafraichir_seulement_les_onglets_construits(app, construits) -> None:
    ecran = app.aller("parametres")
    app.racine.update()
    centre = ecran.notebook.nametowidget(ecran.notebook.select())
    centre.nom.var.set("effacé à l'écran")
    app.aller("personnes")
    app.aller("parametres")  # a return visit refreshes the built tab, builds no other
    app.racine.update()
    assert construits == ["Centre"]
    assert centre.nom.var.get() == app.services.centre.centre().nom


def test_au_clavier_ctrl_tab_construit_l_onglet_suivant(app, construits) -> None:
    ecran = app.aller("parametres")
    app.racine.update()
    ecran.notebook.focus_set()
    ecran.notebook.event_generate("<Control-Tab>")
    app.racine.update()
    assert construits == ["Centre", "Financeurs"]
    choisi = ecran.notebook.nametowidget(ecran.notebook.select())
    assert type(choisi).__name__ == "PageFinanceurs"


def test_taille_des_sauvegardes_lisible(tmp_path) -> None:
    """A folder set aside by a restore shows what it holds, not the 4 Ko of its own entry."""
    from atelier_app.gui.onglets_parametres.sauvegardes import taille_lisible

    (tmp_path / "s.zip").write_bytes(b"x" * 3000)
    mis_de_cote = tmp_path / "avant-restauration"
    (mis_de_cote / "personnes").mkdir(parents=True)
    (mis_de_cote / "personnes" / "2026-01.json").write_bytes(b"x" * (5 * 1024 * 1024 + 512 * 1024))
    assert taille_lisible(tmp_path / "s.zip") == "3 Ko"
    assert taille_lisible(mis_de_cote) == "5,5 Mo"
    assert taille_lisible(tmp_path / "absent.zip") == "?"
