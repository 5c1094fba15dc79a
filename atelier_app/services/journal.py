"""Reading the privacy journal, and forgetting it after twelve months.

Why a purge: the journal is itself a record of who did what to whom; the CNIL expects such traces
to be kept for a limited time (here 12 months), so it runs when the journal is read or written by
this area and when the app opens (``purger``).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from atelier_app.domain.journal import EntreeJournal
from atelier_app.domain.roles import Permission
from atelier_app.services.base import Service

CONSERVATION_JOURS = 365

LIBELLES_ACTIONS: dict[str, str] = {
    "export_personne": "Export des données d'une personne",
    "anonymisation": "Anonymisation",
    "consentement": "Consentement enregistré",
    "impression": "Impression",
    "export": "Export",
    "suppression": "Suppression",
    "compte_cree": "Compte créé",
    "compte_desactive": "Compte désactivé",
    "mot_de_passe_change": "Mot de passe changé",
    "compte_supprime": "Compte supprimé",
    "compte_reactive": "Compte réactivé",
    "compte_debloque": "Compte débloqué",
    "connexion": "Connexion",
    "fusion": "Fusion de deux fiches",
    "fusion_annulee": "Fusion annulée",
    "connexion_refusee": "Connexion refusée",
    "parametre_verrouillage": "Délai de verrouillage changé",
    "sauvegarde_chiffree": "Sauvegarde chiffrée",
    "restauration_chiffree": "Restauration chiffrée",
    "restauration": "Restauration d'une sauvegarde",
    "import": "Import",
    "notice_information": "Notice d'information imprimée",
    "registre": "Registre des traitements imprimé",
    "liste_inactifs": "Liste des personnes inactives",
}


def limite(maintenant: datetime) -> datetime:
    return maintenant - timedelta(days=CONSERVATION_JOURS)


class JournalService(Service):
    def purger(self) -> int:
        """Delete entries older than 12 months; returns how many (no permission: housekeeping)."""
        seuil = limite(self.ctx.maintenant())
        vieux = [d["id"] for d in self.depot.all_dicts(EntreeJournal)
                 if datetime.fromisoformat(d["le"]) < seuil]
        if vieux:
            with self.depot.transaction("Purge du journal") as tx:
                for i in vieux:
                    tx.delete(EntreeJournal, i)
        return len(vieux)

    def lister(self, action: str | None = None) -> list[EntreeJournal]:
        """Newest first; direction only."""
        self.ctx.exiger(Permission.VOIR_JOURNAL)
        self.purger()
        out = [e for e in self.depot.all(EntreeJournal) if action is None or e.action == action]
        return sorted(out, key=lambda e: e.le, reverse=True)

    @staticmethod
    def libelle(action: str) -> str:
        return LIBELLES_ACTIONS.get(action, action.replace("_", " ").capitalize())
