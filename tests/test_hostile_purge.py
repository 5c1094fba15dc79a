"""Hostile: a typo in a mass erasure must not anonymise the centre (issue 14, "Mass changes are guarded")."""

from __future__ import annotations

from datetime import date

import pytest

from atelier_app import cli
from atelier_app.domain.personnes import Personne
from atelier_app.storage import backups
from atelier_app.storage.repository import Depot


def atelier(capsys, *args):
    code = cli.main([str(a) for a in args])
    sortie = capsys.readouterr()
    assert "Traceback" not in sortie.err and "erreur inattendue" not in sortie.err
    return code, sortie.out, sortie.err


@pytest.fixture
def d(tmp_path):
    d = tmp_path / "donnees"
    depot = Depot.ouvrir(d)
    with depot.transaction("base") as tx:
        tx.put_many([Personne(id=f"p{i}", nom=f"Nom{i}", prenom="X", cree_le=date(2020, 1, 1)) for i in range(15)])
    depot.fermer()
    return d


def anonymises(d) -> int:
    depot = Depot.ouvrir(d)
    try:
        return sum(p.anonymise for p in depot.all(Personne))
    finally:
        depot.fermer()


@pytest.mark.parametrize("annees", ["-1", "0", "1000000"])
def test_duree_absurde_refusee_sans_rien_changer(capsys, d, annees):
    code, _, err = atelier(capsys, "--donnees", d, "rgpd", "purger", "--inactifs-depuis", annees, "--appliquer")
    assert code == 1 and "Durée d'inactivité" in err
    assert anonymises(d) == 0


def test_anonymisation_de_masse_demande_oui_et_sauvegarde_avant(capsys, d):
    code, _, err = atelier(capsys, "--donnees", d, "rgpd", "purger", "--inactifs-depuis", "1", "--appliquer")
    assert code == 1 and "15 personnes" in err and "--oui" in err
    assert anonymises(d) == 0
    code, _out, err = atelier(capsys, "--donnees", d, "rgpd", "purger", "--inactifs-depuis", "1", "--appliquer", "--oui")
    assert code == 0, err
    assert anonymises(d) == 15
    assert any("avant-anonymisation" in s.chemin.name for s in backups.lister(d))
