"""The store on a PostgreSQL server: errors, conflicts, other PCs' changes, cuts, backups, migrer.

Each test runs against a throw-away cluster (tests/serveur_fixtures.py); several "PCs" are real
processes (tests/serveur_processus.py) sharing only the server.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import psycopg
import pytest

from atelier_app import assemblage
from atelier_app.cli import main
from atelier_app.domain.personnes import Personne
from atelier_app.domain.seances import Seance
from atelier_app.errors import Conflit, UserError
from atelier_app.storage.repository import Depot
from atelier_app.storage.serveur import lire_adresse
from tests.pg_grappe import MOT_DE_PASSE
from tests.serveur_processus import preparer

RACINE = Path(__file__).resolve().parents[1]


def atelier(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def processus(*args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(RACINE)}
    return subprocess.Popen([sys.executable, "-m", "tests.serveur_processus", *args], cwd=RACINE, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def resultat(p: subprocess.Popen) -> dict:
    out, err = p.communicate(timeout=300)
    assert p.returncode == 0, err
    return json.loads(out.strip().splitlines()[-1])


def test_mot_de_passe_dans_l_adresse_refuse(capsys) -> None:
    with pytest.raises(UserError, match="PGPASSWORD"):
        lire_adresse("postgresql://marie:secret@serveur/atelier")
    code, _, err = atelier(capsys, "--donnees", "postgresql://marie:secret@serveur/atelier", "verifier")
    assert code == 1 and "secret" not in err and "mot de passe" in err


def test_serveur_injoignable_code_3(capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("ATELIER_DOSSIER_LOCAL", str(tmp_path))
    code, _, err = atelier(capsys, "--donnees", "postgresql://atelier@127.0.0.1:1/atelier", "verifier")
    assert code == 3 and "ne répond pas" in err and "Traceback" not in err


def test_mauvais_mot_de_passe_et_base_absente_code_3(capsys, grappe, base_serveur, monkeypatch) -> None:
    monkeypatch.setenv("PGPASSWORD", "pas-le-bon")
    code, _, err = atelier(capsys, "--donnees", base_serveur, "verifier")
    assert code == 3 and "mot de passe" in err and "pas-le-bon" not in err
    monkeypatch.setenv("PGPASSWORD", MOT_DE_PASSE)
    code, _, err = atelier(capsys, "--donnees", grappe.adresse("absente"), "verifier")
    assert code == 3 and "« absente » n'existe pas" in err


def test_cli_sur_le_serveur(capsys, base_serveur, tmp_path) -> None:
    code, out, _ = atelier(capsys, "--donnees", base_serveur, "demo")
    libelle = lire_adresse(base_serveur).libelle  # the data is on the server, not in this PC's folder
    assert code == 0 and f"installée sur le serveur PostgreSQL {libelle}" in out and "postes" not in out
    code, out, _ = atelier(capsys, "--donnees", base_serveur, "verifier")
    assert code == 0 and "Tout va bien" in out and libelle in out and "postes" not in out
    code, out, _ = atelier(capsys, "--donnees", base_serveur, "sauvegarder")
    assert code == 0, _
    zip_ = Path(out.split("Sauvegarde écrite : ")[1].strip())
    # the folder's own tools read a server backup: restore it into a folder, open it, same data
    dossier = tmp_path / "depuis-sauvegarde"
    dossier.mkdir()
    with zipfile.ZipFile(zip_) as z:
        z.extractall(dossier)
    d = Depot.ouvrir(dossier)
    s = assemblage.ouvrir(base_serveur)
    try:
        d.charger_tout()
        assert d.count(Personne) == s.depot.count(Personne) > 100
        assert d.count(Seance) == s.depot.count(Seance)
    finally:
        d.fermer()
        assemblage.fermer(s)
    code, out, _ = atelier(capsys, "--donnees", base_serveur, "restaurer", zip_)
    assert code == 0 and "restaurée" in out
    code, _, err = atelier(capsys, "--donnees", base_serveur, "restaurer", tmp_path / "absente.zip")
    assert code == 1 and "n'existe pas" in err


def test_migrer_aller_et_retour(capsys, base_serveur, bases, tmp_path) -> None:
    source = tmp_path / "source"
    assert atelier(capsys, "--donnees", source, "demo")[0] == 0
    code, out, err = atelier(capsys, "--donnees", source, "migrer", "--vers", base_serveur)
    assert code == 0, err
    assert "vérifiée" in out
    code, _, err = atelier(capsys, "--donnees", source, "migrer", "--vers", base_serveur)
    assert code == 1 and "contient déjà des données" in err
    retour = tmp_path / "retour"
    code, out, err = atelier(capsys, "--donnees", base_serveur, "migrer", "--vers", retour)
    assert code == 0, err
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert atelier(capsys, "--donnees", source, "exporter", a)[0] == 0
    assert atelier(capsys, "--donnees", retour, "exporter", b)[0] == 0
    assert json.loads(a.read_text())["seances"] == json.loads(b.read_text())["seances"]


def test_un_autre_poste_est_vu_et_ne_peut_pas_ecraser(base_serveur) -> None:
    a = assemblage.ouvrir(base_serveur)
    preparer(a)
    b = assemblage.ouvrir(base_serveur)
    vus: list[str] = []
    b.ctx.ecouteurs.append(vus.append)
    try:
        sid = a.seances.seances_du_groupe("g-initiation")[0].id
        inscrits = a.activites.groupe("g-initiation").inscrits
        b.presences.participants(sid)           # B opens the roll call
        a.presences.participants(sid)
        a.ctx.utilisateur = type(a.ctx.utilisateur)("sophie", a.ctx.role)
        a.presences.enregistrer(sid, dict.fromkeys(inscrits, "present"))
        limite = time.monotonic() + 1.0          # within a second, B's screens are told and B's copy is current
        while "seances" not in vus and time.monotonic() < limite:
            time.sleep(0.02)
        assert "seances" in vus
        assert {p.statut for p in b.depot.get(Seance, sid).presences} == {"present"}
        with pytest.raises(Conflit) as exc:     # B typed on the old roll call: told, nothing written
            b.presences.enregistrer(sid, dict.fromkeys(inscrits, "absent"))
        assert "sophie" in exc.value.message and "La séance a été modifiée" in exc.value.message
        assert {p.statut for p in a.depot.get(Seance, sid).presences} == {"present"}
        b.presences.enregistrer(sid, dict.fromkeys(inscrits, "absent"))  # B looked, saves again
        c = assemblage.ouvrir(base_serveur)
        try:
            assert {p.statut for p in c.depot.get(Seance, sid).presences} == {"absent"}
        finally:
            assemblage.fermer(c)
    finally:
        assemblage.fermer(a)
        assemblage.fermer(b)


def test_version_depassee_au_moment_d_ecrire(base_serveur) -> None:
    """Both save in the same instant (B's copy not yet told): the server's version check refuses B."""
    a = assemblage.ouvrir(base_serveur)
    preparer(a)
    b = assemblage.ouvrir(base_serveur)
    b.depot.ecoute.arreter()  # B hears nothing: the server alone must refuse
    try:
        p = a.depot.get(Personne, "senou-p1")
        from dataclasses import replace

        with a.depot.transaction("A") as tx:
            tx.put(replace(p, telephone="06 11 11 11 11"))
        with pytest.raises(Conflit), b.depot.transaction("B") as tx:
            tx.put(replace(p, telephone="06 22 22 22 22"))
        assert b.depot.get(Personne, "senou-p1").telephone == "06 11 11 11 11"
    finally:
        assemblage.fermer(a)
        assemblage.fermer(b)


@pytest.mark.parametrize("etape", ["avant les lignes", "apres les lignes"])
def test_coupure_pendant_un_enregistrement(base_serveur, grappe, monkeypatch, etape) -> None:
    from atelier_app.storage.serveur.depot import DepotServeur

    s = assemblage.ouvrir(base_serveur)
    try:
        preparer(s, nb_seances=2)
        sid = s.seances.seances_du_groupe("g-initiation")[0].id
        inscrits = s.activites.groupe("g-initiation").inscrits
        avant = grappe.sql("SELECT count(*), max(seq) FROM atelier_docs", base_serveur.rsplit("/", 1)[1])
        ecrire = DepotServeur.ecrire_lignes

        def couper() -> None:
            pid = s.depot._conn.info.backend_pid
            grappe.sql("SELECT pg_terminate_backend(%s)", "postgres", (pid,))

        def ecrire_coupe(self, *args, **kwargs):
            if etape == "avant les lignes":
                couper()
            ecrire(self, *args, **kwargs)
            if etape == "apres les lignes":
                couper()
                self._conn.execute("SELECT 1")

        monkeypatch.setattr(DepotServeur, "ecrire_lignes", ecrire_coupe)
        with pytest.raises(UserError, match="coupée pendant l'enregistrement"):
            s.presences.enregistrer(sid, dict.fromkeys(inscrits, "present"))
        assert grappe.sql("SELECT count(*), max(seq) FROM atelier_docs", base_serveur.rsplit("/", 1)[1]) == avant
        assert s.depot.get(Seance, sid).presences == ()  # the local copy is back as it was
        monkeypatch.setattr(DepotServeur, "ecrire_lignes", ecrire)
        s.presences.enregistrer(sid, dict.fromkeys(inscrits, "present"))  # reconnects, saves
        assert len(s.depot.get(Seance, sid).presences) == 6
    finally:
        assemblage.fermer(s)


def test_deux_postes_500_enregistrements_chacun(base_serveur) -> None:
    s = assemblage.ouvrir(base_serveur)
    preparer(s)
    assemblage.fermer(s)
    pcs = [processus("saves", base_serveur, activite, "500") for activite in ("initiation", "senou")]
    derniers = [resultat(p) for p in pcs]
    s = assemblage.ouvrir(base_serveur)
    try:
        for attendus in derniers:
            assert len(attendus) == 10
            for sid, statuts in attendus.items():  # 0 lost: every session holds its last save
                assert {p.personne: p.statut for p in s.depot.get(Seance, sid).presences} == statuts
    finally:
        assemblage.fermer(s)


def test_deux_postes_sur_le_meme_appel(base_serveur, tmp_path) -> None:
    s = assemblage.ouvrir(base_serveur)
    preparer(s)
    sid = s.seances.seances_du_groupe("g-initiation")[0].id
    assemblage.fermer(s)
    pcs = [processus("meme", base_serveur, sid, str(tmp_path), nom, statut)
           for nom, statut in (("a", "present"), ("b", "absent"))]
    res = [resultat(p) for p in pcs]
    assert sorted(r["resultat"] for r in res) == ["conflit", "ok"]
    gagnant = ("present", "absent")[[r["resultat"] for r in res].index("ok")]
    message = next(r["message"] for r in res if r["resultat"] == "conflit")
    assert "La séance a été modifiée" in message and "enregistrez de nouveau" in message
    s = assemblage.ouvrir(base_serveur)
    try:
        assert {p.statut for p in s.depot.get(Seance, sid).presences} == {gagnant}  # no silent overwrite
    finally:
        assemblage.fermer(s)


def test_journee_a_deux_postes_chiffres_identiques(base_serveur, capsys, tmp_path) -> None:
    s = assemblage.ouvrir(base_serveur)
    preparer(s)
    assemblage.fermer(s)
    pcs = [processus("journee", base_serveur, activite) for activite in ("initiation", "senou")]
    assert [resultat(p)["resultat"] for p in pcs] == ["ok", "ok"]
    dossier = tmp_path / "copie"
    code, _out, err = atelier(capsys, "--donnees", base_serveur, "migrer", "--vers", dossier)
    assert code == 0, err
    sorties = {}
    for nom, donnees in (("serveur", base_serveur), ("dossier", dossier)):
        f = tmp_path / f"stats-{nom}.csv"
        code, _, err = atelier(capsys, "--donnees", donnees, "stats", "--annee", "2025", "--sortie", f)
        assert code == 0, err
        sorties[nom] = f.read_bytes()
    assert sorties["serveur"] == sorties["dossier"]
    s = assemblage.ouvrir(base_serveur)
    try:
        assert s.depot.count(Personne) == 12 + 2 + 12  # two arrivals, six walk-ins per PC
    finally:
        assemblage.fermer(s)


def test_connexion_directe_sans_mot_de_passe_en_clair(base_serveur, tmp_path, capsys) -> None:
    atelier(capsys, "--donnees", base_serveur, "demo")
    journal = next((tmp_path / "postes").rglob("atelier.log"), None)
    if journal is not None:
        assert os.environ["PGPASSWORD"] not in journal.read_text(encoding="utf-8")
    with psycopg.connect(base_serveur) as c:  # who saved is recorded with each record
        assert c.execute("SELECT count(*) FROM atelier_docs WHERE par LIKE 'administrateur du poste (%)'").fetchone()[0] > 0


def test_verifier_trouve_les_incoherences_sur_le_serveur(capsys, base_serveur) -> None:
    from atelier_app.domain.activites import Groupe

    s = assemblage.ouvrir(base_serveur)
    try:
        with s.depot.transaction("x") as tx:
            tx.put(Groupe(id="g1", cycle="c9", nom="G"))
    finally:
        assemblage.fermer(s)
    code, out, _ = atelier(capsys, "--donnees", base_serveur, "verifier")
    assert code == 1 and "renvoie à « c9 »" in out
