"""The interchange file of FORMAT.md, version 1: export, all-or-nothing import, and checks.

Why every problem is collected before anything is written: a centre's volunteer must be able to
fix a file from one message, and a half-imported file would be worse than none. Fields our records
have beyond FORMAT.md are written too, and unknown fields of a file are kept in ``extra``, so an
export imported into an empty folder gives back exactly the same data.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from atelier_app.domain.accompagnements import Accompagnement, valider_accompagnement
from atelier_app.domain.activites import Activite, Cycle, Groupe, valider_activite, valider_groupe
from atelier_app.domain.ages import tranche_age
from atelier_app.domain.centre import Centre
from atelier_app.domain.etats import StatutPresence
from atelier_app.domain.imports import RapportImport
from atelier_app.domain.personnes import Personne, valider_personne
from atelier_app.domain.positionnement import Positionnement, valider_positionnement
from atelier_app.domain.preliste import EntreePreliste, valider_preliste
from atelier_app.domain.projets import Projet, valider_projet
from atelier_app.domain.records import nouvel_id
from atelier_app.domain.seances import Presence, Seance, valider_seance
from atelier_app.ecriture import ecrire_octets
from atelier_app.errors import DonneesInvalides, Probleme, UserError
from atelier_app.storage.codec import _convert as convertir
from atelier_app.storage.codec import to_dict

log = logging.getLogger(__name__)

FORMAT = "atelier-echange"
VERSION = 1

#: list name in the file → (record kind, id prefix for records that come without an id, validator)
LISTES: dict[str, tuple[type, str, Callable[..., list[Probleme]] | None]] = {
    "activites": (Activite, "a", valider_activite),
    "personnes": (Personne, "p", None),
    "cycles": (Cycle, "c", None),
    "groupes": (Groupe, "g", valider_groupe),
    "seances": (Seance, "s", valider_seance),
    "preliste": (EntreePreliste, "l", valider_preliste),
    "positionnements": (Positionnement, "q", valider_positionnement),
    "projets": (Projet, "r", valider_projet),
    "accompagnements": (Accompagnement, "h", valider_accompagnement),
}
#: (list, field, list it points to, may be empty)
REFERENCES = (
    ("cycles", "activite", "activites", False),
    ("groupes", "cycle", "cycles", False),
    ("seances", "groupe", "groupes", False),
    ("preliste", "personne", "personnes", False),
    ("preliste", "activite", "activites", False),
    ("positionnements", "personne", "personnes", False),
    ("positionnements", "cycle", "cycles", True),
    ("projets", "personne", "personnes", False),
    ("accompagnements", "personne", "personnes", True),
)
_INSTANTANE = ("tranche_age", "genre", "statut_social", "commune", "code_postal")


# ------------------------------------------------------------------------------------------ export
def _sortie(obj: Any) -> dict[str, Any]:
    """A record as written in the file: its ``extra`` goes back to the top level of the object."""
    d = to_dict(obj)
    extra = d.pop("extra", None) or {}
    for k, v in extra.items():
        d.setdefault(k, v)
    return d


def _selection_annee(depot: Any, annee: int) -> dict[str, list[Any]]:
    seances = depot.all(Seance, annee=annee)
    groupes_tous = {g.id: g for g in depot.all(Groupe)}
    cycles_tous = {c.id: c for c in depot.all(Cycle)}
    positionnements = [q for q in depot.all(Positionnement) if q.date.year == annee]
    cycles_ids = {c.id for c in cycles_tous.values() if c.debut and c.debut.year == annee}
    cycles_ids |= {groupes_tous[s.groupe].cycle for s in seances if s.groupe in groupes_tous}
    cycles_ids |= {q.cycle for q in positionnements if q.cycle in cycles_tous}
    groupes = [g for g in groupes_tous.values() if g.cycle in cycles_ids]
    out: dict[str, list[Any]] = {
        "cycles": [cycles_tous[c] for c in cycles_ids if c in cycles_tous],
        "groupes": groupes,
        "seances": seances,
        "preliste": [e for e in depot.all(EntreePreliste) if e.demande_le.year == annee],
        "positionnements": positionnements,
        "projets": [
            r for r in depot.all(Projet)
            if r.ouvert_le.year == annee or any(v.date.year == annee for v in r.visites)
        ],
        "accompagnements": [a for a in depot.all(Accompagnement) if a.date.year == annee],
    }
    activites = {c.activite for c in out["cycles"]} | {e.activite for e in out["preliste"]}
    # requests and projects belong to the activity of their kind: the file must carry it too
    genres = {"accompagnement"} if out["accompagnements"] else set()
    genres |= {"projets"} if out["projets"] else set()
    out["activites"] = [a for a in depot.all(Activite) if a.id in activites or a.genre_activite in genres]
    gens: set[str] = set()
    for g in groupes:
        gens |= set(g.inscrits) | set(g.liste_attente)
    gens |= {p.personne for s in seances for p in s.presences}
    for nom in ("preliste", "positionnements", "projets", "accompagnements"):
        gens |= {r.personne for r in out[nom] if r.personne}
    out["personnes"] = [p for p in depot.all(Personne) if p.id in gens]
    return out


def exporter(depot: Any, chemin: Path, annee: int | None) -> dict[str, int]:
    """Write the whole database (or one year's records and what they reference); counts per list."""
    depot.charger_tout()
    if annee is None:
        listes = {nom: depot.all(kind) for nom, (kind, _p, _v) in LISTES.items()}
    else:
        listes = _selection_annee(depot, annee)
    contenu: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    centre = depot.get(Centre, Centre.ID)
    if centre is not None:
        d = _sortie(centre)
        d.pop("id", None)
        contenu["centre"] = d
    presences: list[dict[str, Any]] = []
    for nom in LISTES:
        objets = sorted(listes.get(nom, []), key=lambda o: o.id)
        sortie = []
        for o in objets:
            d = _sortie(o)
            if nom == "seances":
                d.pop("presences", None)
                presences += [{"seance": o.id, **to_dict(p)} for p in o.presences]
            sortie.append(d)
        contenu[nom] = sortie
        if nom == "seances":
            contenu["presences"] = presences
    ecrire_octets(Path(chemin), json.dumps(contenu, ensure_ascii=False, indent=1).encode("utf-8"))
    return {nom: len(contenu[nom]) for nom in (*LISTES, "presences")}


# ------------------------------------------------------------------------------------------ reading
@dataclass
class PresenceLue:
    """One line of the flat ``presences`` list, with the fields the file actually gave."""

    index: int
    seance: str
    presence: Presence
    champs: frozenset[str]


_SIMPLES = {str: "du texte", int: "un nombre entier", bool: "vrai ou faux"}


def _verifier_type(tp: Any, valeur: Any) -> str | None:
    """Reason why ``valeur`` cannot be a ``tp`` (only simple top-level types are checked)."""
    if type(valeur) is tp:
        return None
    if valeur is None:
        return None if type(None) in typing.get_args(tp) or tp is Any else "valeur vide interdite"
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    base = args[0] if typing.get_origin(tp) in (typing.Union, types.UnionType) and len(args) == 1 else tp
    if base in _SIMPLES:
        ok = isinstance(valeur, base) and not (base is int and isinstance(valeur, bool))
        return None if ok else f"{_SIMPLES[base]} est attendu, pas « {valeur} »"
    if typing.get_origin(base) in (tuple, list) and not isinstance(valeur, list):
        return f"une liste est attendue, pas « {valeur} »"
    if typing.get_origin(base) is dict and not isinstance(valeur, dict):
        return "un objet est attendu"
    return None


@cache
def _description(kind: type) -> tuple[dict[str, Any], dict[str, dataclasses.Field]]:
    return typing.get_type_hints(kind), {f.name: f for f in dataclasses.fields(kind) if f.init}


def _construire(kind: type, d: Any, ou: str, problemes: list[Probleme]) -> Any | None:
    """A record from one object of the file, or None after noting every problem found."""
    if not isinstance(d, dict):
        problemes.append(Probleme(ou, "", "un objet JSON est attendu"))
        return None
    hints, champs = _description(kind)
    connus: dict[str, Any] = {}
    extra = dict(d.get("extra") or {}) if "extra" in champs and isinstance(d.get("extra"), dict) else {}
    avant = len(problemes)
    for cle, valeur in d.items():
        if cle == "extra" and "extra" in champs:
            continue
        if cle not in champs:
            extra[cle] = valeur
            continue
        if valeur is None and _a_defaut(champs[cle]) and type(None) not in typing.get_args(hints[cle]):
            continue  # another producer's null for "nothing": the record's default says the same
        raison = _verifier_type(hints[cle], valeur)
        if raison:
            problemes.append(Probleme(ou, cle, raison))
            continue
        try:
            connus[cle] = convertir(hints[cle], valeur)
        except (TypeError, ValueError, AttributeError, KeyError) as exc:
            problemes.append(Probleme(ou, cle, _raison_conversion(hints[cle], valeur, exc)))
    for nom, f in champs.items():
        if not _a_defaut(f) and nom not in connus:
            if not any(p.champ == nom for p in problemes[avant:]):
                problemes.append(Probleme(ou, nom, "champ obligatoire manquant"))
    if len(problemes) > avant:
        return None
    if "extra" in champs:
        connus["extra"] = extra
    return kind(**connus)


def _a_defaut(f: dataclasses.Field) -> bool:
    return f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING


def _raison_conversion(tp: Any, valeur: Any, exc: Exception) -> str:
    """In French, without Python's own wording (the user never sees an exception's text)."""
    if "date" in str(tp):
        return f"date impossible : « {valeur} » (attendu AAAA-MM-JJ)"
    if isinstance(exc, TypeError):
        return f"forme inattendue : « {valeur} » (champ incomplet ou mal formé)"
    return f"valeur invalide : « {valeur} »"


#: An interchange file larger than this, or nested deeper, is refused before it is parsed.
TAILLE_MAX = 200 * 1024 * 1024
PROFONDEUR_MAX = 20
_CHAINES = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_CROCHETS = re.compile(r"[\[\]{}]")


def _trop_profond(texte: str) -> bool:
    """Nesting depth counted on brackets outside strings, without building anything (a 5 000-deep file)."""
    profondeur = 0
    for m in _CROCHETS.finditer(_CHAINES.sub("", texte)):
        profondeur += 1 if m.group() in "[{" else -1
        if profondeur > PROFONDEUR_MAX:
            return True
    return False


def lire(chemin: Path, horloge: Callable[[], datetime] = datetime.now) -> tuple[dict[str, Any], list[Probleme]]:
    """Parse and validate a file on its own (no database): records per list, and every problem.
    ``horloge``: the caller's clock (birth years are checked against the current year)."""
    chemin = Path(chemin)
    try:
        taille = chemin.stat().st_size
        if taille > TAILLE_MAX:
            raise UserError(f"« {chemin.name} » est trop gros ({taille // (1024 * 1024)} Mo ; au plus "
                            f"{TAILLE_MAX // (1024 * 1024)} Mo pour un fichier d'échange).")
        texte = chemin.read_text(encoding="utf-8-sig")
        if _trop_profond(texte):
            raise UserError(f"« {chemin.name} » est imbriqué sur plus de {PROFONDEUR_MAX} niveaux : "
                            "ce n'est pas un fichier d'échange Atelier.")
        contenu = json.loads(texte)
    except UnicodeDecodeError:
        raise UserError(f"« {chemin.name} » n'est pas un fichier texte UTF-8.") from None
    except RecursionError:
        raise UserError(f"« {chemin.name} » est imbriqué trop profondément : ce n'est pas un fichier d'échange "
                        "Atelier.") from None
    except ValueError as exc:
        raise UserError(f"« {chemin.name} » n'est pas un fichier JSON valide : {exc}.") from None
    except OSError as exc:
        raise UserError(f"Impossible de lire « {chemin} » : {exc.strerror or exc}.") from None
    if not isinstance(contenu, dict) or contenu.get("format") != FORMAT:
        raise UserError(f"« {chemin.name} » n'est pas un fichier d'échange Atelier (champ « format » ≠ « {FORMAT} »).")
    if not isinstance(contenu.get("version"), int) or isinstance(contenu.get("version"), bool):
        raise UserError(f"« {chemin.name} » : le champ « version » doit être le nombre {VERSION}, "
                        f"pas « {str(contenu.get('version'))[:20]} » (texte ou absent).")
    if contenu.get("version") != VERSION:
        raise UserError(
            f"« {chemin.name} » est au format d'échange version {contenu.get('version')} ; "
            f"cette version d'Atelier lit la version {VERSION}."
        )
    problemes: list[Probleme] = []
    objets: dict[str, Any] = {"centre": None}
    if isinstance(contenu.get("centre"), dict):
        objets["centre"] = _construire(Centre, {**contenu["centre"], "id": Centre.ID}, "centre", problemes)
    annee = horloge().year
    objets["aides_sans_instantane"] = set()  # help records whose public is to be taken from the person
    for nom, (kind, prefixe, valider) in LISTES.items():
        brut = contenu.get(nom, [])
        if not isinstance(brut, list):
            problemes.append(Probleme(nom, "", "une liste est attendue"))
            brut = []
        recus, vus = [], set()
        for i, d in enumerate(brut):
            ou = f"{nom}[{i}]"
            if isinstance(d, dict) and "id" not in d:
                d = {**d, "id": nouvel_id(prefixe)}
            if nom == "seances" and isinstance(d, dict):
                d = {k: v for k, v in d.items() if k != "presences"}
            if (nom == "accompagnements" and isinstance(d, dict) and isinstance(d.get("id"), str)
                    and not any(c in d for c in _INSTANTANE)):
                objets["aides_sans_instantane"].add(d["id"])
            obj = _construire(kind, d, ou, problemes)
            if obj is None:
                continue
            if obj.id in vus:
                problemes.append(Probleme(ou, "id", f"identifiant « {obj.id} » en double dans la liste"))
            vus.add(obj.id)
            trouves = valider_personne(obj, ou, annee) if kind is Personne else valider(obj, ou) if valider else []
            problemes += trouves
            recus.append((i, obj))
        objets[nom] = recus
    objets["presences"] = _lire_presences(contenu.get("presences", []), problemes)
    return objets, problemes


def _lire_presences(brut: Any, problemes: list[Probleme]) -> list[PresenceLue]:
    if not isinstance(brut, list):
        problemes.append(Probleme("presences", "", "une liste est attendue"))
        return []
    out = []
    for i, d in enumerate(brut):
        ou = f"presences[{i}]"
        if not isinstance(d, dict) or not isinstance(d.get("seance"), str):
            problemes.append(Probleme(ou, "seance", "la séance est obligatoire"))
            continue
        p = _construire(Presence, {k: v for k, v in d.items() if k != "seance"}, ou, problemes)
        if p is not None:
            if p.statut not in set(StatutPresence):
                problemes.append(Probleme(ou, "statut", f"statut de présence inconnu : « {p.statut} »"))
            out.append(PresenceLue(i, d["seance"], p, frozenset(d)))
    return out


# ------------------------------------------------------------------------------------------ import
def importer(depot: Any, chemin: Path, tx: Any) -> RapportImport:
    """All or nothing: every problem is listed before anything is written through ``tx``."""
    from atelier_app.storage.interchange_fusion import Fusion

    objets, problemes = lire(chemin, depot.horloge)
    depot.charger_tout()
    fusion = Fusion(depot, objets, problemes)
    fusion.preparer()
    if fusion.problemes:
        n = len(fusion.problemes)
        raise DonneesInvalides(
            f"Import refusé : {n} problème(s) dans « {Path(chemin).name} ». Rien n'a été enregistré.",
            fusion.problemes,
        )
    return fusion.ecrire(tx)


def instantane(presence: Presence, personne: Personne | None, annee: int, champs: frozenset[str]) -> Presence:
    """Fill the demographic snapshot of a presence from the person, for fields the file left out."""
    if personne is None:
        return presence
    return replace(
        presence,
        tranche_age=presence.tranche_age if "tranche_age" in champs else tranche_age(personne.annee_naissance, annee),
        genre=presence.genre if "genre" in champs else personne.genre,
        statut_social=presence.statut_social if "statut_social" in champs else personne.statut_social,
        commune=presence.commune if "commune" in champs else personne.commune,
        code_postal=presence.code_postal if "code_postal" in champs else personne.code_postal,
    )


# ------------------------------------------------------------------------------------------ checks
def verifier(depot: Any, doublons: bool = True) -> list[Probleme]:
    """References between stored records, over-full groups and (unless ``doublons`` is off) duplicate people."""
    depot.charger_tout()
    ids = {nom: {d["id"] for d in depot.all_dicts(kind)} for nom, (kind, _p, _v) in LISTES.items()}
    problemes: list[Probleme] = []

    def manque(ou: str, champ: str, liste: str, ident: Any) -> None:
        problemes.append(Probleme(ou, champ, f"renvoie à « {ident} », absent de la liste « {liste} »"))

    for nom, champ, cible, facultatif in REFERENCES:
        kind = LISTES[nom][0]
        for d in depot.all_dicts(kind):
            valeur = d.get(champ)
            if (valeur is None and facultatif) or valeur in ids[cible]:
                continue
            manque(f"{nom} {d['id']}", champ, cible, valeur)
    capacite_par_defaut = Groupe.__dataclass_fields__["capacite"].default
    for g in depot.all_dicts(Groupe):  # stored dicts: decoding every group cost most of a restore's check
        ou = f"groupes {g['id']} ({g.get('nom', '')})"
        for champ in ("inscrits", "liste_attente"):
            for pid in g.get(champ) or ():
                if pid not in ids["personnes"]:
                    manque(ou, champ, "personnes", pid)
        capacite = g.get("capacite", capacite_par_defaut)
        if isinstance(capacite, int) and len(g.get("inscrits") or ()) > capacite:
            problemes.append(Probleme(ou, "inscrits", f"{len(g['inscrits'])} inscrits pour {capacite} places"))
    for d in depot.all_dicts(Seance):
        for p in d.get("presences", ()):
            if p.get("personne") not in ids["personnes"]:
                manque(f"seances {d['id']}", "presences", "personnes", p.get("personne"))
    vus: dict[tuple, str] = {}
    for p in depot.all(Personne) if doublons else ():
        if p.anonymise or not p.nom.strip():
            continue
        cle = p.cle_doublon()
        if cle in vus:
            problemes.append(Probleme(f"personnes {p.id}", "", f"même personne que la fiche {vus[cle]} ({p.nom_complet})"))
        else:
            vus[cle] = p.id
    return problemes
