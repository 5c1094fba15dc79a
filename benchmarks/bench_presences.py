"""Saving one session's attendance, the everyday write of the app, vs one bare atomic write.

- the value: ``PresencesService.enregistrer`` on a session of the current month (checks, the
  demographic snapshot of each person, the transaction: month file written to a temp file, fsynced,
  renamed, folder fsynced), median of 15 saves, each one changing a mark;
- the baseline: the same month file written once by ``ecriture_atomique_brute`` (temp file, fsync,
  rename, folder fsync), its bytes prepared beforehand. Goal: ratio ≤ 1.5;
- the same save at `petite` and with one year of history only (`grande_un_an`): the history behind
  must not make it slower.

Works on copies of the demo folders built once by the harness (``ctx.copie``).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from benchmarks.commun import (
    AUJOURD_HUI,
    Mesure,
    cible_brute,
    disque_au_calme,
    ecriture_atomique_brute,
    fermer,
    medianes,
    ouvrir,
    profil,
)

N = 41  # writes take a millisecond: many trials cost nothing and steady the median
PROFILS: list[tuple[str, str]] = []
ANALYSE = """
## Présences : lecture des mesures (constat du 23/11/2026, après les changements du jour)

- **L'historique ne ralentit pas la saisie** : `grande` / même centre avec un an d'historique ≈ 1,0 (tenu) ;
  `grande` / `petite` ≈ 1,3 (tenu) : l'écart vient des 30 inscrits au lieu de 10 et d'un mois plus lourd.
- **À `petite`** : ratio 1,44 à 1,50 selon l'exécution, à la limite de l'objectif (tenu ou manqué de peu selon l'exécution).
- **À `grande` : ratio 1,6 à 1,8 selon l'exécution, objectif ≤ 1,5 manqué** (il était de 2,4). Sur ~1,0 ms,
  ~0,55 à 0,65 ms est l'écriture elle-même (deux fsync et un rename, comme la référence). Le Python de
  l'enregistrement, mesuré seul sans disque, ne prend que ~0,18 ms (lecture de la séance et du groupe,
  instantané démographique des 30 personnes, validation, encodage des 30 lignes et de la séance, assemblage du
  fichier du mois à partir des morceaux déjà encodés) ; enchaîné à l'écriture, il en coûte ~0,3, et l'écriture
  faite par l'application est ~0,05 à 0,1 ms plus lente que la même écriture nue répétée. Pistes essayées sans
  gain mesurable : lecture des champs par `operator.attrgetter` dans `codec.to_dict`, ramasse-miettes suspendu.
  Ce qui reste serait d'écrire le mois sans passer par les dataclasses (encoder les présences directement en
  dicts) : un gain de ~0,1 ms au prix d'un second chemin d'encodage, que nous n'avons pas pris.
- La ligne « pour information » montre que l'enregistrement complet coûte moins qu'un `json.dumps` du mois
  entier suivi de l'écriture nue : le fichier n'est jamais réencodé en entier.
"""


def _seance_du_mois(s):
    """The session of the current month, already held (date ≤ today), with the most people enrolled."""
    from atelier_app.domain.activites import Groupe
    from atelier_app.domain.seances import Seance

    mois = [x for x in s.depot.all(Seance, annee=AUJOURD_HUI.year)
            if x.date.month == AUJOURD_HUI.month and x.date <= AUJOURD_HUI and x.etat != "annulee"]
    if not mois:
        raise RuntimeError(f"aucune séance en {AUJOURD_HUI:%m/%Y} jusqu'au {AUJOURD_HUI:%d/%m} dans les données de démo")
    return max(mois, key=lambda x: (len(s.depot.get(Groupe, x.groupe).inscrits), x.id))


def _appel(dossier: Path) -> tuple[float, float, float, int, int, str]:
    """(median save, median bare write, median json.dumps + bare write, file size, people, profile)."""
    s = ouvrir(dossier)
    try:
        seance = _seance_du_mois(s)
        inscrits = [p.personne for p in s.presences.participants(seance.id) if p.inscrit]
        fichier = dossier / s.depot.shard_name(seance)
        tour = [0]

        def appel() -> None:
            tour[0] += 1
            s.presences.enregistrer(seance.id, {pid: "absent" if (i + tour[0]) % 7 == 0 else "present"
                                                for i, pid in enumerate(inscrits)})

        appel()  # warm-up: the month file is in memory from now on, as in the app
        cible, octets = cible_brute(fichier)
        contenu = json.loads(octets)
        disque_au_calme()
        t_appel, t_brut, t_json = medianes(
            appel,
            lambda: ecriture_atomique_brute(cible, octets),
            lambda: ecriture_atomique_brute(cible, json.dumps(contenu, ensure_ascii=False,
                                                              separators=(",", ":")).encode("utf-8")),
            n=N)
        prof = profil(appel, 10)
        return t_appel, t_brut, t_json, len(octets), len(inscrits), prof
    finally:
        fermer(s)


def mesurer(ctx) -> list[Mesure]:
    PROFILS.clear()
    with tempfile.TemporaryDirectory(prefix="atelier-bench-appel-") as t:
        tmp = Path(t)
        g, g_brut, g_json, g_taille, g_n, g_prof = _appel(ctx.copie("grande", tmp))
        p, p_brut, _pj, p_taille, p_n, p_prof = _appel(ctx.copie("petite", tmp))
        u, _ub, _uj, u_taille, _un, _up = _appel(ctx.copie("grande_un_an", tmp))
    mesures = [
        Mesure(f"présences d'une séance (grande, {g_n} inscrits, fichier du mois {g_taille // 1024} Kio)", g,
               "écriture atomique nue du même fichier", g_brut, 1.5),
        Mesure(f"présences d'une séance (petite, {p_n} inscrits, fichier du mois {p_taille // 1024} Kio)", p,
               "écriture atomique nue du même fichier", p_brut, 1.5),
        Mesure("présences d'une séance : grande", g, "la même à petite", p, 1.5),
        Mesure("présences d'une séance : grande (10 ans d'historique)", g,
               f"la même, même centre avec 1 an d'historique (mois {u_taille // 1024} Kio)", u, 1.5),
        Mesure("présences d'une séance (grande), pour information", g,
               "json.dumps du mois entier + écriture atomique nue", g_json),
    ]
    if mesures[0].atteint is False:
        PROFILS.append(("présences d'une séance (grande), `PresencesService.enregistrer`", g_prof))
    if mesures[1].atteint is False:
        PROFILS.append(("présences d'une séance (petite), `PresencesService.enregistrer`", p_prof))
    return mesures
