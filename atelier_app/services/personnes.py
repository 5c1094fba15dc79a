"""People: search as you type, add, correct, merge duplicates.

Why an in-memory search index: ten years of a busy centre is 10 000 people and the list must
follow each keystroke; the index is rebuilt only after a write.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from atelier_app.domain.accompagnements import Accompagnement
from atelier_app.domain.activites import Groupe
from atelier_app.domain.personnes import Personne, normaliser, valider_personne
from atelier_app.domain.positionnement import Positionnement
from atelier_app.domain.preliste import EntreePreliste
from atelier_app.domain.projets import Projet
from atelier_app.domain.records import nouvel_id
from atelier_app.domain.roles import Permission
from atelier_app.domain.seances import Seance
from atelier_app.errors import DonneesInvalides, UserError
from atelier_app.services.base import Service


def _remplacer(ids: tuple[str, ...], ancien: str, nouveau: str) -> tuple[str, ...]:
    out: list[str] = []
    for i in ids:
        j = nouveau if i == ancien else i
        if j not in out:
            out.append(j)
    return tuple(out)


class PersonnesService(Service):
    def __init__(self, services) -> None:
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
        """Merge two records of one person: every reference moves to the kept one, in one write."""
        self.ctx.exiger(Permission.MODIFIER_PERSONNES)
        if garder_id == retirer_id:
            raise UserError("Choisissez deux fiches différentes à fusionner.")
        garder, retirer = self.personne(garder_id), self.personne(retirer_id)
        fusion = replace(
            garder,
            **{
                k: getattr(retirer, k)
                for k in ("annee_naissance", "commune", "code_postal", "adresse", "telephone", "email",
                          "responsable_legal", "telephone_responsable")
                if not getattr(garder, k) and getattr(retirer, k)
            },
            consentements=garder.consentements + tuple(c for c in retirer.consentements if c not in garder.consentements),
            notes="\n".join(n for n in (garder.notes, retirer.notes) if n),
            cree_le=min(garder.cree_le, retirer.cree_le),
        )
        self.depot.charger_tout()
        with self.depot.transaction("Fusion de deux fiches") as tx:
            tx.put(fusion)
            tx.delete(Personne, retirer_id)
            for g in self.depot.all(Groupe):
                if retirer_id in g.inscrits or retirer_id in g.liste_attente:
                    inscrits = _remplacer(g.inscrits, retirer_id, garder_id)
                    attente = tuple(i for i in _remplacer(g.liste_attente, retirer_id, garder_id) if i not in inscrits)
                    tx.put(replace(g, inscrits=inscrits, liste_attente=attente))
            for s in self.depot.all(Seance):
                if any(pr.personne == retirer_id for pr in s.presences):
                    vus, presences = set(), []
                    for pr in s.presences:
                        pr = replace(pr, personne=garder_id) if pr.personne == retirer_id else pr
                        if pr.personne not in vus:
                            vus.add(pr.personne)
                            presences.append(pr)
                    tx.put(replace(s, presences=tuple(presences)))
            for kind in (EntreePreliste, Positionnement, Projet, Accompagnement):
                for rec in self.depot.all(kind):
                    if rec.personne == retirer_id:
                        tx.put(replace(rec, personne=garder_id))
            self.journaliser(tx, "fusion", (garder_id, retirer_id))
        self.ctx.signaler("personnes")
        return fusion
