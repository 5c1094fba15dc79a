"""The centre's identity, the settings and the first-run set-up.

Why default activities: a new centre should open on its real rhythms (DESIGN.md) and only correct
them, rather than face an empty screen.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from atelier_app.domain.activites import Activite, Creneau, valider_activite
from atelier_app.domain.centre import Centre, Parametres
from atelier_app.domain.logo import TAILLE_MAX, Logo, extension_image
from atelier_app.domain.roles import Permission
from atelier_app.errors import DonneesInvalides, Probleme, UserError
from atelier_app.services.base import Service

if TYPE_CHECKING:
    from atelier_app.services.ports import Tx

OBJECTIFS_PAR_DEFAUT = (
    "Accompagner les habitants (Qualification)",
    "Rassembler et Unir sans discriminer (Mixité)",
    "Apprendre à communiquer (Communication)",
)


def activites_par_defaut(animateur: str = "", lieu: str = "") -> list[Activite]:
    """The five activities of DESIGN.md with their usual rhythms."""
    return [
        Activite(
            id="initiation", nom="Ateliers informatiques — Initiation", genre_activite="cycles",
            animateur=animateur, lieu=lieu,
            objectif_pedagogique="Rendre les personnes autonomes dans l'usage quotidien de l'ordinateur et d'internet.",
            description="Cycle de 10 séances de 2 h : clavier et souris, fichiers et dossiers, clé USB, "
            "traitement de texte, internet, e-mail, smartphone.",
            public="Adultes, majoritairement 45 ans et plus", nb_seances=10, duree_seance=120, nb_groupes=3,
            capacite_min=6, capacite_max=9,
            creneaux=(Creneau("mercredi", "17:00", 120), Creneau("vendredi", "14:00", 120),
                      Creneau("samedi", "10:00", 120)),
        ),
        Activite(
            id="senou", nom="Ateliers informatiques SÉNOU", genre_activite="cycles",
            animateur=animateur, lieu=lieu,
            objectif_pedagogique="Répondre aux questions concrètes des seniors et rompre l'isolement.",
            description="Le jeudi matin, séances de 1 h 30 en questions-réponses sur ce que chacun apporte.",
            public="Retraités, + 60 ans", partenaires=("Service Animations de la ville",),
            nb_seances=5, duree_seance=90, nb_groupes=2, capacite_min=5, capacite_max=6,
            creneaux=(Creneau("jeudi", "09:00", 90), Creneau("jeudi", "10:45", 90)), age_min=60,
        ),
        Activite(
            id="numerikids", nom="Numérikids", genre_activite="club", animateur=animateur, lieu=lieu,
            objectif_pedagogique="Découvrir la création numérique de façon ludique et responsable.",
            description="Le mercredi matin : tablettes, ordinateurs, imprimante 3D, photo, vidéo, stop-motion.",
            public="Enfants de 6 à 14 ans", nb_seances=30, duree_seance=120, nb_groupes=1,
            capacite_min=6, capacite_max=10, creneaux=(Creneau("mercredi", "10:00", 120),), age_min=6, age_max=14,
        ),
        Activite(
            id="repair", nom="Perfectionnement / Repair café", genre_activite="projets",
            animateur=animateur, lieu=lieu,
            objectif_pedagogique="Apprendre à réparer et à mener son propre projet numérique.",
            description="Le samedi, sur projet : réparation d'objets, site web, numérisation de cassettes, "
            "affiche, impression 3D.",
            public="Tous publics", nb_seances=0, duree_seance=180, creneaux=(Creneau("samedi", "14:00", 180),),
        ),
        Activite(
            id="accompagnement", nom="Accompagnement individuel", genre_activite="accompagnement",
            animateur=animateur, lieu=lieu,
            objectif_pedagogique="Apprendre à faire, pas faire à la place de.",
            description="Point d'accueil numérique et borne CAF : une personne, une question.",
            public="Tous publics", nb_seances=0, duree_seance=30,
        ),
    ]


class CentreService(Service):
    def centre(self) -> Centre:
        """The centre, its ``logo`` being a file inside the data folder written from the stored image."""
        c = self.depot.get(Centre, Centre.ID) or Centre()
        chemin = self.chemin_logo()
        return replace(c, logo=str(chemin)) if chemin is not None else c

    # ------------------------------------------------------------------ logo
    def chemin_logo(self) -> Path | None:
        """Where the reports find the logo: a copy of the stored image in the data folder's
        ``medias/`` (rewritten when missing or different, e.g. after a restore)."""
        logo = self.depot.get(Logo, Logo.ID)
        if logo is None or not logo.contenu:
            return None
        octets = base64.b64decode(logo.contenu)
        chemin = Path(self.depot.dossier) / "medias" / f"logo{logo.extension}"
        try:
            if not chemin.is_file() or hashlib.sha256(chemin.read_bytes()).digest() != hashlib.sha256(octets).digest():
                chemin.parent.mkdir(parents=True, exist_ok=True)
                chemin.write_bytes(octets)
        except OSError:
            return None
        return chemin

    def _logo_a_garder(self, tx: Tx, demande: str) -> None:
        """Store the chosen image in the data, or forget it when the field was emptied."""
        demande = demande.strip()
        actuel = self.chemin_logo()
        if not demande:
            if self.depot.get(Logo, Logo.ID) is not None:
                tx.delete(Logo, Logo.ID)
            return
        if actuel is not None and Path(demande) == actuel:
            return
        source = Path(demande)
        try:
            octets = source.read_bytes()
        except OSError:
            raise UserError(f"Logo : le fichier « {demande} » est introuvable ou illisible.") from None
        ext = extension_image(octets)
        if ext is None:
            raise UserError(f"Logo : « {source.name} » n'est pas une image PNG ou JPG.")
        if len(octets) > TAILLE_MAX:
            raise UserError(f"Logo : « {source.name} » dépasse 1 Mo ; enregistrez-le plus petit.")
        tx.put(Logo(extension=ext, contenu=base64.b64encode(octets).decode("ascii"), nom_origine=source.name))

    def _avec_logo(self, centre: Centre, action: str) -> None:
        with self.depot.transaction(action) as tx:
            self._logo_a_garder(tx, centre.logo)
            tx.put(replace(centre, logo=""))

    def parametres(self) -> Parametres:
        return self.depot.get(Parametres, Parametres.ID) or Parametres()

    @property
    def premier_lancement(self) -> bool:
        return not self.centre().configure

    def enregistrer_centre(self, centre: Centre) -> Centre:
        self.ctx.exiger(Permission.PARAMETRES)
        if not centre.nom.strip():
            raise DonneesInvalides("Le centre n'est pas enregistré.", [Probleme("Centre", "nom", "le nom est obligatoire")])
        self._avec_logo(centre, "Enregistrement du centre")
        self.ctx.signaler("centre")
        return self.centre()

    def enregistrer_parametres(self, parametres: Parametres) -> Parametres:
        self.ctx.exiger(Permission.PARAMETRES)
        if not 80 <= parametres.taille_texte <= 250:
            raise UserError("La taille du texte doit être comprise entre 80 % et 250 %.")
        if parametres.retention_annees < 1:
            raise UserError("La durée de conservation doit être d'au moins un an.")
        return self.sauver(parametres, "Enregistrement des paramètres", "parametres")

    def premier_demarrage(self, centre: Centre, activites: list[Activite]) -> None:
        """The first-run assistant's result: centre and activities, in one durable write."""
        self.ctx.exiger(Permission.PARAMETRES)
        problemes = [] if centre.nom.strip() else [Probleme("Centre", "nom", "le nom est obligatoire")]
        for a in activites:
            problemes += valider_activite(a, f"Activité « {a.nom or a.id} »")
        if problemes:
            raise DonneesInvalides("La configuration n'est pas enregistrée.", problemes)
        with self.depot.transaction("Premier démarrage") as tx:
            self._avec_logo(centre, "Premier démarrage")
            tx.put_many(activites)
            if self.depot.get(Parametres, Parametres.ID) is None:
                tx.put(Parametres())
        self.ctx.signaler("centre")

    def activites(self, toutes: bool = False) -> list[Activite]:
        acts = self.depot.all(Activite)
        return acts if toutes else [a for a in acts if a.active]

    def activite(self, activite_id: str) -> Activite:
        a = self.depot.get(Activite, activite_id)
        if a is None:
            raise UserError(f"L'activité « {activite_id} » n'existe pas.")
        return a

    def taille_texte(self, pourcent: int) -> Parametres:
        return self.enregistrer_parametres(replace(self.parametres(), taille_texte=pourcent))
