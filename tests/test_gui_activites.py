"""Activités et groupes under Xvfb: from the pre-list to a group by keys and buttons."""

from __future__ import annotations

from datetime import date

import pytest

from atelier_app.domain.personnes import Personne
from atelier_app.services.contexte import horloge_aujourd_hui

pytestmark = pytest.mark.gui


def _ecran(app):
    ecran = app.aller("activites")
    app.racine.update()
    return ecran


def test_de_la_preliste_au_groupe(app, monkeypatch):
    s = app.services
    amelie = s.personnes.ajouter(Personne(id="", nom="Durand", prenom="Amélie", annee_naissance=1955))
    ecran = _ecran(app)
    ecran.preliste.choisir("senou")
    ecran.carnet.select(ecran.preliste)
    app.racine.update()
    saisie = ecran.preliste.saisie
    saisie.focus_force()
    saisie.insert(0, "Durand")
    saisie.event_generate("<Return>")
    saisie.insert(0, "Leroy Paul")
    saisie.event_generate("<Return>")
    app.racine.update()
    assert not [m for m in app.messages if m[0] in ("erreur", "avertissement")], app.messages
    entrees = s.preliste.entrees("senou")
    assert len(entrees) == 2 and amelie.id in {e.personne for e in entrees}
    arbre = ecran.preliste.arbre
    premiere = next(e.id for e in entrees if e.personne == amelie.id)
    arbre.selection_set(premiere)
    arbre.focus_set()
    arbre.event_generate("<KeyPress-v>")
    app.racine.update()
    assert s.preliste.entree(premiere).etat == "venu"
    assert "Venu à la réunion (1)" in ecran.preliste.filtre.cget("values")

    groupes = ecran.groupes
    groupes.choisir("senou")
    ecran.carnet.select(groupes)
    from atelier_app.gui.dialogues_cycles import DialogueNouveauCycle

    # the « Nouveau cycle » dialog, saved as proposed (issue 15: no cycle is created without it)
    monkeypatch.setattr(DialogueNouveauCycle, "montrer", lambda self, *a, **k: (self.valider(), self.resultat)[1])
    groupes.nouveau_cycle()
    app.racine.update()
    gid = groupes.groupes.selection()[0]
    groupes.candidats.selection_set(premiere)
    groupes.candidats.focus_set()
    groupes.candidats.event_generate("<Return>")
    app.racine.update()
    assert s.activites.groupe(gid).inscrits == (amelie.id,)
    assert s.preliste.entree(premiere).etat == "inscrit"
    assert groupes.membres.get_children() == (amelie.id,)
    assert groupes.groupes.item(gid, "values")[2] == "1/6"

    ouverts = []
    monkeypatch.setattr("atelier_app.gui.activites_preliste.ouvrir", lambda c, *_a: ouverts.append(c))
    groupes.membres.selection_set(amelie.id)
    groupes.attestation()
    assert ouverts and ouverts[0].is_file()


def test_enregistrer_activite_et_reunion(app):
    ecran = _ecran(app)
    ecran.liste_act.selection_set("initiation")
    app.racine.update()
    ecran.reunion_date.entry.delete(0, "end")
    ecran.reunion_date.entry.insert(0, "14/09/2026")
    ecran.reunion_heure.var.set("14:00")
    ecran.reunion_lieu.var.set("Salle B")
    ecran.enregistrer()
    r = app.services.centre.activite("initiation").reunion
    assert (r.date, r.heure, r.lieu) == (date(2026, 9, 14), "14:00", "Salle B")
    ecran.reunion_heure.var.set("14h")
    ecran.enregistrer()
    assert app.messages[-1][0] == "erreur" and "heure invalide" in app.messages[-1][1]


def test_lettres_depuis_l_ecran(app, monkeypatch, tmp_path):
    monkeypatch.setenv("ATELIER_EXPORTS", str(tmp_path))
    monkeypatch.setattr("atelier_app.gui.activites_preliste.ouvrir", lambda _c, *_a: None)
    s = app.services
    s.preliste.ajouter("senou", Personne(id="", nom="Durand", prenom="Amélie", adresse="1 rue X", code_postal="59000",
                                         commune="Lille"))
    ecran = _ecran(app)
    ecran.preliste.choisir("senou")
    ecran.preliste.lettres()
    assert app.messages == [("erreur", app.messages[0][1])] and "réunion" in app.messages[0][1]
    from dataclasses import replace

    from atelier_app.domain.activites import Reunion
    s.activites.modifier(replace(s.centre.activite("senou"), reunion=Reunion(date(2026, 9, 3), "10:00", "Salle B")))
    fil = ecran.preliste.lettres()
    fil.join(20)
    for _ in range(40):
        app.racine.update()
        if str(ecran.preliste.bouton_lettres.cget("state")) == "normal":
            break
        app.racine.after(50)
    assert "1 lettre(s) écrite(s)" in app.messages[-1][1]
    assert [m for m in app.messages if m[0] == "erreur"] == [app.messages[0]], app.messages  # the missing date only
    assert s.preliste.comptes("senou")["invite"] == 1
    assert list(tmp_path.glob("lettres-senou-*.pdf"))


def test_onglet_parcours(app):
    from atelier_app.gui.onglets_personne import parcours

    s = app.services
    enfant = s.personnes.ajouter(Personne(id="", nom="Petit", prenom="Léo", annee_naissance=horloge_aujourd_hui().year - 9,
                                          responsable_legal="Anne Petit", telephone_responsable="0601020304",
                                          droit_image=True))
    s.preliste.ajouter("numerikids", enfant.id)
    _c, gs = s.activites.nouveau_cycle("numerikids")
    s.inscriptions.inscrire(gs[0].id, enfant.id)
    onglet = parcours.construire(app.racine, app, enfant)
    assert "Anne Petit" in onglet.mineur.cget("text") and "Droit à l'image : oui" in onglet.mineur.cget("text")
    assert onglet.groupes.item(gs[0].id, "values")[3] == "inscrit(e)"
    assert len(onglet.demandes.get_children()) == 1
    onglet.destroy()
