"""People: search as you type, add, correct, merge duplicates.

Why an in-memory search index: ten years of a busy centre is 10 000 people and the list must
follow each keystroke; the index is rebuilt only after a write.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Collection, Mapping
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from atelier_app.domain.accompagnements import Accompagnement
from atelier_app.domain.activites import Groupe
from atelier_app.domain.fusion import AnnulationFusion, personne_fusionnee, preliste_fusionnee, presences_fusionnees
from atelier_app.domain.imports import RapportImport
from atelier_app.domain.personnes import Personne, normaliser, valider_personne
from atelier_app.domain.plan_import import PlanImport, personne_choisie, planifier
from atelier_app.domain.positionnement import Positionnement
from atelier_app.domain.preliste import EntreePreliste
from atelier_app.domain.projets import Projet
from atelier_app.domain.records import nouvel_id
from atelier_app.domain.roles import Permission
from atelier_app.domain.seances import Seance
from atelier_app.errors import DonneesInvalides, Probleme, UserError
from atelier_app.services.base import Service

if TYPE_CHECKING:
    from atelier_app.services import Services


def _remplacer(ids: tuple[str, ...], ancien: str, nouveau: str) -> tuple[str, ...]:
    out: list[str] = []
    for i in ids:
        j = nouveau if i == ancien else i
        if j not in out:
            out.append(j)
    return tuple(out)


class PersonnesService(Service):
    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.ctx.ecouteurs.append(self._donnees_changees)

    def _donnees_changees(self, quoi: str) -> None:
        if quoi not in ("presences", "seances", "groupes", "parametres", "centre", "positionnement",
                        "personne_ajoutee"):
            self._index = None

    _index: list[tuple[str, str]] | None = None
    _version: object = None
    _doublons: dict[tuple, list[str]] = {}

    # ------------------------------------------------------------- reading
    def personne(self, personne_id: str) -> Personne:
        self.ctx.exiger(Permission.VOIR_PERSONNES)
        p = self.depot.get(Personne, personne_id)
        if p is None:
            raise UserError(f"La personne « {personne_id} » n'existe pas.")
        return p

    def nombre(self) -> int:
        return self.depot.count(Personne)

    def _index_recherche(self) -> list[tuple[str, str]]:
        version = self.depot.count(Personne)
        if self._index is None or version != self._version:
            idx = []
            doublons: dict[tuple, list[str]] = {}
            for d in self.depot.all_dicts(Personne):
                cle_d = (normaliser(d["nom"]), normaliser(d["prenom"]), d.get("annee_naissance"))
                doublons.setdefault(cle_d, []).append(d["id"])
                texte = " ".join(
                    normaliser(str(d.get(k) or "")) for k in ("nom", "prenom", "commune", "telephone", "email")
                )
                idx.append((texte, d["id"]))
            idx.sort()
            self._index, self._version, self._doublons = idx, version, doublons
        return self._index

    def rechercher(self, texte: str = "", limite: int = 200) -> list[Personne]:
        """Every word typed must appear (in name, first name, town, phone or e-mail), sorted by name."""
        self.ctx.exiger(Permission.VOIR_PERSONNES)
        mots = normaliser(texte).split()
        out: list[Personne] = []
        for cle, pid in self._index_recherche():
            if all(m in cle for m in mots):
                p = self.depot.get(Personne, pid)
                if p is not None and not p.anonymise:
                    out.append(p)
                    if len(out) >= limite:
                        break
        out.sort(key=lambda p: (normaliser(p.nom), normaliser(p.prenom)))
        return out

    def doublon_de(self, p: Personne) -> Personne | None:
        """The person already on file with the same name and birth year (a whole record: VOIR_PERSONNES)."""
        self.ctx.exiger(Permission.VOIR_PERSONNES)
        return self._doublon(p)

    def _doublon(self, p: Personne) -> Personne | None:
        self._index_recherche()
        for pid in self._doublons.get(p.cle_doublon(), ()):
            if pid != p.id:
                return self.depot.get(Personne, pid)
        return None

    # ------------------------------------------------------------- writing
    def _verifier(self, p: Personne) -> None:
        problemes = valider_personne(p, f"{p.nom_complet or 'Personne'}", self.ctx.aujourd_hui().year)
        if problemes:
            raise DonneesInvalides("La fiche n'est pas enregistrée.", problemes)

    def ajouter(self, p: Personne) -> Personne:
        self.ctx.exiger(Permission.MODIFIER_PERSONNES)
        if not p.id:
            p = replace(p, id=nouvel_id("p"), cree_le=self.ctx.aujourd_hui())
        self._verifier(p)
        existant = self._doublon(p)
        if existant is not None:
            raise UserError(
                f"{existant.prenom} {existant.nom} (née/né en {existant.annee_naissance or '?'}) existe déjà : "
                "ouvrez sa fiche plutôt que d'en créer une seconde."
            )
        with self.depot.transaction("Ajout d'une personne") as tx:
            tx.put(p)
        if self._index is not None:  # keep the index instead of rebuilding 10 000 entries
            texte = " ".join(normaliser(str(getattr(p, k) or "")) for k in ("nom", "prenom", "commune", "telephone", "email"))
            bisect.insort(self._index, (texte, p.id))
            self._doublons.setdefault(p.cle_doublon(), []).append(p.id)
            self._version = self.depot.count(Personne)
            self.ctx.signaler("personne_ajoutee")
        else:
            self.ctx.signaler("personnes")
        return p

    def modifier(self, p: Personne) -> Personne:
        self.ctx.exiger(Permission.MODIFIER_PERSONNES)
        ancien = self.personne(p.id)
        p = replace(p, cree_le=ancien.cree_le)
        self._verifier(p)
        return self.sauver(p, "Modification d'une personne", "personnes")

    def fusionner(self, garder_id: str, retirer_id: str) -> Personne:
        """Merge two records of one person without losing a fact (domain/fusion.py), in one write.

        A backup is taken first and named in the journal entry, and what the merge changes is kept
        as it was, so that ``annuler_fusion`` can put the two records back.
        """
        self.ctx.exiger(Permission.MODIFIER_PERSONNES)
        if garder_id == retirer_id:
            raise UserError("Choisissez deux fiches différentes à fusionner.")
        garder, retirer = self.personne(garder_id), self.personne(retirer_id)
        if garder.anonymise or retirer.anonymise:
            raise UserError("Une fiche anonymisée ne peut pas être fusionnée.")
        fusion = personne_fusionnee(garder, retirer)
        ids = {garder_id, retirer_id}
        self.depot.charger_tout()
        with self.depot.exclusif():
            sauvegarde = self.services.outils.sauvegardes.sauvegarder(self.depot.dossier, raison="avant-fusion")
        seances = [s for s in self.depot.all(Seance) if any(pr.personne in ids for pr in s.presences)]
        groupes = [g for g in self.depot.all(Groupe) if ids & set(g.inscrits + g.liste_attente)]
        preliste = [r for r in self.depot.all(EntreePreliste) if r.personne in ids]
        positionnements = [r for r in self.depot.all(Positionnement) if r.personne in ids]
        projets = [r for r in self.depot.all(Projet) if r.personne in ids]
        accompagnements = [r for r in self.depot.all(Accompagnement) if r.personne in ids]
        avant = AnnulationFusion(
            id=nouvel_id("f"), le=self.ctx.maintenant().replace(microsecond=0), garder=garder, retirer=retirer,
            sauvegarde=sauvegarde.name, seances=tuple(seances), groupes=tuple(groupes),
            preliste=tuple(preliste), positionnements=tuple(positionnements),
            projets=tuple(projets), accompagnements=tuple(accompagnements))
        with self.depot.transaction("Fusion de deux fiches") as tx:
            tx.put(fusion)
            tx.delete(Personne, retirer_id)
            for g in groupes:
                inscrits = _remplacer(g.inscrits, retirer_id, garder_id)
                attente = tuple(i for i in _remplacer(g.liste_attente, retirer_id, garder_id) if i not in inscrits)
                tx.put(replace(g, inscrits=inscrits, liste_attente=attente))
            tx.put_many([presences_fusionnees(s, garder_id, retirer_id) for s in seances])
            a_ecrire, a_supprimer = preliste_fusionnee(preliste, garder_id)
            tx.put_many(a_ecrire)
            for i in a_supprimer:
                tx.delete(EntreePreliste, i)
            tx.put_many([replace(r, personne=garder_id) for r in positionnements])
            tx.put_many([replace(r, personne=garder_id) for r in projets])
            tx.put_many([replace(r, personne=garder_id) for r in accompagnements])
            tx.put(avant)
            self.journaliser(tx, "fusion", (garder_id, retirer_id), f"sauvegarde {sauvegarde.name} ; annulation {avant.id}")
        self._index = None
        self.ctx.signaler("personnes")
        return fusion

    # ------------------------------------------------------------- import of a people list
    def preparer_import(self, chemin: Path | str,
                        avancer: Callable[[float, str], object] | None = None) -> PlanImport:
        """Read a people list (.csv, .xlsx, .ods) and say what importing it would change; writes nothing.

        ``avancer(fraction, texte)`` reports progress (the screen runs this off the Tk thread).
        """
        self.ctx.exiger(Permission.IMPORTER)
        chemin = Path(chemin)
        if not chemin.is_file():
            raise UserError(f"Le fichier « {chemin} » n'existe pas.")
        listes = self.services.outils.listes
        toutes = [(n, v) for n, v in listes.lignes(chemin) if any(listes.texte_cellule(x) for x in v)]
        if not toutes:
            raise UserError(f"Le fichier « {chemin.name} » est vide.")
        n_entete, entete = toutes[0]
        colonnes, ignorees = listes.mapper_entete(entete)
        manquantes = [c for c in ("nom", "prenom") if c not in colonnes.values()]
        if manquantes:
            raise UserError(
                f"Ligne {n_entete} de « {chemin.name} » : colonne(s) "
                + ", ".join(f"« {'prénom' if c == 'prenom' else c} »" for c in manquantes)
                + " introuvable(s). La première ligne doit nommer les colonnes (nom, prénom, …).")
        problemes: list = []
        lues = []
        for k, (n, valeurs) in enumerate(toutes[1:]):
            if avancer and k % 200 == 0:
                avancer(k / max(1, len(toutes)), f"Lecture de la ligne {n}…")
            avant = len(problemes)
            # the list reader's own parsing (dates, sexes, phones…), so both ways of importing agree
            champs = listes._personne_de(
                {champ: valeurs[i] if i < len(valeurs) else None for i, champ in colonnes.items()},
                f"ligne {n}", problemes)
            if len(problemes) == avant:
                lues.append((n, champs))
        plan = planifier(chemin.name, lues, self.depot.all(Personne), aujourd_hui=self.ctx.aujourd_hui(),
                         nouvel_id=nouvel_id, problemes=problemes, colonnes_ignorees=tuple(ignorees))
        # name the column as the spreadsheet shows it (« Date de naissance », not annee_naissance)
        noms = {("annee_naissance" if c == "annee" else c): str(entete[i]).strip() for i, c in colonnes.items()}
        return replace(plan, problemes=tuple(Probleme(x.enregistrement, noms.get(x.champ, x.champ), x.raison)
                                             for x in plan.problemes))

    def appliquer_import(self, plan: PlanImport, ignorer: Collection[int] = (),
                         garder: Mapping[int, Collection[str]] | None = None) -> RapportImport:
        """Apply the plan as the user chose it: lines in ``ignorer`` are skipped, and for a line,
        ``garder[ligne]`` names the fields whose old value stays. One write, after a backup."""
        self.ctx.exiger(Permission.IMPORTER)
        if plan.problemes:
            raise DonneesInvalides(f"Import refusé : corrigez d'abord « {plan.fichier} ». Rien n'a été enregistré.",
                                   list(plan.problemes))
        garder = garder or {}
        a_ecrire: dict[str, Personne] = {}
        for ligne in plan.lignes:
            if ligne.ligne in ignorer:
                continue
            pid = ligne.personne.id
            actuelle = a_ecrire.get(pid) or self.depot.get(Personne, pid)
            a_ecrire[pid] = personne_choisie(ligne, actuelle, frozenset(garder.get(ligne.ligne, ())))
        rapport = RapportImport(colonnes_ignorees=list(plan.colonnes_ignorees))
        rapport.ajoutes["personnes"] = sum(1 for i in a_ecrire if self.depot.get(Personne, i) is None)
        rapport.mis_a_jour["personnes"] = len(a_ecrire) - rapport.ajoutes["personnes"]
        if not a_ecrire:
            return rapport
        with self.depot.exclusif():
            self.services.outils.sauvegardes.sauvegarder(self.depot.dossier, raison="avant-import")
        with self.depot.transaction(f"Import de {plan.fichier}") as tx:
            tx.put_many(a_ecrire.values())
            self.journaliser(tx, "import", tuple(a_ecrire), f"{plan.fichier} : {rapport.ajoutes['personnes']} "
                             f"ajoutée(s), {rapport.mis_a_jour['personnes']} modifiée(s)")
        self._index = None
        self.ctx.signaler("personnes")
        return rapport

    def fusions_annulables(self) -> list[AnnulationFusion]:
        """The merges that can still be undone, newest first (older ones expire)."""
        self.ctx.exiger(Permission.MODIFIER_PERSONNES)
        seuil = self.ctx.maintenant() - timedelta(days=AnnulationFusion.CONSERVATION_JOURS)
        return sorted((a for a in self.depot.all(AnnulationFusion) if not a.annulee and a.le >= seuil),
                      key=lambda a: a.le, reverse=True)

    def annuler_fusion(self, annulation_id: str) -> tuple[Personne, Personne]:
        """Put the two records back as they were, with their attendance, groups, pre-list, tests,
        projects and help-desk requests; what was recorded since on the kept person stays on it."""
        self.ctx.exiger(Permission.MODIFIER_PERSONNES)
        a = self.depot.get(AnnulationFusion, annulation_id)
        if a is None or a.annulee:
            raise UserError("Cette fusion ne peut plus être annulée (déjà annulée, ou trop ancienne).")
        if self.depot.get(Personne, a.retirer.id) is not None:
            raise UserError(f"La fiche « {a.retirer.id} » existe de nouveau : la fusion est déjà défaite.")
        ids = (a.garder.id, a.retirer.id)
        self.depot.charger_tout()
        with self.depot.transaction("Annulation d'une fusion") as tx:
            tx.put(a.garder)
            tx.put(a.retirer)
            for ancienne in a.seances:
                s = self.depot.get(Seance, ancienne.id) or ancienne
                gardees = tuple(pr for pr in s.presences if pr.personne not in ids)
                tx.put(replace(s, presences=gardees + tuple(pr for pr in ancienne.presences if pr.personne in ids)))
            for ancien in a.groupes:
                g = self.depot.get(Groupe, ancien.id) or ancien
                tx.put(replace(g, inscrits=tuple(i for i in g.inscrits if i not in ids)
                               + tuple(i for i in ancien.inscrits if i in ids),
                               liste_attente=tuple(i for i in g.liste_attente if i not in ids)
                               + tuple(i for i in ancien.liste_attente if i in ids)))
            tx.put_many([*a.preliste, *a.positionnements, *a.projets, *a.accompagnements])
            tx.put(replace(a, annulee=True))
            self.journaliser(tx, "fusion_annulee", ids, f"annulation {a.id}")
        self._index = None
        self.ctx.signaler("personnes")
        return a.garder, a.retirer
