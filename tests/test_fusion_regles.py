"""The rules of a merge, one by one (``domain/fusion.py``): what the merged record keeps, which
mark and which pre-list entry win, and what the user is warned about."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime

import pytest

from atelier_app.domain.fusion import (
    CHAMPS,
    IDENTITE,
    AnnulationFusion,
    alertes,
    differences,
    personne_fusionnee,
    preliste_fusionnee,
    presences_fusionnees,
    valeur_lisible,
)
from atelier_app.domain.personnes import Consentement, Personne
from atelier_app.domain.preliste import ChangementEtat, EntreePreliste
from atelier_app.domain.seances import Presence, Seance

J1, J2, J3 = date(2025, 9, 1), date(2025, 9, 2), date(2025, 9, 3)


def _p(**kw) -> Personne:
    return Personne(**{"id": "pa", "nom": "Charrier", "prenom": "Alain", "cree_le": date(2024, 1, 1), **kw})


def test_champs_de_la_fiche() -> None:
    champs_personne = {f.name for f in fields(Personne)}
    assert {c for c, _ in CHAMPS} == champs_personne - {"id", "consentements", "anonymise", "extra"}
    assert dict(CHAMPS)["statut_social"] == "Situation" and dict(CHAMPS)["cree_le"] == "Fiche créée le"
    assert IDENTITE == ("prenom", "genre", "annee_naissance", "commune")


@pytest.mark.parametrize(("champ", "valeur", "texte"), [
    ("genre", "feminin", "Féminin"), ("genre", "non_communique", "Non communiqué"), ("genre", "autre", "autre"),
    ("statut_social", "retraite", "Retraité"), ("statut_social", "x", "x"),
    ("droit_image", True, "Oui"), ("droit_image", False, "Non"),
    ("cree_le", date(2024, 3, 5), "05/03/2024"), ("annee_naissance", 1950, "1950"),
    ("annee_naissance", None, ""), ("commune", "Lille", "Lille"), ("commune", "", ""),
])
def test_valeur_lisible(champ: str, valeur: object, texte: str) -> None:
    assert valeur_lisible(champ, valeur) == texte


def test_differences_dans_l_ordre_de_la_fiche() -> None:
    a = _p(annee_naissance=1950, telephone="0601")
    b = _p(id="pb", nom="CHARRIER", prenom="alain ", annee_naissance=1951, email="a@b.fr", droit_image=True,
           cree_le=date(2020, 1, 1))
    assert differences(a, b) == ["annee_naissance", "telephone", "email", "droit_image"]
    assert differences(a, a) == []


def test_differences_accents_et_casse_ignores() -> None:
    assert differences(_p(prenom="Céline", commune="Villeneuve-d'Ascq"),
                       _p(prenom="CELINE", commune="villeneuve d ascq")) == []
    assert differences(_p(notes="a"), _p(notes="b")) == ["notes"]


def test_texte_et_nombre_compares_tels_quels() -> None:
    """Only two texts are compared without accents and case; a year typed as text by an old import is
    shown as a difference, not an error."""
    assert differences(_p(annee_naissance=1950), _p(annee_naissance="1950")) == ["annee_naissance"]
    assert differences(_p(annee_naissance="1950"), _p(annee_naissance=1950)) == ["annee_naissance"]


def test_alertes_quand_l_identite_differe_des_deux_cotes() -> None:
    a = _p(annee_naissance=1950, genre="masculin", commune="Lille")
    b = _p(prenom="Céline", annee_naissance=1962, genre="feminin", commune="Roubaix", telephone="06")
    assert alertes(a, b) == [
        "Prénom : « Alain » sur l'une, « Céline » sur l'autre",
        "Genre : « Masculin » sur l'une, « Féminin » sur l'autre",
        "Année de naissance : « 1950 » sur l'une, « 1962 » sur l'autre",
        "Commune : « Lille » sur l'une, « Roubaix » sur l'autre",
    ]


def test_pas_d_alerte_pour_un_champ_vide_ou_pareil() -> None:
    a = _p(annee_naissance=1950, genre="masculin", commune="Lille")
    assert alertes(a, _p(prenom="ALAIN", genre="non_communique", commune="")) == []
    assert alertes(_p(genre="non_communique", statut_social="retraite"), a) == []
    assert alertes(_p(genre="", annee_naissance=None), a) == []
    assert alertes(_p(commune="lille"), _p(commune="Lille ")) == []
    assert alertes(_p(prenom="Alain", telephone="01"), _p(prenom="Alain", telephone="02")) == []


def test_un_champ_rempli_gagne_sur_un_vide() -> None:
    garder = _p(annee_naissance=None, genre="non_communique", statut_social="", telephone="", droit_image=False,
                commune="Lille")
    retirer = _p(id="pb", nom="Autre", prenom="Alain", annee_naissance=1950, genre="masculin",
                 statut_social="retraite", telephone="0601", droit_image=True, commune="Roubaix", email="",
                 cree_le=date(2025, 1, 1))
    f = personne_fusionnee(garder, retirer)
    assert (f.id, f.nom, f.commune) == ("pa", "Charrier", "Lille")
    assert (f.annee_naissance, f.genre, f.statut_social, f.telephone, f.droit_image) == (
        1950, "masculin", "retraite", "0601", True)
    assert f.email == "" and f.cree_le == date(2024, 1, 1)


def test_un_non_communique_ne_remplace_rien() -> None:
    f = personne_fusionnee(_p(genre="", statut_social=""), _p(id="pb", genre="non_communique",
                                                             statut_social="non_communique"))
    assert (f.genre, f.statut_social) == ("", "")


def test_notes_consentements_date_et_extra_reunis() -> None:
    photos, sms = Consentement("photos", date(2024, 1, 2)), Consentement("sms", date(2024, 2, 3))
    garder = _p(notes="", consentements=(photos,), cree_le=date(2024, 6, 1), extra={"a": 1, "b": 1})
    retirer = _p(id="pb", notes="aime le thé", consentements=(photos, sms), cree_le=date(2023, 5, 1),
                 extra={"b": 2, "c": 2})
    f = personne_fusionnee(garder, retirer)
    assert f.notes == "aime le thé"
    assert f.consentements == (photos, sms)
    assert f.cree_le == date(2023, 5, 1)
    assert f.extra == {"a": 1, "b": 1, "c": 2}
    assert personne_fusionnee(_p(notes="un"), _p(id="pb", notes="deux")).notes == "un\ndeux"
    assert personne_fusionnee(_p(notes="un"), _p(id="pb")).notes == "un"


def _seance(*presences: Presence) -> Seance:
    return Seance(id="s1", groupe="g1", date=J1, presences=presences)


@pytest.mark.parametrize(("sa", "sb", "gagnant"), [
    ("present", "absent", "present"), ("absent", "present", "present"), ("retard", "present", "present"),
    ("absent", "retard", "retard"), ("excuse", "retard", "retard"), ("absent", "excuse", "excuse"),
    ("excuse", "absent", "excuse"), ("bizarre", "absent", "absent"), ("absent", "bizarre", "absent"),
])
def test_la_meilleure_marque_gagne(sa: str, sb: str, gagnant: str) -> None:
    s = presences_fusionnees(_seance(Presence("pa", statut=sa), Presence("pb", statut=sb)), "pa", "pb")
    assert [(p.personne, p.statut) for p in s.presences] == [("pa", gagnant)]


def test_a_egalite_la_ligne_de_la_fiche_gardee() -> None:
    s = presences_fusionnees(_seance(Presence("pb", statut="present", commune="Roubaix"),
                                     Presence("pa", statut="present", commune="Lille")), "pa", "pb")
    assert s.presences == (Presence("pa", statut="present", commune="Roubaix"),)


def test_inscrit_si_l_une_des_deux_l_etait() -> None:
    s = presences_fusionnees(_seance(Presence("pa", statut="absent", inscrit=True),
                                     Presence("pb", statut="present", inscrit=False)), "pa", "pb")
    assert s.presences == (Presence("pa", statut="present", inscrit=True),)
    s = presences_fusionnees(_seance(Presence("pa", inscrit=False), Presence("pb", inscrit=False)), "pa", "pb")
    assert s.presences == (Presence("pa", inscrit=False),)


def test_les_autres_lignes_ne_bougent_pas() -> None:
    s = _seance(Presence("px", statut="absent"), Presence("pb", statut="retard"), Presence("py"))
    f = presences_fusionnees(s, "pa", "pb")
    assert f.presences == (Presence("px", statut="absent"), Presence("pa", statut="retard"), Presence("py"))
    assert (f.id, f.date) == ("s1", J1)
    assert presences_fusionnees(_seance(Presence("px")), "pa", "pb").presences == (Presence("px"),)


def _e(i: str, personne: str, etat: str, le: date, activite: str = "senou", **kw) -> EntreePreliste:
    return EntreePreliste(id=i, personne=personne, activite=activite, etat=etat, demande_le=le,
                          historique=(ChangementEtat(etat, le),), **kw)


def test_une_entree_par_activite_la_plus_avancee() -> None:
    entrees = [_e("e1", "pa", "invite", J1, notes="a"), _e("e2", "pb", "inscrit", J2, notes="b"),
               _e("e3", "pb", "a_inviter", J3, activite="initiation")]
    a_ecrire, a_supprimer = preliste_fusionnee(entrees, "pa")
    assert a_supprimer == ["e1"]
    assert [(e.id, e.personne, e.activite, e.etat) for e in a_ecrire] == [
        ("e2", "pa", "senou", "inscrit"), ("e3", "pa", "initiation", "a_inviter")]
    assert a_ecrire[0].historique == (ChangementEtat("invite", J1), ChangementEtat("inscrit", J2))
    assert a_ecrire[0].notes == "b\na" and a_ecrire[0].demande_le == J2  # the kept entry's notes first


@pytest.mark.parametrize(("etats", "gagnant"), [
    (("venu", "inscrit"), "inscrit"), (("invite", "venu"), "venu"), (("a_inviter", "invite"), "invite"),
    (("desiste", "a_inviter"), "a_inviter"), (("bizarre", "desiste"), "desiste"),
])
def test_ordre_du_parcours(etats: tuple[str, str], gagnant: str) -> None:
    entrees = [_e("e1", "pa", etats[0], J1), _e("e2", "pb", etats[1], J1)]
    [tete], [supprimee] = preliste_fusionnee(entrees, "pa")
    assert tete.etat == gagnant and supprimee == ("e1" if tete.id == "e2" else "e2")
    [tete2], _ = preliste_fusionnee(entrees[::-1], "pa")
    assert tete2.etat == gagnant


def test_a_etat_egal_la_demande_la_plus_ancienne_puis_le_numero() -> None:
    [tete], autres = preliste_fusionnee([_e("e2", "pb", "invite", J2), _e("e3", "pa", "invite", J1)], "pa")
    assert (tete.id, autres) == ("e3", ["e2"])
    [tete], autres = preliste_fusionnee([_e("e9", "pb", "invite", J1), _e("e1", "pa", "invite", J1)], "pa")
    assert (tete.id, autres) == ("e1", ["e9"])


def test_historique_sans_doublon_dans_l_ordre_des_dates() -> None:
    e1 = EntreePreliste(id="e1", personne="pa", activite="senou", etat="venu", demande_le=J1,
                        historique=(ChangementEtat("a_inviter", J1), ChangementEtat("venu", J3)))
    e2 = EntreePreliste(id="e2", personne="pb", activite="senou", etat="invite", demande_le=J1,
                        historique=(ChangementEtat("invite", J2), ChangementEtat("a_inviter", J1)))
    [tete], _ = preliste_fusionnee([e2, e1], "pa")
    assert tete.historique == (ChangementEtat("a_inviter", J1), ChangementEtat("invite", J2),
                               ChangementEtat("venu", J3))
    e3 = EntreePreliste(id="e3", personne="pb", activite="senou", etat="invite", demande_le=J1,
                        historique=(ChangementEtat("invite", J1),))
    [tete], _ = preliste_fusionnee([e3, e1], "pa")
    assert tete.historique == (ChangementEtat("a_inviter", J1), ChangementEtat("invite", J1),
                               ChangementEtat("venu", J3))


def test_notes_sans_doublon_et_reunion_reprise() -> None:
    entrees = [_e("e1", "pa", "inscrit", J1, notes="appeler"), _e("e2", "pb", "invite", J1, notes="appeler"),
               _e("e3", "pb", "a_inviter", J1, reunion=date(2025, 9, 20)),
               _e("e4", "pb", "desiste", J1, reunion=date(2025, 9, 27), notes="déménage")]
    [tete], a_supprimer = preliste_fusionnee(entrees, "pa")
    assert tete.notes == "appeler\ndéménage" and tete.reunion == date(2025, 9, 20)
    assert a_supprimer == ["e2", "e3", "e4"]
    [tete], _ = preliste_fusionnee([_e("e1", "pa", "inscrit", J1, reunion=date(2025, 10, 1)),
                                    _e("e2", "pb", "invite", J1, reunion=date(2025, 9, 20))], "pa")
    assert tete.reunion == date(2025, 10, 1)
    [tete], _ = preliste_fusionnee([_e("e1", "pa", "inscrit", J1), _e("e2", "pb", "invite", J1)], "pa")
    assert tete.reunion is None and tete.notes == ""


def test_rien_a_fusionner() -> None:
    assert preliste_fusionnee([], "pa") == ([], [])


def test_annulation_rangee_avec_le_noyau() -> None:
    a = AnnulationFusion(id="f1", le=datetime(2026, 12, 1, 10, 0), garder=_p(), retirer=_p(id="pb"))
    assert a.date_rangement() == date(2000, 1, 1)
    assert (AnnulationFusion.TABLE, AnnulationFusion.RANGEMENT, AnnulationFusion.CONSERVATION_JOURS) == (
        "annulations_fusion", "noyau", 90)
    assert (a.sauvegarde, a.seances, a.annulee) == ("", (), False)
