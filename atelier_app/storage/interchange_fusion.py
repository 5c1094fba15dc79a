"""Merging an interchange file into a database that may already hold data.

Why a separate step from reading: only here do we know the database, so this is where references
are resolved (in the file or already stored), the same person is recognised (name, first name, year
of birth) and merged instead of duplicated, and ids of the file that already mean something else in
the database get a fresh id — every reference to them following.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from atelier_app.domain.accompagnements import Accompagnement
from atelier_app.domain.activites import Groupe
from atelier_app.domain.ages import tranche_age
from atelier_app.domain.centre import Centre
from atelier_app.domain.imports import RapportImport
from atelier_app.domain.personnes import Personne
from atelier_app.domain.records import nouvel_id
from atelier_app.domain.seances import Seance
from atelier_app.errors import Probleme
from atelier_app.storage.interchange import LISTES, REFERENCES, PresenceLue, instantane

_NOMS_LISTE = {
    "activites": "activité", "personnes": "personne", "cycles": "cycle", "groupes": "groupe",
    "seances": "séance",
}
#: how the import report names each list (it is read by people)
LIBELLES = {"activites": "activités", "seances": "séances", "preliste": "entrées de pré-liste",
            "presences": "présences"}
#: person fields filled from the file when the stored person leaves them empty
_COMPLETABLES = ("genre", "statut_social", "commune", "code_postal", "adresse", "telephone", "email", "notes")


class Fusion:
    def __init__(self, depot: Any, objets: dict[str, Any], problemes: list[Probleme]) -> None:
        self.depot = depot
        self.objets = objets
        self.problemes = problemes
        self.base = {nom: {o.id: o for o in depot.all(kind)} for nom, (kind, _p, _v) in LISTES.items()}
        self.renommes: dict[str, dict[str, str]] = {nom: {} for nom in LISTES}
        self.nouveaux: dict[str, dict[str, Any]] = {nom: {} for nom in LISTES}
        self.modifies: dict[str, dict[str, Any]] = {nom: {} for nom in LISTES}
        self.rapport = RapportImport()

    # -------------------------------------------------------------------------- preparation
    def preparer(self) -> None:
        self._personnes()
        for nom in LISTES:
            if nom == "personnes":
                continue
            if nom == "seances":
                self._seances()
                continue
            for i, obj in self.objets.get(nom, []):
                obj = self._references(nom, i, obj)
                if nom == "accompagnements" and obj.id in self.objets.get("aides_sans_instantane", ()):
                    obj = self._instantane_accompagnement(obj)
                self._placer(nom, obj)
        self._presences_hors_fichier()

    def _personnes(self) -> None:
        par_cle = {p.cle_doublon(): p for p in self.base["personnes"].values() if not p.anonymise}
        for _i, p in self.objets.get("personnes", []):
            cle = p.cle_doublon()
            existant = par_cle.get(cle)
            if existant is not None:
                self.renommes["personnes"][p.id] = existant.id
                if existant.id != p.id:
                    self.rapport.fusionnes.append(
                        f"{p.nom_complet}" + (f" ({p.annee_naissance})" if p.annee_naissance else "")
                        + f" : fiche {p.id} fusionnée avec {existant.id}"
                    )
                complete = self._completer(existant, p)
                if complete != existant:
                    par_cle[cle] = complete
                    cible = self.nouveaux if existant.id in self.nouveaux["personnes"] else self.modifies
                    cible["personnes"][existant.id] = complete
                continue
            if p.id in self.base["personnes"] or p.id in self.nouveaux["personnes"]:
                nouveau = nouvel_id("p")
                self.renommes["personnes"][p.id] = nouveau
                p = replace(p, id=nouveau)
            self.nouveaux["personnes"][p.id] = p
            par_cle[cle] = p

    @staticmethod
    def _completer(existant: Personne, autre: Personne) -> Personne:
        vides = {}
        for champ in _COMPLETABLES:
            actuel = getattr(existant, champ)
            if (not actuel or actuel == "non_communique") and getattr(autre, champ) not in ("", "non_communique"):
                vides[champ] = getattr(autre, champ)
        return replace(existant, **vides) if vides else existant

    def _instantane_accompagnement(self, a: Accompagnement) -> Accompagnement:
        """A help record from a file without age band, gender… takes them from the person (FORMAT.md
        lists only date, person, duration, themes and outcome), so the demand still shows by public."""
        if a.personne is None:
            return a
        p = self.nouveaux["personnes"].get(a.personne) or self.modifies["personnes"].get(a.personne) \
            or self.base["personnes"].get(a.personne)
        if p is None:
            return a
        return replace(a, tranche_age=tranche_age(p.annee_naissance, a.date.year), genre=p.genre,
                       statut_social=p.statut_social, commune=p.commune)

    def _connu(self, liste: str, ident: str) -> str | None:
        """The id a reference resolves to (renamed if needed), or None when nothing matches."""
        ident = self.renommes[liste].get(ident, ident)
        if ident in self.nouveaux[liste] or ident in self.base[liste]:
            return ident
        return None

    def _manque(self, ou: str, champ: str, liste: str, ident: Any) -> None:
        quoi = _NOMS_LISTE.get(liste, liste)
        self.problemes.append(
            Probleme(ou, champ, f"{quoi} « {ident} » inconnu(e) : ni dans le fichier ni dans la base")
        )

    def _references(self, nom: str, i: int, obj: Any) -> Any:
        ou = f"{nom}[{i}]"
        changes: dict[str, Any] = {}
        for liste, champ, cible, facultatif in REFERENCES:
            if liste != nom:
                continue
            valeur = getattr(obj, champ)
            if valeur is None and facultatif:
                continue
            resolu = self._connu(cible, valeur) if isinstance(valeur, str) else None
            if resolu is None:
                self._manque(ou, champ, cible, valeur)
            elif resolu != valeur:
                changes[champ] = resolu
        if isinstance(obj, Groupe):
            for champ in ("inscrits", "liste_attente"):
                ids = []
                for pid in getattr(obj, champ):
                    resolu = self._connu("personnes", pid)
                    if resolu is None:
                        self._manque(ou, champ, "personnes", pid)
                    elif resolu not in ids and resolu not in changes.get("inscrits", ()):
                        ids.append(resolu)  # merged records: enrolled once, never also waiting
                changes[champ] = tuple(ids)
        return replace(obj, **changes) if changes else obj

    def _placer(self, nom: str, obj: Any) -> Any:
        """Add a record; an id already used in the database by a different record gets a new one."""
        ancien = self.base[nom].get(obj.id)
        if ancien is not None:
            if ancien == obj or nom == "activites":  # the same record, or the same (named) activity
                return ancien
            nouveau = nouvel_id(LISTES[nom][1])
            self.renommes[nom][obj.id] = nouveau
            obj = replace(obj, id=nouveau)
        self.nouveaux[nom][obj.id] = obj
        return obj

    # ------------------------------------------------------------------------------ sessions
    def _presences_de(self, seance: Seance, lues: list[PresenceLue], groupe: Groupe | None) -> tuple:
        personnes: list = []
        origine: dict[str, str] = {}  # merged id → the file's id it was first marked under
        for lue in lues:
            ou = f"presences[{lue.index}]"
            pid = self._connu("personnes", lue.presence.personne)
            if pid is None:
                self._manque(ou, "personne", "personnes", lue.presence.personne)
                continue
            if pid in origine:
                if origine[pid] == lue.presence.personne:
                    self.problemes.append(
                        Probleme(ou, "personne", f"personne « {pid} » notée deux fois pour cette séance"))
                    continue
                if not lue.presence.est_venue:
                    continue  # two records merged into one: one mark is kept, and "came" wins
                personnes = [p for p in personnes if p.personne != pid]
            origine[pid] = lue.presence.personne
            p = replace(lue.presence, personne=pid)
            if "inscrit" not in lue.champs:
                p = replace(p, inscrit=groupe is not None and pid in groupe.inscrits)
            personne = self.nouveaux["personnes"].get(pid) or self.modifies["personnes"].get(pid) \
                or self.base["personnes"].get(pid)
            personnes.append(instantane(p, personne, seance.date.year, lue.champs))
        return tuple(personnes)

    def _groupe(self, gid: str) -> Groupe | None:
        return self.nouveaux["groupes"].get(gid) or self.base["groupes"].get(gid)

    def _par_seance(self) -> dict[str, list[PresenceLue]]:
        out: dict[str, list[PresenceLue]] = {}
        for lue in self.objets.get("presences", []):
            out.setdefault(lue.seance, []).append(lue)
        return out

    def _seances(self) -> None:
        self._lues = self._par_seance()
        for i, s in self.objets.get("seances", []):
            lues = self._lues.pop(s.id, [])
            s = self._references("seances", i, s)
            s = replace(s, presences=self._presences_de(s, lues, self._groupe(s.groupe)))
            self._placer("seances", s)

    def _presences_hors_fichier(self) -> None:
        """Attendance for sessions already stored is added to them (walk-ins flagged)."""
        for sid, lues in self._lues.items():
            seance = self.base["seances"].get(sid)
            if seance is None:
                for lue in lues:
                    self._manque(f"presences[{lue.index}]", "seance", "seances", sid)
                continue
            ajout = self._presences_de(seance, lues, self._groupe(seance.groupe))
            nouveaux = {p.personne for p in ajout}
            garde = tuple(p for p in seance.presences if p.personne not in nouveaux)
            self.modifies["seances"][sid] = replace(seance, presences=garde + ajout)

    # ------------------------------------------------------------------------------ writing
    def ecrire(self, tx: Any) -> RapportImport:
        centre_fichier = self.objets.get("centre")
        if centre_fichier is not None:
            actuel = self.depot.get(Centre, Centre.ID)
            if actuel is None or not actuel.configure:
                tx.put(centre_fichier)
                self.rapport.ajoutes["centre"] = 1
        for nom in LISTES:
            nouveaux = list(self.nouveaux[nom].values())
            modifies = list(self.modifies[nom].values())
            tx.put_many(nouveaux + modifies)
            libelle = LIBELLES.get(nom, nom)
            self.rapport.ajoutes[libelle] = len(nouveaux)
            if modifies:
                self.rapport.mis_a_jour[libelle] = len(modifies)
        n = sum(len(s.presences) for s in self.nouveaux["seances"].values())
        self.rapport.ajoutes[LIBELLES["presences"]] = n
        return self.rapport

