"""Taking the attendance of a session: one screen, one durable write, who and when recorded.

Why the demographics are copied at saving time: the statistics of a past year must not change when
a person's file is later corrected or anonymised (DESIGN.md, counting rules).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

from atelier_app.domain import comptage
from atelier_app.domain.ages import tranche_age
from atelier_app.domain.codes import STATUTS_PRESENCE, THEMATIQUES
from atelier_app.domain.comptage import Assiduite, assiduite
from atelier_app.domain.etats import EtatSeance, StatutPresence
from atelier_app.domain.francais import compte
from atelier_app.domain.personnes import Personne, valider_personne
from atelier_app.domain.records import nouvel_id
from atelier_app.domain.roles import Permission
from atelier_app.domain.seances import Presence, Seance, valider_seance
from atelier_app.errors import AccesRefuse, DonneesInvalides, Probleme, UserError
from atelier_app.services.base import Service
from atelier_app.services.seances import SeancesService, sans_portrait


@dataclass(frozen=True)
class Participant:
    """A line of the attendance list: never any contact detail (a volunteer may be looking)."""

    personne: str
    prenom: str
    nom: str
    inscrit: bool = True
    statut: str | None = None   # None: not marked yet
    #: "f" when the words of the list take the feminine (« Présente »): the grammar the volunteer's
    #: screen needs, not the person's gender code (personal data a volunteer may not read)
    accord: str = ""

    @property
    def nom_complet(self) -> str:
        return f"{self.nom.upper()} {self.prenom}".strip()


@dataclass(frozen=True)
class Nouveau:
    """A walk-in typed on the spot: first name, name, and whatever they agree to give."""

    prenom: str
    nom: str
    annee_naissance: int | None = None
    commune: str = ""


@dataclass(frozen=True)
class AssiduiteGroupe:
    groupe: str
    activite: str
    assiduite: Assiduite


class PresencesService(Service):
    def _seances(self) -> SeancesService:
        return self.services.seances

    def _verifier_jour(self, s: Seance) -> None:
        if self._seances().mode_benevole() and s.date != self.ctx.aujourd_hui():
            raise AccesRefuse("En mode bénévole, on ne note que les présences des séances du jour.")

    def participants(self, seance_id: str) -> list[Participant]:
        """The enrolled people of the session (then walk-ins already noted), with their mark if any."""
        self.ctx.exiger(Permission.VOIR_SEANCES_DU_JOUR)
        s = self._seances()._seance(seance_id)
        self._verifier_jour(s)
        g = self._seances().groupe(s.groupe)
        notes = {p.personne: p for p in s.presences}
        ids = list(g.inscrits) + [p.personne for p in s.presences if p.personne not in g.inscrits]
        out = []
        for pid in ids:
            p = self.depot.get(Personne, pid)
            prenom, nom = (p.prenom, p.nom) if p else ("", "(personne supprimée)")
            marque = notes.get(pid)
            out.append(Participant(pid, prenom, nom, pid in g.inscrits, marque.statut if marque else None,
                                   "f" if p and p.genre == "feminin" else ""))
        return out

    def chercher_personne(self, texte: str, limite: int = 20) -> list[Participant]:
        """Find an existing person to add as a walk-in: names only."""
        self.ctx.exiger(Permission.NOTER_PRESENCES)
        from atelier_app.domain.personnes import normaliser

        cle = normaliser(texte)
        if len(cle) < 2:
            return []
        trouves = [p for p in self.depot.all(Personne) if not p.anonymise
                   and cle in normaliser(f"{p.nom} {p.prenom}") + " " + normaliser(f"{p.prenom} {p.nom}")]
        trouves.sort(key=lambda p: (normaliser(p.nom), normaliser(p.prenom)))
        return [Participant(p.id, p.prenom, p.nom, inscrit=False) for p in trouves[:limite]]

    def enregistrer(self, seance_id: str, statuts: dict[str, str], *, anonymes: int = 0,
                    contenu: str | None = None, thematiques: Sequence[str] | None = None,
                    nouveaux: Iterable[Nouveau] = ()) -> Seance:
        """Save the whole attendance of a session in ONE durable write.

        ``statuts`` maps a person id to present/absent/excuse/retard (enrolled people and walk-ins
        already in the store); ``nouveaux`` are walk-ins created on the spot (counted present).
        """
        self.ctx.exiger(Permission.NOTER_PRESENCES)
        s = self._seances()._seance(seance_id)
        self._verifier_jour(s)
        ou = f"Appel du {s.date:%d/%m/%Y}"
        if comptage.est_annulee(s.etat):
            raise UserError(f"{ou} : la séance est annulée ({s.motif_annulation}); rétablissez-la d'abord.")
        g = self._seances().groupe(s.groupe)
        problemes = []
        for pid, statut in statuts.items():
            if statut not in STATUTS_PRESENCE:
                problemes.append(Probleme(ou, "statut", f"statut inconnu « {statut} » pour {pid}"))
        manquants = [pid for pid in g.inscrits if pid not in statuts]
        if manquants:
            problemes.append(Probleme(ou, "présences", f"{compte(len(manquants), 'inscrit')} sans statut : marquez "
                                                      "chacun présent, absent, excusé ou en retard"))
        if anonymes < 0:
            problemes.append(Probleme(ou, "anonymes", "le nombre de personnes non nommées ne peut pas être négatif"))
        for t in thematiques or ():
            if t not in THEMATIQUES:
                problemes.append(Probleme(ou, "thématiques", f"code inconnu : « {t} »"))
        annee = s.date.year
        crees = [Personne(id=nouvel_id("p"), nom=n.nom.strip(), prenom=n.prenom.strip(),
                          annee_naissance=n.annee_naissance, commune=n.commune.strip(), cree_le=s.date)
                 for n in nouveaux]
        for p in crees:  # a walk-in is a person like any other: the domain's one validation
            problemes += valider_personne(p, f"{ou}, nouvelle personne {p.nom_complet or ''}".strip(),
                                          self.ctx.aujourd_hui().year)
        if problemes:
            raise DonneesInvalides("L'appel n'est pas enregistré.", problemes)
        fiches: dict[str, Any] = {p.id: asdict(p) for p in crees}
        presences = []
        for pid, statut in list(statuts.items()) + [(p.id, StatutPresence.PRESENT) for p in crees]:
            # raw read of five fields: the snapshot must not cost a full decoding of each file
            d = fiches.get(pid) or self.depot.get_dict(Personne, pid)
            if d is None:
                raise UserError(f"{ou} : la personne « {pid} » n'existe pas.")
            presences.append(Presence(personne=pid, statut=statut, inscrit=pid in g.inscrits,
                                      tranche_age=tranche_age(d.get("annee_naissance"), annee),
                                      genre=d.get("genre") or "non_communique",
                                      statut_social=d.get("statut_social") or "non_communique",
                                      commune=d.get("commune") or "", code_postal=d.get("code_postal") or ""))
        n = replace(s, presences=tuple(presences), anonymes=anonymes, etat=EtatSeance.REALISEE, appel_fait=True,
                    contenu=s.contenu if contenu is None else contenu.strip(),
                    thematiques=s.thematiques if thematiques is None else tuple(thematiques),
                    saisie_par=self.ctx.utilisateur.identifiant,
                    saisie_le=self.ctx.maintenant().replace(microsecond=0))
        problemes = valider_seance(n, ou)
        if problemes:
            raise DonneesInvalides("L'appel n'est pas enregistré.", problemes)
        with self.depot.transaction("Saisie des présences") as tx:
            tx.put_many(crees)
            tx.put(n)
        self.ctx.signaler("seances")
        return n if self._seances()._voit_tout() else sans_portrait(n)  # a volunteer gets no portrait

    def assiduite(self, personne_id: str) -> list[AssiduiteGroupe]:
        """Per group the person was in (enrolled or came): sessions attended, hours, rate."""
        self._seances().exiger(Permission.VOIR_PERSONNES)
        par_groupe: dict[str, list[Seance]] = {}
        for s in self.depot.all(Seance):
            if any(p.personne == personne_id for p in s.presences):
                par_groupe.setdefault(s.groupe, [])
        for s in self.depot.all(Seance):
            if s.groupe in par_groupe:
                par_groupe[s.groupe].append(s)
        out = []
        for seances in par_groupe.values():
            ligne = self._seances().ligne(seances[0])
            out.append(AssiduiteGroupe(ligne.groupe, ligne.activite, assiduite(seances, personne_id)))
        return sorted(out, key=lambda a: (a.activite, a.groupe))

    def total(self, personne_id: str) -> Assiduite:
        """Every group together (``comptage.Assiduite`` adds up)."""
        self.ctx.exiger(Permission.VOIR_PERSONNES)
        return sum((x.assiduite for x in self.assiduite(personne_id)), Assiduite())

    # ------------------------------------------------------------ printed sheets
    def feuille_seance(self, seance_id: str) -> dict:
        """What the session's sign-in sheet prints (names only): keyword arguments of FeuilleSeance."""
        self._seances().exiger(Permission.IMPRIMER)
        s = self._seances()._seance(seance_id)
        ligne = self._seances().ligne(s)
        g = self._seances().groupe(s.groupe)
        _c, a = self._seances().cycle_et_activite(g)
        noms = []
        for pid in g.inscrits:
            p = self.depot.get(Personne, pid)
            if p is not None:
                noms.append(p.nom_complet)
        return dict(activite=ligne.activite, groupe=ligne.groupe, jour=s.date, debut=s.debut, duree=s.duree,
                    animateur=ligne.animateur, lieu=a.lieu if a else "", personnes=sorted(noms), contenu=s.contenu)

    def feuille_mois(self, groupe_id: str, annee: int, mois: int) -> dict:
        """People × session dates of a group for one month: keyword arguments of FeuilleMois."""
        self._seances().exiger(Permission.IMPRIMER)
        if not 1 <= mois <= 12:
            raise UserError(f"Mois impossible : {mois} (1 à 12).")
        g = self._seances().groupe(groupe_id)
        _c, a = self._seances().cycle_et_activite(g)
        seances = [s for s in self._seances()._du_groupe(g.id) if (s.date.year, s.date.month) == (annee, mois)]
        if not seances:
            raise UserError(f"Groupe « {g.nom} » : aucune séance en {mois:02d}/{annee}.")
        ids = list(g.inscrits) + sorted({p.personne for s in seances for p in s.presences} - set(g.inscrits))
        lignes = []
        for pid in ids:
            p = self.depot.get(Personne, pid)
            if p is None:
                continue
            statuts = {s.date: next((x.statut for x in s.presences if x.personne == pid), None) for s in seances}
            lignes.append((p.nom_complet, statuts))
        lignes.sort(key=lambda x: x[0])
        return dict(activite=a.nom if a else "—", groupe=g.nom, annee=annee, mois=mois,
                    animateur=a.animateur if a else "", dates=[s.date for s in seances],
                    annulees=[s.date for s in seances if comptage.est_annulee(s.etat)], lignes=lignes)
