"""Restore and large people lists (issue 14): the edges must stay fast enough to be used.

Goals: restoring the `grande` demo costs at most 3 times `sauvegarder` on it (both measured in
turn, trial by trial, in this process), measured twice: a backup of the state in place (the files
identical to the live ones are staged as hard links) and the worst case, a backup of which every
file differs (the same demo drawn with another seed); importing a list of 50 000 people (CSV and XLSX) takes
under 10 s in a fresh process, whose peak memory (VmHWM) must stay under 300 MB.

Run alone: ``.venv/bin/python benchmarks/bench_restauration.py`` (prints the table, does not touch
RESULTS.md; ``benchmarks/run.py`` includes it with the others).
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.commun import Mesure, construire, disque_au_calme, medianes

LIGNES = 50_000
MEMOIRE_MAX_MO = 300
#: The child imports the list into an empty folder and prints its time and its peak memory.
ENFANT = r"""
import sys, time
from pathlib import Path
from atelier_app import assemblage
s = assemblage.ouvrir(Path(sys.argv[2]))
t = time.perf_counter()
rapport = s.donnees.importer(Path(sys.argv[1]))
duree = time.perf_counter() - t
assemblage.fermer(s)
# VmHWM, not ru_maxrss: the latter keeps the parent's peak across fork and exec on Linux
pic = [int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM")][0] // 1024
print(duree, pic)
"""
ANALYSE = ""
MEMOIRES: dict[str, int] = {}


def ecrire_liste(chemin: Path) -> Path:
    """A list as centres keep them: accents, dates of birth, phones, one person a row."""
    hasard = random.Random(1)
    noms = ["Durand", "Martin", "Petit", "Lefèvre", "Moreau", "Roux", "Faure", "Blanc", "Chevalier", "Garnier"]
    prenoms = ["Zoé", "Léa", "Jean", "Hélène", "Paul", "Marie", "Lucas", "Inès", "Noël", "Anaïs"]
    rangs = [["Nom", "Prénom", "Date de naissance", "Sexe", "Commune", "Code postal", "Téléphone", "E-mail"]]
    for i in range(LIGNES):
        rangs.append([f"{hasard.choice(noms)}-{i}", hasard.choice(prenoms), f"{1 + i % 28:02d}/{1 + i % 12:02d}/"
                      f"{1940 + i % 70}", hasard.choice("FM"), "Lille", "59000", f"06{i:08d}", f"p{i}@exemple.fr"])
    if chemin.suffix == ".csv":
        chemin.write_text("\n".join(";".join(r) for r in rangs) + "\n", encoding="utf-8")
    else:
        from openpyxl import Workbook

        classeur = Workbook(write_only=True)
        feuille = classeur.create_sheet("Personnes")
        for r in rangs:
            feuille.append(r)
        classeur.save(chemin)
    return chemin


def _importer(liste: Path, dossier: Path) -> tuple[float, int]:
    racine = Path(__file__).resolve().parents[1]
    sortie = subprocess.run([sys.executable, "-c", ENFANT, str(liste), str(dossier)], capture_output=True,
                            text=True, check=True, cwd=racine, env={"PYTHONPATH": str(racine), "PATH": ""})
    duree, memoire = sortie.stdout.split()
    return float(duree), int(memoire)


def mesurer(ctx) -> list[Mesure]:
    from atelier_app import assemblage
    from atelier_app.storage import backups

    global ANALYSE
    mesures: list[Mesure] = []
    with tempfile.TemporaryDirectory(dir=ctx.racine) as tmp:
        tmp_p = Path(tmp)
        d = ctx.copie("grande", tmp_p)
        archives = {1: tmp_p / "archive-1.zip", 2: tmp_p / "archive-2.zip"}
        shutil.move(backups.sauvegarder(d, raison="manuelle"), archives[1])
        # the same centre drawn with another seed: every file differs from the first one's
        autre, _duree = construire(tmp_p / "grande-2", "grande", graine=2)
        shutil.move(backups.sauvegarder(autre, raison="manuelle"), archives[2])
        shutil.rmtree(autre)
        assemblage.restaurer(d, archives[1])  # the first one imports the services: not what is measured
        shutil.rmtree(d / "mis_de_cote")
        etat = [1]  # which archive the live folder holds
        corbeille = tmp_p / "corbeille"
        corbeille.mkdir()

        def sauver() -> None:
            backups.sauvegarder(d, raison="manuelle").unlink()

        def mettre_de_cote() -> None:
            # the snapshot of the replaced state, moved out of the way by one rename: deleting its 250 files
            # is the benchmark's cleaning, not the restore (done after the measurement)
            (d / "mis_de_cote").rename(corbeille / str(len(list(corbeille.iterdir()))))

        def restaurer_meme() -> None:
            """A backup of the state in place (taken just before): every staged file is a link."""
            assemblage.restaurer(d, archives[etat[0]])
            mettre_de_cote()

        def restaurer_autre() -> None:
            """The worst case: every one of the 251 files differs, all written."""
            etat[0] = 3 - etat[0]
            assemblage.restaurer(d, archives[etat[0]])
            mettre_de_cote()

        disque_au_calme()
        t_sauver, t_meme, t_autre = medianes(sauver, restaurer_meme, restaurer_autre, n=9, ramasser=True)
        shutil.rmtree(corbeille)
        mesures.append(Mesure("restaurer la sauvegarde de l'état présent (grande, fichiers identiques liés, "
                              "tout vérifié, bascule atomique)", t_meme, "sauvegarder (grande)", t_sauver,
                              objectif=3.0))
        mesures.append(Mesure("restaurer une sauvegarde dont chaque fichier diffère (grande, graine 2 / 1, "
                              "tout écrit, tout vérifié)", t_autre, "sauvegarder (grande)", t_sauver, objectif=3.0))
        notes = []
        for ext in ("csv", "xlsx"):
            liste = ecrire_liste(tmp_p / f"personnes.{ext}")
            durees, memoires = [], []
            for essai in range(3):
                duree, memoire = _importer(liste, tmp_p / f"vide-{ext}-{essai}")
                durees.append(duree)
                memoires.append(memoire)
            durees.sort()
            MEMOIRES[ext] = max(memoires)
            mesures.append(Mesure(f"importer une liste de {LIGNES} personnes ({ext.upper()}, processus neuf)",
                                  durees[1], plafond_s=10.0))
            notes.append(f"{ext.upper()} : mémoire de pointe {max(memoires)} Mo (plafond {MEMOIRE_MAX_MO} Mo)")
    ANALYSE = ("Restauration et listes (issue 14) : " + " ; ".join(notes) + ". La restauration comprend la "
               "décompression dans un dossier de préparation avec le décodage de chaque fichier en un seul passage "
               "(un fichier identique au fichier en place y est un lien, non réécrit), l'ouverture et la vérification "
               "complètes des données préparées (construites des données déjà décodées), le journal, puis la bascule "
               "(l'état remplacé est renommé dans mis_de_cote/, un instantané restaurable, au lieu d'une copie zip).")
    return mesures


if __name__ == "__main__":  # pragma: no cover
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from benchmarks.commun import Contexte, tableau

    contexte = Contexte()
    try:
        print(tableau(mesurer(contexte)))
        print(ANALYSE)
    finally:
        shutil.rmtree(contexte.racine, ignore_errors=True)
