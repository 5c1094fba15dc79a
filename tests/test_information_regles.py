"""The proposed notice (GDPR articles 13-14) and record of processing (article 30), text by text.

Why pinned word for word where the text is built from the centre's data, and by the sentence that
answers each article item elsewhere: the centre prints these texts and owes them to people; a
section that loses its legal basis, a right or the CNIL's address must fail a test, and
``docs/rgpd-checklist.md`` says which section answers which item.
"""

from __future__ import annotations

import pytest

from atelier_app.domain import information
from atelier_app.domain.information import Situation, duree_annees, notice, registre

TILLEULS = Situation(nom="CS Les Tilleuls", adresse="3 rue des Écoles, 59000 Lille", telephone="03 20 00 00 00",
                     email="accueil@tilleuls.fr", retention_annees=3, partenaires=("Service Animations de la ville",))
NU = Situation(nom="CS")

TITRES_NOTICE = [
    "Qui est responsable de vos données ?", "Délégué à la protection des données",
    "Pourquoi ces données, et sur quelle base ?", "Qui reçoit vos données ?", "D'où viennent vos données ?",
    "Transferts hors de l'Union européenne", "Combien de temps ?", "Ce qui est effacé, ce qui reste",
    "Données obligatoires ou facultatives", "Enfants et adolescents", "Vos droits", "Décision automatisée",
    "Réclamation"]
TITRES_REGISTRE = [
    "Responsable du traitement", "Délégué à la protection des données",
    "Traitement 1 — Inscriptions, groupes et présences", "Traitement 2 — Accompagnements individuels",
    "Traitement 3 — Repair café et projets", "Traitement 4 — Comptes de l'équipe", "Traitement 5 — Journal des accès",
    "Sources des données", "Sous-traitants", "Transferts hors UE", "Sauvegardes", "Mesures de sécurité"]

PAS_DE_DPO = ("Le centre n'a pas désigné de délégué à la protection des données (il n'y est pas tenu). "
              "Pour toute question sur vos données, adressez-vous à l'accueil du centre ou accueil@tilleuls.fr.")
PARTENAIRES = ("Les partenaires qui co-organisent une activité (Service Animations de la ville) reçoivent la liste "
               "des participants de cette activité seulement (nom, prénom, présences).")


@pytest.mark.parametrize(("n", "texte"), [(0, "0 ans"), (1, "1 an"), (2, "2 ans"), (3, "3 ans"), (10, "10 ans")])
def test_duree_en_annees(n: int, texte: str) -> None:
    assert duree_annees(n) == texte


def test_responsable_et_contact() -> None:
    assert TILLEULS.responsable == ("CS Les Tilleuls, 3 rue des Écoles, 59000 Lille "
                                    "(03 20 00 00 00 — accueil@tilleuls.fr)")
    assert NU.responsable == "CS" and NU.contact == "l'accueil du centre"
    assert Situation(nom="CS", email="a@b.fr").responsable == "CS (a@b.fr)"
    assert TILLEULS.contact == "l'accueil du centre ou accueil@tilleuls.fr"


def test_titres_dans_l_ordre() -> None:
    assert [t for t, _ in notice(TILLEULS)] == TITRES_NOTICE
    assert [t for t, _ in registre(TILLEULS)] == TITRES_REGISTRE


def test_chaque_point_des_articles_a_sa_section_non_vide() -> None:
    n, r = dict(notice(NU)), dict(registre(NU))
    assert set(information.ARTICLE_13.values()) <= set(TITRES_NOTICE)
    assert set(information.ARTICLE_30.values()) <= set(TITRES_REGISTRE)
    assert all(n[t].strip() for t in TITRES_NOTICE) and all(r[t].strip() for t in TITRES_REGISTRE)


def test_delegue() -> None:
    assert dict(notice(TILLEULS))["Délégué à la protection des données"] == PAS_DE_DPO
    assert dict(registre(TILLEULS))["Délégué à la protection des données"] == PAS_DE_DPO
    avec = Situation(nom="CS", dpo="  Maître Dupont, dpo@exemple.fr ")
    assert dict(notice(avec))["Délégué à la protection des données"] == (
        "Délégué à la protection des données : Maître Dupont, dpo@exemple.fr.")
    assert dict(notice(Situation(nom="CS", dpo="   ")))["Délégué à la protection des données"].startswith(
        "Le centre n'a pas désigné de délégué")


def test_responsable() -> None:
    assert dict(notice(TILLEULS))["Qui est responsable de vos données ?"] == (
        "Le responsable du traitement est CS Les Tilleuls, 3 rue des Écoles, 59000 Lille "
        "(03 20 00 00 00 — accueil@tilleuls.fr).")
    assert dict(registre(TILLEULS))["Responsable du traitement"] == TILLEULS.responsable


def test_destinataires_avec_ou_sans_partenaire_nomme() -> None:
    assert dict(notice(TILLEULS))["Qui reçoit vos données ?"] == (
        "L'équipe d'animation et la direction du centre. Les bénévoles voient seulement les noms et prénoms des "
        "participants du jour. " + PARTENAIRES + " Les financeurs ne reçoivent que des chiffres sans nom. "
        "Aucun prestataire n'a accès aux données : elles restent sur l'ordinateur du centre et sur ses "
        "sauvegardes chiffrées.")
    plusieurs = Situation(nom="CS", partenaires=("CCAS de Lille", "Médiathèque"))
    assert "(CCAS de Lille, Médiathèque) reçoivent" in dict(notice(plusieurs))["Qui reçoit vos données ?"]
    assert ("Les partenaires qui co-organisent une activité (le service de la ville qui co-organise une activité) "
            "reçoivent") in dict(notice(NU))["Qui reçoit vos données ?"]


def test_conservation() -> None:
    assert dict(notice(TILLEULS))["Combien de temps ?"] == (
        "Vos données sont conservées 3 ans après votre dernière venue, puis anonymisées. Les sauvegardes "
        "automatiques du centre gardent une copie des données au plus 12 mois ; une donnée effacée disparaît donc "
        "de toutes les copies au plus tard 12 mois après, et si une sauvegarde plus ancienne est remise en place, "
        "les effacements sont appliqués de nouveau. Le journal des accès (qui a consulté, exporté ou effacé) est "
        "gardé 12 mois et ne contient que des numéros, pas de noms.")
    un_an = dict(notice(Situation(nom="CS", retention_annees=1)))["Combien de temps ?"]
    assert un_an.startswith("Vos données sont conservées 1 an après votre dernière venue")


def test_effacement_regle_par_regle() -> None:
    texte = dict(notice(NU))["Ce qui est effacé, ce qui reste"]
    debut, *lignes = texte.split("\n")
    assert debut == ("Quand vous demandez l'effacement, ou à la fin de la durée de conservation, ce qui vous "
                     "identifie est effacé et seuls restent des chiffres sans nom :")
    assert len(lignes) == 8
    assert lignes[3] == ("Positionnements : effacé — réponses au questionnaire, score, disponibilités ; "
                         "gardé — niveau et moment (entrée ou sortie).")
    assert lignes[7] == "Annulations de fusion : effacé — copie des fiches avant la fusion ; gardé — rien."


#: The sections of the notice written once for every centre, word for word (only the contact varies).
NOTICE = {
    "Pourquoi ces données, et sur quelle base ?":
        "Exécution de votre inscription (article 6.1.b du RGPD) : organiser les ateliers auxquels vous vous "
        "inscrivez — pré-liste et liste d'attente, groupes, présences, réparations et projets, accompagnements "
        "individuels. Sans ces données, nous ne pouvons pas vous inscrire.\n"
        "Intérêt légitime du centre (article 6.1.f) : produire les statistiques sans nom que nos financeurs "
        "exigent (CAF, collectivités) et garder la trace des accès pour protéger vos données.\n"
        "Votre consentement (article 6.1.a) : droit à l'image, photos, envoi de SMS ; vous pouvez le retirer à "
        "tout moment, sans conséquence sur votre inscription.\n"
        "Les thèmes d'une aide individuelle (par exemple santé, justice, papiers d'étrangers) peuvent révéler des "
        "informations sensibles : ils ne sont notés qu'avec votre accord explicite (article 9.2.a) et ne "
        "sortent du centre qu'en chiffres sans nom.",
    "D'où viennent vos données ?":
        "De vous, ou de la personne qui vous a orienté vers nous avec votre accord : le CCAS, la mairie ou un "
        "service de la ville (son nom est noté comme origine de la demande).",
    "Transferts hors de l'Union européenne": "Aucun.",
    "Données obligatoires ou facultatives":
        "Obligatoires : nom et prénom ; sans eux, nous ne pouvons pas vous inscrire. L'année de naissance est "
        "demandée pour les activités réservées à un âge (sans elle, nous ne pouvons pas vérifier l'accès). "
        "Tout le reste est facultatif : sans téléphone ni e-mail, nous ne pourrons pas vous prévenir d'un "
        "changement ou d'une place libérée ; genre, situation et commune servent seulement aux statistiques.",
    "Enfants et adolescents":
        "Un mineur est inscrit par son responsable légal, dont le nom et le téléphone sont notés. Avant 15 ans, "
        "le droit à l'image et les autres consentements sont donnés par le responsable légal ; à partir de "
        "15 ans, le jeune peut consentir lui-même et exercer ses droits, seul ou avec son responsable légal.",
    "Vos droits":
        "Vous pouvez consulter vos données et en recevoir une copie, les corriger, les faire effacer, en "
        "limiter l'usage, vous opposer à leur utilisation, les récupérer dans un format lisible (portabilité) "
        "et retirer un consentement à tout moment. Vous pouvez aussi donner des directives sur le sort de vos "
        "données après votre décès. Adressez-vous à l'accueil du centre ou accueil@tilleuls.fr ; nous répondons "
        "dans un délai d'un mois (prolongeable de deux mois pour une demande complexe, en vous prévenant).",
    "Décision automatisée":
        "Aucune. Le questionnaire de positionnement propose un niveau ; c'est un animateur qui décide du groupe.",
    "Réclamation":
        "Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL "
        "(www.cnil.fr, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07).",
}


@pytest.mark.parametrize("titre", list(NOTICE))
def test_notice_section(titre: str) -> None:
    assert dict(notice(TILLEULS))[titre] == NOTICE[titre]


def test_droits_ou_s_adresser() -> None:
    assert "Adressez-vous à l'accueil du centre ; nous répondons" in dict(notice(NU))["Vos droits"]


def test_un_traitement_a_ses_six_rubriques() -> None:
    """Writing a processing with one item missing is a mistake of the code, not a shorter entry."""
    with pytest.raises(ValueError):
        information._traitement("finalité", "base", "personnes", "données", "destinataires")


def _rubriques(texte: str) -> dict[str, str]:
    lignes = texte.split("\n")
    assert [lg.split(" : ", 1)[0] for lg in lignes] == [
        "Finalité", "Base légale", "Personnes concernées", "Données", "Destinataires", "Durée de conservation"]
    return dict(lg.split(" : ", 1) for lg in lignes)


def test_registre_traitement_1() -> None:
    r = _rubriques(dict(registre(TILLEULS))["Traitement 1 — Inscriptions, groupes et présences"])
    assert r == {
        "Finalité": "inscrire aux ateliers, tenir la pré-liste, les groupes, les présences ; positionnement de niveau",
        "Base légale": "exécution de l'inscription (6.1.b) ; consentement pour le droit à l'image (6.1.a)",
        "Personnes concernées": "participants, dont mineurs, et leur responsable légal",
        "Données": "identité, année de naissance, genre, situation, adresse, commune, téléphone, e-mail, responsable "
                   "légal, présences, niveau, consentements ; notes en texte libre (consigne : rien de sensible)",
        "Destinataires": "équipe et direction ; bénévoles (noms du jour) ; " + "l" + PARTENAIRES[1:],
        "Durée de conservation": "3 ans après la dernière activité, puis anonymisation",
    }


def test_registre_traitement_2() -> None:
    r = _rubriques(dict(registre(Situation(nom="CS", retention_annees=1)))["Traitement 2 — Accompagnements individuels"])
    assert r == {
        "Finalité": "aider une personne dans une démarche et compter la demande pour les financeurs",
        "Base légale": "exécution de la demande (6.1.b) ; consentement explicite (9.2.a) pour les thèmes sensibles",
        "Personnes concernées": "personnes accueillies au point numérique (souvent sans fiche)",
        "Données": "date, durée, thèmes (dont santé et justice : données sensibles), suite donnée, tranche d'âge, "
                   "genre, situation, commune ; notes en texte libre",
        "Destinataires": "équipe et direction ; financeurs : chiffres sans nom",
        "Durée de conservation": "1 an après la dernière activité, puis anonymisation",
    }


def test_registre_traitements_3_a_5() -> None:
    s = dict(registre(TILLEULS))
    assert _rubriques(s["Traitement 3 — Repair café et projets"]) == {
        "Finalité": "suivre les réparations et projets, transmettre des chiffres à l'Open Repair Alliance (sans nom)",
        "Base légale": "exécution de la demande (6.1.b)",
        "Personnes concernées": "participants au repair café",
        "Données": "objet, marque, problème décrit, visites et notes, état",
        "Destinataires": "équipe ; ORDS : données sans nom",
        "Durée de conservation": "3 ans après la dernière activité, puis anonymisation",
    }
    assert _rubriques(s["Traitement 4 — Comptes de l'équipe"]) == {
        "Finalité": "réserver l'accès aux données aux personnes autorisées",
        "Base légale": "intérêt légitime (6.1.f) : sécurité",
        "Personnes concernées": "salariés et bénévoles du centre",
        "Données": "identifiant, rôle, empreinte du mot de passe (argon2id), essais de connexion",
        "Destinataires": "direction",
        "Durée de conservation": "jusqu'à la suppression du compte",
    }
    assert _rubriques(s["Traitement 5 — Journal des accès"]) == {
        "Finalité": "tracer connexions, exports, impressions, fusions et effacements",
        "Base légale": "intérêt légitime (6.1.f) : sécurité et preuve du respect des droits",
        "Personnes concernées": "équipe et personnes inscrites",
        "Données": "date, compte, action, numéros des fiches (jamais de nom)",
        "Destinataires": "direction",
        "Durée de conservation": "12 mois",
    }


def test_registre_fin() -> None:
    s = dict(registre(TILLEULS))
    assert s["Sources des données"] == ("la personne elle-même ; les prescripteurs (CCAS, mairie, service de la "
                                        "ville) avec son accord")
    assert s["Sous-traitants"] == ("aucun : logiciel installé sur le poste du centre, sans hébergement extérieur ; "
                                   "à compléter si un prestataire assure la maintenance du poste")
    assert s["Transferts hors UE"] == "aucun"
    assert s["Sauvegardes"] == ("copies automatiques gardées au plus 12 mois ; copies hors du poste chiffrées "
                                "(AES-256) ; les effacements sont réappliqués après une restauration")
    assert s["Mesures de sécurité"] == (
        "comptes nominatifs et rôles, mots de passe selon la recommandation CNIL 2022 (empreinte argon2id), "
        "blocage après 5 essais, verrouillage après inactivité, journal des accès, sauvegardes chiffrées hors du "
        "poste, anonymisation à l'échéance")
