"""Individual help (*accompagnement individuel*): one quick record per help-desk request.

Why a snapshot of age band, gender, status and commune on each record: the centre must show this
demand year after year, and anonymising the person later must not change past figures.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from atelier_app.domain.accompagnements import Accompagnement, valider_accompagnement
from atelier_app.domain.codes import SUITES_ACCOMPAGNEMENT, THEMATIQUES
from atelier_app.domain.personnes import Personne
from atelier_app.domain.records import nouvel_id
from atelier_app.domain.roles import Permission
from atelier_app.errors import Probleme, UserError
from atelier_app.services.base import Service

#: Durations offered first, as in the national tool (minutes).
DUREES: tuple[int, ...] = (15, 30, 45, 60, 90, 120)


class AccompagnementsService(Service):
    def enregistrer(self, quand: date, duree: int, thematiques: tuple[str, ...] | list[str],
                    suite: str = "autre", *, personne: str | None = None, notes: str = "") -> Accompagnement:
        """Record one request; the person is optional (many come once and stay anonymous)."""
        self.ctx.exiger(Permission.GERER_ACTIVITES)
        ou = f"Accompagnement du {quand:%d/%m/%Y}" if isinstance(quand, date) else "Accompagnement"
        problemes: list[Probleme] = []
        if not isinstance(quand, date):
            raise UserError("Accompagnement : la date est obligatoire (JJ/MM/AAAA).")
        if quand > self.ctx.aujourd_hui():
            problemes.append(Probleme(ou, "date", "la date est dans le futur"))
        if not thematiques:
            problemes.append(Probleme(ou, "thematiques", "choisissez au moins une thématique"))
        acc = Accompagnement(id=nouvel_id("a"), date=quand, duree=int(duree), thematiques=tuple(thematiques),
                             suite=suite, personne=personne or None, notes=notes.strip())
        if personne:
            p = self.depot.get(Personne, personne)
            if p is None:
                problemes.append(Probleme(ou, "personne", f"personne inconnue : « {personne} »"))
            else:
                acc = replace(acc, tranche_age=p.tranche_age(quand.year), genre=p.genre,
                              statut_social=p.statut_social, commune=p.commune)
        problemes += valider_accompagnement(acc, ou)
        return self.sauver(acc, "Accompagnement individuel", "accompagnements", problemes, "L'accompagnement n'est pas enregistré.")

    def supprimer(self, accompagnement_id: str, annee: int) -> None:
        self.ctx.exiger(Permission.MODIFIER_PERSONNES)
        if not any(a.id == accompagnement_id for a in self.depot.all(Accompagnement, annee=annee)):
            raise UserError(f"L'accompagnement « {accompagnement_id} » n'existe pas en {annee}.")
        with self.depot.transaction("Suppression d'un accompagnement") as tx:
            tx.delete(Accompagnement, accompagnement_id)
        self.ctx.signaler("accompagnements")

    def liste(self, debut: date, fin: date) -> list[Accompagnement]:
        """The requests of a period, most recent first."""
        self.ctx.exiger(Permission.STATISTIQUES)
        out = [a for y in range(debut.year, fin.year + 1) for a in self.depot.all(Accompagnement, annee=y)
               if debut <= a.date <= fin]
        return sorted(out, key=lambda a: (a.date, a.id), reverse=True)

    def par_thematique(self, debut: date, fin: date) -> dict[str, int]:
        """How many requests touched each theme, in the national order (a request may have several)."""
        compte = {code: 0 for code in THEMATIQUES}
        for a in self.liste(debut, fin):
            for t in a.thematiques:
                compte[t] = compte.get(t, 0) + 1
        return {k: v for k, v in compte.items() if v}

    def par_suite(self, debut: date, fin: date) -> dict[str, int]:
        compte = {code: 0 for code in SUITES_ACCOMPAGNEMENT}
        for a in self.liste(debut, fin):
            compte[a.suite] = compte.get(a.suite, 0) + 1
        return compte
