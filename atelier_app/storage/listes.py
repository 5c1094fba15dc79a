"""Lists of people from CSV, XLSX or ODS files, as French Excel and LibreOffice write them.

Why the parsing is made of small pure functions (header mapping, year, gender, status): they are
where real files differ, so they are property-tested on their own; the import itself only adds
the all-or-nothing rule — any bad row rejects the whole file, each bad row named by the line
number the spreadsheet shows (header = line 1).
"""

from __future__ import annotations

import csv
import io
import logging
import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from atelier_app.domain.imports import RapportImport
from atelier_app.domain.personnes import Personne, normaliser, valider_personne
from atelier_app.domain.records import nouvel_id
from atelier_app.errors import DonneesInvalides, Probleme, UserError

log = logging.getLogger(__name__)

#: normalised header → field of the person ("annee" is read from a year or a date)
COLONNES: dict[str, str] = {
    "nom": "nom", "nom de famille": "nom",
    "prenom": "prenom",
    "annee de naissance": "annee", "annee naissance": "annee", "date de naissance": "annee",
    "date naissance": "annee", "ne le": "annee", "nee le": "annee",
    "genre": "genre", "sexe": "genre",
    "statut": "statut_social", "statut social": "statut_social",
    "telephone": "telephone", "tel": "telephone", "portable": "telephone",
    "e mail": "email", "email": "email", "mail": "email", "courriel": "email", "adresse mail": "email",
    "adresse": "adresse",
    "code postal": "code_postal", "cp": "code_postal",
    "commune": "commune", "ville": "commune",
    "notes": "notes", "note": "notes", "remarques": "notes",
}
_DATE_FR = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")


# ------------------------------------------------------------------------------ pure parsing
def cle_entete(texte: Any) -> str:
    """A header as compared: no case, accents, punctuation or extra spaces."""
    return re.sub(r"[^a-z0-9]+", " ", normaliser(str(texte or ""))).strip()


def mapper_entete(entetes: list[Any]) -> tuple[dict[int, str], list[str]]:
    """Column index → person field, and the names of the columns that are ignored."""
    colonnes: dict[int, str] = {}
    ignorees: list[str] = []
    for i, brut in enumerate(entetes):
        nom = str(brut or "").strip()
        champ = COLONNES.get(cle_entete(nom))
        if champ and champ not in colonnes.values():
            colonnes[i] = champ
        elif nom:
            ignorees.append(nom)
    return colonnes, ignorees


def lire_annee(valeur: Any) -> int | None:
    """Year of birth from a year, a date cell, ``JJ/MM/AAAA`` or ``AAAA-MM-JJ``; ValueError in French."""
    if valeur is None or (isinstance(valeur, str) and not valeur.strip()):
        return None
    if isinstance(valeur, (date, datetime)):
        return valeur.year
    if isinstance(valeur, float) and valeur.is_integer():
        valeur = int(valeur)
    if isinstance(valeur, int) and not isinstance(valeur, bool):
        return valeur
    texte = str(valeur).strip()
    if texte.isdigit() and len(texte) == 4:
        return int(texte)
    m = _DATE_FR.match(texte)
    if m:
        jour, mois, annee = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = _DATE_ISO.match(texte)
        if not m:
            raise ValueError(f"date de naissance illisible : « {texte} » (attendu JJ/MM/AAAA ou AAAA)")
        annee, mois, jour = int(m.group(1)), int(m.group(2)), int(m.group(3))
    try:
        return date(annee, mois, jour).year
    except ValueError:
        raise ValueError(f"date de naissance impossible : « {texte} »") from None


def lire_genre(valeur: Any) -> str:
    """F, M, H, Femme, Homme, Féminin, Masculin… → coop code; ValueError when not recognisable."""
    texte = normaliser(str(valeur or ""))
    if not texte or texte in ("nc", "non communique", "?", "-"):
        return "non_communique"
    if texte[0] == "f":
        return "feminin"
    if texte[0] in "mh":
        return "masculin"
    raise ValueError(f"genre non reconnu : « {str(valeur).strip()} » (F ou M)")


_STATUTS = (
    ("retraite", ("retrait",)),
    ("sans_emploi", ("sans emploi", "chomeu", "chomage", "demandeur", "recherche d emploi", "rsa", "inactif")),
    ("scolarise", ("scolaris", "etudiant", "eleve", "lyceen", "collegien", "ecolier", "ecole")),
    ("en_emploi", ("emploi", "salari", "actif", "active", "cdi", "cdd", "travail", "independant", "interim")),
)


def lire_statut(valeur: Any) -> str:
    """Free text → coop code when recognisable, else ``non_communique`` (never an error)."""
    texte = normaliser(str(valeur or "")).replace("'", " ")
    texte = re.sub(r"[^a-z0-9]+", " ", texte)
    for code, mots in _STATUTS:
        if any(m in texte for m in mots):
            return code
    return "non_communique"


def texte_cellule(valeur: Any) -> str:
    if valeur is None:
        return ""
    if isinstance(valeur, float) and valeur.is_integer():
        valeur = int(valeur)
    if isinstance(valeur, (date, datetime)):
        return valeur.strftime("%d/%m/%Y")
    return str(valeur).strip()


def lire_code_postal(valeur: Any) -> str:
    """A spreadsheet turns 01000 into the number 1000: give it back its zero."""
    texte = texte_cellule(valeur).replace(" ", "")
    return texte.zfill(5) if texte.isdigit() and len(texte) == 4 else texte


def lire_telephone(valeur: Any) -> str:
    texte = texte_cellule(valeur)
    return "0" + texte if texte.isdigit() and len(texte) == 9 else texte


# ------------------------------------------------------------------------------ files
#: Limits of a people list: beyond them the file is refused before being read whole.
TAILLE_MAX = 50 * 1024 * 1024
TAILLE_MAX_DECOMPRESSEE = 200 * 1024 * 1024
LIGNES_MAX = 100_000
COLONNES_MAX = 100
#: Windows-1252 decodes almost any byte: these symbols, rare in a French list, betray another encoding.
_SUSPECTS = set("‚ƒ„†‡ˆ‰Š‹ŒŽ‘’“”•˜™š›œžŸ¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿×÷")
_AUTRES = ("cp932", "shift_jis", "euc_jp", "iso2022_jp", "gb2312", "gb18030", "gbk", "big5", "euc_kr", "cp949",
           "johab", "koi8_r", "koi8_u", "cp1251", "cp866", "iso8859_5", "mac_cyrillic", "cp1253", "cp1255",
           "cp1256", "iso8859_7", "iso8859_8", "tis_620", "cp874", "utf_16", "utf_32")


def decoder(brut: bytes, nom: str = "le fichier") -> str:
    """UTF-8 with or without BOM, else Windows-1252 (French Excel's default); any other encoding is
    refused with a message rather than imported as garbled names."""
    if brut.startswith(b"\xef\xbb\xbf"):
        brut = brut[3:]
    try:
        return brut.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in brut or brut.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UserError(f"« {nom} » n'est pas enregistré en UTF-8 ni en Windows-1252 (UTF-16 ?). "
                        "Enregistrez-le en « CSV UTF-8 » puis recommencez.")
    try:
        texte = brut.decode("cp1252")
    except UnicodeDecodeError:
        texte = None
    devine = _encodage_probable(brut)
    suspects = sum(c in _SUSPECTS for c in texte) if texte is not None else 0
    if texte is None or (devine in _AUTRES and suspects * 50 > max(1, sum(not c.isascii() for c in texte))):
        precision = f" (il semble être en {devine})" if devine else ""
        raise UserError(f"« {nom} » n'est enregistré ni en UTF-8 ni en Windows-1252{precision} : ses noms seraient "
                        "illisibles. Enregistrez-le en « CSV UTF-8 » puis recommencez.")
    return texte


def _encodage_probable(brut: bytes) -> str:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # the detector only words the message better
        return ""
    meilleur = from_bytes(brut[:200_000]).best()
    return meilleur.encoding if meilleur is not None else ""


def _verifier_taille(chemin: Path) -> None:
    """A list larger than any centre's, or a spreadsheet that unpacks to far more: refused before reading."""
    import zipfile

    taille = chemin.stat().st_size
    if taille > TAILLE_MAX:
        raise UserError(f"« {chemin.name} » est trop gros ({taille // (1024 * 1024)} Mo ; au plus "
                        f"{TAILLE_MAX // (1024 * 1024)} Mo pour une liste de personnes).")
    if chemin.suffix.lower() in (".xlsx", ".ods") and zipfile.is_zipfile(chemin):
        with zipfile.ZipFile(chemin) as z:
            total = sum(i.file_size for i in z.infolist())
        if total > TAILLE_MAX_DECOMPRESSEE:
            raise UserError(f"« {chemin.name} » se décompresse en {total // (1024 * 1024)} Mo : trop pour une liste "
                            "de personnes, il n'est pas lu.")


def _trop_de_lignes(nom: str) -> UserError:
    from atelier_app.domain.nombres import entier

    return UserError(f"« {nom} » a plus de {entier(LIGNES_MAX)} lignes : trop pour une liste de personnes "
                     "(le fichier n'est pas lu au-delà).")


def separateur(texte: str) -> str:
    """The header decides (column names hold no separators); the sniffer only when it cannot."""
    premiere = texte.split("\n", 1)[0]
    comptes = {sep: premiere.count(sep) for sep in ";,\t"}
    meilleur = max(comptes, key=comptes.__getitem__)
    if comptes[meilleur]:
        return meilleur
    try:
        return csv.Sniffer().sniff(texte[:4096], delimiters=";,\t").delimiter
    except csv.Error:
        return ";"


def lignes_csv(texte: str, nom: str = "le fichier") -> list[tuple[int, list[Any]]]:
    lecteur = csv.reader(io.StringIO(texte), delimiter=separateur(texte))
    out = []
    for n, ligne in enumerate(lecteur, start=1):
        if n > LIGNES_MAX:
            raise _trop_de_lignes(nom)
        out.append((n, ligne[:COLONNES_MAX]))
    return out


def lignes_xlsx(chemin: Path) -> list[tuple[int, list[Any]]]:
    from atelier_app.storage import tableur_xlsx

    out: list[tuple[int, list[Any]]] = []
    for n, ligne in tableur_xlsx.lignes(chemin, COLONNES_MAX):
        if len(out) >= LIGNES_MAX:
            raise _trop_de_lignes(chemin.name)
        out.append((n, ligne))
    return out


def lignes_ods(chemin: Path) -> list[tuple[int, list[Any]]]:
    from odf import opendocument, table, teletype

    doc = opendocument.load(str(chemin))
    feuilles = doc.spreadsheet.getElementsByType(table.Table)
    if not feuilles:
        return []
    out, n = [], 0
    for rangee in feuilles[0].getElementsByType(table.TableRow):
        valeurs: list[Any] = []
        for cellule in rangee.getElementsByType(table.TableCell):
            repete = int(cellule.getAttribute("numbercolumnsrepeated") or 1)
            valeurs.extend([_valeur_ods(cellule, teletype)] * min(repete, COLONNES_MAX - len(valeurs)))
            if len(valeurs) >= COLONNES_MAX:
                break
        repete_l = int(rangee.getAttribute("numberrowsrepeated") or 1)
        if not any(v not in (None, "") for v in valeurs):
            n += repete_l
            continue
        if n + repete_l > LIGNES_MAX:  # counted, never expanded: a 1.6 KB file can repeat a row 2 million times
            raise _trop_de_lignes(chemin.name)
        for _ in range(repete_l):
            n += 1
            out.append((n, valeurs))
    return out


def _valeur_ods(cellule: Any, teletype: Any) -> Any:
    genre = cellule.getAttribute("valuetype")
    if genre == "date":
        return date.fromisoformat(cellule.getAttribute("datevalue")[:10])
    if genre in ("float", "percentage", "currency"):
        return float(cellule.getAttribute("value"))
    texte = teletype.extractText(cellule)
    return texte or None


def lignes(chemin: Path) -> list[tuple[int, list[Any]]]:
    ext = chemin.suffix.lower()
    try:
        _verifier_taille(chemin)
        if ext == ".csv":
            return lignes_csv(decoder(chemin.read_bytes(), chemin.name), chemin.name)
        if ext == ".xlsx":
            return lignes_xlsx(chemin)
        if ext == ".ods":
            return lignes_ods(chemin)
    except UserError:
        raise
    except Exception as exc:  # a broken spreadsheet is the user's file, not a bug: say so plainly
        log.warning("Lecture de %s impossible", chemin, exc_info=True)
        raise UserError(f"Le fichier « {chemin.name} » est illisible ({type(exc).__name__}).") from exc
    raise UserError(f"Format de liste non reconnu : « {chemin.name} » (attendu : .csv, .xlsx ou .ods).")


# ------------------------------------------------------------------------------ import
def _personne_de(valeurs: dict[str, Any], ou: str, problemes: list[Probleme]) -> dict[str, Any]:
    champs: dict[str, Any] = {}
    for champ, valeur in valeurs.items():
        try:
            if champ == "annee":
                champs["annee_naissance"] = lire_annee(valeur)
            elif champ == "genre":
                champs["genre"] = lire_genre(valeur)
            elif champ == "statut_social":
                champs["statut_social"] = lire_statut(valeur)
                if texte_cellule(valeur) and champs["statut_social"] == "non_communique":
                    champs["notes_statut"] = texte_cellule(valeur)
            elif champ == "code_postal":
                champs["code_postal"] = lire_code_postal(valeur)
            elif champ == "telephone":
                champs["telephone"] = lire_telephone(valeur)
            else:
                champs[champ] = texte_cellule(valeur)
        except ValueError as exc:
            problemes.append(Probleme(ou, champ if champ != "annee" else "annee_naissance", str(exc)))
    return champs


def _mettre_a_jour(p: Personne, champs: dict[str, Any]) -> Personne:
    """Values the list gives replace the stored ones; empty cells never erase anything.

    The stored spelling of the name is kept: « LEFEVRE » in a list is the same Lefèvre.
    """
    garder = ("notes_statut", "nom", "prenom") if p.id else ("notes_statut",)
    nouveaux = {k: v for k, v in champs.items() if k not in garder and v not in ("", None, "non_communique")}
    if champs.get("notes_statut"):
        nouveaux["extra"] = {**p.extra, "statut_texte": champs["notes_statut"]}
    return replace(p, **nouveaux)


def importer(depot: Any, chemin: Path, tx: Any, aujourd_hui: date) -> RapportImport:
    """All or nothing: every bad row is listed with its line number before anything is written."""
    chemin = Path(chemin)
    toutes = [(n, v) for n, v in lignes(chemin) if any(texte_cellule(x) for x in v)]
    if not toutes:
        raise UserError(f"Le fichier « {chemin.name} » est vide.")
    n_entete, entete = toutes[0]
    colonnes, ignorees = mapper_entete(entete)
    manquantes = [c for c in ("nom", "prenom") if c not in colonnes.values()]
    if manquantes:
        raise UserError(
            f"Ligne {n_entete} de « {chemin.name} » : colonne(s) "
            + ", ".join(f"« {'prénom' if c == 'prenom' else c} »" for c in manquantes)
            + " introuvable(s). La première ligne doit nommer les colonnes (nom, prénom, …)."
        )
    problemes: list[Probleme] = []
    rapport = RapportImport(colonnes_ignorees=ignorees)
    par_cle = {p.cle_doublon(): p for p in depot.all(Personne) if not p.anonymise}
    existants = {p.id for p in par_cle.values()}
    a_ecrire: dict[str, Personne] = {}
    for n, valeurs in toutes[1:]:
        ou = f"ligne {n}"
        avant = len(problemes)
        champs = _personne_de(
            {champ: valeurs[i] if i < len(valeurs) else None for i, champ in colonnes.items()}, ou, problemes
        )
        if len(problemes) > avant:
            continue
        candidat = _mettre_a_jour(Personne(id="", nom="", prenom="", cree_le=aujourd_hui), champs)
        problemes += valider_personne(candidat, ou, aujourd_hui.year)
        if len(problemes) > avant:
            continue
        cle = candidat.cle_doublon()
        deja = par_cle.get(cle)
        if deja is None:
            p = replace(candidat, id=nouvel_id("p"))
        else:
            p = _mettre_a_jour(deja, champs)
            if p == deja and deja.id not in a_ecrire:
                continue
            if deja.id in a_ecrire:
                rapport.fusionnes.append(f"{ou} : {p.nom_complet}, déjà plus haut dans le fichier")
        par_cle[cle] = p
        a_ecrire[p.id] = p
    if problemes:
        # name the column as the spreadsheet shows it (« Date de naissance », not annee_naissance)
        noms = {("annee_naissance" if c == "annee" else c): str(entete[i]).strip() for i, c in colonnes.items()}
        problemes = [Probleme(p.enregistrement, noms.get(p.champ, p.champ), p.raison) for p in problemes]
        lignes_fautives = len({p.enregistrement for p in problemes})
        raise DonneesInvalides(
            f"Import refusé : {lignes_fautives} ligne(s) à corriger dans « {chemin.name} ». Rien n'a été enregistré.",
            problemes,
        )
    tx.put_many(a_ecrire.values())
    rapport.ajoutes["personnes"] = sum(1 for i in a_ecrire if i not in existants)
    rapport.mis_a_jour["personnes"] = sum(1 for i in a_ecrire if i in existants)
    return rapport
