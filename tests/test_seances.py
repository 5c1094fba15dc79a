"""SeancesService: calendar of a group, move/cancel/add, programme, the home-screen summary."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from atelier_app.domain.activites import Creneau, Cycle, Groupe
from atelier_app.domain.centre import Parametres
from atelier_app.domain.personnes import Personne
from atelier_app.domain.roles import Role
from atelier_app.errors import AccesRefuse, UserError
from atelier_app.services.contexte import Utilisateur

MERCREDI = Creneau("mercredi", "17:00", 120)


def creer_groupe(services, *, n: int = 9, debut: date = date(2025, 9, 1), liste_attente: int = 0,
                 capacite: int = 9, activite: str = "initiation", nb_seances: int = 10) -> Groupe:
    """A cycle and a group of ``n`` people (the groups' own services belong to another area)."""
    personnes = [Personne(id=f"p{i}", nom=f"Nom{i}", prenom=f"Prénom{i}", annee_naissance=1950 + i,
                          genre="femme" if i % 2 else "homme", commune="Lille", code_postal="59000",
                          telephone=f"06 00 00 00 0{i % 10}", email=f"p{i}@exemple.fr",
                          adresse=f"{i} rue des Roses", cree_le=debut)
                 for i in range(n + liste_attente)]
    cycle = Cycle(id=f"c-{activite}", activite=activite, nom="Automne", debut=debut)
    g = Groupe(id=f"g-{activite}", cycle=cycle.id, nom="Mercredi débutants", capacite=capacite, creneau=MERCREDI,
               nb_seances=nb_seances, inscrits=tuple(p.id for p in personnes[:n]),
               liste_attente=tuple(p.id for p in personnes[n:]))
    with services.depot.transaction("test") as tx:
        tx.put_many(personnes)
        tx.put(cycle)
        tx.put(g)
    return g


def test_generer_sans_vacances(centre) -> None:
    g = creer_groupe(centre)
    cal = centre.seances.generer(g.id)
    seances = centre.seances.seances_du_groupe(g.id)
    assert len(seances) == 10 == len(cal.dates)
    assert all(s.date.weekday() == 2 and s.debut == "17:00" and s.duree == 120 for s in seances)
    assert date(2025, 10, 22) not in [s.date for s in seances]   # Toussaint, zone A


def test_generer_prerempli_depuis_programme(centre) -> None:
    g = creer_groupe(centre)
    centre.seances.modifier_programme("initiation", [("Clavier et souris", ("prendre_en_main_du_materiel",)),
                                                     ("Brancher son matériel", ()), ("", ())])
    centre.seances.generer(g.id)
    seances = centre.seances.seances_du_groupe(g.id)
    assert seances[0].contenu == "Clavier et souris"
    assert seances[0].thematiques == ("prendre_en_main_du_materiel",)
    assert seances[1].contenu == "Brancher son matériel"
    assert seances[2].contenu == ""
    assert len(centre.centre.activite("initiation").programme) == 2


def test_programme_theme_inconnu(centre) -> None:
    with pytest.raises(UserError) as e:
        centre.seances.modifier_programme("initiation", [("x", ("pas_un_code",))])
    assert "pas_un_code" in e.value.texte()


def test_regenerer_garde_le_fait(centre) -> None:
    g = creer_groupe(centre)
    centre.seances.generer(g.id)
    s0, s1 = centre.seances.seances_du_groupe(g.id)[:2]
    centre.ctx.aujourd_hui = lambda: s0.date
    centre.presences.enregistrer(s0.id, dict.fromkeys(g.inscrits, "present"))
    centre.seances.annuler(s1.id, "Animateur malade")
    centre.seances.generer(g.id)
    apres = centre.seances.seances_du_groupe(g.id)
    assert len([s for s in apres if s.etat != "annulee"]) == 10
    assert apres[0].id == s0.id and apres[0].appel_fait
    assert any(s.id == s1.id and s.motif_annulation == "Animateur malade" for s in apres)


def test_deplacer_annuler_ajouter(centre) -> None:
    g = creer_groupe(centre)
    centre.seances.generer(g.id)
    s = centre.seances.seances_du_groupe(g.id)[0]
    n, avert = centre.seances.deplacer(s.id, date(2025, 11, 11))
    assert n.date == date(2025, 11, 11) and "férié" in avert
    n, avert = centre.seances.deplacer(s.id, date(2026, 1, 7), "14:00")
    assert avert == "" and centre.seances.seance(s.id).debut == "14:00"
    with pytest.raises(UserError, match="motif"):
        centre.seances.annuler(s.id, "  ")
    a = centre.seances.annuler(s.id, "Panne de réseau")
    assert a.etat == "annulee" and a.heures == 0
    ajout = centre.seances.ajouter(g.id, date(2026, 6, 3))
    assert ajout.debut == "17:00" and len(centre.seances.seances_du_groupe(g.id)) == 11


def test_aujourdhui(centre) -> None:
    g = creer_groupe(centre, n=8, liste_attente=2)
    centre.seances.generer(g.id)
    s = centre.seances.seances_du_groupe(g.id)
    centre.ctx.aujourd_hui = lambda: s[0].date
    centre.presences.enregistrer(s[0].id, {**dict.fromkeys(g.inscrits, "present"), "p3": "absent"})
    centre.ctx.aujourd_hui = lambda: s[1].date
    centre.presences.enregistrer(s[1].id, {**dict.fromkeys(g.inscrits, "present"), "p3": "absent"})
    centre.ctx.aujourd_hui = lambda: s[3].date
    r = centre.seances.aujourdhui()
    assert [x.seance.id for x in r.seances] == [s[3].id]
    assert [x.seance.id for x in r.oublies] == [s[2].id]
    assert [(x.personne, x.absences) for x in r.rappeler] == [("p3", 2)]
    assert r.rappeler[0].telephone == "06 00 00 00 03"
    assert [(p.groupe_id, p.places, p.en_attente) for p in r.places] == [(g.id, 1, 2)]


def test_benevole(centre) -> None:
    g = creer_groupe(centre)
    centre.seances.generer(g.id)
    s = centre.seances.seances_du_groupe(g.id)
    centre.ctx.aujourd_hui = lambda: s[2].date
    centre.ctx.utilisateur = Utilisateur("Marie", Role.BENEVOLE)
    r = centre.seances.aujourdhui()
    assert r.benevole and len(r.seances) == 1 and r.oublies == [] and r.rappeler == []
    with pytest.raises(AccesRefuse):
        centre.seances.seances_du_jour(s[0].date)
    with pytest.raises(AccesRefuse):
        centre.seances.generer(g.id)


def test_mode_benevole_sans_comptes(centre) -> None:
    g = creer_groupe(centre)
    centre.seances.generer(g.id)
    centre.centre.enregistrer_parametres(replace(centre.centre.parametres(), mode_benevole=True))
    assert centre.seances.mode_benevole()
    with pytest.raises(AccesRefuse, match="mode bénévole"):
        centre.seances.seances_du_groupe(g.id)
    assert centre.seances.aujourdhui().benevole


def test_fin_des_donnees_et_vacances_manuelles(centre) -> None:
    g = creer_groupe(centre, debut=date(2028, 9, 4))
    cal = centre.seances.generer(g.id)
    assert "à la main" in cal.avertissement
    from atelier_app.domain.centre import PeriodeVacances

    p = Parametres(vacances_manuelles=(PeriodeVacances(date(2028, 10, 21), date(2028, 11, 5), "Toussaint"),
                                       PeriodeVacances(date(2028, 12, 23), date(2029, 1, 7), "Noël")))
    centre.centre.enregistrer_parametres(p)
    cal = centre.seances.generer(g.id)
    assert cal.avertissement == ""
    assert not any(date(2028, 10, 21) <= d <= date(2028, 11, 5) for d in cal.dates)


def test_groupe_sans_creneau(centre) -> None:
    g = creer_groupe(centre, activite="accompagnement")
    with centre.depot.transaction("t") as tx:
        tx.put(replace(g, creneau=None))
    with pytest.raises(UserError, match="créneau"):
        centre.seances.generer(g.id)


def test_seance_deplacee_le_dit(centre) -> None:
    """A catch-up session on another day than the group's slot says so on Aujourd'hui."""
    g = creer_groupe(centre)
    centre.seances.generer(g.id)
    habituelle = centre.seances.seances_du_groupe(g.id)[0]
    centre.ctx.aujourd_hui = lambda: habituelle.date
    assert "exceptionnellement" not in centre.seances.aujourdhui().seances[0].libelle
    autre = habituelle.date + timedelta(days=1)
    centre.seances.ajouter(g.id, autre)
    centre.ctx.aujourd_hui = lambda: autre
    ligne = centre.seances.aujourdhui().seances[0]
    jour = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")[autre.weekday()]
    assert ligne.libelle.endswith(f" — exceptionnellement ce {jour}")
    assert ligne.jour_habituel == g.creneau.jour != jour
