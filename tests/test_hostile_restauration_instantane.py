"""The state a restore replaces is kept as a snapshot folder (renamed, not copied): listed, checked,
restorable and deletable like a backup; and a restore decodes each data file once (issue 14, speed)."""

from __future__ import annotations

import io
import os
import shutil
from datetime import datetime

import pytest

from atelier_app import assemblage, cli
from atelier_app.errors import UserError
from atelier_app.storage import backups, fichier
from tests.test_hostile_restauration import _etat, contenu, peupler


def atelier(capsys, monkeypatch, *args):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code = cli.main([str(a) for a in args])
    sortie = capsys.readouterr()
    assert "Traceback" not in sortie.err and "erreur inattendue" not in sortie.err
    return code, sortie.out, sortie.err


@pytest.fixture
def restaure(tmp_path):
    """A folder holding a1, a2, restored to a backup holding n1, n2, n3."""
    modele = tmp_path / "modele"
    peupler(modele, ["n1", "n2", "n3"], 2024)
    archive = tmp_path / "archive.zip"
    archive.write_bytes(backups.sauvegarder(modele, raison="manuelle").read_bytes())
    d = tmp_path / "donnees"
    peupler(d, ["a1", "a2"], 2025)
    avant = {k: v for k, v in contenu(d).items() if not k.startswith("sauvegardes/")}
    _utilisee, a_cote = assemblage.restaurer(d, archive)
    return d, a_cote, avant


def test_etat_remplace_garde_tel_quel_et_liste(restaure):
    d, a_cote, avant = restaure
    assert _etat(d) == {"n1", "n2", "n3"}
    assert {k: v for k, v in contenu(a_cote).items()} == avant  # byte for byte, nothing copied or lost
    assert not list((d / "sauvegardes").glob("*avant-restauration*"))  # no 30 MB copy while the user waits
    liste = backups.lister(d)
    assert liste[0].chemin == a_cote and liste[0].instantane and liste[0].a_la_main
    assert a_cote.name.startswith("atelier-") and a_cote.name.endswith("-avant-restauration")
    assert backups.verifier_archive(a_cote)
    assert backups.derniere_bonne(d) == a_cote  # the only backup here
    zip_ancien = d / "sauvegardes" / "atelier-20200101-080000-quotidienne.zip"
    zip_ancien.parent.mkdir(exist_ok=True)
    zip_ancien.write_bytes(backups.archive(a_cote))
    assert backups.derniere_bonne(d) == zip_ancien  # a zip first, even older: like avant-restauration
    backups.tourner(d)
    assert a_cote.is_dir()  # never rotated
    quand = datetime.strptime(a_cote.name[8:23], "%Y%m%d-%H%M%S")
    assert not backups.sauvegarde_du_jour_faite(d, quand.date()) or any(
        not s.instantane and s.quand.date() == quand.date() for s in liste)


def test_etat_remplace_restaurable_par_la_commande(capsys, monkeypatch, restaure):
    d, a_cote, _avant = restaure
    code, out, err = atelier(capsys, monkeypatch, "--donnees", d, "restaurer", a_cote)
    assert code == 0, err
    assert "restaurée" in out
    assert _etat(d) == {"a1", "a2"}


def test_etat_remplace_restaurable_depuis_les_services(restaure):
    d, a_cote, _avant = restaure
    s = assemblage.ouvrir(d)
    try:
        assert s.donnees.preparer_restauration(a_cote) == a_cote
        assert a_cote in [x.chemin for x in s.donnees.sauvegardes()]
    finally:
        assemblage.fermer(s)
    assemblage.restaurer(d, a_cote)
    assert _etat(d) == {"a1", "a2"}


def test_instantane_avec_un_lien_refuse(tmp_path, restaure):
    d, a_cote, _avant = restaure
    secret = tmp_path / "ailleurs.json"
    secret.write_text('{"personnes": {}}')
    cible = next(a_cote.glob("personnes/*.json"))
    cible.unlink()
    os.symlink(secret, cible)
    avant = contenu(d)
    with pytest.raises(UserError, match="lien"):
        assemblage.restaurer(d, a_cote)
    assert contenu(d) == avant
    with pytest.raises(UserError, match="lien"):
        backups.verifier_archive(a_cote)


def test_supprimer_un_instantane(restaure, tmp_path):
    d, a_cote, _avant = restaure
    s = assemblage.ouvrir(d)
    try:
        s.donnees.supprimer_sauvegarde(a_cote)
        assert not a_cote.exists()
        autre = tmp_path / "atelier-20260101-000000-avant-restauration"
        (autre).mkdir()
        with pytest.raises(UserError, match="n'est pas une sauvegarde de ce dossier"):
            s.donnees.supprimer_sauvegarde(autre)
        assert autre.exists()
    finally:
        assemblage.fermer(s)


def test_chaque_fichier_decode_une_seule_fois(tmp_path, monkeypatch):
    """The staged store is built from the dicts decoded while unpacking, not by reading the files again."""
    d = tmp_path / "donnees"
    peupler(d, ["a1", "a2"], 2025)
    archive = backups.sauvegarder(d, raison="manuelle")
    relus = []
    vrai = fichier.lire_json
    monkeypatch.setattr("atelier_app.storage.repository.lire_json",
                        lambda chemin, rel: relus.append(chemin) or vrai(chemin, rel))
    assemblage.restaurer(d, archive)
    assert [c for c in relus if ".restauration" in str(c)] == []
    assert _etat(d) == {"a1", "a2"}


@pytest.mark.gui
def test_instantane_restaurable_depuis_les_parametres(app, tmp_path) -> None:
    """Paramètres › Sauvegardes lists the state a restore replaced and puts it back like a backup."""
    from atelier_app.domain.personnes import Personne
    from atelier_app.gui.onglets_parametres import sauvegardes

    s = app.services
    dossier = s.depot.dossier
    s.personnes.ajouter(Personne(id="", nom="Avant", prenom="Anne", annee_naissance=1950))
    archive = tmp_path / "archive.zip"
    archive.write_bytes(s.donnees.sauvegarder(raison="manuelle").read_bytes())
    s.personnes.ajouter(Personne(id="", nom="Apres", prenom="Paul", annee_naissance=1960))
    assemblage.fermer(s)
    _utilisee, a_cote = assemblage.restaurer(dossier, archive)
    app.services = s = assemblage.ouvrir(dossier)
    page = sauvegardes.construire(app.racine, app)
    assert str(a_cote) in page.arbre.get_children()
    assert page.arbre.item(str(a_cote), "values")[1].endswith("-avant-restauration")
    page.arbre.focus(str(a_cote))
    page.restaurer()
    assert app.a_restaurer == a_cote
    assemblage.fermer(s)
    assemblage.restaurer(dossier, app.a_restaurer)
    rouvert = assemblage.ouvrir(dossier)
    try:
        assert {"Avant", "Apres"} <= {p.nom for p in rouvert.personnes.rechercher("")}
    finally:
        assemblage.fermer(rouvert)


def _dossier_partage(tmp_path):
    """A folder and a backup of it that share most files: the backup is last week's, one person added since."""
    from atelier_app.domain.personnes import Personne
    from atelier_app.storage.repository import Depot

    d = tmp_path / "donnees"
    peupler(d, ["p1", "p2", "p3"], 2024)
    archive = tmp_path / "archive.zip"
    archive.write_bytes(backups.sauvegarder(d, raison="manuelle").read_bytes())
    depot = Depot.ouvrir(d)
    try:
        with depot.transaction("après") as tx:
            tx.put(Personne(id="p9", nom="Nouveau", prenom="N", cree_le=datetime(2026, 11, 2).date()))
    finally:
        depot.fermer()
    return d, archive


def test_fichiers_identiques_lies_jamais_ecrits_a_travers(tmp_path):
    """The staged copy of a file identical to the live one is a hard link (no 30 MB rewritten); the
    snapshot kept in mis_de_cote/ and the restored folder then never diverge by accident."""
    from atelier_app.domain.personnes import Personne
    from atelier_app.storage.repository import Depot

    d, archive = _dossier_partage(tmp_path)
    identiques = [p.relative_to(d) for p in d.rglob("personnes/2024-*.json")]
    assert identiques
    _u, a_cote = assemblage.restaurer(d, archive)
    for rel in identiques:
        assert (d / rel).stat().st_ino == (a_cote / rel).stat().st_ino
    assert _etat(d) == {"p1", "p2", "p3"}
    garde = contenu(a_cote)
    depot = Depot.ouvrir(d)
    try:
        with depot.transaction("change une année partagée") as tx:
            tx.put(Personne(id="p1", nom="Changé", prenom="X", cree_le=datetime(2024, 1, 1).date()))
    finally:
        depot.fermer()
    assert contenu(a_cote) == garde  # the write replaced the live file, never the shared one
    assert _etat(a_cote) == {"p1", "p2", "p3", "p9"}


@pytest.mark.lent
def test_tue_a_chaque_etape_avec_fichiers_lies(tmp_path):
    """SIGKILL before each system call of a restore whose files are mostly links: old or new, never mixed."""
    import signal

    modele, archive = _dossier_partage(tmp_path)
    vus = {"ancien": 0, "nouveau": 0}
    for etape in range(1, 2000):
        dossier = tmp_path / f"d{etape}"
        shutil.copytree(modele, dossier)
        pid = os.fork()
        if pid == 0:
            compte = [0]
            for nom in ("replace", "fsync", "unlink", "mkdir", "rmdir", "link"):
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
        assert personnes in ({"p1", "p2", "p3", "p9"}, {"p1", "p2", "p3"}), (etape, personnes)
        vus["ancien" if "p9" in personnes else "nouveau"] += 1
        assert not (dossier / ".restauration").exists() and not (dossier / "restauration.json").exists()
        shutil.rmtree(dossier)
        if os.WIFEXITED(statut):
            break
    assert vus["ancien"] > 5 and vus["nouveau"] > 1, vus
