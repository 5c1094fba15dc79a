"""Each document is one service method (issue 13, "use cases outside services"): the role is checked
first, the file written by the writer the composition root hands in, the printing journalled with the
data it changes; the window and the CLI only call it."""

from __future__ import annotations

import ast
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from atelier_app.domain.activites import Reunion
from atelier_app.domain.journal import EntreeJournal
from atelier_app.domain.personnes import Personne
from atelier_app.domain.roles import Role
from atelier_app.errors import AccesRefuse
from atelier_app.services.contexte import Utilisateur

RACINE = Path(__file__).resolve().parents[1] / "atelier_app"
#: The writers of documents: only ``assemblage`` hands them to ``services.documents``.
ECRIVAINS = ("attestation", "emargement", "export_stats", "fiche", "lettres", "ords", "rapport", "rgpd")


def test_ni_l_ecran_ni_la_commande_n_ecrivent_un_document_eux_memes():
    """A writer module, or a writing function, imported by a screen or a command is a use case written twice."""
    ecrire = {"ecrire", "feuille_seance", "feuille_mois", "exporter_personne", "notice_information", "registre"}
    fautes = []
    for paquet in ("gui", "commandes"):
        for f in sorted((RACINE / paquet).rglob("*.py")):
            for noeud in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
                if isinstance(noeud, ast.ImportFrom) and noeud.module == "atelier_app.reports":
                    noms = {a.name for a in noeud.names} & set(ECRIVAINS)
                elif isinstance(noeud, ast.ImportFrom) and (noeud.module or "").startswith("atelier_app.reports."):
                    module = noeud.module.rsplit(".", 1)[1]
                    noms = {a.name for a in noeud.names} & ecrire if module in ECRIVAINS else set()
                elif isinstance(noeud, ast.Import):
                    noms = {a.name for a in noeud.names if a.name.rsplit(".", 1)[-1] in ECRIVAINS
                            and a.name.startswith("atelier_app.reports.")}
                else:
                    continue
                if noms:
                    fautes.append(f"{f.relative_to(RACINE)}:{noeud.lineno}: {sorted(noms)}")
    assert not fautes, fautes


def _invitables(centre):
    a = centre.centre.activite("initiation")
    centre.activites.modifier(replace(a, reunion=Reunion(date(2026, 9, 14), "14:00", "Salle polyvalente")))
    return [centre.preliste.ajouter("initiation", Personne(id="", nom=n, prenom="A", adresse="1 rue X",
                                                           code_postal="59000", commune="Lille")).personne
            for n in ("Durand", "Martin")]


def test_lettres_marques_et_journal_en_une_seule_ecriture(centre, tmp_path, monkeypatch):
    ids = _invitables(centre)
    ecritures: list[str] = []
    commit = centre.depot._commit
    monkeypatch.setattr(centre.depot, "_commit", lambda action: (ecritures.append(action), commit(action))[1])
    resultat = centre.documents.lettres("initiation", tmp_path / "l.pdf")
    assert resultat.nombre == 2 and resultat.chemin == tmp_path / "l.pdf"
    assert ecritures == ["Lettres d'invitation"]
    (entree,) = [e for e in centre.depot.all(EntreeJournal) if e.action == "impression"]
    assert set(entree.cibles) == set(ids)


def test_lettres_sans_date_de_reunion(centre, tmp_path):
    centre.preliste.ajouter("senou", Personne(id="", nom="Durand", prenom="A", adresse="1 rue X",
                                              code_postal="59000", commune="Lille"))
    with pytest.raises(Exception, match="réunion d'information n'est pas fixée"):
        centre.documents.lettres("senou", tmp_path / "l.pdf")
    assert not (tmp_path / "l.pdf").exists()


@pytest.mark.parametrize("role", [Role.BENEVOLE])
def test_un_benevole_n_ecrit_aucun_document(centre, tmp_path, role):
    _invitables(centre)
    avant = len(centre.depot.all(EntreeJournal))
    centre.ctx.utilisateur = Utilisateur("marie", role)
    d = centre.documents
    for appel in (lambda: d.lettres("initiation", tmp_path / "l.pdf"), lambda: d.fiche("initiation", 2026),
                  lambda: d.rapport(2026), lambda: d.statistiques(date(2026, 1, 1), date(2026, 12, 31)),
                  d.ords, d.notice_information, d.registre_traitements,
                  lambda: d.donnees_personne("p1", tmp_path), lambda: d.emargement_seance("s1"),
                  lambda: d.emargement_mois("g1", 2026, 1), lambda: d.attestation("g1", "p1")):
        with pytest.raises(AccesRefuse):
            appel()
    assert len(centre.depot.all(EntreeJournal)) == avant
    assert not list(tmp_path.glob("*.pdf"))


def test_notice_et_registre_journalises(centre, exports_temporaires):
    notice = centre.documents.notice_information()
    registre = centre.documents.registre_traitements()
    assert notice.parent == exports_temporaires and notice.read_bytes().startswith(b"%PDF")
    assert registre.read_bytes().startswith(b"%PDF")
    actions = [e.action for e in centre.depot.all(EntreeJournal)]
    assert "notice_information" in actions and "registre" in actions


def test_attestation_journalisee(centre, tmp_path):
    _c, gs = centre.activites.nouveau_cycle("initiation", date(2026, 9, 14))
    p = centre.personnes.ajouter(Personne(id="", nom="Durand", prenom="Amélie"))
    centre.inscriptions.inscrire(gs[0].id, p.id)
    chemin = centre.documents.attestation(gs[0].id, p.id, tmp_path / "a.pdf")
    assert chemin.read_bytes().startswith(b"%PDF")
    (entree,) = [e for e in centre.depot.all(EntreeJournal) if e.action == "impression"]
    assert entree.cibles == (p.id, gs[0].id)
