"""The placement questionnaire: about ten plain questions, a score, three levels.

Why editable: each centre words things its own way and tunes its thresholds after a few cycles;
the defaults follow DESIGN.md (equipment + the four digital domains) and the indicative mapping of
reference/coop.md (débutant ≈ « avec guidage », à rassurer ≈ « autonome avec guidage en cas de
besoin », intermédiaire ≈ « autonome »).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from atelier_app.errors import Probleme

DOMAINES: dict[str, str] = {
    "equipement": "Équipement",
    "information": "Trouver une information",
    "communication": "Communiquer",
    "quotidien": "Résoudre les problèmes du quotidien",
    "logiciels": "Utiliser des logiciels",
}

#: Indicative correspondence with the national levels (reference/coop.md §5.6).
CORRESPONDANCE_COOP: dict[str, str] = {
    "debutant": "Avec guidage ★ (Coop) — Débutant",
    "a_rassurer": "Autonome avec guidage en cas de besoin ★★ (Coop)",
    "intermediaire": "Autonome ★★★ (Coop) — Intermédiaire",
}


@dataclass(frozen=True)
class Choix:
    libelle: str
    points: int


@dataclass(frozen=True)
class Question:
    id: str
    texte: str
    domaine: str
    choix: tuple[Choix, ...]

    @property
    def maximum(self) -> int:
        return max((c.points for c in self.choix), default=0)


@dataclass(frozen=True)
class Questionnaire:
    TABLE: ClassVar[str] = "questionnaire"
    RANGEMENT: ClassVar[str] = "noyau"
    ID: ClassVar[str] = "questionnaire"

    id: str = "questionnaire"
    questions: tuple[Question, ...] = ()
    seuil_a_rassurer: int = 6
    seuil_intermediaire: int = 13
    extra: dict[str, Any] = field(default_factory=dict)

    def date_rangement(self) -> date:
        return date(2000, 1, 1)

    @property
    def maximum(self) -> int:
        return sum(q.maximum for q in self.questions)


def _trois(sans: str, aide: str, seul: str) -> tuple[Choix, ...]:
    return (Choix(sans, 0), Choix(aide, 1), Choix(seul, 2))


QUESTIONNAIRE_PAR_DEFAUT = Questionnaire(
    questions=(
        Question("ordinateur", "Avez-vous un ordinateur à la maison ?", "equipement",
                 _trois("Non", "Oui, mais je m'en sers peu", "Oui, je m'en sers souvent")),
        Question("smartphone", "Avez-vous un smartphone ou une tablette ?", "equipement",
                 _trois("Non", "Oui, surtout pour téléphoner", "Oui, j'utilise des applications")),
        Question("internet", "Avez-vous internet chez vous ?", "equipement",
                 (Choix("Non", 0), Choix("Oui", 1))),
        Question("souris", "Savez-vous vous servir du clavier et de la souris ?", "logiciels",
                 _trois("Non, pas encore", "Un peu, avec difficulté", "Oui, sans problème")),
        Question("recherche", "Savez-vous chercher une information sur internet (les horaires de la mairie, "
                 "une recette) ?", "information",
                 _trois("Non", "Avec l'aide de quelqu'un", "Oui, seul(e)")),
        Question("email", "Savez-vous envoyer un e-mail ?", "communication",
                 _trois("Non", "Avec l'aide de quelqu'un", "Oui, seul(e)")),
        Question("photo", "Savez-vous envoyer une photo à un proche (SMS, WhatsApp, e-mail) ?", "communication",
                 _trois("Non", "Avec l'aide de quelqu'un", "Oui, seul(e)")),
        Question("demarches", "Avez-vous déjà fait une démarche en ligne (CAF, impôts, banque) ?", "quotidien",
                 _trois("Jamais", "Avec l'aide de quelqu'un", "Oui, seul(e)")),
        Question("mot_de_passe", "Savez-vous créer un mot de passe et le retrouver ?", "quotidien",
                 _trois("Non", "Avec difficulté", "Oui")),
        Question("fichiers", "Savez-vous ranger vos documents dans des dossiers ou sur une clé USB ?", "logiciels",
                 _trois("Non", "Un peu", "Oui")),
        Question("traitement_texte", "Savez-vous écrire une lettre avec un traitement de texte (Word) ?", "logiciels",
                 _trois("Non", "Un peu", "Oui")),
    ),
)


def score(q: Questionnaire, reponses: Mapping[str, int]) -> int:
    """``reponses`` maps a question id to the index of the chosen answer; unanswered scores 0."""
    total = 0
    for question in q.questions:
        i = reponses.get(question.id)
        if i is not None and 0 <= int(i) < len(question.choix):
            total += question.choix[int(i)].points
    return total


def niveau(q: Questionnaire, total: int) -> str:
    if total >= q.seuil_intermediaire:
        return "intermediaire"
    if total >= q.seuil_a_rassurer:
        return "a_rassurer"
    return "debutant"


def reponses_manquantes(q: Questionnaire, reponses: Mapping[str, int]) -> list[str]:
    return [qu.texte for qu in q.questions if qu.id not in reponses]


def valider_questionnaire(q: Questionnaire) -> list[Probleme]:
    out: list[Probleme] = []
    ids = [x.id for x in q.questions]
    if not q.questions:
        out.append(Probleme("Questionnaire", "questions", "il faut au moins une question"))
    if len(set(ids)) != len(ids):
        out.append(Probleme("Questionnaire", "questions", "deux questions ont le même identifiant"))
    for i, qu in enumerate(q.questions, start=1):
        ou = f"Question {i}"
        if not qu.texte.strip():
            out.append(Probleme(ou, "texte", "le texte est vide"))
        if len(qu.choix) < 2:
            out.append(Probleme(ou, "choix", "il faut au moins deux réponses possibles"))
        if any(c.points < 0 for c in qu.choix):
            out.append(Probleme(ou, "choix", "les points ne peuvent pas être négatifs"))
        if qu.domaine not in DOMAINES:
            out.append(Probleme(ou, "domaine", f"domaine inconnu : « {qu.domaine} »"))
    if not 0 < q.seuil_a_rassurer < q.seuil_intermediaire:
        out.append(Probleme("Questionnaire", "seuils",
                            "le seuil « à rassurer » doit être positif et inférieur au seuil « intermédiaire »"))
    if q.questions and q.seuil_intermediaire > q.maximum:
        out.append(Probleme("Questionnaire", "seuil_intermediaire",
                            f"le seuil {q.seuil_intermediaire} dépasse le score maximal {q.maximum}"))
    return out


def ecrire_choix(choix: tuple[Choix, ...]) -> str:
    """One answer per line, « libellé = points », as edited in Paramètres."""
    return "\n".join(f"{c.libelle} = {c.points}" for c in choix)


def lire_choix(texte: str) -> tuple[tuple[Choix, ...], list[str]]:
    """Parse « libellé = points » lines; returns the answers and, in French, what is wrong with each line."""
    choix: list[Choix] = []
    erreurs: list[str] = []
    for n, ligne in enumerate(texte.splitlines(), start=1):
        if not ligne.strip():
            continue
        libelle, egal, points = ligne.rpartition("=")
        if not egal or not libelle.strip():
            erreurs.append(f"ligne {n} : écrivez « réponse = points » (par exemple « Oui = 2 »)")
            continue
        try:
            valeur = int(points.strip())
        except ValueError:
            erreurs.append(f"ligne {n} : « {points.strip()} » n'est pas un nombre de points")
            continue
        if valeur < 0:
            erreurs.append(f"ligne {n} : les points ne peuvent pas être négatifs")
            continue
        choix.append(Choix(libelle.strip(), valeur))
    if len(choix) < 2 and not erreurs:
        erreurs.append("il faut au moins deux réponses possibles")
    return tuple(choix), erreurs
