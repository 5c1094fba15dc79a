"""A refused import changes nothing on disk: no backup zip left in sauvegardes/, no data file touched.

Why it matters: every refused attempt used to leave an « avant-import » backup (taken before the
file was read), and the rotation then pushes the real backups of the previous days out.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from atelier_app.domain.personnes import Personne
from atelier_app.errors import DonneesInvalides, UserError


def _etat(dossier: Path) -> dict[str, bytes]:
    return {str(p.relative_to(dossier)): p.read_bytes() for p in sorted(dossier.rglob("*")) if p.is_file()}


def _echange(**listes) -> str:
    return json.dumps({"format": "atelier-echange", "version": 1, **listes})


REFUSES = {
    "profond.json": '{"format": "atelier-echange", "version": 1, "x": ' + "[" * 5000 + "]" * 5000 + "}",
    "version-texte.json": json.dumps({"format": "atelier-echange", "version": "1"}),
    "nom-de-10-mo.json": _echange(personnes=[{"id": "p9", "nom": "N" * 10_000_000, "prenom": "X"}]),
    "reference-cassee.json": _echange(groupes=[{"id": "g9", "cycle": "absent", "nom": "Lundi"}]),
    "pas-du-json.json": "{ceci n'est pas du JSON",
    "nom-trop-long.csv": "Nom;Prénom\nDurand;Zoé\n" + "B" * 500 + ";Léa\n",
}


@pytest.fixture
def peuple(centre):
    centre.personnes.ajouter(Personne(id="", nom="Durand", prenom="Zoé", cree_le=centre.ctx.aujourd_hui()))
    centre.donnees.sauvegarder(raison="veille")  # a real backup the refused files must not push out
    return centre


@pytest.mark.parametrize("nom", list(REFUSES))
def test_un_fichier_refuse_ne_laisse_ni_sauvegarde_ni_changement(peuple, tmp_path, nom) -> None:
    f = tmp_path / nom
    f.write_text(REFUSES[nom], encoding="utf-8")
    dossier = Path(peuple.depot.dossier)
    avant = _etat(dossier)
    assert any(k.startswith("sauvegardes") for k in avant)
    with pytest.raises((UserError, DonneesInvalides)):
        peuple.donnees.importer(f)
    apres = _etat(dossier)
    assert sorted(apres) == sorted(avant)  # no new zip in sauvegardes/, no new file
    assert [k for k in avant if apres[k] != avant[k]] == []  # and every file byte-identical


def test_un_fichier_accepte_est_sauvegarde_avant_d_etre_ecrit(peuple, tmp_path) -> None:
    """The backup still comes first for an accepted file: it holds the data as they were before."""
    f = tmp_path / "bon.json"
    f.write_text(_echange(personnes=[{"id": "p9", "nom": "Petit", "prenom": "Léo"}]), encoding="utf-8")
    dossier = Path(peuple.depot.dossier)
    avant = {p.name for p in (dossier / "sauvegardes").glob("*.zip")}
    peuple.donnees.importer(f)
    nouvelles = [p for p in (dossier / "sauvegardes").glob("*.zip") if p.name not in avant]
    assert len(nouvelles) == 1 and "avant-import" in nouvelles[0].name
    assert peuple.depot.get(Personne, "p9") is not None
    with zipfile.ZipFile(nouvelles[0]) as z:  # the data before the import: Zoé, not yet Léo
        texte = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".json"))
    assert "Durand" in texte and "Petit" not in texte
