"""People lists: every CSV variant French spreadsheets produce, XLSX, ODS, and all-or-nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atelier_app.domain.personnes import Personne
from atelier_app.errors import DonneesInvalides, UserError
from atelier_app.storage import listes

AUJOURDHUI = date(2026, 3, 2)


def importer(services, chemin: Path):
    return services.donnees.importer(chemin)


def personnes(services) -> dict[str, Personne]:
    return {p.nom: p for p in services.depot.all(Personne)}


# ------------------------------------------------------------------------------ pure parsing
@given(st.sampled_from(["Prénom", "PRENOM", " prénom ", "Prenom", "prÉnom"]),
       st.sampled_from(["E-mail", "email", "Courriel", "E mail", "Adresse mail"]),
       st.sampled_from(["Date de naissance", "année de naissance", "ANNEE DE NAISSANCE", "Année  naissance"]))
def test_entetes_reconnues_quelle_que_soit_la_forme(prenom, email, naissance):
    colonnes, ignorees = listes.mapper_entete(["Nom", prenom, email, naissance, "Allergies"])
    assert colonnes == {0: "nom", 1: "prenom", 2: "email", 3: "annee"}
    assert ignorees == ["Allergies"]


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2026, 12, 31)))
def test_dates_francaises_et_iso_donnent_l_annee(d):
    assert listes.lire_annee(d.strftime("%d/%m/%Y")) == d.year
    assert listes.lire_annee(d.isoformat()) == d.year
    assert listes.lire_annee(d) == d.year
    assert listes.lire_annee(str(d.year)) == d.year


@given(st.text(max_size=12))
def test_lire_annee_ne_plante_jamais_autrement_qu_en_francais(texte):
    try:
        listes.lire_annee(texte)
    except ValueError as exc:
        assert "naissance" in str(exc)


def test_date_impossible():
    with pytest.raises(ValueError, match="impossible"):
        listes.lire_annee("31/02/1950")


@pytest.mark.parametrize("texte,code", [
    ("F", "feminin"), ("femme", "feminin"), ("Féminin", "feminin"), ("M", "masculin"), ("H", "masculin"),
    ("Homme", "masculin"), ("", "non_communique"), (None, "non_communique"),
])
def test_genres(texte, code):
    assert listes.lire_genre(texte) == code


def test_genre_inconnu():
    with pytest.raises(ValueError, match="genre non reconnu"):
        listes.lire_genre("X")


@pytest.mark.parametrize("texte,code", [
    ("Retraité", "retraite"), ("retraitée", "retraite"), ("Demandeur d'emploi", "sans_emploi"),
    ("Sans emploi", "sans_emploi"), ("Salarié", "en_emploi"), ("Étudiant", "scolarise"),
    ("Collégien", "scolarise"), ("", "non_communique"), ("Autre chose", "non_communique"),
])
def test_statuts(texte, code):
    assert listes.lire_statut(texte) == code


@given(st.text())
def test_statut_toujours_un_code(texte):
    assert listes.lire_statut(texte) in {"retraite", "sans_emploi", "en_emploi", "scolarise", "non_communique"}


# ------------------------------------------------------------------------------ CSV variants
CONTENU = [
    ["Nom", "Prénom", "Date de naissance", "Sexe", "Statut", "Téléphone", "Courriel", "Code postal", "Ville",
     "Remarque perso"],
    ["Lefèvre", "Hélène", "14/07/1951", "F", "Retraitée", "06 12 34 56 78", "helene@example.fr", "59000", "Lille", "x"],
    ["Bénard", "François", "1948-02-29", "M", "retraité", "", "", "59800", "Lille", ""],
]


def ecrire_csv(chemin: Path, sep: str, encodage: str, lignes=CONTENU) -> Path:
    texte = "\r\n".join(sep.join(ligne) for ligne in lignes) + "\r\n"
    chemin.write_bytes(texte.encode(encodage))
    return chemin


@pytest.mark.parametrize("sep", [",", ";"])
@pytest.mark.parametrize("encodage", ["utf-8", "utf-8-sig", "cp1252"])
def test_variantes_csv(services, tmp_path, sep, encodage):
    rapport = importer(services, ecrire_csv(tmp_path / "liste.csv", sep, encodage))
    assert rapport.ajoutes == {"personnes": 2}
    assert rapport.colonnes_ignorees == ["Remarque perso"]
    gens = personnes(services)
    h = gens["Lefèvre"]
    assert (h.prenom, h.annee_naissance, h.genre, h.statut_social, h.commune) == (
        "Hélène", 1951, "feminin", "retraite", "Lille")
    assert gens["Bénard"].prenom == "François" and gens["Bénard"].annee_naissance == 1948


def test_virgules_dans_un_fichier_point_virgule(services, tmp_path):
    chemin = tmp_path / "a.csv"
    chemin.write_text("Nom;Prénom;Adresse\nMartin;Paul;3, rue des Lilas\n", encoding="utf-8")
    importer(services, chemin)
    assert personnes(services)["Martin"].adresse == "3, rue des Lilas"


@given(st.lists(st.sampled_from(["Nom", "Prénom", "Adresse", "Ville"]), min_size=2, unique=True),
       st.sampled_from([",", ";", "\t"]))
def test_separateur_deduit_de_l_entete(colonnes, sep):
    assert listes.separateur(sep.join(colonnes) + "\nA, b" + sep + "c\n") == sep


def test_meme_personne_mise_a_jour_pas_dupliquee(services, tmp_path):
    importer(services, ecrire_csv(tmp_path / "a.csv", ";", "utf-8"))
    lignes = [["nom", "prenom", "annee de naissance", "telephone"], ["LEFEVRE", "helene", "1951", "0699999999"],
              ["Lefèvre", "Hélène", "1951", ""]]
    rapport = importer(services, ecrire_csv(tmp_path / "b.csv", ";", "utf-8", lignes))
    assert rapport.ajoutes == {"personnes": 0}
    assert rapport.mis_a_jour == {"personnes": 1}
    assert services.depot.count(Personne) == 2
    assert personnes(services)["Lefèvre"].telephone == "0699999999"


def test_lignes_fautives_rejettent_tout_le_fichier(services, tmp_path):
    lignes = [["Nom", "Prénom", "Date de naissance", "Sexe", "Code postal"],
              ["Martin", "Paul", "01/01/1960", "M", "59000"],
              ["", "Sans nom", "", "", ""],
              ["Durand", "Zoé", "31/02/1970", "F", ""],
              ["Petit", "Léa", "1850", "X", "5900"],
              ["Morel", "Jean", "1955", "M", "abc"]]
    chemin = ecrire_csv(tmp_path / "faux.csv", ";", "utf-8", lignes)
    with pytest.raises(DonneesInvalides) as err:
        importer(services, chemin)
    texte = err.value.texte()
    assert "ligne 3, champ « Nom » : le nom est obligatoire" in texte
    assert "ligne 4, champ « Date de naissance » : date de naissance impossible : « 31/02/1970 »" in texte
    assert "ligne 5, champ « Sexe » : genre non reconnu" in texte
    assert "ligne 6, champ « Code postal »" in texte
    assert "ligne 2" not in texte
    assert services.depot.count(Personne) == 0


def test_annee_impossible_et_colonnes_manquantes(services, tmp_path):
    chemin = ecrire_csv(tmp_path / "a.csv", ",", "utf-8", [["Nom", "Prénom", "Année de naissance"],
                                                           ["Petit", "Léa", "1850"]])
    with pytest.raises(DonneesInvalides) as err:
        importer(services, chemin)
    assert "ligne 2, champ « Année de naissance » : année de naissance impossible : 1850" in err.value.texte()
    chemin = ecrire_csv(tmp_path / "b.csv", ",", "utf-8", [["Nom", "Ville"], ["Petit", "Lille"]])
    with pytest.raises(UserError, match="« prénom » introuvable"):
        importer(services, chemin)


# ------------------------------------------------------------------------------ spreadsheets
def test_xlsx(services, tmp_path):
    from openpyxl import Workbook

    classeur = Workbook()
    feuille = classeur.active
    feuille.append(["NOM", "Prénom", "Date de naissance", "Genre", "Code postal", "Téléphone"])
    feuille.append(["Roux", "Amélie", date(1962, 5, 3), "Femme", 1000, 612345678])
    feuille.append(["Blanc", "Rémi", 1990, "h", "59000", None])
    chemin = tmp_path / "liste.xlsx"
    classeur.save(chemin)
    assert importer(services, chemin).ajoutes == {"personnes": 2}
    gens = personnes(services)
    assert (gens["Roux"].annee_naissance, gens["Roux"].code_postal, gens["Roux"].telephone) == (
        1962, "01000", "0612345678")
    assert gens["Blanc"].genre == "masculin"


def _ods(chemin: Path, lignes: list[list]) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Feuille1")
    for ligne in lignes:
        rangee = TableRow()
        for v in ligne:
            if isinstance(v, date):
                cellule = TableCell(valuetype="date", datevalue=v.isoformat())
                cellule.addElement(P(text=v.strftime("%d/%m/%Y")))
            elif isinstance(v, int):
                cellule = TableCell(valuetype="float", value=v)
                cellule.addElement(P(text=str(v)))
            else:
                cellule = TableCell(valuetype="string")
                cellule.addElement(P(text=v))
            rangee.addElement(cellule)
        table.addElement(rangee)
    doc.spreadsheet.addElement(table)
    doc.save(str(chemin))
    return chemin


def test_ods(services, tmp_path):
    chemin = _ods(tmp_path / "liste.ods", [["Nom", "Prénom", "Date de naissance", "Sexe", "Commune"],
                                           ["Garnier", "Élise", date(1958, 11, 30), "F", "Roubaix"],
                                           ["Faure", "Noël", 1947, "M", "Lille"]])
    assert importer(services, chemin).ajoutes == {"personnes": 2}
    gens = personnes(services)
    assert gens["Garnier"].annee_naissance == 1958 and gens["Garnier"].commune == "Roubaix"
    assert gens["Faure"].annee_naissance == 1947


def test_ods_ligne_fautive_nommee(services, tmp_path):
    chemin = _ods(tmp_path / "liste.ods", [["Nom", "Prénom", "Sexe"], ["Garnier", "Élise", "F"],
                                           ["Faure", "Noël", "Z"]])
    with pytest.raises(DonneesInvalides) as err:
        importer(services, chemin)
    assert "ligne 3, champ « Sexe »" in err.value.texte()
    assert services.depot.count(Personne) == 0


def test_xlsx_lignes_vides_gardent_la_numerotation(services, tmp_path):
    from openpyxl import Workbook

    classeur = Workbook()
    feuille = classeur.active
    feuille["A1"], feuille["B1"], feuille["C1"] = "Nom", "Prénom", "Sexe"
    feuille["A2"], feuille["B2"], feuille["C2"] = "Roux", "Amélie", "F"
    feuille["A5"], feuille["B5"], feuille["C5"] = "Blanc", "Rémi", "?!"
    chemin = tmp_path / "trous.xlsx"
    classeur.save(chemin)
    with pytest.raises(DonneesInvalides) as err:
        importer(services, chemin)
    assert err.value.texte().endswith("ligne 5, champ « Sexe » : genre non reconnu : « ?! » (F ou M)")


def test_ods_lignes_vides_gardent_la_numerotation(services, tmp_path):
    chemin = _ods(tmp_path / "trous.ods", [["Nom", "Prénom", "Sexe"], ["", "", ""], ["", "", ""],
                                           ["Faure", "Noël", "Z"]])
    with pytest.raises(DonneesInvalides) as err:
        importer(services, chemin)
    assert "ligne 4, champ « Sexe »" in err.value.texte()


def test_tableur_illisible_et_fichier_vide(services, tmp_path):
    faux = tmp_path / "faux.xlsx"
    faux.write_text("Nom;Prénom\n", encoding="utf-8")
    with pytest.raises(UserError, match="est illisible"):
        importer(services, faux)
    vide = tmp_path / "vide.csv"
    vide.write_text("\n\n", encoding="utf-8")
    with pytest.raises(UserError, match="est vide"):
        importer(services, vide)
