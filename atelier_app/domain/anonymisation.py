"""What an erasure removes, field by field, and what the statistics keep (issue 18, point 9).

Why decided here, in one table: the notice tells people what happens to their data when they ask
for erasure, and the code must do exactly that. Everything that names, describes or lets someone
recognise the person goes; what the funders' figures of past years are computed from stays, and
only in a form that no longer points to anyone: the attendance lines' age band, sex, social status
and commune, the pre-list's dates and state, a project's repair category and outcome.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from atelier_app.domain.accompagnements import Accompagnement
from atelier_app.domain.personnes import Personne
from atelier_app.domain.positionnement import Positionnement
from atelier_app.domain.preliste import EntreePreliste
from atelier_app.domain.projets import Projet

NOM_ANONYME = "Anonyme"
INTITULE_ANONYME = "Projet anonymisé"

#: (what, erased, kept for the statistics) — printed in the notice and the register.
REGLES: tuple[tuple[str, str, str], ...] = (
    ("Fiche de la personne",
     "nom, prénom, année de naissance, genre, situation, adresse, code postal, commune, téléphone, e-mail, "
     "responsable légal et son téléphone, droit à l'image, consentements, notes",
     "un numéro sans signification et le mois de création de la fiche"),
    ("Présences aux séances", "rien d'autre : la ligne ne renvoie plus qu'à la fiche vidée",
     "pour chaque présence : statut, tranche d'âge, genre, situation, commune et code postal au jour de "
     "la séance"),
    ("Demandes d'inscription (pré-liste)", "notes, date de réunion d'information",
     "activité, dates de la demande et des changements d'état, état"),
    ("Positionnements", "réponses au questionnaire, score, disponibilités", "niveau et moment (entrée ou sortie)"),
    ("Projets et réparations",
     "intitulé, description, problème décrit, notes et prochaines étapes des visites, nom de l'aidant",
     "type, catégorie d'objet, marque, âge de l'objet, état, dates, poids"),
    ("Accompagnements individuels", "lien avec la fiche, notes",
     "date, durée, thèmes, suite donnée, tranche d'âge, genre, situation et commune"),
    ("Groupes", "place en liste d'attente", "inscription passée (pour le nombre de participants)"),
    ("Annulations de fusion", "copie des fiches avant la fusion", "rien"),
)


def personne(p: Personne) -> Personne:
    return Personne(id=p.id, nom=NOM_ANONYME, prenom="", cree_le=date(p.cree_le.year, p.cree_le.month, 1),
                    anonymise=True)


def entree_preliste(e: EntreePreliste) -> EntreePreliste:
    return replace(e, notes="", reunion=None, extra={})


def positionnement(q: Positionnement) -> Positionnement:
    return replace(q, reponses={}, score=0, disponibilites=(), extra={})


def projet(r: Projet) -> Projet:
    return replace(r, intitule=INTITULE_ANONYME, description="", probleme="", extra={},
                   visites=tuple(replace(v, notes="", prochaine_etape="", aidant="") for v in r.visites))


def accompagnement(a: Accompagnement) -> Accompagnement:
    return replace(a, personne=None, notes="", extra={})
