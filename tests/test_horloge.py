"""The clock is read in one place, the context (issue 13, "the clock"): a test, or ATELIER_DATE_FIXE,
fixes the date of everything at once."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from atelier_app.services.contexte import DATE_FIXE, Contexte

RACINE = Path(__file__).resolve().parents[1] / "atelier_app"
#: Reads of the system clock that are not "today": a file's age is compared with the file system's
#: own clock (mtime), which a fixed test date must not shift.
PERMISES = {"ecriture.py:limite = time.time() - age_min_s"}
LECTURE_HORLOGE = re.compile(r"\b(date\.today|datetime\.now|datetime\.today|datetime\.utcnow|time\.time)\s*\(")


def test_l_horloge_n_est_lue_que_par_le_contexte():
    fautes = []
    for f in sorted(RACINE.rglob("*.py")):
        if f == RACINE / "services" / "contexte.py":
            continue
        for n, ligne in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if LECTURE_HORLOGE.search(ligne) and f"{f.relative_to(RACINE)}:{ligne.strip()}" not in PERMISES:
                fautes.append(f"{f.relative_to(RACINE)}:{n}: {ligne.strip()}")
    assert not fautes, "\n".join(fautes)


def test_date_fixee_par_l_environnement(monkeypatch):
    monkeypatch.setenv(DATE_FIXE, "2028-02-29")
    ctx = Contexte()
    assert ctx.aujourd_hui() == date(2028, 2, 29)
    assert ctx.maintenant().date() == date(2028, 2, 29)


def test_le_depot_date_ses_ecritures_par_le_contexte(dossier):
    from datetime import datetime

    from atelier_app import assemblage
    from atelier_app.domain.personnes import Personne

    ctx = Contexte(maintenant=lambda: datetime(2027, 1, 31, 9, 15))
    s = assemblage.ouvrir(dossier, ctx)
    try:
        s.personnes.ajouter(Personne(id="", nom="Durand", prenom="Amélie"))
        assert s.depot.derniere_ecriture == datetime(2027, 1, 31, 9, 15)
    finally:
        assemblage.fermer(s)
