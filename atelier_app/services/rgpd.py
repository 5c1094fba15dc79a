"""A person's rights (access, rectification, erasure), consents and the retention period.

Why anonymise rather than delete: the funders' figures of past years are computed from the
demographic snapshot kept on each attendance and help record (age band, gender, social status,
commune), so the person record is kept as an empty shell with its id and nothing that identifies
them; every past statistic stays the same.
"""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from atelier_app.domain import anonymisation, information, ords
from atelier_app.domain.accompagnements import Accompagnement
from atelier_app.domain.activites import Activite, Cycle, Groupe
from atelier_app.domain.centre import Parametres
from atelier_app.domain.fusion import AnnulationFusion
from atelier_app.domain.personnes import Consentement, Personne
from atelier_app.domain.positionnement import Positionnement
from atelier_app.domain.preliste import EntreePreliste
from atelier_app.domain.projets import Projet
from atelier_app.domain.roles import Permission
from atelier_app.domain.seances import Seance
from atelier_app.errors import UserError
from atelier_app.services.base import Service

if TYPE_CHECKING:
    from atelier_app.services.ports import Tx

NOM_ANONYME = anonymisation.NOM_ANONYME
TEXTES = {"notice": information.notice, "registre": information.registre}
#: The notice's sections that article 15 requires alongside the data (purposes, recipients, retention,
#: rights, complaint, source).
INFORMATIONS_ARTICLE_15 = (
    "Pourquoi ces données, et sur quelle base ?", "Qui reçoit vos données ?", "Combien de temps ?",
    "Vos droits", "Réclamation", "D'où viennent vos données ?", "Décision automatisée",
    "Transferts hors de l'Union européenne",
)


def _projet_lisible(d: dict[str, Any]) -> dict[str, Any]:
    """A project's ORDS codes as words (« Grille-pain », « Pièces détachées non disponibles »)."""
    cat = d.pop("categorie_ords", None)
    if cat is not None:
        d["categorie_objet"] = ords.CATEGORIES[cat].libelle if cat in ords.CATEGORIES else str(cat)
    nel = d.pop("categorie_non_electrique", "")
    if nel:
        d["categorie_objet"] = ords.NON_ELECTRIQUES[nel].libelle if nel in ords.NON_ELECTRIQUES else nel
    f = d.pop("frein_ords", None)
    if f not in (None, ""):
        fr = ords.frein(f)
        d["obstacle"] = fr.libelle if fr else str(f)
    return d

#: Bounds of "inactive for N years": below one year a typo would erase everyone still coming.
INACTIFS_MIN, INACTIFS_MAX = 1, 100
#: Above this many people at once, a mass anonymisation must be confirmed explicitly (``--oui``).
SEUIL_CONFIRMATION = 10


def _plain(obj: Any) -> Any:
    """A record as plain JSON data, in the interchange file's shape (``extra`` at the top level)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        d = {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        extra = d.pop("extra", None) or {}
        for k, v in extra.items():
            d.setdefault(k, v)
        return d
    if isinstance(obj, (date,)):
        return obj.isoformat()
    if isinstance(obj, (list, tuple)):
        return [_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    return obj


class RgpdService(Service):
    # ------------------------------------------------------------- access
    def _personne(self, personne_id: str) -> Personne:
        p = self.depot.get(Personne, personne_id)
        if p is None:
            raise UserError(f"La personne « {personne_id} » n'existe pas.")
        return p

    def _liees(self, pid: str) -> dict[str, list[Any]]:
        self.depot.charger_tout()
        seances = [s for s in self.depot.all(Seance) if any(p.personne == pid for p in s.presences)]
        return {
            "groupes": [g for g in self.depot.all(Groupe) if pid in g.inscrits or pid in g.liste_attente],
            "seances": seances,
            "preliste": [e for e in self.depot.all(EntreePreliste) if e.personne == pid],
            "positionnements": [q for q in self.depot.all(Positionnement) if q.personne == pid],
            "projets": [r for r in self.depot.all(Projet) if r.personne == pid],
            "accompagnements": [a for a in self.depot.all(Accompagnement) if a.personne == pid],
        }

    def donnees_personne(self, personne_id: str) -> dict[str, Any]:
        """Everything held about one person, as plain data (JSON-ready). Needs EXPORTER.

        Three parts: the data in the interchange file's shape (portability, article 20); ``lisible``,
        the same data as the person reads it — groups, activities and cycles by their names, no
        internal code — for the PDF; and ``informations``, what article 15 says must go with it
        (purposes, recipients, retention, rights, source), from the centre's notice.
        """
        self.ctx.exiger(Permission.EXPORTER)
        p = self._personne(personne_id)
        liees = self._liees(p.id)
        out: dict[str, Any] = {"personnes": [_plain(p)]}
        out["presences"] = [
            {"seance": s.id, "date": s.date.isoformat(), "groupe": s.groupe, **_plain(x)}
            for s in sorted(liees["seances"], key=lambda s: (s.date, s.id))
            for x in s.presences if x.personne == p.id
        ]
        out["groupes"] = [
            {"id": g.id, "nom": g.nom, "cycle": g.cycle,
             "situation": "inscrite" if p.id in g.inscrits else "liste d'attente"}
            for g in liees["groupes"]
        ]
        for nom in ("preliste", "positionnements", "projets", "accompagnements"):
            out[nom] = [_plain(r) for r in sorted(liees[nom], key=lambda r: r.id)]
        out["lisible"] = self._lisible(p, liees)
        notice = dict(self.textes("notice"))
        out["informations"] = [{"titre": t, "texte": notice[t]} for t in INFORMATIONS_ARTICLE_15 if t in notice]
        return out

    def _lisible(self, p: Personne, liees: dict[str, list[Any]]) -> dict[str, Any]:
        groupes = {g.id: g for g in self.depot.all(Groupe)}
        cycles = {c.id: c for c in self.depot.all(Cycle)}
        activites = {a.id: a.nom for a in self.depot.all(Activite)}

        def activite_du_groupe(gid: str) -> str:
            g = groupes.get(gid)
            c = cycles.get(g.cycle) if g else None
            return activites.get(c.activite, "") if c else ""

        def nom_groupe(gid: str) -> str:
            g = groupes.get(gid)
            return g.nom if g else "groupe supprimé"

        out: dict[str, Any] = {"personnes": [_plain(p)]}
        out["presences"] = [
            {"date": s.date.isoformat(), "activite": activite_du_groupe(s.groupe), "groupe": nom_groupe(s.groupe),
             **{k: v for k, v in _plain(x).items() if k != "personne"}}
            for s in sorted(liees["seances"], key=lambda s: (s.date, s.id))
            for x in s.presences if x.personne == p.id
        ]
        out["groupes"] = [
            {"activite": activite_du_groupe(g.id), "cycle": cycles[g.cycle].nom if g.cycle in cycles else "",
             "groupe": g.nom, "situation": "inscrite" if p.id in g.inscrits else "liste d'attente"}
            for g in liees["groupes"]
        ]
        for nom in ("preliste", "positionnements", "projets", "accompagnements"):
            lignes = []
            for r in sorted(liees[nom], key=lambda r: r.id):
                d = {k: v for k, v in _plain(r).items() if k not in ("id", "personne")}
                if "activite" in d:
                    d["activite"] = activites.get(d["activite"], d["activite"])
                if d.get("cycle"):
                    d["cycle"] = cycles[d["cycle"]].nom if d["cycle"] in cycles else d["cycle"]
                if nom == "projets":
                    d = _projet_lisible(d)
                lignes.append(d)
            out[nom] = lignes
        return out

    def journaliser_action(self, action: str, cibles: tuple[str, ...] = (), details: str = "") -> None:
        """Journal an action on the data folder done outside a service (the CLI's restore of an encrypted
        backup, its list of inactive people); ids only. Only a role that may back up the data writes it."""
        self.ctx.exiger(Permission.SAUVEGARDER)
        with self.depot.transaction("Journal") as tx:
            self.journaliser(tx, action, cibles, details)
        self.services.journal.purger()

    # ------------------------------------------------------------- notice and register (editable)
    def situation(self) -> information.Situation:
        """What the notice and the register say about this centre (its data and settings)."""
        c = self.services.centre.centre()
        par = self.depot.get(Parametres, Parametres.ID) or Parametres()
        partenaires = tuple(dict.fromkeys(x for a in self.depot.all(Activite) if a.active for x in a.partenaires))
        adresse = ", ".join(x for x in (c.adresse, f"{c.code_postal} {c.commune}".strip()) if x)
        return information.Situation(nom=c.nom, adresse=adresse, telephone=c.telephone, email=c.email,
                                     retention_annees=par.retention_annees, dpo=str(par.extra.get("dpo", "")),
                                     partenaires=partenaires)

    def textes_proposes(self, quoi: str) -> information.Sections:
        if quoi not in TEXTES:
            raise UserError(f"Texte inconnu : « {quoi} » (notice ou registre).")
        return TEXTES[quoi](self.situation())

    def textes(self, quoi: str) -> information.Sections:
        """The notice or the register as the centre corrected it, or the proposed text."""
        propose = self.textes_proposes(quoi)
        par = self.depot.get(Parametres, Parametres.ID) or Parametres()
        garde = (par.extra.get("textes_rgpd") or {}).get(quoi)
        return tuple((str(t), str(x)) for t, x in garde) if garde else propose

    def texte_modifie(self, quoi: str) -> bool:
        self.ctx.exiger(Permission.PARAMETRES)
        par = self.depot.get(Parametres, Parametres.ID) or Parametres()
        return bool((par.extra.get("textes_rgpd") or {}).get(quoi))

    def enregistrer_textes(self, quoi: str, sections: information.Sections | None, dpo: str | None = None) -> None:
        """Keep the centre's version (None: back to the proposed text, which follows the settings)."""
        self.ctx.exiger(Permission.PARAMETRES)
        self.textes_proposes(quoi)
        if sections is not None and not any(x.strip() for _t, x in sections):
            raise UserError("Le texte est vide : rétablissez le texte proposé plutôt que de tout effacer.")
        par = self.depot.get(Parametres, Parametres.ID) or Parametres()
        textes = dict(par.extra.get("textes_rgpd") or {})
        if sections is None:
            textes.pop(quoi, None)
        else:
            textes[quoi] = [[t.strip(), x.strip()] for t, x in sections if t.strip()]
        extra = {**par.extra, "textes_rgpd": textes}
        if dpo is not None:
            extra["dpo"] = dpo.strip()
        with self.depot.transaction("Textes sur les données personnelles") as tx:
            tx.put(replace(par, extra=extra))
        self.ctx.signaler("parametres")

    # ------------------------------------------------------------- rectification and consents
    def corriger(self, personne: Personne) -> Personne:
        return self.services.personnes.modifier(personne)

    def consentir(self, personne_id: str, objet: str, le: date | None = None) -> Personne:
        self.ctx.exiger(Permission.MODIFIER_PERSONNES)
        objet = objet.strip()
        if not objet:
            raise UserError("Consentement : indiquez son objet (par exemple « photos »).")
        p = self._personne(personne_id)
        autres = tuple(c for c in p.consentements if not (c.objet == objet and c.retire_le is None))
        c = Consentement(objet=objet, le=le or self.ctx.aujourd_hui())
        p2 = replace(p, consentements=(*autres, c))
        with self.depot.transaction("Consentement") as tx:
            tx.put(p2)
            self.journaliser(tx, "consentement", (p.id,), f"donné : {objet}")
        self.ctx.signaler("personnes")
        return p2

    def retirer_consentement(self, personne_id: str, objet: str, le: date | None = None) -> Personne:
        self.ctx.exiger(Permission.MODIFIER_PERSONNES)
        p = self._personne(personne_id)
        if not any(c.objet == objet and c.retire_le is None for c in p.consentements):
            raise UserError(f"Consentement « {objet} » : aucun consentement en cours à retirer.")
        jour = le or self.ctx.aujourd_hui()
        cs = tuple(replace(c, retire_le=jour) if c.objet == objet and c.retire_le is None else c
                   for c in p.consentements)
        p2 = replace(p, consentements=cs)
        with self.depot.transaction("Retrait de consentement") as tx:
            tx.put(p2)
            self.journaliser(tx, "consentement", (p.id,), f"retiré : {objet}")
        self.ctx.signaler("personnes")
        return p2

    # ------------------------------------------------------------- erasure
    def _anonymiser_dans(self, tx: Tx, personnes: list[Personne]) -> None:
        """Apply the erasure rules of ``domain/anonymisation.py`` to the people and to everything
        filed about them, in one pass over the data."""
        ids = {p.id for p in personnes}
        self.depot.charger_tout()
        for p in personnes:
            tx.put(anonymisation.personne(p))
        tx.put_many([anonymisation.entree_preliste(r) for r in self.depot.all(EntreePreliste) if r.personne in ids])
        tx.put_many([anonymisation.positionnement(r) for r in self.depot.all(Positionnement) if r.personne in ids])
        tx.put_many([anonymisation.projet(r) for r in self.depot.all(Projet) if r.personne in ids])
        tx.put_many([anonymisation.accompagnement(r) for r in self.depot.all(Accompagnement) if r.personne in ids])
        tx.put_many([replace(g, liste_attente=tuple(i for i in g.liste_attente if i not in ids))
                     for g in self.depot.all(Groupe) if ids & set(g.liste_attente)])
        for a in self.depot.all(AnnulationFusion):
            if {a.garder.id, a.retirer.id} & ids:
                tx.delete(AnnulationFusion, a.id)

    def anonymiser(self, personne_id: str) -> None:
        """Irreversibly remove what identifies a person; snapshots on attendance stay."""
        self.ctx.exiger(Permission.ANONYMISER)
        p = self._personne(personne_id)
        if p.anonymise:
            raise UserError(f"La personne « {personne_id} » est déjà anonymisée.")
        with self.depot.transaction("Anonymisation") as tx:
            self._anonymiser_dans(tx, [p])
            self.journaliser(tx, "anonymisation", (p.id,))
        self.services.outils.restauration.noter_effacements(self.depot.dossier, [p.id])
        self.services.journal.purger()
        self.ctx.signaler("personnes")

    # ------------------------------------------------------------- retention
    def duree_conservation(self) -> int:
        par = self.depot.get(Parametres, Parametres.ID) or Parametres()
        return par.retention_annees

    def definir_duree_conservation(self, annees: int) -> None:
        self.ctx.exiger(Permission.PARAMETRES)
        if not 1 <= int(annees) <= 10:
            raise UserError("Durée de conservation : entre 1 et 10 ans.")
        par = self.depot.get(Parametres, Parametres.ID) or Parametres()
        with self.depot.transaction("Durée de conservation") as tx:
            tx.put(replace(par, retention_annees=int(annees)))
        self.ctx.signaler("parametres")

    def dernieres_activites(self) -> dict[str, date]:
        """Last activity of each person: attendance, pre-list, project visit, help, or creation."""
        self.ctx.exiger(Permission.ANONYMISER)
        self.depot.charger_tout()
        der: dict[str, date] = {}

        def voir(pid: str | None, jour: date | None) -> None:
            if pid and jour and (pid not in der or jour > der[pid]):
                der[pid] = jour

        for d in self.depot.all_dicts(Personne):
            voir(d["id"], date.fromisoformat(d["cree_le"]) if d.get("cree_le") else None)
        for s in self.depot.all(Seance):
            for x in s.presences:
                voir(x.personne, s.date)
        for e in self.depot.all(EntreePreliste):
            voir(e.personne, e.demande_le)
        for r in self.depot.all(Projet):
            voir(r.personne, r.ouvert_le)
            for v in r.visites:
                voir(r.personne, v.date)
        for a in self.depot.all(Accompagnement):
            voir(a.personne, a.date)
        return der

    def inactifs(self, annees: int | None = None) -> list[tuple[Personne, date]]:
        """People (not yet anonymised) whose last activity is older than the retention period."""
        self.ctx.exiger(Permission.ANONYMISER)
        annees = self.duree_conservation() if annees is None else annees
        if not INACTIFS_MIN <= annees <= INACTIFS_MAX:
            raise UserError(f"Durée d'inactivité : entre {INACTIFS_MIN} et {INACTIFS_MAX} ans "
                            f"(reçu : {annees}). Rien n'a été changé.")
        today = self.ctx.aujourd_hui()
        try:
            seuil = today.replace(year=today.year - annees)
        except ValueError:  # 29 February
            seuil = today.replace(year=today.year - annees, day=28)
        der = self.dernieres_activites()
        out = []
        for p in self.depot.all(Personne):
            if not p.anonymise and der.get(p.id, p.cree_le) < seuil:
                out.append((p, der.get(p.id, p.cree_le)))
        return sorted(out, key=lambda t: (t[1], t[0].id))

    def anonymiser_inactifs(self, ids: list[str], confirme: bool = False) -> int:
        """Anonymise the people the user confirmed, in one durable write, after a backup.

        Why the backup and the confirmation: an erasure cannot be undone, and a typo in a mass
        erasure would empty the centre; above :data:`SEUIL_CONFIRMATION` people the caller must
        say the user saw the count (the GUI's dialog, ``--oui`` on the command line).
        """
        self.ctx.exiger(Permission.ANONYMISER)
        personnes = [self._personne(i) for i in ids]
        personnes = [p for p in personnes if not p.anonymise]
        if not personnes:
            return 0
        if len(personnes) > SEUIL_CONFIRMATION and not confirme:
            raise UserError(f"{len(personnes)} personnes seraient anonymisées d'un coup : confirmez "
                            "(ajoutez --oui en ligne de commande). Rien n'a été changé.")
        if len(personnes) > 1:
            with self.depot.exclusif():
                self.services.outils.sauvegardes.sauvegarder(self.depot.dossier, raison="avant-anonymisation")
        with self.depot.transaction("Anonymisation des personnes inactives") as tx:
            self._anonymiser_dans(tx, personnes)
            self.journaliser(tx, "anonymisation", tuple(p.id for p in personnes), "durée de conservation dépassée")
        self.services.outils.restauration.noter_effacements(self.depot.dossier, [p.id for p in personnes])
        self.services.journal.purger()
        self.ctx.signaler("personnes")
        return len(personnes)

    # ------------------------------------------------------------- backups off the PC
    def sauvegarder_chiffre(self, vers: Path | str, phrase: str) -> Path:
        """An encrypted backup into a folder or USB key (``outils.chiffrement``); journalled."""
        self.ctx.exiger(Permission.SAUVEGARDER)
        with self.depot.exclusif():
            chemin = self.services.outils.chiffrement.sauvegarder_chiffre(self.depot.dossier, vers, phrase,
                                                                          horloge=self.ctx.maintenant)
        self.journaliser_action("sauvegarde_chiffree", (), chemin.name)
        return chemin

    def dechiffrer_sauvegarde(self, fichier: Path | str, phrase: str) -> Path:
        """Decrypt an encrypted backup into this folder's backups list, from where it is restored."""
        self.ctx.exiger(Permission.SAUVEGARDER)
        chemin = self.services.outils.chiffrement.dechiffrer_vers_sauvegardes(
            self.depot.dossier, fichier, phrase, horloge=self.ctx.maintenant)
        self.journaliser_action("restauration_chiffree", (), chemin.name)
        return chemin

    # ------------------------------------------------------------- restore
    def effacer_dans(self, tx: Tx, personnes: list[Personne]) -> None:
        """Erase again, inside a restore's transaction, people erased since the backup (issue 14)."""
        self.ctx.exiger(Permission.ANONYMISER)
        self._anonymiser_dans(tx, personnes)
