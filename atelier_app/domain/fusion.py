"""Merging two records of one person: what the merged record keeps, and what the user must see.

Why these rules (issue 18, point 3): a merge that loses a fact is worse than a duplicate. A filled
field wins over an empty one, « présent » over « absent » on the same session, and the pre-list
keeps one entry per activity, the one furthest along. The differences between the two records are
shown side by side, and a different first name, sex, year of birth or commune is a warning: two
people who share a surname are not one person.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import ClassVar

from atelier_app.domain.accompagnements import Accompagnement
from atelier_app.domain.activites import Groupe
from atelier_app.domain.codes import GENRES, STATUTS_SOCIAUX, libelle
from atelier_app.domain.etats import EtatPreliste, StatutPresence
from atelier_app.domain.personnes import Personne, normaliser
from atelier_app.domain.positionnement import Positionnement
from atelier_app.domain.preliste import EntreePreliste
from atelier_app.domain.projets import Projet
from atelier_app.domain.seances import Presence, Seance

NON_COMMUNIQUE = "non_communique"

#: The fields of a person's record, with the label the user sees, in the order of the file.
CHAMPS: tuple[tuple[str, str], ...] = (
    ("nom", "Nom"), ("prenom", "Prénom"), ("annee_naissance", "Année de naissance"), ("genre", "Genre"),
    ("statut_social", "Situation"), ("commune", "Commune"), ("code_postal", "Code postal"),
    ("adresse", "Adresse"), ("telephone", "Téléphone"), ("email", "E-mail"),
    ("responsable_legal", "Responsable légal"), ("telephone_responsable", "Téléphone du responsable"),
    ("droit_image", "Droit à l'image"), ("notes", "Notes"), ("cree_le", "Fiche créée le"),
)

#: Fields whose difference means « maybe not the same person ».
IDENTITE = ("prenom", "genre", "annee_naissance", "commune")

#: Attendance, best first: a mark of coming beats one of not coming.
RANG_PRESENCE = {StatutPresence.PRESENT: 0, StatutPresence.RETARD: 1, StatutPresence.EXCUSE: 2,
                 StatutPresence.ABSENT: 3}
#: Pre-list, furthest along first; a withdrawal only counts when nothing else is left.
RANG_PRELISTE: dict[str, int] = {EtatPreliste.INSCRIT: 0, EtatPreliste.VENU: 1, EtatPreliste.INVITE: 2,
                                 EtatPreliste.A_INVITER: 3, EtatPreliste.DESISTE: 4}


def _vide(champ: str, valeur: object) -> bool:
    if champ in ("genre", "statut_social"):
        return valeur in (None, "", NON_COMMUNIQUE)
    return valeur in (None, "", False)


def valeur_lisible(champ: str, valeur: object) -> str:
    if champ == "genre":
        return libelle(GENRES, str(valeur))
    if champ == "statut_social":
        return libelle(STATUTS_SOCIAUX, str(valeur))
    if isinstance(valeur, bool):
        return "Oui" if valeur else "Non"
    if isinstance(valeur, date):
        return f"{valeur:%d/%m/%Y}"
    return "" if valeur is None else str(valeur)


def _pareil(a: object, b: object) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return normaliser(a) == normaliser(b)
    return a == b


def differences(a: Personne, b: Personne) -> list[str]:
    """The fields (names) whose values differ, an empty one included."""
    return [c for c, _l in CHAMPS if c != "cree_le" and not _pareil(getattr(a, c), getattr(b, c))]


def alertes(a: Personne, b: Personne) -> list[str]:
    """Sentences for the identity fields filled on both sides with different values."""
    out = []
    for champ in IDENTITE:
        va, vb = getattr(a, champ), getattr(b, champ)
        if not _vide(champ, va) and not _vide(champ, vb) and not _pareil(va, vb):
            lib = dict(CHAMPS)[champ]
            out.append(f"{lib} : « {valeur_lisible(champ, va)} » sur l'une, « {valeur_lisible(champ, vb)} » sur l'autre")
    return out


def personne_fusionnee(garder: Personne, retirer: Personne) -> Personne:
    """The kept record completed by the other: a filled field wins over an empty one."""
    completes = {c: getattr(retirer, c) for c, _l in CHAMPS
                 if c not in ("notes", "cree_le") and _vide(c, getattr(garder, c)) and not _vide(c, getattr(retirer, c))}
    return replace(
        garder, **completes,
        consentements=garder.consentements + tuple(c for c in retirer.consentements if c not in garder.consentements),
        notes="\n".join(n for n in (garder.notes, retirer.notes) if n),
        cree_le=min(garder.cree_le, retirer.cree_le),
        extra={**retirer.extra, **garder.extra},
    )


def _meilleure(a: Presence, b: Presence) -> Presence:
    rang = lambda p: RANG_PRESENCE.get(p.statut, 9)  # noqa: E731 - a one-line key
    meilleure = a if rang(a) <= rang(b) else b
    return replace(meilleure, inscrit=a.inscrit or b.inscrit)


def presences_fusionnees(s: Seance, garder: str, retirer: str) -> Seance:
    """The session with one line for the kept person: the better mark of the two."""
    lignes: list[Presence] = []
    for pr in s.presences:
        pr = replace(pr, personne=garder) if pr.personne == retirer else pr
        deja = next((i for i, x in enumerate(lignes) if x.personne == pr.personne), None)
        if deja is None:
            lignes.append(pr)
        else:
            lignes[deja] = _meilleure(lignes[deja], pr)
    return replace(s, presences=tuple(lignes))


def preliste_fusionnee(entrees: list[EntreePreliste], garder: str) -> tuple[list[EntreePreliste], list[str]]:
    """One entry per activity: the one furthest along, with the others' history and notes.

    Returns the entries to write and the ids to delete. The kept entry keeps its id and date (it is
    filed by the year of its request).
    """
    par_activite: dict[str, list[EntreePreliste]] = {}
    for e in entrees:
        par_activite.setdefault(e.activite, []).append(e)
    a_ecrire, a_supprimer = [], []
    for groupe in par_activite.values():
        groupe.sort(key=lambda e: (RANG_PRELISTE.get(e.etat, 9), e.demande_le, e.id))
        tete, autres = groupe[0], groupe[1:]
        historique = sorted({h for e in groupe for h in e.historique}, key=lambda h: (h.le, h.etat))
        notes = "\n".join(dict.fromkeys(e.notes for e in groupe if e.notes))
        a_ecrire.append(replace(tete, personne=garder, historique=tuple(historique), notes=notes,
                                reunion=tete.reunion or next((e.reunion for e in autres if e.reunion), None)))
        a_supprimer += [e.id for e in autres]
    return a_ecrire, a_supprimer


@dataclass(frozen=True)
class AnnulationFusion:
    """Everything a merge changed, as it was before, so that « Annuler la fusion » puts it back.

    Why in the data and not only in a backup: restoring a backup would also undo the work done
    since; this puts back the two records and their links, nothing else. It holds people's data:
    it expires (``CONSERVATION_JOURS``) and goes when either person is anonymised.
    """

    TABLE: ClassVar[str] = "annulations_fusion"
    RANGEMENT: ClassVar[str] = "noyau"
    CONSERVATION_JOURS: ClassVar[int] = 90

    id: str
    le: datetime
    garder: Personne
    retirer: Personne
    sauvegarde: str = ""
    seances: tuple[Seance, ...] = ()
    groupes: tuple[Groupe, ...] = ()
    preliste: tuple[EntreePreliste, ...] = ()
    positionnements: tuple[Positionnement, ...] = ()
    projets: tuple[Projet, ...] = ()
    accompagnements: tuple[Accompagnement, ...] = ()
    annulee: bool = False
    extra: dict = field(default_factory=dict)

    def date_rangement(self) -> date:
        return date(2000, 1, 1)
