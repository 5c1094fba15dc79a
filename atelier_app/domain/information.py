"""The texts the centre owes people and the CNIL: the information notice (articles 13 and 14 of the
GDPR) and the record of processing (article 30), each item of those articles in its own section.

Why generated here and then editable: a centre cannot write these from nothing, but only it knows
its partners, its DPO or its host; the app proposes a complete text built from the centre's own
data, the director corrects it in Paramètres, and the corrected text is what gets printed. The
checklist ``docs/rgpd-checklist.md`` maps each article item to the section that answers it.
"""

from __future__ import annotations

from dataclasses import dataclass

from atelier_app.domain.anonymisation import REGLES

#: How long the journal of accesses is kept (services/journal.py purges it).
JOURNAL_MOIS = 12
#: How long automatic backups can hold a piece of data (the rotation keeps one backup a month for 12 months).
SAUVEGARDES_MOIS = 12

Sections = tuple[tuple[str, str], ...]


def duree_annees(n: int) -> str:
    """« 1 an », « 3 ans »."""
    return f"{n} an" if n == 1 else f"{n} ans"


@dataclass(frozen=True)
class Situation:
    """What the texts need to know about the centre (plain data, filled by the service)."""

    nom: str
    adresse: str = ""
    telephone: str = ""
    email: str = ""
    retention_annees: int = 3
    dpo: str = ""  # the data-protection officer's name and contact; empty when none is designated
    partenaires: tuple[str, ...] = ()  # partners named on the activities (a town's service…)

    @property
    def responsable(self) -> str:
        contact = " — ".join(x for x in (self.telephone, self.email) if x)
        return ", ".join(x for x in (self.nom, self.adresse) if x) + (f" ({contact})" if contact else "")

    @property
    def contact(self) -> str:
        return "l'accueil du centre" + (f" ou {self.email}" if self.email else "")


def _dpo(s: Situation) -> str:
    if s.dpo.strip():
        return f"Délégué à la protection des données : {s.dpo.strip()}."
    return ("Le centre n'a pas désigné de délégué à la protection des données (il n'y est pas tenu). "
            f"Pour toute question sur vos données, adressez-vous à {s.contact}.")


def _partenaires(s: Situation) -> str:
    noms = ", ".join(s.partenaires) if s.partenaires else "le service de la ville qui co-organise une activité"
    return (f"Les partenaires qui co-organisent une activité ({noms}) reçoivent la liste des participants de "
            "cette activité seulement (nom, prénom, présences).")


def _conservation(s: Situation) -> str:
    return (f"Vos données sont conservées {duree_annees(s.retention_annees)} après votre dernière venue, puis "
            "anonymisées. Les sauvegardes automatiques du centre gardent une copie des données au plus "
            f"{SAUVEGARDES_MOIS} mois ; une donnée effacée disparaît donc de toutes les copies au plus tard "
            f"{SAUVEGARDES_MOIS} mois après, et si une sauvegarde plus ancienne est remise en place, les effacements "
            f"sont appliqués de nouveau. Le journal des accès (qui a consulté, exporté ou effacé) est gardé "
            f"{JOURNAL_MOIS} mois et ne contient que des numéros, pas de noms.")


def _effacement() -> str:
    lignes = [f"{quoi} : effacé — {efface} ; gardé — {garde}." for quoi, efface, garde in REGLES]
    return ("Quand vous demandez l'effacement, ou à la fin de la durée de conservation, ce qui vous identifie est "
            "effacé et seuls restent des chiffres sans nom :\n" + "\n".join(lignes))


def notice(s: Situation) -> Sections:
    """The notice, one section per item of articles 13 and 14 (titles as people read them)."""
    return (
        ("Qui est responsable de vos données ?", f"Le responsable du traitement est {s.responsable}."),
        ("Délégué à la protection des données", _dpo(s)),
        ("Pourquoi ces données, et sur quelle base ?",
         "Exécution de votre inscription (article 6.1.b du RGPD) : organiser les ateliers auxquels vous vous "
         "inscrivez — pré-liste et liste d'attente, groupes, présences, réparations et projets, accompagnements "
         "individuels. Sans ces données, nous ne pouvons pas vous inscrire.\n"
         "Intérêt légitime du centre (article 6.1.f) : produire les statistiques sans nom que nos financeurs "
         "exigent (CAF, collectivités) et garder la trace des accès pour protéger vos données.\n"
         "Votre consentement (article 6.1.a) : droit à l'image, photos, envoi de SMS ; vous pouvez le retirer à "
         "tout moment, sans conséquence sur votre inscription.\n"
         "Les thèmes d'une aide individuelle (par exemple santé, justice, papiers d'étrangers) peuvent révéler des "
         "informations sensibles : ils ne sont notés qu'avec votre accord explicite (article 9.2.a) et ne "
         "sortent du centre qu'en chiffres sans nom."),
        ("Qui reçoit vos données ?",
         "L'équipe d'animation et la direction du centre. Les bénévoles voient seulement les noms et prénoms des "
         "participants du jour. " + _partenaires(s) + " Les financeurs ne reçoivent que des chiffres sans nom. "
         "Aucun prestataire n'a accès aux données : elles restent sur l'ordinateur du centre et sur ses "
         "sauvegardes chiffrées."),
        ("D'où viennent vos données ?",
         "De vous, ou de la personne qui vous a orienté vers nous avec votre accord : le CCAS, la mairie ou un "
         "service de la ville (son nom est noté comme origine de la demande)."),
        ("Transferts hors de l'Union européenne", "Aucun."),
        ("Combien de temps ?", _conservation(s)),
        ("Ce qui est effacé, ce qui reste", _effacement()),
        ("Données obligatoires ou facultatives",
         "Obligatoires : nom et prénom ; sans eux, nous ne pouvons pas vous inscrire. L'année de naissance est "
         "demandée pour les activités réservées à un âge (sans elle, nous ne pouvons pas vérifier l'accès). "
         "Tout le reste est facultatif : sans téléphone ni e-mail, nous ne pourrons pas vous prévenir d'un "
         "changement ou d'une place libérée ; genre, situation et commune servent seulement aux statistiques."),
        ("Enfants et adolescents",
         "Un mineur est inscrit par son responsable légal, dont le nom et le téléphone sont notés. Avant 15 ans, "
         "le droit à l'image et les autres consentements sont donnés par le responsable légal ; à partir de "
         "15 ans, le jeune peut consentir lui-même et exercer ses droits, seul ou avec son responsable légal."),
        ("Vos droits",
         "Vous pouvez consulter vos données et en recevoir une copie, les corriger, les faire effacer, en "
         "limiter l'usage, vous opposer à leur utilisation, les récupérer dans un format lisible (portabilité) "
         "et retirer un consentement à tout moment. Vous pouvez aussi donner des directives sur le sort de vos "
         "données après votre décès. Adressez-vous à " + s.contact + " ; nous répondons dans un délai d'un "
         "mois (prolongeable de deux mois pour une demande complexe, en vous prévenant)."),
        ("Décision automatisée", "Aucune. Le questionnaire de positionnement propose un niveau ; c'est un "
                                 "animateur qui décide du groupe."),
        ("Réclamation",
         "Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL "
         "(www.cnil.fr, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07)."),
    )


_RUBRIQUES = ("Finalité", "Base légale", "Personnes concernées", "Données", "Destinataires", "Durée de conservation")


def _traitement(*parties: str) -> str:
    """One processing's entry: purpose, legal basis, people, data, recipients, retention (in that order)."""
    return "\n".join(f"{r} : {x}" for r, x in zip(_RUBRIQUES, parties, strict=True))


def registre(s: Situation) -> Sections:
    """The record of processing: the controller, then one section per processing, then what they share."""
    apres = f"{duree_annees(s.retention_annees)} après la dernière activité, puis anonymisation"
    return (
        ("Responsable du traitement", s.responsable),
        ("Délégué à la protection des données", _dpo(s)),
        ("Traitement 1 — Inscriptions, groupes et présences", _traitement(
            "inscrire aux ateliers, tenir la pré-liste, les groupes, les présences ; positionnement de niveau",
            "exécution de l'inscription (6.1.b) ; consentement pour le droit à l'image (6.1.a)",
            "participants, dont mineurs, et leur responsable légal",
            "identité, année de naissance, genre, situation, adresse, commune, téléphone, e-mail, responsable "
            "légal, présences, niveau, consentements ; notes en texte libre (consigne : rien de sensible)",
            "équipe et direction ; bénévoles (noms du jour) ; " + _partenaires(s)[:1].lower() + _partenaires(s)[1:],
            apres)),
        ("Traitement 2 — Accompagnements individuels", _traitement(
            "aider une personne dans une démarche et compter la demande pour les financeurs",
            "exécution de la demande (6.1.b) ; consentement explicite (9.2.a) pour les thèmes sensibles",
            "personnes accueillies au point numérique (souvent sans fiche)",
            "date, durée, thèmes (dont santé et justice : données sensibles), suite donnée, tranche d'âge, "
            "genre, situation, commune ; notes en texte libre",
            "équipe et direction ; financeurs : chiffres sans nom", apres)),
        ("Traitement 3 — Repair café et projets", _traitement(
            "suivre les réparations et projets, transmettre des chiffres à l'Open Repair Alliance (sans nom)",
            "exécution de la demande (6.1.b)", "participants au repair café",
            "objet, marque, problème décrit, visites et notes, état", "équipe ; ORDS : données sans nom", apres)),
        ("Traitement 4 — Comptes de l'équipe", _traitement(
            "réserver l'accès aux données aux personnes autorisées", "intérêt légitime (6.1.f) : sécurité",
            "salariés et bénévoles du centre", "identifiant, rôle, empreinte du mot de passe (argon2id), essais "
                                               "de connexion", "direction", "jusqu'à la suppression du compte")),
        ("Traitement 5 — Journal des accès", _traitement(
            "tracer connexions, exports, impressions, fusions et effacements",
            "intérêt légitime (6.1.f) : sécurité et preuve du respect des droits", "équipe et personnes inscrites",
            "date, compte, action, numéros des fiches (jamais de nom)", "direction", f"{JOURNAL_MOIS} mois")),
        ("Sources des données", "la personne elle-même ; les prescripteurs (CCAS, mairie, service de la ville) "
                                "avec son accord"),
        ("Sous-traitants", "aucun : logiciel installé sur le poste du centre, sans hébergement extérieur ; "
                           "à compléter si un prestataire assure la maintenance du poste"),
        ("Transferts hors UE", "aucun"),
        ("Sauvegardes", f"copies automatiques gardées au plus {SAUVEGARDES_MOIS} mois ; copies hors du poste "
                        "chiffrées (AES-256) ; les effacements sont réappliqués après une restauration"),
        ("Mesures de sécurité", "comptes nominatifs et rôles, mots de passe selon la recommandation CNIL 2022 "
                                "(empreinte argon2id), blocage après 5 essais, verrouillage après inactivité, "
                                "journal des accès, sauvegardes chiffrées hors du poste, anonymisation à "
                                "l'échéance"),
    )


#: Article items → the section title that answers them (the checklist of docs/rgpd-checklist.md).
ARTICLE_13 = {
    "13.1.a identité et coordonnées du responsable": "Qui est responsable de vos données ?",
    "13.1.b délégué à la protection des données": "Délégué à la protection des données",
    "13.1.c finalités et base juridique": "Pourquoi ces données, et sur quelle base ?",
    "13.1.d intérêts légitimes poursuivis": "Pourquoi ces données, et sur quelle base ?",
    "13.1.e destinataires": "Qui reçoit vos données ?",
    "13.1.f transferts hors UE": "Transferts hors de l'Union européenne",
    "13.2.a durée de conservation": "Combien de temps ?",
    "13.2.b droits (accès, rectification, effacement, limitation, opposition, portabilité)": "Vos droits",
    "13.2.c retrait du consentement": "Vos droits",
    "13.2.d réclamation auprès de la CNIL": "Réclamation",
    "13.2.e caractère obligatoire et conséquences": "Données obligatoires ou facultatives",
    "13.2.f décision automatisée": "Décision automatisée",
    "14.2.f source des données": "D'où viennent vos données ?",
}
ARTICLE_30 = {
    "30.1.a responsable et délégué": "Responsable du traitement",
    "30.1.b finalités": "Traitement 1 — Inscriptions, groupes et présences",
    "30.1.c personnes et catégories de données": "Traitement 2 — Accompagnements individuels",
    "30.1.d destinataires": "Traitement 3 — Repair café et projets",
    "30.1.e transferts hors UE": "Transferts hors UE",
    "30.1.f durées d'effacement": "Sauvegardes",
    "30.1.g mesures de sécurité": "Mesures de sécurité",
}
