"""Hostile: every PDF (and the person's export) goes through the one writer (issue 14): a failure in
the middle leaves no partial file and the old file untouched, a target in the data folder is refused
in French, no temporary file stays behind."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfdoc

from atelier_app import assemblage, cli
from atelier_app.domain.journal import EntreeJournal
from atelier_app.domain.seances import Seance
from atelier_app.errors import UserError

ANCIEN = b"%PDF-1.4 ancien document que l'on garde"

DOCUMENTS = {
    "attestation": lambda d, s, c: d.attestation(s.groupe, s.presences[0].personne, c),
    "emargement_seance": lambda d, s, c: d.emargement_seance(s.id, c),
    "emargement_mois": lambda d, s, c: d.emargement_mois(s.groupe, s.date.year, s.date.month, c),
    "fiche": lambda d, s, c: d.fiche("initiation", s.date.year, c),
    "rapport": lambda d, s, c: d.rapport(s.date.year, c),
    "lettres": lambda d, s, c: d.lettres("initiation", c),
    "notice": lambda d, s, c: d.notice_information(c),
    "registre": lambda d, s, c: d.registre_traitements(c),
}


@pytest.fixture(scope="module")
def demo_modele(tmp_path_factory):
    d = tmp_path_factory.mktemp("demo") / "donnees"
    assert cli.main(["--donnees", str(d), "demo", "--echelle", "petite"]) == 0
    return d


@pytest.fixture
def demo(demo_modele, tmp_path_factory):
    """A fresh copy each test: the letters mark people invited, and are then not printed again."""
    d = tmp_path_factory.mktemp("copie") / "donnees"
    shutil.copytree(demo_modele, d, ignore=shutil.ignore_patterns("*.lock"))
    return d


@pytest.fixture
def services(demo):
    s = assemblage.ouvrir(demo)
    yield s
    assemblage.fermer(s)


def seance(services) -> Seance:
    return next(x for x in services.depot.all(Seance) if x.presences)


def contenu(dossier: Path) -> dict[str, bytes]:
    return {str(p.relative_to(dossier)): p.read_bytes() for p in sorted(dossier.rglob("*"))
            if p.is_file() and not p.name.startswith("atelier.lock") and p.suffix != ".log"}


class _Coupe:
    """A file cut by a full disk after half of what was asked: the fault injected into reportlab's save."""

    def __init__(self, f):
        self._f = f

    def write(self, data):
        self._f.write(data[: len(data) // 2])
        self._f.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def close(self):
        self._f.close()


@pytest.fixture
def disque_plein_en_cours(monkeypatch):
    """reportlab's PDFDocument.SaveToFile opens its file with the built-in ``open``: cut it there."""
    monkeypatch.setattr(pdfdoc, "open", lambda nom, mode="r", *a, **k: _Coupe(open(nom, mode, *a, **k)),
                        raising=False)


@pytest.mark.parametrize("nom", sorted(DOCUMENTS))
def test_pdf_coupe_en_cours_ancien_garde(services, tmp_path, disque_plein_en_cours, nom):
    cible = tmp_path / f"{nom}.pdf"
    cible.write_bytes(ANCIEN)
    journal = len(services.depot.all(EntreeJournal))
    with pytest.raises(UserError, match="le disque est plein") as exc:
        DOCUMENTS[nom](services.documents, seance(services), cible)
    assert str(cible) in str(exc.value) and "Rien n'a été écrit" in str(exc.value)
    assert cible.read_bytes() == ANCIEN
    assert list(tmp_path.iterdir()) == [cible]  # no half file, no *.tmp
    assert len(services.depot.all(EntreeJournal)) == journal  # nothing journaled for a document not written


@pytest.mark.parametrize("nom", sorted(DOCUMENTS))
def test_pdf_ecrit_entier_sans_temporaire(services, tmp_path, nom):
    cible = tmp_path / f"{nom}.pdf"
    cible.write_bytes(ANCIEN)
    DOCUMENTS[nom](services.documents, seance(services), cible)
    assert cible.read_bytes().startswith(b"%PDF") and cible.read_bytes().rstrip().endswith(b"%%EOF")
    assert list(tmp_path.iterdir()) == [cible]


@pytest.mark.parametrize("nom", sorted(DOCUMENTS))
def test_pdf_dans_le_dossier_des_donnees_refuse(services, demo, nom):
    avant = contenu(demo)
    for cible in (demo / "atelier.json", demo / "personnes" / "document.pdf", demo / "nouveau" / "x.pdf"):
        with pytest.raises(UserError, match="dossier des données") as exc:
            DOCUMENTS[nom](services.documents, seance(services), cible)
        assert "rien n'a été écrit" in str(exc.value)
    assert contenu(demo) == avant
    assert not (demo / "nouveau").exists()


def test_export_personne_coupe_ni_pdf_ni_json(services, tmp_path, disque_plein_en_cours):
    pid = seance(services).presences[0].personne
    anciens = {tmp_path / f"personne-{pid}.pdf": ANCIEN, tmp_path / f"personne-{pid}.json": b'{"ancien": 1}'}
    for p, octets in anciens.items():
        p.write_bytes(octets)
    journal = len(services.depot.all(EntreeJournal))
    with pytest.raises(UserError, match="le disque est plein"):
        services.documents.donnees_personne(pid, tmp_path)
    assert {p: p.read_bytes() for p in tmp_path.iterdir()} == anciens
    assert len(services.depot.all(EntreeJournal)) == journal


def test_export_personne_mise_en_page_impossible_rien_laisse(services, tmp_path, monkeypatch):
    """A PDF that cannot be laid out (issue 14: a 10 000-character field) leaves no JSON behind either."""
    from atelier_app.reports import rgpd

    def casse(*a, **k):
        raise ValueError("mise en page impossible")

    monkeypatch.setattr(rgpd, "_tableau", casse)
    pid = seance(services).presences[0].personne
    with pytest.raises(ValueError):
        services.documents.donnees_personne(pid, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_export_personne_dans_le_dossier_des_donnees_refuse(services, demo):
    avant = contenu(demo)
    pid = seance(services).presences[0].personne
    for dossier in (demo, demo / "exports-rgpd"):
        with pytest.raises(UserError, match="dossier des données"):
            services.documents.donnees_personne(pid, dossier)
    assert contenu(demo) == avant
    assert not (demo / "exports-rgpd").exists()


def test_export_personne_ecrit_les_deux(services, tmp_path):
    pid = seance(services).presences[0].personne
    pdf, js = services.documents.donnees_personne(pid, tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF") and js.read_text(encoding="utf-8").startswith("{")
    assert sorted(tmp_path.iterdir()) == sorted([pdf, js])


@pytest.mark.parametrize("sortie", ["s.xlsx", "s.ods", "s.csv", "r.pdf"])
def test_limite_de_taille_reelle_message_francais_sans_trace(demo, tmp_path, sortie, date_fixe):
    """A real write failure (RLIMIT_FSIZE: EFBIG, like a full disk) in a fresh process: a French sentence,
    no traceback (openpyxl's zip, cut, used to print one from its ``__del__``), nothing left behind.
    The year of the demo's today: a year without data makes a file under the limit (29/02/2028)."""
    import os
    import resource
    import subprocess
    import sys

    (demo / "atelier.log").unlink(missing_ok=True)  # the log must stay under the limit too
    cible = tmp_path / "sorties"
    cible.mkdir()
    annee = str(date_fixe.year)
    commande = ["rapport", "--annee", annee] if sortie.endswith(".pdf") else ["stats", "--annee", annee]
    racine = Path(__file__).resolve().parents[1]
    p = subprocess.run([sys.executable, "-m", "atelier_app", "--donnees", str(demo), *commande,
                        "--sortie", str(cible / sortie)], check=False, capture_output=True, text=True,
                       timeout=300, env={**os.environ, "PYTHONPATH": str(racine)},
                       preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096)))
    assert p.returncode == 1, p.stderr
    assert "Traceback" not in p.stderr and "erreur inattendue" not in p.stderr, p.stderr
    assert "le fichier dépasse la taille permise" in p.stderr and "Rien n'a été écrit" in p.stderr
    assert list(cible.iterdir()) == []
