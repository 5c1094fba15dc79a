"""The activity's rhythm, a cycle's dates and a group's level, slot and size, edited on screen."""

from __future__ import annotations

from datetime import date

import pytest

from atelier_app.domain.activites import Creneau
from atelier_app.errors import UserError
from atelier_app.gui.dialogues_cycles import DialogueCycle, DialogueGroupe, DialogueRythme, lire_creneaux


def test_lire_creneaux() -> None:
    assert lire_creneaux("mercredi 17:00\n\n Samedi 10h\n", 120) == (
        Creneau("mercredi", "17:00", 120), Creneau("samedi", "10:00", 120))
    with pytest.raises(UserError, match="ligne 2"):
        lire_creneaux("jeudi 9:00\nmerc 17:00", 90)
    with pytest.raises(UserError, match="heure invalide"):
        lire_creneaux("jeudi 25:00", 90)


def _rythme(app, creneaux: str | None = None, **champs: str) -> DialogueRythme:
    """Fill the rhythm dialog of SÉNOU and validate it, as a user would."""
    d = DialogueRythme(app, app.services.centre.activite("senou"))
    for nom, valeur in champs.items():
        getattr(d, nom).var.set(valeur)
    if creneaux is not None:
        d.creneaux.delete("1.0", "end")
        d.creneaux.insert("1.0", creneaux)
    d.valider()
    return d


@pytest.mark.gui
def test_rythme_de_l_activite(app) -> None:
    s = app.services
    _rythme(app, nb_groupes="3", cap_max="7", creneaux="jeudi 9:00\njeudi 10:45\nmardi 14h")
    a = s.centre.activite("senou")
    assert (a.nb_groupes, a.capacite_max) == (3, 7)
    assert [c.jour for c in a.creneaux] == ["jeudi", "jeudi", "mardi"] and a.creneaux[2].duree == a.duree_seance
    _c, groupes = s.activites.nouveau_cycle("senou")
    assert len(groupes) == 3 and groupes[2].creneau.jour == "mardi" and groupes[0].capacite == 7


@pytest.mark.gui
def test_places_impossibles_refusees(app) -> None:
    s = app.services
    d = _rythme(app, cap_min="8", cap_max="4")
    assert d.winfo_exists() and app.messages[-1][0] == "erreur"
    assert s.centre.activite("senou").capacite_max != 4
    d.fermer()


@pytest.mark.gui
def test_cycle_et_groupe(app) -> None:
    s = app.services
    c, groupes = s.activites.nouveau_cycle("initiation", debut=date(2027, 1, 4))
    d = DialogueCycle(app, c)
    d.nom.var.set("Initiation hiver 2027")
    d.fin.entry.delete(0, "end")
    d.fin.entry.insert(0, "31/03/2027")
    d.valider()
    c2 = s.activites.cycle(c.id)
    assert c2.nom == "Initiation hiver 2027" and c2.fin == date(2027, 3, 31)

    g = DialogueGroupe(app, groupes[0])
    g.niveau.set("À rassurer")
    g.jour.set("Mardi")
    g.heure.var.set("9h30")
    g.capacite.var.set("6")
    g.valider()
    g2 = s.activites.groupe(groupes[0].id)
    assert g2.niveau == "a_rassurer" and g2.creneau == Creneau("mardi", "09:30", groupes[0].creneau.duree)
    assert g2.capacite == 6

    n = len(s.activites.groupes(c.id))
    nouveau = s.activites.ajouter_groupe(c.id)
    assert len(s.activites.groupes(c.id)) == n + 1 and nouveau.capacite == s.centre.activite("initiation").capacite_max


@pytest.mark.gui
def test_boutons_de_l_onglet(app, monkeypatch) -> None:
    from atelier_app.gui import dialogues_cycles

    ouverts = []
    monkeypatch.setattr(dialogues_cycles.Modale, "montrer", lambda self, *a, **k: ouverts.append(type(self).__name__))
    s = app.services
    s.activites.nouveau_cycle("senou")
    ecran = app.aller("activites")
    app.racine.update()
    ecran.rythme()
    onglet = ecran.groupes
    onglet.choisir("senou")
    app.racine.update()
    onglet.modifier_cycle()
    onglet.modifier_groupe()
    avant = len(onglet.groupes.get_children())
    onglet.ajouter_groupe()
    assert len(onglet.groupes.get_children()) == avant + 1
    assert ouverts == ["DialogueRythme", "DialogueCycle", "DialogueGroupe"]
