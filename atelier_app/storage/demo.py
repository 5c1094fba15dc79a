"""A believable fictitious centre, so the app opens on something real and benchmarks have history.

Why deterministic (``random.Random(graine)``, numbered ids, no clock but ``aujourd_hui``): the same
seed must give the same files byte for byte, so tests, screenshots and benchmarks are repeatable.
Why a few big ``put_many`` per year: ``grande`` (ten years, 5 000 sessions) must build in seconds,
and one transaction per record would mean thousands of durable writes.
Why the activities are handed in and the accounts only listed here: storage does not reach the
services (the default activities and the password hashing live there); ``services.donnees`` passes
the one and creates the other.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Protocol

from atelier_app.domain.accompagnements import Accompagnement
from atelier_app.domain.activites import Activite, Creneau, Cycle, EtapeProgramme, Groupe, Reunion
from atelier_app.domain.ages import tranche_age
from atelier_app.domain.calendrier import fin_donnees_scolaires, jour_ferie, premier_jour, vacances_scolaires
from atelier_app.domain.centre import Centre, Parametres
from atelier_app.domain.codes import JOURS, NIVEAUX, THEMATIQUES_DEMARCHES
from atelier_app.domain.etats import EtatPreliste, EtatProjet, EtatSeance, StatutPresence
from atelier_app.domain.personnes import Consentement, Personne
from atelier_app.domain.positionnement import Positionnement
from atelier_app.domain.preliste import ChangementEtat, EntreePreliste
from atelier_app.domain.projets import Projet, Visite
from atelier_app.domain.records import Record
from atelier_app.domain.seances import Presence, Seance
from atelier_app.storage.demo_donnees import (
    COMMUNES,
    ECHELLES,
    NOMS,
    OBJETS,
    PRENOMS_F,
    PRENOMS_M,
    PROGRAMME_INITIATION,
    RUES,
    SUJETS_KIDS,
    SUJETS_SENOU,
    Echelle,
)


def _ascii(texte: str) -> str:
    """E-mail addresses have no accents: « Hélène » → « helene »."""
    return unicodedata.normalize("NFKD", texte.lower()).encode("ascii", "ignore").decode()

ZONE = "A"
#: The demo's accounts, one per role (identifiant, rôle, mot de passe), printed by scripts/demo.sh.
#: For the demo only: long random-word passphrases, so they pass the password rule.
COMPTES = (("direction", "direction", "violette-parapluie-cerise-43"),
           ("animateur", "animateur", "colibri-tambour-noisette-58"),
           ("benevole", "benevole", "lanterne-gravier-myrtille-27"))
ANIMATEURS = {"initiation": "Sophie Renaud", "senou": "Loïc Bernard", "numerikids": "Émilie Faure",
              "repair": "Gérard Mercier", "accompagnement": "Nadia Benali"}


class _Tx(Protocol):
    def put_many(self, objs: Iterable[Record]) -> None: ...


class _Magasin(Protocol):
    """What the generator needs of the store it fills (the folder's or the server's)."""

    def transaction(self, action: str) -> AbstractContextManager[_Tx]: ...


def _jour_libre(d: date) -> bool:
    """No session on a public holiday or in the zone's school holidays (approximated past the data)."""
    if jour_ferie(d):
        return False
    if d <= fin_donnees_scolaires():
        return vacances_scolaires(d, ZONE) is None
    md = (d.month, d.day)
    return not ((10, 18) <= md <= (11, 3) or md >= (12, 20) or md <= (1, 4) or (2, 7) <= md <= (3, 9)
                or (4, 4) <= md <= (5, 5) or (7, 4) <= md <= (8, 31))


def _reunion(aujourd_hui: date, jour_semaine: int, heure: str) -> Reunion:
    """The next information meeting, at least two weeks ahead on a working day: the demo's
    pre-list can then print its letters straight away."""
    d = aujourd_hui + timedelta(days=14)
    while d.weekday() != jour_semaine or not _jour_libre(d):
        d += timedelta(days=1)
    return Reunion(d, heure, "Salle polyvalente du centre, rez-de-chaussée")


def _dates(debut: date, jour: str, n: int | None, fin: date) -> list[date]:
    out: list[date] = []
    d = premier_jour(debut, jour)
    while d <= fin and (n is None or len(out) < n):
        if _jour_libre(d):
            out.append(d)
        d += timedelta(days=7)
    return out


@dataclass
class _Centre:
    """What the generator accumulates before the few big writes."""

    rng: random.Random
    aujourd_hui: date
    personnes: dict[str, Personne] = field(default_factory=dict)
    profils: dict[str, list[str]] = field(default_factory=dict)
    cycles: list = field(default_factory=list)
    groupes: list = field(default_factory=list)
    seances: list = field(default_factory=list)
    autres: list = field(default_factory=list)
    n: dict[str, int] = field(default_factory=dict)
    cles: set = field(default_factory=set)
    #: last day each (slot, room) is taken: a new cycle starts after it, never on the same day
    occupe: dict = field(default_factory=dict)
    #: activities whose next cycle already has its pre-list
    attendus: set = field(default_factory=set)

    def dates(self, cr: Creneau, salle: int, debut: date, n: int | None, fin: date) -> list[date]:
        libre = self.occupe.get((cr.id, salle))
        dates = _dates(max(debut, libre + timedelta(days=1)) if libre else debut, cr.jour, n, fin)
        if dates:
            self.occupe[(cr.id, salle)] = dates[-1]
        return dates

    def id(self, prefixe: str) -> str:
        self.n[prefixe] = self.n.get(prefixe, 0) + 1
        return f"{prefixe}{self.n[prefixe]:05d}"

    def personne(self, profil: str, contact: date) -> Personne:
        r, an = self.rng, contact.year
        age = {"senior": r.randint(60, 88), "adulte": r.choice((r.randint(45, 75), r.randint(25, 80))),
               "enfant": r.randint(6, 14)}.get(profil) or r.randint(18, 85)
        genre = r.choices(("feminin", "masculin", "non_communique"), (55, 42, 3))[0]
        prenoms = PRENOMS_M if genre == "masculin" else PRENOMS_F if genre == "feminin" else PRENOMS_F + PRENOMS_M
        prenom, nom = r.choice(prenoms), r.choice(NOMS)
        naissance = an - age if r.random() > 0.03 else None
        while (nom, prenom, naissance) in self.cles:  # the same name and year would be one person (FORMAT.md)
            prenom, nom = r.choice(prenoms), r.choice(NOMS)
        self.cles.add((nom, prenom, naissance))
        commune, cp, _ = r.choices(COMMUNES, [c[2] for c in COMMUNES])[0]
        statut = ("scolarise" if age < 18 else "retraite" if age >= 63 else
                  r.choices(("en_emploi", "sans_emploi", "non_communique"), (45, 45, 10))[0])
        base = _ascii(prenom)
        p = Personne(
            id=self.id("p"), nom=nom, prenom=prenom, annee_naissance=naissance,
            genre=genre, statut_social=statut, commune=commune, code_postal=cp, cree_le=contact,
            adresse=f"{r.randint(1, 60)} {r.choice(RUES)}" if r.random() < 0.8 else "",
            telephone=f"0{r.choice('5679')} {' '.join(f'{r.randint(0, 99):02d}' for _ in range(4))}" if r.random() < 0.7 else "",
            email=f"{base}.{_ascii(nom).replace(' ', '')[:6]}{r.randint(1, 99)}@exemple.fr" if age >= 18 and r.random() < 0.45 else "",
        )
        if age < 18:
            droit = r.random() < 0.8
            p = replace(p, telephone="", email="", responsable_legal=f"{r.choice(PRENOMS_F + PRENOMS_M)} {nom}",
                        telephone_responsable=f"06 {' '.join(f'{r.randint(0, 99):02d}' for _ in range(4))}",
                        droit_image=droit, consentements=(Consentement("droit_image", contact),) if droit else ())
        self.personnes[p.id] = p
        self.profils.setdefault(profil, []).append(p.id)
        return p

    def choisir(self, profil: str, n: int, contact: date, reprise: float, exclus: set[str]) -> list[str]:
        """``n`` people of a profile: some already known (returning), the rest new."""
        connus = [i for i in self.profils.get(profil, ()) if i not in exclus and self.personnes[i].cree_le <= contact]
        pris = self.rng.sample(connus, min(len(connus), int(n * reprise + self.rng.random())))
        while len(pris) < n:
            premier_contact = min(contact, self.aujourd_hui) - timedelta(days=self.rng.randint(5, 60))
            pris.append(self.personne(profil, premier_contact).id)
        return pris


def _presence(c: _Centre, pid: str, annee: int, statut: str, inscrit: bool = True) -> Presence:
    p = c.personnes[pid]
    return Presence(personne=pid, statut=statut, inscrit=inscrit, tranche_age=tranche_age(p.annee_naissance, annee),
                    genre=p.genre, statut_social=p.statut_social, commune=p.commune, code_postal=p.code_postal)


def _seances(c: _Centre, activite: str, groupe: Groupe, dates: list[date],
             sujets: Sequence[tuple[str, tuple[str, ...]]], *, passants: str | None = None) -> None:
    """Sessions of a group: past ones held with attendance, a few cancelled, future ones planned."""
    r, partis = c.rng, set()
    creneau = groupe.creneau
    assert creneau is not None  # every demo group is given its weekly slot
    for i, d in enumerate(dates):
        sujet, themes = sujets[i % len(sujets)]
        s = Seance(id=c.id("s"), groupe=groupe.id, date=d, debut=creneau.debut, duree=creneau.duree,
                   thematiques=themes, contenu=sujet)
        if d >= c.aujourd_hui:
            c.seances.append(s)
            continue
        if r.random() < 0.03:
            c.seances.append(replace(s, etat=EtatSeance.ANNULEE, motif_annulation=r.choice(
                ("Animateur malade", "Panne de réseau au centre", "Salle réquisitionnée pour une réunion", "Neige"))))
            continue
        if d >= c.aujourd_hui - timedelta(days=21) and r.random() < 0.25:
            c.seances.append(s)  # held, but the attendance was not taken yet: the home screen flags it
            continue
        if r.random() < 0.04:
            partis.add(r.choice(groupe.inscrits))
        marques = []
        for pid in groupe.inscrits:
            statut = StatutPresence.ABSENT if pid in partis else r.choices(tuple(StatutPresence), (84, 6, 6, 4))[0]
            marques.append(_presence(c, pid, d.year, statut))
        if passants and r.random() < 0.15:
            venu = c.choisir(passants, 1, d, 0.85, set(groupe.inscrits))[0]
            marques.append(_presence(c, venu, d.year, StatutPresence.PRESENT, inscrit=False))
        c.seances.append(replace(s, etat=EtatSeance.REALISEE, appel_fait=True, presences=tuple(marques),
                                 saisie_par=ANIMATEURS[activite].split()[0]))


def _cycles_initiation(c: _Centre, debut: date, fin: date, salles: int, taille: int) -> None:
    niveaux = ("debutant", "a_rassurer", "intermediaire")
    creneaux = (Creneau("mercredi", "17:00", 120), Creneau("vendredi", "14:00", 120), Creneau("samedi", "10:00", 120))
    for mois_debut in (1, 4, 9):
        d0 = date(debut.year, mois_debut, 8 if mois_debut != 4 else 1)
        if not debut <= d0 <= fin:
            continue
        cy = Cycle(id=c.id("c"), activite="initiation", nom=f"Initiation {d0:%m/%Y}", debut=d0)
        fin_cycle, debut_cycle = d0, None
        deja: set[str] = set()  # one group per person in a cycle
        avenir = d0 > c.aujourd_hui  # the next cycle: nobody enrolled yet, the pre-list waits for it
        for k, cr in enumerate(creneaux * salles):
            dates = c.dates(cr, k // len(creneaux), d0, 10, d0 + timedelta(days=200))
            inscrits = [] if avenir else c.choisir("adulte", taille - (c.rng.randint(0, 2) if k else 0), d0, 0.2, deja)
            deja.update(inscrits)
            niveau = niveaux[k % 3]
            g = Groupe(id=c.id("g"), cycle=cy.id, nom=f"{cr.libelle} — {NIVEAUX[niveau]}",
                       niveau=niveau, capacite=taille, creneau=cr, nb_seances=10, inscrits=tuple(inscrits))
            c.groupes.append(g)
            for pid in inscrits:
                quand = max(min(d0 - timedelta(days=c.rng.randint(7, 20)), c.aujourd_hui), c.personnes[pid].cree_le)
                c.autres.append(Positionnement(id=c.id("q"), personne=pid, date=quand,
                                               score=c.rng.randint(0, 30), niveau=niveau, cycle=cy.id,
                                               disponibilites=(cr.id,), activite="initiation"))
                _preliste(c, pid, "initiation", min(d0, c.aujourd_hui), EtatPreliste.INSCRIT)
            _seances(c, "initiation", g, dates, PROGRAMME_INITIATION, passants="adulte")
            fin_cycle = max([fin_cycle, *dates])
            debut_cycle = min([debut_cycle or dates[0], *dates]) if dates else debut_cycle
        cy = replace(cy, debut=debut_cycle or d0, fin=fin_cycle)
        c.cycles.append(cy)
        if avenir:
            _preliste_a_venir(c, cy, [g for g in c.groupes if g.cycle == cy.id], "adulte")


def _preliste(c: _Centre, pid: str, activite: str, avant: date, etat: str) -> None:
    r = c.rng
    demande = max(avant - timedelta(days=r.randint(20, 90)), c.personnes[pid].cree_le)
    etapes: list[str] = [EtatPreliste.A_INVITER, EtatPreliste.INVITE, EtatPreliste.VENU, EtatPreliste.INSCRIT]
    chemin = etapes[: etapes.index(etat) + 1]
    hist = tuple(ChangementEtat(e, min(demande + timedelta(days=7 * i), avant)) for i, e in enumerate(chemin))
    c.autres.append(EntreePreliste(id=c.id("l"), personne=pid, activite=activite, demande_le=demande,
                                   origine=r.choices(("accueil", "ccas", "mairie", "bouche_a_oreille", "autre"), (40, 20, 10, 25, 5))[0],
                                   etat=etat, historique=hist))


def _preliste_a_venir(c: _Centre, cy: Cycle, groupes: list[Groupe], profil: str) -> None:
    """The pre-list of the next cycle: people met at the information meeting (placed, with the slots
    they can attend among the activity's own), others invited or still to invite: what the group
    proposal works on."""
    if cy.activite in c.attendus:
        return
    c.attendus.add(cy.activite)
    r, creneaux = c.rng, sorted({g.creneau.id for g in groupes if g.creneau})
    reunion = c.aujourd_hui - timedelta(days=r.randint(2, 9))
    venus = min(6, sum(g.capacite for g in groupes) // 3)
    for i, pid in enumerate(c.choisir(profil, venus + 3, reunion - timedelta(days=30), 0, set())):
        etat = EtatPreliste.VENU if i < venus else (EtatPreliste.INVITE, EtatPreliste.A_INVITER, EtatPreliste.INVITE)[i - venus]
        _preliste(c, pid, cy.activite, reunion, etat)
        if etat == EtatPreliste.VENU:
            dispo = tuple(sorted(r.sample(creneaux, r.randint(1, len(creneaux)))))
            c.autres.append(Positionnement(id=c.id("q"), personne=pid, date=reunion, score=r.randint(0, 21),
                                           niveau=r.choice(list(NIVEAUX)), disponibilites=dispo,
                                           activite=cy.activite))


def _seance_aujourdhui(c: _Centre) -> None:
    """A session today whatever the day (the day's roll call is what a volunteer is shown): when none
    falls today, the next planned session of a group with people enrolled is brought forward to today
    (as the centre does for a catch-up session), so the slot is never booked twice."""
    if any(s.date == c.aujourd_hui for s in c.seances):
        return
    avec_inscrits = {g.id for g in c.groupes if g.inscrits}
    a_venir = [i for i, s in enumerate(c.seances)
               if s.date > c.aujourd_hui and s.etat == EtatSeance.PREVUE and s.groupe in avec_inscrits]
    if a_venir:
        i = min(a_venir, key=lambda i: (c.seances[i].date, c.seances[i].debut, c.seances[i].id))
        c.seances[i] = replace(c.seances[i], date=c.aujourd_hui)


def _annee(c: _Centre, debut: date, fin: date, e: Echelle) -> None:
    r, salles = c.rng, e["salles"]
    part = min(1.0, ((fin - debut).days + 1) / 365)
    t_init, t_senou, t_kids, t_repair = e["tailles"]
    _cycles_initiation(c, debut, fin, salles, t_init)
    # SÉNOU: cycles of 5 Thursday mornings, back to back through the school year
    d, numero = premier_jour(debut, "jeudi"), 0
    while d <= fin:
        numero += 1
        cy = Cycle(id=c.id("c"), activite="senou", nom=f"SÉNOU {d.year} n° {numero}", debut=d)
        dates_cycle: list[date] = []
        deja: set[str] = set()
        avenir, groupes = d > c.aujourd_hui, []
        for k, cr in enumerate((Creneau("jeudi", "09:00", 90), Creneau("jeudi", "10:45", 90)) * salles):
            dates = c.dates(cr, k // 2, d, 5, fin + timedelta(days=60))
            inscrits = () if avenir else tuple(c.choisir("senior", t_senou - r.randint(0, 1), d, 0.7, deja))
            g = Groupe(id=c.id("g"), cycle=cy.id, nom=f"SÉNOU {cr.libelle}", capacite=t_senou, creneau=cr, nb_seances=5,
                       inscrits=inscrits)
            deja.update(g.inscrits)
            c.groupes.append(g)
            groupes.append(g)
            _seances(c, "senou", g, dates, SUJETS_SENOU)
            dates_cycle = dates or dates_cycle
        if not dates_cycle:  # the slots are taken until past the year's end: the next year goes on
            c.groupes = [g for g in c.groupes if g.cycle != cy.id]
            break
        c.cycles.append(replace(cy, debut=dates_cycle[0], fin=dates_cycle[-1]))
        if avenir and not any(x.activite == "senou" and x.debut and x.debut > c.aujourd_hui for x in c.cycles[:-1]):
            _preliste_a_venir(c, cy, groupes, "senior")
        d = dates_cycle[-1] + timedelta(days=7)
    # Numérikids and the repair café: one club group per year, weekly
    for activite, cr, taille, profil, sujets in (
        ("numerikids", Creneau("mercredi", "10:00", 120), t_kids, "enfant", SUJETS_KIDS),
        ("repair", Creneau("samedi", "14:00", 180), t_repair, "tous", (("Repair café", ("maintenance_de_materiel",)),)),
    ):
        cy = Cycle(id=c.id("c"), activite=activite, nom=f"{activite.capitalize()} {debut.year}", debut=debut, fin=fin)
        c.cycles.append(cy)
        deja = set()
        for salle in range(salles):
            g = Groupe(id=c.id("g"), cycle=cy.id, nom=f"{cr.libelle}" + (f" (salle {salle + 1})" if salles > 1 else ""),
                       capacite=taille, creneau=cr, nb_seances=0, inscrits=tuple(c.choisir(profil, taille, debut, 0.6, deja)))
            deja.update(g.inscrits)
            c.groupes.append(g)
            _seances(c, activite, g, c.dates(cr, salle, debut, None, fin), sujets, passants=profil)
            if activite == "repair":
                _projets(c, g, round(e["projets"] * part / salles), debut, fin)
    part = min(1.0, ((fin - debut).days + 1) / 365)
    _accompagnements(c, round(e["accompagnements"] * part), debut, min(fin, c.aujourd_hui))


def _projets(c: _Centre, g: Groupe, n: int, debut: date, fin: date) -> None:
    r = c.rng
    samedis = [s.date for s in c.seances if s.groupe == g.id and s.etat == EtatSeance.REALISEE]
    for _ in range(n if samedis else 0):
        cat, objet, marques, pannes = r.choice(OBJETS)
        i = r.randrange(len(samedis))
        visites = tuple(Visite(date=samedis[j], duree=r.choice((30, 60, 90)), aidant=ANIMATEURS["repair"].split()[0],
                               notes=r.choice(("Diagnostic", "Pièce commandée", "Remontage", "Test final")))
                        for j in sorted({i, *r.sample(range(i, len(samedis)), min(2, len(samedis) - i))}))
        etat = r.choices((EtatProjet.REPARE, EtatProjet.REPARABLE, EtatProjet.FIN_DE_VIE, EtatProjet.EN_COURS),
                         (50, 15, 15, 20))[0]
        derniere = visites[-1].date
        if etat == EtatProjet.EN_COURS and derniere < c.aujourd_hui - timedelta(days=90):
            etat = EtatProjet.REPARABLE
        frein = str(r.randint(1, 6)) if etat == EtatProjet.FIN_DE_VIE else None
        age = r.randint(1, 15)
        c.autres.append(Projet(
            id=c.id("r"), personne=r.choice(g.inscrits), type="reparation", intitule=f"{objet} {r.choice(marques)}",
            ouvert_le=visites[0].date, categorie_ords=cat, marque=r.choice(marques), annee_fabrication=derniere.year - age,
            age_produit=float(age), probleme=r.choice(pannes), etat=etat, visites=visites, frein_ords=frein,
            repare_le=derniere if etat == EtatProjet.REPARE else None,
            clos_le=derniere if etat in (EtatProjet.REPARE, EtatProjet.REPARABLE, EtatProjet.FIN_DE_VIE) else None))


def _accompagnements(c: _Centre, n: int, debut: date, fin: date) -> None:
    r, jours = c.rng, (fin - debut).days
    for _ in range(n if jours > 0 else 0):
        d = debut + timedelta(days=r.randrange(jours))
        if d.weekday() >= 5 or jour_ferie(d):
            continue
        p = c.personnes[c.choisir("tous", 1, d, 0.85, set())[0]] if r.random() < 0.85 else None
        themes = (*r.sample(list(THEMATIQUES_DEMARCHES), r.randint(1, 2)), "aide_aux_demarches_administratives")
        c.autres.append(Accompagnement(
            id=c.id("a"), date=d, duree=r.choice((15, 30, 30, 45, 60)), personne=p.id if p else None, thematiques=themes,
            suite=r.choices(("autonome", "orientation_cours", "reorientation", "autre"), (40, 25, 25, 10))[0],
            tranche_age=tranche_age(p.annee_naissance, d.year) if p else "non_communique",
            genre=p.genre if p else "non_communique", statut_social=p.statut_social if p else "non_communique",
            commune=p.commune if p else ""))


def _pour_l_accueil(c: _Centre) -> None:
    """What the home screen shows whatever the day: a full group with a waiting list, forgotten roll calls."""
    fin: dict[str, date] = {}
    for s in c.seances:
        fin[s.groupe] = max(fin.get(s.groupe, s.date), s.date)
    pleins = [g for g in c.groupes if g.niveau and len(g.inscrits) >= g.capacite]
    if pleins:
        a_venir = [g for g in pleins if fin.get(g.id, date.min) >= c.aujourd_hui]
        g = min(a_venir, key=lambda g: (fin[g.id], g.id)) if a_venir else pleins[-1]
        attente = c.choisir("adulte", 3, c.aujourd_hui - timedelta(days=10), 0, set(g.inscrits))
        for pid in attente:
            _preliste(c, pid, "initiation", c.aujourd_hui, EtatPreliste.INVITE)
        c.groupes[c.groupes.index(g)] = replace(g, liste_attente=tuple(attente))
    oublies = [s for s in c.seances if s.date < c.aujourd_hui and s.etat == EtatSeance.PREVUE]
    tenues = sorted((i for i, s in enumerate(c.seances) if s.etat == EtatSeance.REALISEE), key=lambda i: c.seances[i].date)
    for i in tenues[-max(0, 2 - len(oublies)):] if len(oublies) < 2 else ():
        c.seances[i] = replace(c.seances[i], etat=EtatSeance.PREVUE, appel_fait=False, presences=(), saisie_par="")


def generer(depot: _Magasin, echelle: str, graine: int, aujourd_hui: date, activites: list[Activite]) -> dict[str, int]:
    """Fill ``depot``; ``activites`` are the centre's default activities (``services.centre``)."""
    if echelle not in ECHELLES:
        raise ValueError(f"échelle inconnue : « {echelle} » (petite ou grande)")
    e = ECHELLES[echelle]
    c = _Centre(random.Random(graine), aujourd_hui)
    premier = aujourd_hui - timedelta(days=365 * e["annees"])
    for an in range(premier.year, (aujourd_hui + timedelta(days=90)).year + 1):
        debut, fin = max(premier, date(an, 1, 1)), min(date(an, 12, 31), aujourd_hui + timedelta(days=90))
        _annee(c, debut, fin, e)
    _pour_l_accueil(c)
    _seance_aujourdhui(c)
    # people who only came once (an accompagnement, an information meeting) up to the target count
    jours = (aujourd_hui - premier).days
    while len(c.personnes) < e["personnes"] * 0.97:
        c.personne(c.rng.choice(("tous", "adulte", "senior")), premier + timedelta(days=c.rng.randrange(jours)))
    for i in range(max(4, e["personnes"] // 40)):  # still waiting on the pre-list today, half not invited yet
        pid = c.choisir(c.rng.choice(("adulte", "senior")), 1, aujourd_hui - timedelta(days=3), 0, set())[0]
        _preliste(c, pid, ("initiation", "senou")[i // 2 % 2], aujourd_hui, (EtatPreliste.A_INVITER, EtatPreliste.INVITE)[i % 2])
    centre = Centre(nom="Centre social La Passerelle", adresse="12 rue des Écoles", code_postal="79000",
                    commune="Niort", telephone="05 49 00 12 34", email="accueil@passerelle-niort.exemple.fr",
                    objectifs_contrat_projet=("Réduire la fracture numérique des seniors du quartier",
                                              "Rendre les habitants autonomes dans leurs démarches en ligne",
                                              "Favoriser le lien entre générations autour du numérique"))
    reunions = {"initiation": _reunion(aujourd_hui, 1, "14:00"), "senou": _reunion(aujourd_hui, 3, "10:00")}
    programmes = {"initiation": tuple(EtapeProgramme(i, contenu, themes)
                                      for i, (contenu, themes) in enumerate(PROGRAMME_INITIATION, start=1))}
    activites = [replace(a, animateur=ANIMATEURS[a.id], lieu="Salle multimédia, 1er étage",
                         reunion=reunions.get(a.id, a.reunion), programme=programmes.get(a.id, a.programme))
                 for a in activites]
    assert all(cr.jour in JOURS for g in c.groupes for cr in (g.creneau,) if cr)
    with depot.transaction("Données de démonstration") as tx:
        tx.put_many([centre, Parametres(zone_scolaire=ZONE), *activites, *c.cycles, *c.groupes])
        tx.put_many(c.personnes.values())
        tx.put_many(c.seances)
        tx.put_many(c.autres)
    compter: dict[str, int] = {}
    for o in c.autres:
        compter[type(o).__name__] = compter.get(type(o).__name__, 0) + 1
    return {
        "personnes": len(c.personnes), "activités": len(activites), "cycles": len(c.cycles),
        "groupes": len(c.groupes), "séances": len(c.seances),
        "présences": sum(len(s.presences) for s in c.seances),
        "entrées de pré-liste": compter.get("EntreePreliste", 0), "positionnements": compter.get("Positionnement", 0),
        "projets": compter.get("Projet", 0), "accompagnements": compter.get("Accompagnement", 0),
    }
