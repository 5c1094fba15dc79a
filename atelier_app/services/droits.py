"""Who may call which service method: the whole matrix, in one table.

Why a table beside the checks: each method still starts with ``ctx.exiger(...)`` (the rule holds
whoever calls), and this table says what each one requires, so the privacy rules can be read in one
place and ``tests/test_roles_matrice.py`` proves them: every public method of every service must be
listed here (a method added without a declared permission fails the build), every role without the
permission is refused, and what a volunteer may call returns no personal data and writes nothing
beyond the exceptions listed below with their reason.
"""

from __future__ import annotations

from atelier_app.domain.roles import Permission as P

#: Open to every role: the method returns no personal data and writes nothing.
LIBRE = "libre"

Droit = P | tuple[P, ...] | str

MATRICE: dict[str, dict[str, Droit]] = {
    "centre": {
        "activite": LIBRE, "activites": LIBRE, "centre": LIBRE, "chemin_logo": LIBRE, "parametres": LIBRE, "premier_lancement": LIBRE,
        "taille_texte": P.PARAMETRES,
        "enregistrer_centre": P.PARAMETRES, "enregistrer_parametres": P.PARAMETRES, "premier_demarrage": P.PARAMETRES,
    },
    "personnes": {
        "nombre": LIBRE,
        "personne": P.VOIR_PERSONNES, "rechercher": P.VOIR_PERSONNES, "doublon_de": P.VOIR_PERSONNES,
        "ajouter": P.MODIFIER_PERSONNES, "modifier": P.MODIFIER_PERSONNES, "fusionner": P.MODIFIER_PERSONNES,
        "annuler_fusion": P.MODIFIER_PERSONNES, "fusions_annulables": P.MODIFIER_PERSONNES,
        "preparer_import": P.IMPORTER, "appliquer_import": P.IMPORTER,
    },
    "donnees": {
        "est_vide": LIBRE, "sauvegarde_du_jour": LIBRE, "exiger_coherent": LIBRE,
        "apres_restauration": P.SAUVEGARDER, "supprimer_sauvegarde": P.SAUVEGARDER,
        "exporter": P.EXPORTER, "importer": P.IMPORTER, "generer_demo": P.IMPORTER,
        "preparer_restauration": P.SAUVEGARDER, "sauvegarder": P.SAUVEGARDER, "sauvegardes": P.SAUVEGARDER,
        "verifier": P.SAUVEGARDER,
    },
    "activites": {
        "cycle": LIBRE, "cycles": LIBRE, "groupe": LIBRE, "groupes": LIBRE,
        "ajouter_groupe": P.GERER_ACTIVITES, "modifier": P.GERER_ACTIVITES, "modifier_cycle": P.GERER_ACTIVITES,
        "modifier_groupe": P.GERER_ACTIVITES, "nouveau_cycle": P.GERER_ACTIVITES,
        "nom_propose": P.GERER_ACTIVITES, "a_deplacer": P.GERER_ACTIVITES,
        "brouillon_cycle": P.GERER_ACTIVITES, "creer_cycle": P.GERER_ACTIVITES,
        "supprimer_groupe": P.GERER_ACTIVITES,
    },
    "preliste": {
        "attente_jours": LIBRE,
        "comptes": P.VOIR_PERSONNES, "de_la_personne": P.VOIR_PERSONNES, "entree": P.VOIR_PERSONNES,
        "entrees": P.VOIR_PERSONNES, "lettres_a_envoyer": P.VOIR_COORDONNEES, "marquer_invites": P.IMPRIMER,
        "ajouter": P.MODIFIER_PERSONNES, "changer_etat": P.MODIFIER_PERSONNES, "modifier_notes": P.MODIFIER_PERSONNES,
    },
    "inscriptions": {
        "parcours": P.VOIR_PERSONNES, "participation": P.VOIR_PERSONNES, "places_liberees": P.VOIR_PERSONNES,
        "donnees_attestation": P.IMPRIMER,
        "confirmer_place": P.GERER_ACTIVITES, "inscrire": P.GERER_ACTIVITES, "retirer": P.GERER_ACTIVITES,
    },
    "seances": {
        "creneau_du_groupe": LIBRE, "cycle_et_activite": LIBRE, "cycles": LIBRE, "exiger": LIBRE, "groupe": LIBRE,
        "groupes": LIBRE, "ligne": LIBRE, "mode_benevole": LIBRE, "programme": LIBRE,
        "aujourdhui": P.VOIR_SEANCES_DU_JOUR, "seance": P.VOIR_SEANCES_DU_JOUR,
        "seances_du_jour": P.VOIR_SEANCES_DU_JOUR,
        "a_rappeler": P.VOIR_PERSONNES, "appels_oublies": P.VOIR_PERSONNES, "places_liberees": P.VOIR_PERSONNES,
        "seances_du_groupe": P.VOIR_PERSONNES,
        "ajouter": P.GERER_ACTIVITES, "annuler": P.GERER_ACTIVITES, "deplacer": P.GERER_ACTIVITES,
        "a_deplacer": P.GERER_ACTIVITES,
        "generer": P.GERER_ACTIVITES, "modifier_programme": P.GERER_ACTIVITES, "retablir": P.GERER_ACTIVITES,
    },
    "presences": {
        "participants": P.VOIR_SEANCES_DU_JOUR,
        "chercher_personne": P.NOTER_PRESENCES, "enregistrer": P.NOTER_PRESENCES,
        "assiduite": P.VOIR_PERSONNES, "total": P.VOIR_PERSONNES,
        "feuille_mois": P.IMPRIMER, "feuille_seance": P.IMPRIMER,
    },
    "positionnement": {
        "groupes_du_cycle": LIBRE, "questionnaire": LIBRE,
        "candidats": P.VOIR_PERSONNES, "dernier": P.VOIR_PERSONNES, "disponibilites": P.VOIR_PERSONNES, "positionnements": P.VOIR_PERSONNES,
        "positionner": P.MODIFIER_PERSONNES,
        "confirmer": P.GERER_ACTIVITES, "proposer": P.GERER_ACTIVITES,
        "enregistrer_questionnaire": P.PARAMETRES, "revenir_au_questionnaire_par_defaut": P.PARAMETRES,
        "progres": P.STATISTIQUES,
    },
    "reparations": {
        "de_l_annee": P.VOIR_PERSONNES, "de_personne": P.VOIR_PERSONNES, "en_cours": P.VOIR_PERSONNES,
        "oublies": P.VOIR_PERSONNES, "projet": P.VOIR_PERSONNES, "tous": P.VOIR_PERSONNES,
        "chiffres": P.STATISTIQUES, "impact": P.STATISTIQUES,
        "donnees_ords": P.EXPORTER,
        "ajouter_visite": P.GERER_ACTIVITES, "clore": P.GERER_ACTIVITES, "modifier": P.GERER_ACTIVITES,
        "ouvrir": P.GERER_ACTIVITES, "rouvrir": P.GERER_ACTIVITES,
    },
    "accompagnements": {
        "liste": P.STATISTIQUES, "par_suite": P.STATISTIQUES, "par_thematique": P.STATISTIQUES,
        "enregistrer": P.GERER_ACTIVITES, "supprimer": P.MODIFIER_PERSONNES,
    },
    "fiches": {
        "chiffres_calcules": P.STATISTIQUES, "collecte": P.STATISTIQUES, "fiche": P.STATISTIQUES,
        "impact_reparations": P.STATISTIQUES,
        "enregistrer": P.GERER_ACTIVITES, "revenir_au_calcule": P.GERER_ACTIVITES,
    },
    "comptes": {
        "attente": LIBRE, "connecter": LIBRE, "deconnecter": LIBRE, "existe_des_comptes": LIBRE, "verifier": LIBRE,
        "changer_mot_de_passe": P.GERER_COMPTES,  # or one's own, with the old password
        "creer": P.GERER_COMPTES, "desactiver": P.GERER_COMPTES,
        "lister": P.GERER_COMPTES,
        "debloquer": P.GERER_COMPTES, "est_connecte": LIBRE, "etat": P.GERER_COMPTES,
        "reactiver": P.GERER_COMPTES, "regler_verrouillage": P.GERER_COMPTES, "supprimer": P.GERER_COMPTES,
    },
    "rgpd": {
        "duree_conservation": LIBRE, "situation": LIBRE, "textes": LIBRE, "textes_proposes": LIBRE,
        "enregistrer_textes": P.PARAMETRES, "texte_modifie": P.PARAMETRES,
        "anonymiser": P.ANONYMISER, "anonymiser_inactifs": P.ANONYMISER, "effacer_dans": P.ANONYMISER, "dernieres_activites": P.ANONYMISER,
        "inactifs": P.ANONYMISER,
        "consentir": P.MODIFIER_PERSONNES, "corriger": P.MODIFIER_PERSONNES, "retirer_consentement": P.MODIFIER_PERSONNES,
        "donnees_personne": P.EXPORTER,
        "definir_duree_conservation": P.PARAMETRES,
        "dechiffrer_sauvegarde": P.SAUVEGARDER, "journaliser_action": P.SAUVEGARDER,
        "sauvegarder_chiffre": P.SAUVEGARDER,
    },
    "journal": {
        "libelle": LIBRE, "purger": LIBRE,
        "lister": P.VOIR_JOURNAL,
    },
    "documents": {
        "beneficiaires_coop": (P.EXPORTER, P.VOIR_COORDONNEES),
        "attestation": P.IMPRIMER, "emargement_mois": P.IMPRIMER, "emargement_seance": P.IMPRIMER,
        "fiche": P.IMPRIMER, "notice_information": P.IMPRIMER, "registre_traitements": P.IMPRIMER,
        "lettres": (P.IMPRIMER, P.VOIR_COORDONNEES), "rapport": (P.IMPRIMER, P.STATISTIQUES),
        "donnees_personne": P.EXPORTER, "ords": P.EXPORTER, "statistiques": (P.EXPORTER, P.STATISTIQUES),
    },
}

#: What a volunteer may write, and why (anything else a volunteer calls writes nothing).
ECRITURES_PERMISES: dict[str, str] = {
    "presences.enregistrer": "noter les présences du jour est le rôle du bénévole",
    "journal.purger": "l'effacement des entrées de plus de 12 mois est dû, quel que soit l'utilisateur",
    "comptes.connecter": "une tentative de connexion manquée est comptée pour ralentir les essais",
    "comptes.verifier": "déverrouiller l'écran : un mot de passe manqué est compté de même",
}


def permissions(droit: Droit) -> tuple[P, ...]:
    """The permissions a declared right requires (none for LIBRE)."""
    if isinstance(droit, P):
        return (droit,)
    if isinstance(droit, tuple):
        return droit
    return ()
