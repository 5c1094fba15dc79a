"""One "PC" for the multi-process server tests: ``python -m tests.serveur_processus MODE ADRESSE …``.

Why real processes: two copies of Atelier on two PCs share nothing but the server; threads in one
process would share the interpreter and hide what the server must guarantee on its own.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date, datetime
from pathlib import Path

from atelier_app import assemblage
from atelier_app.domain.activites import Cycle, Groupe
from atelier_app.domain.centre import Centre
from atelier_app.domain.personnes import Personne
from atelier_app.errors import Conflit
from atelier_app.services.centre import activites_par_defaut
from atelier_app.services.presences import Nouveau
from tests.test_seances import MERCREDI

STATUTS = ("present", "absent", "excuse", "retard")
GROUPES = ("initiation", "senou")


def preparer(services, nb_seances: int = 10) -> dict[str, list[str]]:
    """A centre with two groups of six people each (two activities: two animateurs' PCs)."""
    services.centre.premier_demarrage(
        Centre(nom="Centre social des Tilleuls", adresse="3 rue des Lilas", code_postal="59000", commune="Lille"),
        activites_par_defaut("Sophie Martin", "Salle multimédia"))
    debut = date(2025, 9, 1)
    seances = {}
    for activite in GROUPES:
        gens = [Personne(id=f"{activite}-p{i}", nom=f"Nom{i}", prenom=f"{activite}{i}", annee_naissance=1950 + i,
                         genre="feminin" if i % 2 else "masculin", commune="Lille", code_postal="59000", cree_le=debut)
                for i in range(6)]
        cycle = Cycle(id=f"c-{activite}", activite=activite, nom="Automne", debut=debut)
        g = Groupe(id=f"g-{activite}", cycle=cycle.id, nom=f"Mercredi {activite}", capacite=8, creneau=MERCREDI,
                   nb_seances=nb_seances, inscrits=tuple(p.id for p in gens))
        with services.depot.transaction("Préparation") as tx:
            tx.put_many(gens)
            tx.put(cycle)
            tx.put(g)
        services.seances.generer(g.id)
        seances[activite] = [s.id for s in services.seances.seances_du_groupe(g.id)]
    return seances


def _attendre(fichier: Path) -> None:
    limite = time.monotonic() + 30
    while not fichier.exists():
        if time.monotonic() > limite:
            raise TimeoutError(fichier)
        time.sleep(0.01)


def main(argv: list[str]) -> int:
    mode, adresse, *reste = argv
    s = assemblage.ouvrir(adresse)
    try:
        if mode == "saves":  # N saves on this group's sessions; prints the last statuses written
            activite, n = reste[0], int(reste[1])
            g = s.activites.groupe(f"g-{activite}")
            ids = [x.id for x in s.seances.seances_du_groupe(g.id)]
            derniers = {}
            for i in range(n):
                sid = ids[i % len(ids)]
                statuts = {p: STATUTS[(i + j) % 4] for j, p in enumerate(g.inscrits)}
                s.presences.enregistrer(sid, statuts)
                derniers[sid] = statuts
            print(json.dumps(derniers))
        elif mode == "meme":  # read the same roll call as the other PC, then both save at once
            sid, dossier, nom, statut = reste
            s.presences.participants(sid)
            g = s.activites.groupe(s.seances.seance(sid).groupe)
            Path(dossier, f"{nom}.pret").touch()
            _attendre(Path(dossier, f"{'b' if nom == 'a' else 'a'}.pret"))
            try:
                s.presences.enregistrer(sid, dict.fromkeys(g.inscrits, statut))
                print(json.dumps({"resultat": "ok"}))
            except Conflit as exc:
                print(json.dumps({"resultat": "conflit", "message": exc.message}))
        elif mode == "journee":  # one animateur's day on their own group
            activite = reste[0]
            g = s.activites.groupe(f"g-{activite}")
            seance = s.seances.seances_du_groupe(g.id)[0]
            s.ctx.aujourd_hui = lambda: seance.date
            s.ctx.maintenant = lambda: datetime(seance.date.year, seance.date.month, seance.date.day, 18)
            nouveau = s.personnes.ajouter(Personne(id="", nom=f"Arrivée-{activite}", prenom="Camille",
                                                  annee_naissance=1960, genre="feminin", commune="Lille"))
            for sc in s.seances.seances_du_groupe(g.id)[:6]:
                statuts = {p: STATUTS[k % 2] for k, p in enumerate(g.inscrits)}
                statuts[nouveau.id] = "present"
                s.presences.enregistrer(sc.id, statuts, anonymes=1,
                                        nouveaux=[Nouveau(prenom="Dominique", nom=f"Passage-{activite}-{sc.id}")])
            print(json.dumps({"resultat": "ok"}))
    finally:
        assemblage.fermer(s)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
