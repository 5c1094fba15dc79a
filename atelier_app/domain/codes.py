"""Code lists: the national ones (La Coop de la médiation numérique) and the centre's own.

Why store codes and not labels: the national tool and the funders know these codes, and a label
can be reworded without touching years of data. Dicts keep the official display order.
"""

from __future__ import annotations

THEMATIQUES_MEDIATION: dict[str, str] = {
    "diagnostic_numerique": "Diagnostic numérique",
    "prendre_en_main_du_materiel": "Prendre en main du matériel",
    "maintenance_de_materiel": "Maintenance de matériel",
    "gere_ses_contenus_numeriques": "Gérer ses contenus numériques",
    "navigation_sur_internet": "Navigation sur internet",
    "email": "E-mail",
    "bureautique": "Bureautique",
    "reseaux_sociaux": "Réseaux sociaux communication",
    "sante": "Santé",
    "banque_et_achats_en_ligne": "Banque et achats en ligne",
    "entrepreneuriat": "Accompagner un professionnel",
    "insertion_professionnelle": "Insertion professionnelle",
    "securite_numerique": "Prévention en sécurité numérique",
    "parentalite": "Parentalité",
    "scolarite_et_numerique": "Scolarité et numérique",
    "creer_avec_le_numerique": "Créer avec le numérique",
    "culture_numerique": "Culture numérique",
    "intelligence_artificielle": "Intelligence artificielle (IA)",
    "aide_aux_demarches_administratives": "Aide aux démarches administratives",
}

THEMATIQUES_DEMARCHES: dict[str, str] = {
    "papiers_elections_citoyennete": "Papiers - Élections - Citoyenneté",
    "famille_scolarite": "Famille - Scolarité",
    "social_sante": "Social - Santé",
    "travail_formation": "Travail - Formation - Entreprise",
    "logement": "Logement",
    "transports_mobilite": "Transports - Mobilité",
    "argent_impots": "Argent - Impôts",
    "justice": "Justice",
    "etrangers_europe": "Étrangers - Europe",
    "loisirs_sports_culture": "Loisirs - Sports - Culture",
    "associations": "Associations",
}

THEMATIQUES: dict[str, str] = {**THEMATIQUES_MEDIATION, **THEMATIQUES_DEMARCHES}

GENRES: dict[str, str] = {
    "masculin": "Masculin",
    "feminin": "Féminin",
    "non_communique": "Non communiqué",
}

TRANCHES_AGE: dict[str, str] = {
    "soixante_dix_plus": "70 ans et plus",
    "soixante_soixante_neuf": "60 - 69 ans",
    "quarante_cinquante_neuf": "40 - 59 ans",
    "vingt_cinq_trente_neuf": "25 - 39 ans",
    "dix_huit_vingt_quatre": "18 - 24 ans",
    "douze_dix_huit": "12 - 17 ans",
    "moins_de_douze": "Moins de 12 ans",
    "non_communique": "Non communiqué",
}

STATUTS_SOCIAUX: dict[str, str] = {
    "retraite": "Retraité",
    "sans_emploi": "Sans emploi",
    "en_emploi": "En emploi",
    "scolarise": "Scolarisé",
    "non_communique": "Non communiqué ou hétérogène",
}

GENRES_ACTIVITE: dict[str, str] = {
    "cycles": "Cours en cycles",
    "club": "Club (sans cycles)",
    "projets": "Projets (repair café)",
    "accompagnement": "Accompagnement individuel",
}

NIVEAUX: dict[str, str] = {
    "debutant": "Débutant",
    "a_rassurer": "À rassurer",
    "intermediaire": "Intermédiaire",
}

ORIGINES: dict[str, str] = {
    "accueil": "Accueil du centre",
    "ccas": "CCAS",
    "mairie": "Mairie",
    "bouche_a_oreille": "Bouche-à-oreille",
    "autre": "Autre",
}

ETATS_PRELISTE: dict[str, str] = {
    "a_inviter": "À inviter",
    "invite": "Invité",
    "venu": "Venu à la réunion",
    "inscrit": "Inscrit",
    "desiste": "Désisté",
}

ETATS_SEANCE: dict[str, str] = {
    "prevue": "Prévue",
    "realisee": "Réalisée",
    "annulee": "Annulée",
}

STATUTS_PRESENCE: dict[str, str] = {
    "present": "Présent",
    "absent": "Absent",
    "excuse": "Excusé",
    "retard": "En retard",
}

SUITES_ACCOMPAGNEMENT: dict[str, str] = {
    "autonome": "Devenu autonome",
    "orientation_cours": "Orienté vers un cours",
    "reorientation": "Réorienté vers un partenaire",
    "autre": "Autre",
}

TYPES_PROJET: dict[str, str] = {
    "reparation": "Réparation",
    "projet_numerique": "Projet numérique",
}

ETATS_PROJET: dict[str, str] = {
    "en_cours": "En cours",
    "repare": "Réparé",
    "reparable": "Réparable",
    "fin_de_vie": "Fin de vie",
    "termine": "Terminé",
    "abandonne": "Abandonné",
}

JOURS: tuple[str, ...] = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

MOIS: tuple[str, ...] = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)


def libelle(codes: dict[str, str], code: str | None) -> str:
    """Label of a code, or the code itself when unknown (old data must still display)."""
    if code is None:
        return ""
    return codes.get(code, code)
