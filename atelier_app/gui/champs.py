"""Field names as the user sees them on the forms, for the messages that name a field.

Why: validation says which field is wrong by its record name (« annee_naissance »), which is right in
an import report about a file's keys but not in a window where the field reads « Année de
naissance ». The error display translates it here.
"""

from __future__ import annotations

from atelier_app.errors import DonneesInvalides, UserError

LIBELLES: dict[str, str] = {
    "age_produit": "Âge de l'appareil",
    "annee_fabrication": "Année de fabrication",
    "annee_naissance": "Année de naissance",
    "anonymes": "Personnes non nommées",
    "capacite": "Places",
    "capacite_max": "Places au maximum",
    "categorie": "Catégorie",
    "categorie_ords": "Catégorie d'appareil",
    "choix": "Réponses proposées",
    "code_postal": "Code postal",
    "date": "Date",
    "debut": "Début",
    "domaine": "Domaine",
    "duree": "Durée",
    "duree_seance": "Durée d'une séance",
    "email": "E-mail",
    "etat": "État",
    "fin": "Fin",
    "genre": "Genre",
    "genre_activite": "Genre de l'activité",
    "id": "Identifiant",
    "inscrits": "Inscrits",
    "intitule": "Intitulé",
    "issue": "Issue",
    "liste_attente": "Liste d'attente",
    "nb_groupes": "Nombre de groupes",
    "nb_seances": "Nombre de séances",
    "niveau": "Niveau",
    "nom": "Nom",
    "origine": "Origine de la demande",
    "personne": "Personne",
    "poids_estime_kg": "Poids estimé (kg)",
    "prenom": "Prénom",
    "presences": "Présences",
    "questions": "Questions",
    "seance": "Séance",
    "seuil_intermediaire": "Seuil du niveau intermédiaire",
    "seuils": "Seuils",
    "statut": "Statut",
    "statut_social": "Situation",
    "suite": "Suite donnée",
    "telephone": "Téléphone",
    "texte": "Texte",
    "thematiques": "Thématiques",
    "type": "Type",
}


def libelle(champ: str) -> str:
    return LIBELLES.get(champ, champ.replace("_", " ").capitalize())


def texte(exc: UserError) -> str:
    """The message of an error as the window shows it: fields named by their labels."""
    if not isinstance(exc, DonneesInvalides) or not exc.problemes:
        return exc.texte()
    lignes = []
    for p in exc.problemes:
        ou = p.enregistrement + (f", champ « {libelle(p.champ)} »" if p.champ else "")
        lignes.append(f"  - {ou} : {p.raison}")
    return exc.message + "\n" + "\n".join(lignes)
