"""Sessions: the calendar of each group, the programme, and what the home screen must show.

Why regeneration keeps what already happened: an animateur who changes a slot in the middle of a
cycle must not lose the attendance already taken, nor the reasons of cancelled sessions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from atelier_app.domain import calendrier
from atelier_app.domain.activites import Activite, Creneau, Cycle, EtapeProgramme, Groupe, valider_activite
from atelier_app.domain.calendrier import Calendrier
from atelier_app.domain.codes import JOURS, THEMATIQUES
from atelier_app.domain.etats import EtatSeance
from atelier_app.domain.personnes import Personne
from atelier_app.domain.presences import a_rappeler, appels_oublies
from atelier_app.domain.records import nouvel_id
from atelier_app.domain.roles import PERMISSIONS, Permission, Role
from atelier_app.domain.seances import Presence, Seance, valider_seance
from atelier_app.errors import AccesRefuse, DonneesInvalides, Probleme, UserError
from atelier_app.services.base import Service
from atelier_app.services.contexte import ADMINISTRATEUR_POSTE


def sans_portrait(s: Seance) -> Seance:
    """The session as a volunteer sees it: who is marked how, without the age band, gender, status
    and commune kept with each mark for the statistics."""
    return replace(s, presences=tuple(Presence(p.personne, p.statut, p.inscrit) for p in s.presences))


@dataclass(frozen=True)
class LigneSeance:
    """A session with what a list needs to show it."""

    seance: Seance
    activite: str
    groupe: str
    animateur: str = ""
    nb_inscrits: int = 0
    jour_habituel: str = ""  # the group's slot day, when the session was moved to another day

    @property
    def libelle(self) -> str:
        # a session moved off its slot says so: « Mercredi 10 h » read on a Tuesday looks like a mistake
        ailleurs = f" — exceptionnellement ce {JOURS[self.seance.date.weekday()]}" if self.jour_habituel else ""
        return f"{self.seance.debut.replace(':', ' h ')} — {self.activite} — {self.groupe}{ailleurs}"


@dataclass(frozen=True)
class ARappeler:
    personne: str
    nom: str
    absences: int
    groupe: str
    telephone: str = ""
    groupe_id: str = ""


@dataclass(frozen=True)
class PlaceLiberee:
    groupe_id: str
    groupe: str
    activite: str
    places: int
    en_attente: int


@dataclass(frozen=True)
class Aujourdhui:
    jour: date
    seances: list[LigneSeance] = field(default_factory=list)
    oublies: list[LigneSeance] = field(default_factory=list)
    rappeler: list[ARappeler] = field(default_factory=list)
    places: list[PlaceLiberee] = field(default_factory=list)
    benevole: bool = False


class SeancesService(Service):
    # ------------------------------------------------------------ volunteer mode
    def mode_benevole(self) -> bool:
        """A volunteer's account, or the volunteer-mode setting on a PC without accounts."""
        if self.ctx.role == Role.BENEVOLE:
            return True
        if self.ctx.utilisateur != ADMINISTRATEUR_POSTE:
            return False
        return bool(self.services.centre.parametres().mode_benevole)

    def exiger(self, permission: Permission) -> None:
        """Like ``ctx.exiger``, but the volunteer-mode setting also narrows what the screen may do."""
        self.ctx.exiger(permission)
        if self.mode_benevole() and permission not in PERMISSIONS[Role.BENEVOLE]:
            raise AccesRefuse("En mode bénévole, on ne peut que voir les séances du jour et noter les présences.")

    # ------------------------------------------------------------ reading
    def seance(self, seance_id: str) -> Seance:
        """One session. A volunteer (or the volunteer mode) sees today's only, and of each attendee only
        the mark: the snapshot of age band, gender, status and commune is for the statistics."""
        self.ctx.exiger(Permission.VOIR_SEANCES_DU_JOUR)
        s = self._seance(seance_id)
        if self._voit_tout():
            return s
        if s.date != self.ctx.aujourd_hui():
            raise AccesRefuse("En mode bénévole, seules les séances du jour sont visibles.")
        return sans_portrait(s)

    def _voit_tout(self) -> bool:
        return self.ctx.peut(Permission.VOIR_PERSONNES) and not self.mode_benevole()

    def _seance(self, seance_id: str) -> Seance:
        s = self.depot.get(Seance, seance_id)
        if s is None:
            raise UserError(f"La séance « {seance_id} » n'existe pas.")
        return s

    def groupe(self, groupe_id: str) -> Groupe:
        g = self.depot.get(Groupe, groupe_id)
        if g is None:
            raise UserError(f"Le groupe « {groupe_id} » n'existe pas.")
        return g

    def cycle_et_activite(self, g: Groupe) -> tuple[Cycle | None, Activite | None]:
        c = self.depot.get(Cycle, g.cycle)
        return c, (self.depot.get(Activite, c.activite) if c else None)

    def cycles(self, activite_id: str) -> list[Cycle]:
        return sorted((c for c in self.depot.all(Cycle) if c.activite == activite_id),
                      key=lambda c: (c.debut or date.min, c.nom))

    def groupes(self, cycle_id: str) -> list[Groupe]:
        return sorted((g for g in self.depot.all(Groupe) if g.cycle == cycle_id), key=lambda g: g.nom)

    def seances_du_groupe(self, groupe_id: str) -> list[Seance]:
        self.exiger(Permission.VOIR_PERSONNES)
        return self._du_groupe(groupe_id)

    def _du_groupe(self, groupe_id: str) -> list[Seance]:
        return sorted((s for s in self.depot.all(Seance) if s.groupe == groupe_id), key=lambda s: (s.date, s.debut))

    def ligne(self, s: Seance) -> LigneSeance:
        g = self.depot.get(Groupe, s.groupe)
        _c, a = self.cycle_et_activite(g) if g else (None, None)
        cr = g.creneau if g else None
        deplacee = cr is not None and cr.jour != JOURS[s.date.weekday()]
        return LigneSeance(s, a.nom if a else "—", g.nom if g else "—", a.animateur if a else "",
                           len(g.inscrits) if g else 0, cr.jour if cr is not None and deplacee else "")

    def seances_du_jour(self, jour: date | None = None) -> list[LigneSeance]:
        """The sessions of one day (a volunteer only ever sees today's)."""
        self.ctx.exiger(Permission.VOIR_SEANCES_DU_JOUR)
        aujourd_hui = self.ctx.aujourd_hui()
        jour = jour or aujourd_hui
        if jour != aujourd_hui and self.mode_benevole():
            raise AccesRefuse("En mode bénévole, seules les séances du jour sont visibles.")
        iso = jour.isoformat()
        seances = self.depot.choisir(Seance, jour.year, lambda d: d.get("date") == iso)
        if not self._voit_tout():
            seances = [sans_portrait(s) for s in seances]
        return [self.ligne(s) for s in sorted(seances, key=lambda s: (s.debut, s.groupe))]

    def _seances_recentes(self, garder: Callable[[Mapping[str, Any]], bool] | None = None) -> list[Seance]:
        """This year's and last year's sessions: the home screen must not read ten years of history.

        ``garder`` looks at the stored dict, so that only the sessions kept are decoded.
        """
        annee = self.ctx.aujourd_hui().year
        return [s for a in (annee - 1, annee) for s in self.depot.choisir(Seance, a, garder)]

    def appels_oublies(self) -> list[LigneSeance]:
        self.exiger(Permission.VOIR_PERSONNES)
        iso = self.ctx.aujourd_hui().isoformat()
        oubliees = self._seances_recentes(lambda d: d.get("date", "") < iso and not d.get("appel_fait")
                                          and d.get("etat") != EtatSeance.ANNULEE)
        return [self.ligne(s) for s in appels_oublies(oubliees, self.ctx.aujourd_hui())]

    def a_rappeler(self) -> list[ARappeler]:
        """People with two absences in a row in a group they are still enrolled in."""
        self.exiger(Permission.VOIR_PERSONNES)
        coordonnees = self.ctx.peut(Permission.VOIR_COORDONNEES)
        iso = self.ctx.aujourd_hui().isoformat()
        # a group whose sessions are all over is nobody's to phone any more
        en_cours = {d.get("groupe") for a in (self.ctx.aujourd_hui().year, self.ctx.aujourd_hui().year + 1)
                    for d in self.depot.all_dicts(Seance, a) if d.get("date", "") >= iso}
        par_groupe: dict[str, list[Seance]] = {}
        for s in self._seances_recentes(lambda d: d.get("groupe") in en_cours):
            par_groupe.setdefault(s.groupe, []).append(s)
        out = []
        for g in self.depot.all(Groupe):
            seances = par_groupe.get(g.id)
            if not seances:
                continue
            for pid, n in a_rappeler(seances, g.inscrits).items():
                p = self.depot.get(Personne, pid)
                if p is None:
                    continue
                out.append(ARappeler(pid, p.nom_complet, n, g.nom, p.telephone if coordonnees else "", g.id))
        return sorted(out, key=lambda r: (-r.absences, r.nom))

    def places_liberees(self) -> list[PlaceLiberee]:
        """Groups with free places while people wait: someone left a full group."""
        self.exiger(Permission.VOIR_PERSONNES)
        out = []
        for g in self.depot.all(Groupe):
            if g.liste_attente and g.places_libres:
                c, a = self.cycle_et_activite(g)
                if c and c.fin and c.fin < self.ctx.aujourd_hui():
                    continue
                out.append(PlaceLiberee(g.id, g.nom, a.nom if a else "—", g.places_libres, len(g.liste_attente)))
        return out

    def aujourdhui(self) -> Aujourdhui:
        """Everything the home screen shows, in one call."""
        jour = self.ctx.aujourd_hui()
        seances = self.seances_du_jour(jour)
        if self.mode_benevole() or not self.ctx.peut(Permission.VOIR_PERSONNES):
            return Aujourdhui(jour, seances, benevole=True)
        return Aujourdhui(jour, seances, self.appels_oublies(), self.a_rappeler(), self.places_liberees())

    # ------------------------------------------------------------ calendar
    def creneau_du_groupe(self, g: Groupe) -> Creneau:
        if g.creneau:
            return g.creneau
        _c, a = self.cycle_et_activite(g)
        if a and a.creneaux:
            return a.creneaux[0]
        raise UserError(f"Groupe « {g.nom} » : aucun créneau (jour et heure) n'est défini.")

    def _plan(self, g: Groupe, debut: date) -> tuple[list[Seance], list[Seance], list[date], Calendrier]:
        """What regenerating a group from ``debut`` does: the planned sessions to remove, those kept
        (held, cancelled, or planned on a date that stays), and the new dates."""
        cr = self.creneau_du_groupe(g)
        existantes = self._du_groupe(g.id)
        tenues = [s for s in existantes if s.appel_fait or s.etat != EtatSeance.PREVUE]
        a_faire = max(0, g.nb_seances - sum(1 for s in tenues if s.etat != EtatSeance.ANNULEE))
        parametres = self.services.centre.parametres()
        cal = calendrier.generer(debut, cr.jour, a_faire + len(tenues), parametres.zone_scolaire,
                                 parametres.vacances_manuelles)
        prises = {s.date for s in tenues}
        dates = [d for d in cal.dates if d not in prises][:a_faire]
        if len(dates) < a_faire:
            raise UserError(f"Groupe « {g.nom} » : impossible de placer {a_faire} séances (trop de jours exclus).")
        restent = [s for s in existantes if s not in tenues and s.date in dates and s.debut == cr.debut]
        supprimees = [s for s in existantes if s not in tenues and s not in restent]
        nouvelles = [d for d in dates if d not in {s.date for s in restent}]
        return supprimees, tenues + restent, nouvelles, replace(cal, dates=tuple(dates))

    def a_deplacer(self, groupe_id: str, debut: date) -> int:
        """How many planned sessions of the group would change date if it started on ``debut``."""
        self.ctx.exiger(Permission.GERER_ACTIVITES)
        supprimees, _gardees, nouvelles, _cal = self._plan(self.groupe(groupe_id), debut)
        return max(len(supprimees), len(nouvelles))

    def generer(self, groupe_id: str, debut: date | None = None,
                programme: tuple[EtapeProgramme, ...] | None = None) -> Calendrier:
        """Create (or complete) the group's sessions on its slot, keeping what already happened.

        Planned sessions not marked move to the new dates; marked or cancelled ones are kept, and so
        is a planned session whose date stays. ``programme`` replaces the activity's for this cycle.
        """
        self.exiger(Permission.GERER_ACTIVITES)
        g = self.groupe(groupe_id)
        cycle, activite = self.cycle_et_activite(g)
        cr = self.creneau_du_groupe(g)
        debut = debut or (cycle.debut if cycle and cycle.debut else self.ctx.aujourd_hui())
        supprimees, gardees, dates, cal = self._plan(g, debut)
        nouvelles = [Seance(id=nouvel_id("s"), groupe=g.id, date=d, debut=cr.debut, duree=cr.duree) for d in dates]
        toutes = sorted(gardees + nouvelles, key=lambda s: (s.date, s.debut))
        etapes = programme if programme is not None else (activite.programme if activite else ())
        programme_par_numero = {e.numero: e for e in etapes}
        with self.depot.transaction(f"Calendrier du groupe {g.nom}") as tx:
            for s in supprimees:
                tx.delete(Seance, s.id)
            for numero, s in enumerate(toutes, start=1):
                if s in nouvelles:
                    etape = programme_par_numero.get(numero)
                    tx.put(replace(s, contenu=etape.contenu, thematiques=etape.thematiques) if etape else s)
        self.ctx.signaler("seances")
        parametres = self.services.centre.parametres()
        return replace(cal, avertissement=calendrier.avertissement_fin_donnees(cal.dates, parametres.vacances_manuelles))

    def _enregistrer(self, s: Seance, action: str, avant: Seance | None = None) -> Seance:
        problemes = valider_seance(s, f"Séance du {s.date:%d/%m/%Y}")
        if problemes:
            raise DonneesInvalides("La séance n'est pas enregistrée.", problemes)
        with self.depot.transaction(action) as tx:
            if avant is not None and (avant.date.year, avant.date.month) != (s.date.year, s.date.month):  # month file
                tx.delete(Seance, avant.id)
            tx.put(s)
        self.ctx.signaler("seances")
        return s

    def deplacer(self, seance_id: str, nouvelle: date, debut: str | None = None) -> tuple[Seance, str]:
        """Move a session; returns it and a warning if the new day is a holiday."""
        self.exiger(Permission.GERER_ACTIVITES)
        s = self._seance(seance_id)
        if s.appel_fait:
            raise UserError(f"Séance du {s.date:%d/%m/%Y} : l'appel est fait, elle ne peut plus être déplacée.")
        n = replace(s, date=nouvelle, debut=debut or s.debut)
        parametres = self.services.centre.parametres()
        raison = calendrier.raison_sautee(nouvelle, parametres.zone_scolaire, parametres.vacances_manuelles)
        self._enregistrer(n, "Séance déplacée", s)
        return n, (f"Attention : le {nouvelle:%d/%m/%Y} est un {raison}." if raison else "")

    def annuler(self, seance_id: str, motif: str) -> Seance:
        """A cancelled session keeps its reason and counts no hours."""
        self.exiger(Permission.GERER_ACTIVITES)
        if not (motif or "").strip():
            raise UserError("Annulation : le motif est obligatoire (ex. « animateur malade »).")
        s = self._seance(seance_id)
        return self._enregistrer(replace(s, etat=EtatSeance.ANNULEE, motif_annulation=motif.strip(), presences=(),
                                         anonymes=0, appel_fait=False), "Séance annulée")

    def retablir(self, seance_id: str) -> Seance:
        self.exiger(Permission.GERER_ACTIVITES)
        s = self._seance(seance_id)
        return self._enregistrer(replace(s, etat=EtatSeance.PREVUE, motif_annulation=""), "Séance rétablie")

    def ajouter(self, groupe_id: str, jour: date, debut: str | None = None, duree: int | None = None) -> Seance:
        self.exiger(Permission.GERER_ACTIVITES)
        g = self.groupe(groupe_id)
        cr = self.creneau_du_groupe(g)
        s = Seance(id=nouvel_id("s"), groupe=g.id, date=jour, debut=debut or cr.debut, duree=duree or cr.duree)
        return self._enregistrer(s, "Séance ajoutée")

    # ------------------------------------------------------------ programme
    def programme(self, activite_id: str) -> tuple[EtapeProgramme, ...]:
        return self.services.centre.activite(activite_id).programme

    def modifier_programme(self, activite_id: str, etapes: list[tuple[str, tuple[str, ...]]]) -> Activite:
        """Replace an activity's programme: (content, themes) per session number, from 1."""
        self.exiger(Permission.GERER_ACTIVITES)
        a = self.services.centre.activite(activite_id)
        problemes = []
        for i, (_contenu, themes) in enumerate(etapes, start=1):
            for t in themes:
                if t not in THEMATIQUES:
                    problemes.append(Probleme(f"Programme, séance {i}", "thématiques", f"code inconnu : « {t} »"))
        nouvelle = replace(a, programme=tuple(EtapeProgramme(i, c.strip(), tuple(t)) for i, (c, t)
                                              in enumerate(etapes, start=1) if c.strip() or t))
        problemes += valider_activite(nouvelle, f"Activité « {a.nom} »")
        if problemes:
            raise DonneesInvalides("Le programme n'est pas enregistré.", problemes)
        with self.depot.transaction(f"Programme de {a.nom}") as tx:
            tx.put(nouvelle)
        self.ctx.signaler("activites")
        return nouvelle
