"""A broken data file at open: a French message naming it, the file untouched, restore brings a backup back."""

from __future__ import annotations

from datetime import date

import pytest

from atelier_app import cli
from atelier_app.domain.activites import Activite, Cycle, Groupe
from atelier_app.domain.personnes import Personne
from atelier_app.domain.seances import Seance
from atelier_app.errors import DonneesIllisibles
from atelier_app.services.contexte import horloge_aujourd_hui
from atelier_app.storage import backups
from atelier_app.storage.repository import Depot

MOIS = f"seances/{horloge_aujourd_hui().year}-01.json"


@pytest.fixture
def dossier(tmp_path):
    d = tmp_path / "d"
    depot = Depot.ouvrir(d)
    with depot.transaction("x") as tx:
        tx.put(Personne(id="p1", nom="Durand", prenom="Anne"))
        tx.put(Activite(id="senou", nom="SÉNOU"))
        tx.put(Cycle(id="c1", activite="senou", nom="C"))
        tx.put(Groupe(id="g1", cycle="c1", nom="G"))
        tx.put(Seance(id="s1", groupe="g1", date=date(horloge_aujourd_hui().year, 1, 10)))
    depot.fermer()
    return d


@pytest.mark.parametrize("fichier", ["atelier.json", MOIS])
@pytest.mark.parametrize("casse", ["tronque", "dechets", "vide"])
def test_fichier_casse_nomme_et_non_modifie(dossier, fichier, casse):
    chemin = dossier / fichier
    contenu = chemin.read_bytes()
    abime = {"tronque": contenu[: len(contenu) // 2], "dechets": b"\x00\xff\x13garbage", "vide": b""}[casse]
    chemin.write_bytes(abime)
    with pytest.raises(DonneesIllisibles) as err:
        Depot.ouvrir(dossier)
    assert err.value.fichier == fichier
    assert f"« {fichier} » est illisible" in err.value.message
    assert chemin.read_bytes() == abime


def test_json_qui_n_est_pas_un_objet(dossier):
    (dossier / "atelier.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(DonneesIllisibles, match="n'a pas la forme attendue"):
        Depot.ouvrir(dossier)


def test_fichier_principal_manquant(dossier):
    (dossier / "atelier.json").unlink()
    with pytest.raises(DonneesIllisibles, match=r"« atelier\.json » manque"):
        Depot.ouvrir(dossier)


def test_verifier_sort_en_3_puis_restaurer_repare(dossier, capsys):
    faite = backups.sauvegarder(dossier, raison="quotidienne")
    faite.rename(faite.with_name("atelier-20200101-080000-quotidienne.zip"))  # an older backup
    abime = b'{"personnes": {"p1": '
    (dossier / "atelier.json").write_bytes(abime)
    assert cli.main(["--donnees", str(dossier), "verifier"]) == 3
    sortie = capsys.readouterr()
    assert "« atelier.json » est illisible" in sortie.err
    assert "Traceback" not in sortie.err
    assert cli.main(["--donnees", str(dossier), "restaurer"]) == 0
    sortie = capsys.readouterr()
    assert "restaurée" in sortie.out
    mis_de_cote = list((dossier / "mis_de_cote").rglob("atelier.json"))
    assert [p.read_bytes() for p in mis_de_cote] == [abime]
    assert cli.main(["--donnees", str(dossier), "verifier"]) == 0
    depot = Depot.ouvrir(dossier)
    try:
        assert depot.get(Personne, "p1").nom == "Durand"
    finally:
        depot.fermer()
