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

N = 15
PROFILS: list[tuple[str, str]] = []
ANALYSE = """
## Présences : lecture des mesures (constat du 23/11/2026)

- **L'historique ne ralentit pas la saisie** : `grande` / même centre avec un an d'historique ≈ 1,0 (tenu).
  `grande` / `petite` oscille entre 1,4 et 1,5 d'une exécution à l'autre, à la limite de l'objectif : l'écart
  vient des 30 inscrits au lieu de 10 (30 fiches lues pour l'instantané, 30 présences à décoder et encoder) et
  du mois plus lourd, pas de l'historique.
- **Présences d'une séance à `grande` : ratio 2,2 à 2,6 selon l'exécution, objectif ≤ 1,5 manqué.** Sur
  ~1,5 ms, ~0,6 ms est l'écriture elle-même (deux fsync et un rename, comme la référence nue). Le reste, ~0,6 ms
  de Python mesuré sans disque : décodage de la séance en dataclass (`SeancesService.seance()` → `codec.from_dict`, 30 présences,
  340 appels à `_convert`, ~0,2 ms), lecture des 30 fiches pour l'instantané démographique (~0,15 ms),
  validation, `codec.to_dict` (~0,05 ms), mise à jour TinyDB et `serialise` (~0,1 ms). Le `json.dumps` du mois
  entier n'y est plus : la ligne « pour information » montre que l'enregistrement complet coûte moins que
  `json.dumps` + écriture nue. À `petite` (ratio 1,7 à 1,9), le même surcoût fixe (~0,4 ms) pèse face à
  ~0,55 ms d'écriture.
- Pour tenir 1,5 (≈ 0,9 ms à `grande`), le code ne doit ajouter que ~0,3 ms : le décodeur compilé proposé pour
  `storage/codec.py` fait passer `seance()` de ~0,12 à ~0,04 ms ; le reste tient au service (relire
  séance et groupe décodés, l'instantané personne par personne).
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
