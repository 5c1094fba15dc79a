"""The interchange file: round trip as a property, and every rule a reader checks."""

from __future__ import annotations

import json
import tempfile
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atelier_app.domain.accompagnements import Accompagnement
from atelier_app.domain.activites import Activite, Creneau, Cycle, Groupe
from atelier_app.domain.centre import Centre
from atelier_app.domain.codes import ETATS_PROJET, GENRES, NIVEAUX, STATUTS_PRESENCE, STATUTS_SOCIAUX, THEMATIQUES
from atelier_app.domain.personnes import Consentement, Personne
from atelier_app.domain.positionnement import Positionnement
from atelier_app.domain.preliste import ChangementEtat, EntreePreliste
from atelier_app.domain.projets import Projet, Visite
from atelier_app.domain.seances import Presence, Seance
from atelier_app.errors import DonneesInvalides, UserError
from atelier_app.storage import interchange
from atelier_app.storage.repository import Depot

texte = st.text(alphabet="abcdéèçàôABCÉ -'", max_size=12)
jours = st.dates(min_value=date(2015, 1, 1), max_value=date(2026, 12, 31))
heures = st.sampled_from(["09:00", "14:30", "17:00"])


@st.composite
def centres_de_donnees(draw):
    """A random but valid database: every reference resolves, groups within capacity, people unique."""
    n_pers = draw(st.integers(1, 6))
    gens = [
        Personne(
            id=f"p{i}", nom=draw(texte) + f"N{i}", prenom=draw(texte) + "x",
            annee_naissance=draw(st.none() | st.integers(1920, 2020)),
            genre=draw(st.sampled_from(list(GENRES))), statut_social=draw(st.sampled_from(list(STATUTS_SOCIAUX))),
            commune=draw(texte), code_postal=draw(st.sampled_from(["", "59000", "01000"])),
            consentements=tuple(draw(st.lists(st.builds(Consentement, st.just("inscription"), jours), max_size=2))),
            cree_le=draw(jours), extra=draw(st.sampled_from([{}, {"origine_fichier": "tableur", "n": 3}])),
        )
        for i in range(n_pers)
    ]
    ids = [p.id for p in gens]
    activites = [Activite(id="senou", nom="SÉNOU", partenaires=("Ville",), creneaux=(Creneau("jeudi", "09:00", 90),)),
                 Activite(id="repair", nom="Repair café", genre_activite="projets", extra={"couleur": "vert"})]
    cycles = [Cycle(id=f"c{i}", activite="senou", nom=f"Cycle {i}", debut=draw(st.none() | jours))
              for i in range(draw(st.integers(0, 2)))]
    groupes, seances = [], []
    for c in cycles:
        inscrits = draw(st.lists(st.sampled_from(ids), unique=True, max_size=4))
        attente = [p for p in ids if p not in inscrits][:1]
        g = Groupe(id=f"g{c.id}", cycle=c.id, nom="Jeudi 9 h", niveau=draw(st.none() | st.sampled_from(list(NIVEAUX))),
                   capacite=max(1, len(inscrits)), creneau=Creneau("jeudi", draw(heures), 90),
                   inscrits=tuple(inscrits), liste_attente=tuple(attente))
        groupes.append(g)
        for k in range(draw(st.integers(0, 3))):
            venus = draw(st.lists(st.sampled_from(ids), unique=True, max_size=3))
            seances.append(Seance(
                id=f"s{c.id}{k}", groupe=g.id, date=draw(jours), debut=draw(heures), duree=90,
                etat=draw(st.sampled_from(["prevue", "realisee", "annulee"])),
                thematiques=tuple(draw(st.lists(st.sampled_from(list(THEMATIQUES)[:5]), unique=True, max_size=2))),
                anonymes=draw(st.integers(0, 2)), appel_fait=True, saisie_le=datetime(2025, 1, 2, 10, 0),
                presences=tuple(Presence(p, draw(st.sampled_from(list(STATUTS_PRESENCE))), p in inscrits,
                                         "soixante_dix_plus", "feminin") for p in venus)))
    preliste = [EntreePreliste(id=f"l{i}", personne=draw(st.sampled_from(ids)), activite="senou", demande_le=draw(jours),
                               historique=(ChangementEtat("invite", date(2025, 1, 1)),))
                for i in range(draw(st.integers(0, 2)))]
    positions = [Positionnement(id=f"q{i}", personne=draw(st.sampled_from(ids)), date=draw(jours),
                                reponses={"q1": 1, "q2": 0}, score=1, cycle=cycles[0].id if cycles else None)
                 for i in range(draw(st.integers(0, 2)))]
    projets = [Projet(id=f"r{i}", personne=draw(st.sampled_from(ids)), type="reparation", intitule="Grille-pain",
                      ouvert_le=draw(jours), categorie_ords=16, etat=draw(st.sampled_from(list(ETATS_PROJET))),
                      visites=(Visite(date(2025, 2, 1), 120, "Marc", "soudure"),))
               for i in range(draw(st.integers(0, 2)))]
    aides = [Accompagnement(id=f"h{i}", date=draw(jours), personne=draw(st.none() | st.sampled_from(ids)),
                            thematiques=("argent_impots",), suite="autonome")
             for i in range(draw(st.integers(0, 2)))]
    centre = Centre(nom="Centre social des Tilleuls", commune="Lille", objectifs_contrat_projet=("Mixité",))
    return [centre, *activites, *gens, *cycles, *groupes, *seances, *preliste, *positions, *projets, *aides]


def remplir(dossier: Path, objets) -> Depot:
    depot = Depot.ouvrir(dossier, verrou=False)
    with depot.transaction("remplir") as tx:
        tx.put_many(objets)
    return depot


def importer_dans(depot: Depot, chemin: Path):
    with depot.transaction("import") as tx:
        return interchange.importer(depot, chemin, tx)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(centres_de_donnees())
def test_aller_retour(objets):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        a = remplir(tmp / "a", objets)
        comptes = interchange.exporter(a, tmp / "un.json", None)
        assert comptes["personnes"] == sum(isinstance(o, Personne) for o in objets)
        b = Depot.ouvrir(tmp / "b", verrou=False)
        rapport = importer_dans(b, tmp / "un.json")
        assert rapport.fusionnes == []
        interchange.exporter(b, tmp / "deux.json", None)
        assert json.loads((tmp / "un.json").read_text("utf-8")) == json.loads((tmp / "deux.json").read_text("utf-8"))
        assert interchange.verifier(b) == []
        for o in objets:
            assert b.get(type(o), o.id) == o
        annee = next((o.date.year for o in objets if isinstance(o, Seance)), 2025)
        interchange.exporter(a, tmp / "annee.json", annee)
        c = Depot.ouvrir(tmp / "c", verrou=False)
        importer_dans(c, tmp / "annee.json")  # a year's file is self-contained: every reference resolves
        assert interchange.verifier(c) == []
        assert {s.id for s in c.all(Seance)} == {o.id for o in objets if isinstance(o, Seance) and o.date.year == annee}


def fichier(tmp_path: Path, **listes) -> Path:
    contenu = {"format": "atelier-echange", "version": 1, **listes}
    chemin = tmp_path / "f.json"
    chemin.write_text(json.dumps(contenu, ensure_ascii=False), encoding="utf-8")
    return chemin


PERSONNE = {"id": "p1", "nom": "Durand", "prenom": "Anne", "annee_naissance": 1950, "genre": "feminin",
            "statut_social": "retraite", "commune": "Lille", "code_postal": "59000"}


def test_chaque_probleme_est_nomme_et_rien_n_est_ecrit(tmp_path):
    depot = Depot.ouvrir(tmp_path / "d", verrou=False)
    chemin = fichier(
        tmp_path,
        personnes=[PERSONNE, {"id": "p2", "nom": "X", "prenom": "Y"}, {"id": "p3", "nom": "X", "prenom": "Z"},
                   {"id": "p4", "nom": "Vieux", "prenom": "Jean", "annee_naissance": 1850, "genre": "autre"}],
        cycles=[{"id": "c1", "activite": "inconnue", "nom": "C"}],
        groupes=[{"id": "g1", "cycle": "c1", "nom": "G", "capacite": 1, "inscrits": ["p1", "p2"], "niveau": "expert"}],
        seances=[{"id": "s1", "groupe": "g1", "date": "2025-02-30"}],
        presences=[{"seance": "s9", "personne": "p1"}],
        preliste=[{"personne": "p99", "activite": "senou", "demande_le": "2025-01-03", "origine": "radio"}],
    )
    with pytest.raises(DonneesInvalides) as err:
        importer_dans(depot, chemin)
    texte = err.value.texte()
    for attendu in [
        "personnes[3], champ « annee_naissance » : année de naissance impossible : 1850",
        "personnes[3], champ « genre » : genre inconnu : « autre »",
        "cycles[0], champ « activite » : activité « inconnue » inconnu(e)",
        "groupes[0], champ « inscrits » : 2 inscrits pour 1 places",
        "groupes[0], champ « niveau » : niveau inconnu : « expert »",
        "seances[0], champ « date » : date impossible : « 2025-02-30 »",
        "presences[0], champ « seance » : séance « s9 » inconnu(e)",
        "preliste[0], champ « origine » : origine inconnue : « radio »",
        "preliste[0], champ « personne » : personne « p99 » inconnu(e)",
        "preliste[0], champ « activite » : activité « senou » inconnu(e)",
    ]:
        assert attendu in texte, attendu
    assert depot.count(Personne) == 0


def test_format_et_version(tmp_path):
    depot = Depot.ouvrir(tmp_path / "d", verrou=False)
    (tmp_path / "a.json").write_text('{"format": "autre"}', encoding="utf-8")
    with pytest.raises(UserError, match="n'est pas un fichier d'échange"):
        importer_dans(depot, tmp_path / "a.json")
    (tmp_path / "b.json").write_text('{"format": "atelier-echange", "version": 2}', encoding="utf-8")
    with pytest.raises(UserError, match="version 2"):
        importer_dans(depot, tmp_path / "b.json")
    (tmp_path / "c.json").write_text('{"format": ', encoding="utf-8")
    with pytest.raises(UserError, match="pas un fichier JSON valide"):
        importer_dans(depot, tmp_path / "c.json")


def test_venu_sans_inscription_et_instantane(tmp_path):
    depot = Depot.ouvrir(tmp_path / "d", verrou=False)
    chemin = fichier(
        tmp_path,
        activites=[{"id": "senou", "nom": "SÉNOU"}],
        personnes=[PERSONNE, {"id": "p2", "nom": "Petit", "prenom": "Léa", "annee_naissance": 2000}],
        cycles=[{"id": "c1", "activite": "senou", "nom": "C"}],
        groupes=[{"id": "g1", "cycle": "c1", "nom": "G", "capacite": 6, "inscrits": ["p1"]}],
        seances=[{"id": "s1", "groupe": "g1", "date": "2025-01-09", "debut": "09:00", "duree": 90, "etat": "realisee"}],
        presences=[{"seance": "s1", "personne": "p1", "statut": "present"},
                   {"seance": "s1", "personne": "p2", "statut": "present", "commune": "Roubaix"}],
    )
    importer_dans(depot, chemin)
    p1, p2 = depot.get(Seance, "s1").presences
    assert p1.inscrit and not p2.inscrit
    assert (p1.tranche_age, p1.genre, p1.statut_social, p1.commune, p1.code_postal) == (
        "soixante_dix_plus", "feminin", "retraite", "Lille", "59000")
    assert (p2.tranche_age, p2.commune) == ("vingt_cinq_trente_neuf", "Roubaix")


def test_meme_personne_fusionnee_et_ids_en_collision(tmp_path):
    depot = remplir(tmp_path / "d", [
        Personne(id="p1", nom="Lefèvre", prenom="Hélène", annee_naissance=1951),
        Personne(id="p2", nom="Autre", prenom="Fiche"),
        Activite(id="senou", nom="SÉNOU"),
    ])
    chemin = fichier(
        tmp_path,
        personnes=[{"id": "x7", "nom": "LEFEVRE", "prenom": "helene", "annee_naissance": 1951, "telephone": "0600000000"},
                   {"id": "p2", "nom": "Nouvelle", "prenom": "Personne"},
                   {"id": "x8", "nom": "Lefevre", "prenom": "Hélène", "annee_naissance": 1951}],
        preliste=[{"personne": "x7", "activite": "senou", "demande_le": "2025-01-03"},
                  {"personne": "p2", "activite": "senou", "demande_le": "2025-01-04"}],
    )
    rapport = importer_dans(depot, chemin)
    assert len(rapport.fusionnes) == 2
    assert depot.count(Personne) == 3
    assert depot.get(Personne, "p1").telephone == "0600000000"
    assert depot.get(Personne, "p2").nom == "Autre"
    nouvelle = next(p for p in depot.all(Personne) if p.nom == "Nouvelle")
    assert {e.personne for e in depot.all(EntreePreliste)} == {"p1", nouvelle.id}
    assert interchange.verifier(depot) == []


def test_champs_inconnus_gardes(tmp_path):
    depot = Depot.ouvrir(tmp_path / "d", verrou=False)
    chemin = fichier(tmp_path, personnes=[{**PERSONNE, "pointure": 39, "extra": {"couleur": "bleu"}}])
    importer_dans(depot, chemin)
    assert depot.get(Personne, "p1").extra == {"pointure": 39, "couleur": "bleu"}
    interchange.exporter(depot, tmp_path / "e.json", None)
    sortie = json.loads((tmp_path / "e.json").read_text("utf-8"))["personnes"][0]
    assert sortie["pointure"] == 39 and sortie["couleur"] == "bleu" and "extra" not in sortie


def test_export_d_une_annee(tmp_path):
    depot = remplir(tmp_path / "d", [
        Activite(id="senou", nom="SÉNOU"), Activite(id="autre", nom="Autre"),
        Personne(id="p1", nom="A", prenom="B"), Personne(id="p2", nom="C", prenom="D"),
        Cycle(id="c1", activite="senou", nom="C1", debut=date(2025, 1, 9)),
        Groupe(id="g1", cycle="c1", nom="G", inscrits=("p1",)),
        Seance(id="s1", groupe="g1", date=date(2025, 1, 9), presences=(Presence("p1"),)),
        Seance(id="s2", groupe="g1", date=date(2024, 12, 9)),
        Accompagnement(id="h1", date=date(2024, 3, 1), personne="p2"),
    ])
    comptes = interchange.exporter(depot, tmp_path / "e.json", 2025)
    assert comptes == {"activites": 1, "personnes": 1, "cycles": 1, "groupes": 1, "seances": 1, "preliste": 0,
                       "positionnements": 0, "projets": 0, "accompagnements": 0, "presences": 1}


def test_verifier_signale_references_et_doublons(tmp_path):
    depot = remplir(tmp_path / "d", [
        Personne(id="p1", nom="Lefèvre", prenom="Hélène", annee_naissance=1951),
        Personne(id="p2", nom="LEFEVRE", prenom="Helene", annee_naissance=1951),
        Groupe(id="g1", cycle="c9", nom="G", capacite=1, inscrits=("p1", "p3")),
        Seance(id="s1", groupe="g1", date=date(2025, 1, 9), presences=(Presence("p7"),)),
    ])
    texte = "\n".join(str(p) for p in interchange.verifier(depot))
    assert "groupes g1, champ « cycle » : renvoie à « c9 »" in texte
    assert "groupes g1 (G), champ « inscrits » : renvoie à « p3 »" in texte
    assert "2 inscrits pour 1 places" in texte
    assert "seances s1, champ « presences » : renvoie à « p7 »" in texte
    assert "même personne que la fiche p1" in texte


def test_seance_en_collision_renommee_avec_ses_presences(tmp_path):
    base = [Activite(id="senou", nom="SÉNOU"), Cycle(id="c1", activite="senou", nom="C"),
            Groupe(id="g1", cycle="c1", nom="G", inscrits=("p1",)), PERSONNE_OBJ,
            Seance(id="s1", groupe="g1", date=date(2025, 1, 9))]
    depot = remplir(tmp_path / "d", base)
    chemin = fichier(tmp_path, seances=[{"id": "s1", "groupe": "g1", "date": "2025-03-06"}],
                     presences=[{"seance": "s1", "personne": "p1", "statut": "present"}])
    rapport = importer_dans(depot, chemin)
    assert rapport.ajoutes["séances"] == 1
    assert depot.get(Seance, "s1").presences == ()
    nouvelle = next(s for s in depot.all(Seance) if s.id != "s1")
    assert nouvelle.date == date(2025, 3, 6) and [p.personne for p in nouvelle.presences] == ["p1"]


def test_presences_ajoutees_a_une_seance_deja_en_base(tmp_path):
    depot = remplir(tmp_path / "d", [
        Activite(id="senou", nom="SÉNOU"), Cycle(id="c1", activite="senou", nom="C"),
        Groupe(id="g1", cycle="c1", nom="G", inscrits=("p1",)), PERSONNE_OBJ,
        Personne(id="p2", nom="Petit", prenom="Léa"),
        Seance(id="s1", groupe="g1", date=date(2025, 1, 9), presences=(Presence("p1", "absent"),))])
    chemin = fichier(tmp_path, presences=[{"seance": "s1", "personne": "p1", "statut": "present"},
                                          {"seance": "s1", "personne": "p2", "statut": "retard"}])
    rapport = importer_dans(depot, chemin)
    assert rapport.mis_a_jour == {"séances": 1}
    p1, p2 = depot.get(Seance, "s1").presences
    assert (p1.personne, p1.statut, p1.inscrit) == ("p1", "present", True)
    assert (p2.personne, p2.statut, p2.inscrit) == ("p2", "retard", False)


def test_types_et_champs_obligatoires(tmp_path):
    depot = Depot.ouvrir(tmp_path / "d", verrou=False)
    chemin = fichier(tmp_path, personnes=[{"id": "p1", "nom": 12, "prenom": "A", "annee_naissance": "vieux"},
                                          {"id": "p2", "prenom": "B"}],
                     accompagnements=[{"date": "2025-13-01", "duree": 30}])
    with pytest.raises(DonneesInvalides) as err:
        importer_dans(depot, chemin)
    texte = err.value.texte()
    assert "personnes[0], champ « nom » : du texte est attendu, pas « 12 »" in texte
    assert "personnes[0], champ « annee_naissance » : un nombre entier est attendu" in texte
    assert "personnes[1], champ « nom » : champ obligatoire manquant" in texte
    assert "accompagnements[0], champ « date » : date impossible : « 2025-13-01 »" in texte


PERSONNE_OBJ = Personne(id="p1", nom="Durand", prenom="Anne", annee_naissance=1950)


def test_null_vaut_defaut_et_objets_mal_formes(tmp_path):
    depot = Depot.ouvrir(tmp_path / "d", verrou=False)
    chemin = fichier(tmp_path, personnes=[{**PERSONNE, "email": None, "telephone": None}],
                     activites=[{"id": "a", "nom": "A", "creneaux": [{"jour": "jeudi"}]}])
    with pytest.raises(DonneesInvalides) as err:
        importer_dans(depot, chemin)
    assert err.value.problemes[0].enregistrement == "activites[0]"
    assert "forme inattendue" in err.value.texte() and "missing" not in err.value.texte()
    assert len(err.value.problemes) == 1


def test_deux_fiches_fusionnees_presentes_a_la_meme_seance(tmp_path):
    depot = Depot.ouvrir(tmp_path / "d", verrou=False)
    chemin = fichier(
        tmp_path,
        activites=[{"id": "senou", "nom": "SÉNOU"}],
        personnes=[PERSONNE, {**PERSONNE, "id": "p2"}],
        cycles=[{"id": "c1", "activite": "senou", "nom": "C"}],
        groupes=[{"id": "g1", "cycle": "c1", "nom": "G", "capacite": 1, "inscrits": ["p1"], "liste_attente": ["p2"]}],
        seances=[{"id": "s1", "groupe": "g1", "date": "2025-01-09"}],
        presences=[{"seance": "s1", "personne": "p1", "statut": "absent"},
                   {"seance": "s1", "personne": "p2", "statut": "present"}],
    )
    rapport = importer_dans(depot, chemin)
    assert len(rapport.fusionnes) == 1 and depot.count(Personne) == 1
    assert [(p.personne, p.statut) for p in depot.get(Seance, "s1").presences] == [("p1", "present")]
    assert depot.get(Groupe, "g1").liste_attente == ()
    assert interchange.verifier(depot) == []


def test_accompagnement_sans_public_le_prend_de_la_personne(tmp_path):
    """FORMAT.md gives a help record only date, person, duration, themes and outcome: the public
    (age band, gender, status, commune) comes from the person, as for attendance."""
    depot = Depot.ouvrir(tmp_path / "d", verrou=False)
    chemin = fichier(tmp_path, personnes=[PERSONNE],
                     accompagnements=[{"id": "h1", "date": "2025-03-04", "personne": "p1", "duree": 30,
                                       "thematiques": [], "suite": "autonome"},
                                      {"id": "h2", "date": "2025-03-05", "personne": None, "duree": 15}])
    importer_dans(depot, chemin)
    h1, h2 = depot.get(Accompagnement, "h1"), depot.get(Accompagnement, "h2")
    assert (h1.tranche_age, h1.genre, h1.statut_social, h1.commune) == (
        "soixante_dix_plus", "feminin", "retraite", "Lille")
    assert h2.genre == "non_communique"


def test_export_d_une_annee_porte_l_activite_des_demandes_et_projets(tmp_path):
    """`exporter --annee 2026` wrote 90 requests without their "accompagnement" activity."""
    depot = remplir(tmp_path / "d", [
        Activite(id="acc", nom="Accompagnement individuel", genre_activite="accompagnement"),
        Activite(id="repair", nom="Repair café", genre_activite="projets"), Activite(id="autre", nom="Autre"),
        Personne(id="p2", nom="C", prenom="D"),
        Accompagnement(id="h1", date=date(2025, 3, 1), personne="p2"),
        Projet(id="r1", personne="p2", type="reparation", intitule="Radio", ouvert_le=date(2025, 4, 1)),
    ])
    interchange.exporter(depot, tmp_path / "e.json", 2025)
    ids = {a["id"] for a in json.loads((tmp_path / "e.json").read_text("utf-8"))["activites"]}
    assert ids == {"acc", "repair"}
