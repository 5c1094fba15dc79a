"""Hostile: a restore never writes outside the data folder, never leaves a mixed or empty centre,
never brings an erased person back (issue 14)."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import stat
import zipfile
from datetime import date
from pathlib import Path

import pytest

from atelier_app import assemblage, cli
from atelier_app.domain.activites import Activite, Cycle, Groupe
from atelier_app.domain.journal import EntreeJournal
from atelier_app.domain.personnes import Personne
from atelier_app.domain.seances import Presence, Seance
from atelier_app.errors import UserError
from atelier_app.storage import backups, chiffrement, interchange
from atelier_app.storage.repository import Depot

PHRASE = "une phrase de passe assez longue"


def atelier(capsys, monkeypatch, *args, entree=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(entree))
    code = cli.main([str(a) for a in args])
    sortie = capsys.readouterr()
    assert "Traceback" not in sortie.err and "erreur inattendue" not in sortie.err
    return code, sortie.out, sortie.err


def contenu(dossier: Path) -> dict[str, bytes]:
    return {str(p.relative_to(dossier)): p.read_bytes() for p in sorted(dossier.rglob("*"))
            if p.is_file() and not p.name.startswith("atelier.lock") and p.suffix != ".log"}


def peupler(dossier: Path, ids: list[str], annee: int) -> None:
    depot = Depot.ouvrir(dossier)
    try:
        with depot.transaction("base") as tx:
            tx.put_many([Activite(id="senou", nom="S"), Cycle(id="c1", activite="senou", nom="C"),
                         Groupe(id="g1", cycle="c1", nom="G")])
            tx.put_many([Personne(id=i, nom=f"Nom {i}", prenom="X", telephone="0601020304",
                                  cree_le=date(annee, 1 + n % 12, 1)) for n, i in enumerate(ids)])
            tx.put_many([Seance(id=f"s-{i}", groupe="g1", date=date(annee, 1 + n % 12, 3),
                                presences=(Presence(i),)) for n, i in enumerate(ids)])
    finally:
        depot.fermer()


def zip_avec(tmp_path: Path, membres: dict[str, bytes], liens: tuple[str, ...] = ()) -> Path:
    chemin = tmp_path / "piege.zip"
    with zipfile.ZipFile(chemin, "w") as z:
        for nom, octets in membres.items():
            info = zipfile.ZipInfo(nom)
            if nom in liens:
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
            z.writestr(info, octets)
    return chemin


NOYAU_OK = json.dumps({"_meta": {"schema": {"version": 2}}}).encode()


@pytest.fixture
def d(tmp_path):
    d = tmp_path / "donnees"
    peupler(d, ["p1", "p2"], 2025)
    return d


@pytest.mark.parametrize("membre", ["../../evade.json", "/tmp/evade-atelier-test.json", "annees/../../evade.json",
                                    "notes.txt", "annees/2025.json"])
@pytest.mark.parametrize("commande", ["restaurer", "restaurer-chiffree"])
def test_archive_piegee_refusee_rien_ecrit(capsys, monkeypatch, tmp_path, d, membre, commande):  # noqa: PLR0917
    liens = ("annees/2025.json",) if membre == "annees/2025.json" else ()
    archive = zip_avec(tmp_path, {"atelier.json": NOYAU_OK, membre: b"{}"}, liens)
    if commande == "restaurer-chiffree":
        chiffre = tmp_path / "piege.atelier-chiffre"
        chiffre.write_bytes(chiffrement.chiffrer(archive.read_bytes(), PHRASE))
        archive = chiffre
    avant = contenu(d)
    code, _, err = atelier(capsys, monkeypatch, "--donnees", d, commande, archive, entree=PHRASE + "\n")
    assert code == 1 and "Rien n'a été changé" in err and membre in err
    assert contenu(d) == avant
    assert not (tmp_path / "evade.json").exists() and not Path("/tmp/evade-atelier-test.json").exists()
    assert not (d / ".restauration").exists()


@pytest.mark.parametrize("cas", ["schema_futur", "reference_cassee", "json_casse"])
def test_archive_qui_laisserait_un_dossier_inouvrable_refusee(tmp_path, d, cas):
    membres = {"atelier.json": NOYAU_OK}
    if cas == "schema_futur":
        membres["atelier.json"] = json.dumps({"_meta": {"schema": {"version": 99}}}).encode()
    elif cas == "reference_cassee":
        membres["seances/2025-01.json"] = json.dumps(
            {"seances": {"s9": {"id": "s9", "groupe": "absent", "date": "2025-01-03", "presences": []}}}).encode()
    else:
        membres["personnes/2025-01.json"] = b'{"personnes": {'
    archive = zip_avec(tmp_path, membres)
    avant = contenu(d)
    with pytest.raises(UserError, match=r"[Rr]ien n'a été changé"):
        assemblage.restaurer(d, archive)
    assert contenu(d) == avant


def test_anonymisation_survit_a_la_restauration(tmp_path, d):
    archive = backups.sauvegarder(d, raison="manuelle")
    s = assemblage.ouvrir(d)
    try:
        s.rgpd.anonymiser("p1")
    finally:
        assemblage.fermer(s)
    assert "p1" in (d / "effacements.json").read_text()
    (d / "journal.json").unlink()  # even without the journal, the ids list outside the data is enough
    assemblage.restaurer(d, archive)
    s = assemblage.ouvrir(d)
    try:
        p1 = s.depot.get(Personne, "p1")
        assert p1.anonymise and p1.nom != "Nom p1" and not p1.telephone
        assert s.depot.get(Personne, "p2").nom == "Nom p2"
        assert [e.action for e in s.depot.all(EntreeJournal)] == ["restauration"]
    finally:
        assemblage.fermer(s)


def test_journal_garde_et_restauration_journalisee(capsys, monkeypatch, d):
    archive = backups.sauvegarder(d, raison="manuelle")
    s = assemblage.ouvrir(d)
    try:
        s.rgpd.anonymiser("p2")
    finally:
        assemblage.fermer(s)
    code, _, err = atelier(capsys, monkeypatch, "--donnees", d, "restaurer", archive)
    assert code == 0, err
    depot = Depot.ouvrir(d)
    try:
        assert sorted(e.action for e in depot.all(EntreeJournal)) == ["anonymisation", "restauration"]
        assert depot.get(Personne, "p2").anonymise
    finally:
        depot.fermer()


def _etat(dossier: Path) -> set[str]:
    depot = Depot.ouvrir(dossier)  # never DonneesIllisibles
    try:
        depot.charger_tout()
        assert interchange.verifier(depot) == []
        return {p.id for p in depot.all(Personne)}
    finally:
        depot.fermer()


@pytest.mark.lent
def test_tue_a_chaque_etape_de_la_restauration(tmp_path):
    """SIGKILL before each system call of a restore (rename, fsync, unlink, mkdir): old or new, never mixed."""
    modele = tmp_path / "modele"
    peupler(modele, ["n1", "n2", "n3"], 2024)
    archive = tmp_path / "archive.zip"
    shutil.copy(backups.sauvegarder(modele, raison="manuelle"), archive)
    shutil.rmtree(modele)
    peupler(modele, ["a1", "a2"], 2025)
    anciens, nouveaux = {"a1", "a2"}, {"n1", "n2", "n3"}
    vus = {"ancien": 0, "nouveau": 0}
    etape = 1
    while etape < 2000:
        dossier = tmp_path / f"d{etape}"
        shutil.copytree(modele, dossier)
        pid = os.fork()
        if pid == 0:  # the child restores and kills itself at the chosen system call
            compte = [0]
            for nom in ("replace", "fsync", "unlink", "mkdir", "rmdir"):
                vrai = getattr(os, nom)

                def pas(*a, _vrai=vrai, compte=compte, etape=etape, **k):
                    compte[0] += 1
                    if compte[0] == etape:
                        os.kill(os.getpid(), signal.SIGKILL)
                    return _vrai(*a, **k)

                setattr(os, nom, pas)
            try:
                assemblage.restaurer(dossier, archive)
            except BaseException:
                os._exit(2)
            os._exit(0)
        _pid, statut = os.waitpid(pid, 0)
        assert not os.WIFEXITED(statut) or os.WEXITSTATUS(statut) == 0, etape
        personnes = _etat(dossier)
        assert personnes in (anciens, nouveaux), (etape, personnes)
        vus["ancien" if personnes == anciens else "nouveau"] += 1
        assert not (dossier / ".restauration").exists() and not (dossier / "restauration.json").exists()
        shutil.rmtree(dossier)
        if os.WIFEXITED(statut):
            break
        etape += 1
    assert vus["ancien"] > 5 and vus["nouveau"] > 1, vus


def test_archive_piegee_refusee_avant_de_fermer_la_fenetre(tmp_path, d):
    """The GUI checks a backup before closing to restore it: a trapped member is named at that point."""
    archive = zip_avec(tmp_path, {"atelier.json": NOYAU_OK, "../../evade.json": b"{}"})
    s = assemblage.ouvrir(d)
    try:
        with pytest.raises(UserError, match="sort du dossier"):
            s.donnees.preparer_restauration(archive)
    finally:
        assemblage.fermer(s)
