"""Editing an activity's usual rhythm, a cycle's dates and a group's level, slot and size.

Why dialogs rather than more fields on the tabs: these change a few times a year, while the
tabs are used every week; the tabs stay short and readable at large text sizes.
"""

from __future__ import annotations

import tkinter
from abc import ABCMeta, abstractmethod
from dataclasses import replace
from datetime import date, datetime

import ttkbootstrap as ttk

from atelier_app.domain.activites import Activite, Creneau, Cycle, Groupe
from atelier_app.domain.codes import JOURS, NIVEAUX
from atelier_app.domain.francais import compte
from atelier_app.errors import UserError
from atelier_app.gui import dialogues, polices
from atelier_app.gui.formulaires import Grille, Modale, code_de, valeur_texte

SANS_NIVEAU = "—"


def _entier(champ: ttk.Entry, libelle: str, mini: int = 0, maxi: int = 1000) -> int:
    texte = champ.var.get().strip()  # type: ignore[attr-defined]
    try:
        n = int(texte)
    except ValueError:
        raise UserError(f"{libelle} : « {texte} » n'est pas un nombre entier.") from None
    if not mini <= n <= maxi:
        raise UserError(f"{libelle} : {n} n'est pas possible (de {mini} à {maxi}).")
    return n


def _heure(texte: str, libelle: str) -> str:
    t = texte.strip().replace("h", ":").replace("H", ":")
    if ":" not in t:
        t += ":00"
    h, _, m = t.partition(":")
    m = m or "00"
    if not (h.isdigit() and m.isdigit() and int(h) < 24 and int(m) < 60):
        raise UserError(f"{libelle} : heure invalide « {texte} » (par exemple 14:00).")
    return f"{int(h):02d}:{int(m):02d}"


def lire_creneaux(texte: str, duree: int) -> tuple[Creneau, ...]:
    """One slot per line, « mercredi 17:00 » (or « mercredi 17h »); the length is the activity's."""
    out = []
    for n, ligne in enumerate(texte.splitlines(), start=1):
        mots = ligne.split()
        if not mots:
            continue
        jour = mots[0].lower()
        if jour not in JOURS or len(mots) != 2:
            raise UserError(f"Créneaux, ligne {n} : « {ligne.strip()} » ; écrivez le jour puis l'heure, "
                            "par exemple « mercredi 17:00 ».")
        out.append(Creneau(jour, _heure(mots[1], f"Créneaux, ligne {n}"), duree))
    return tuple(out)


def _date(champ: ttk.DateEntry, libelle: str) -> date | None:
    texte = champ.entry.get().strip()
    if not texte:
        return None
    d = champ.get_date()
    if d is None:
        raise UserError(f"{libelle} : date invalide « {texte} » (JJ/MM/AAAA).")
    return d.date() if isinstance(d, datetime) else d


def _champ_date(g: Grille, libelle: str, valeur: date | None) -> ttk.DateEntry:
    return g.champ(libelle, lambda p: ttk.DateEntry(p, date_format="%d/%m/%Y", first_weekday=0, value=valeur,
                                                    width=12))  # type: ignore[return-value]


class _Dialogue(Modale, metaclass=ABCMeta):
    """A form over the grid: each dialog says how it saves, the frame shows errors and closes."""

    def __init__(self, app, titre: str, texte: str) -> None:
        super().__init__(app.racine, titre)
        self.app = app
        ttk.Label(self.corps, text=titre, font=polices.TITRE).pack(anchor="w")
        ttk.Label(self.corps, text=texte, wraplength=min(round(520 * max(1.0, polices.facteur())), self.winfo_screenwidth() - 160),
                  justify="left").pack(anchor="w", pady=(4, 12))
        self.grille = Grille(self.corps)
        self.grille.cadre.pack(fill="x")
        self.bouton("Enregistrer (Ctrl+S)", self.valider, principal=True)
        self.bouton("Annuler (Échap)", self.annuler)
        self.bind("<Control-s>", lambda _e: self.valider())
        self.bind("<Return>", lambda e: None if isinstance(e.widget, tkinter.Text) else self.valider())

    @abstractmethod
    def enregistrer(self) -> object:
        """Save through the service and return what was saved (a UserError keeps the dialog open)."""

    def valider(self) -> None:
        resultat = self.app.proteger(self.enregistrer)
        if resultat is not None:
            self.resultat = resultat
            self.fermer()


class DialogueRythme(_Dialogue):
    """The activity's defaults, used by every new cycle."""

    def __init__(self, app, activite: Activite) -> None:
        super().__init__(app, f"Rythme habituel — {activite.nom}",
                         "Ces valeurs servent à chaque nouveau cycle : nombre de groupes, places, séances et "
                         "créneaux. Les cycles déjà ouverts ne changent pas.")
        self.activite = activite
        g = self.grille
        self.nb_seances = g.texte("Séances par cycle (0 : sans fin, club)", str(activite.nb_seances), 6)
        self.duree = g.texte("Durée d'une séance (minutes)", str(activite.duree_seance), 6)
        self.nb_groupes = g.texte("Groupes par cycle", str(activite.nb_groupes), 6)
        self.cap_min = g.texte("Places par groupe : au moins", str(activite.capacite_min), 6)
        self.cap_max = g.texte("Places par groupe : au plus", str(activite.capacite_max), 6)
        self.creneaux = g.zone_texte("Créneaux (un par ligne : jour heure)",
                                     "\n".join(f"{c.jour} {c.debut}" for c in activite.creneaux), hauteur=4)

    def enregistrer(self) -> Activite:
        duree = _entier(self.duree, "Durée d'une séance", 1, 12 * 60)
        a = replace(self.activite, nb_seances=_entier(self.nb_seances, "Séances par cycle", 0, 200),
                    duree_seance=duree, nb_groupes=_entier(self.nb_groupes, "Groupes par cycle", 1, 20),
                    capacite_min=_entier(self.cap_min, "Places au moins", 1, 100),
                    capacite_max=_entier(self.cap_max, "Places au plus", 1, 100),
                    creneaux=lire_creneaux(valeur_texte(self.creneaux), duree))
        return self.app.services.activites.modifier(a)


class DialogueCycle(_Dialogue):
    def __init__(self, app, cycle: Cycle) -> None:
        super().__init__(app, "Modifier le cycle",
                         "Le nom figure sur les fiches et les attestations. Changer le début déplace les séances "
                         "prévues de chaque groupe ; les séances déjà tenues ne bougent pas.")
        self.cycle = cycle
        self.nom = self.grille.texte("Nom", cycle.nom)
        self.debut = _champ_date(self.grille, "Début", cycle.debut)
        self.fin = _champ_date(self.grille, "Fin (facultatif)", cycle.fin)

    def enregistrer(self) -> Cycle:
        c = replace(self.cycle, nom=self.nom.var.get().strip(), debut=_date(self.debut, "Début"),
                    fin=_date(self.fin, "Fin"))
        activites = self.app.services.activites
        if c.debut and c.debut != self.cycle.debut:
            n = activites.a_deplacer(c.id, c.debut)
            if n and not dialogues.confirmer(self, f"Nouveau début le {c.debut:%d/%m/%Y} : {compte(n, 'séance prévue')} "
                                                   f"{'changera' if n == 1 else 'changeront'} de date. Les séances déjà tenues ne bougent pas. "
                                                   "Continuer ?"):
                return None
        return activites.modifier_cycle(c)


class DialogueGroupe(_Dialogue):
    def __init__(self, app, groupe: Groupe) -> None:
        super().__init__(app, "Modifier le groupe",
                         "Le niveau vient du positionnement ; le créneau et le nombre de séances servent à "
                         "générer le calendrier (Séances). La capacité ne peut pas descendre sous le nombre "
                         "d'inscrits.")
        self.groupe = groupe
        g = self.grille
        c = groupe.creneau
        self.nom = g.texte("Nom", groupe.nom)
        self.niveau = g.choix("Niveau", {"": SANS_NIVEAU, **NIVEAUX}, groupe.niveau or "")
        self.jour = g.choix("Jour", {j: j.capitalize() for j in JOURS}, c.jour if c else None)
        self.heure = g.texte("Heure de début (HH:MM)", c.debut if c else "", 8)
        self.duree = g.texte("Durée d'une séance (minutes)", str(c.duree) if c else "120", 6)
        self.nb_seances = g.texte("Nombre de séances (0 : sans fin)", str(groupe.nb_seances), 6)
        self.capacite = g.texte("Places", str(groupe.capacite), 6)

    def enregistrer(self) -> Groupe:
        jour = code_de(self.jour)
        heure = self.heure.var.get().strip()
        creneau = None
        if jour or heure:
            if not (jour and heure):
                raise UserError("Créneau : indiquez le jour et l'heure, ou aucun des deux.")
            creneau = Creneau(jour, _heure(heure, "Heure de début"), _entier(self.duree, "Durée", 1, 12 * 60))
        g = replace(self.groupe, nom=self.nom.var.get().strip(), niveau=code_de(self.niveau) or None,
                    creneau=creneau, nb_seances=_entier(self.nb_seances, "Nombre de séances", 0, 200),
                    capacite=_entier(self.capacite, "Places", 1, 100))
        return self.app.services.activites.modifier_groupe(g)


class DialogueNouveauCycle(_Dialogue):
    """A new cycle: name, start, groups (slot, level, places) and programme; saving generates every
    group's sessions at once, holidays skipped. Nothing is created before « Enregistrer »."""

    def __init__(self, app, activite: Activite) -> None:
        super().__init__(app, f"Nouveau cycle — {activite.nom}",
                         "Les séances de chaque groupe sont créées à l'enregistrement, en sautant les vacances "
                         "scolaires et les jours fériés.")
        self.activite = activite
        b = app.services.activites.brouillon_cycle(activite.id)
        self.nom = self.grille.texte("Nom", b.nom, 36)
        self.debut = _champ_date(self.grille, "Début", b.debut)
        cadre = ttk.Labelframe(self.corps, text="Groupes : jour, heure, durée (minutes), niveau, places", padding=6)
        cadre.pack(fill="x", pady=(10, 0))
        self.lignes_cadre = ttk.Frame(cadre)
        self.lignes_cadre.pack(fill="x")
        self.lignes: list[dict] = []
        for gp in b.groupes:
            self.ajouter_ligne(gp.creneau, gp.niveau, gp.capacite)
        ttk.Button(cadre, text="Ajouter un groupe", bootstyle="secondary-outline",
                   command=lambda: self.ajouter_ligne(None, None, activite.capacite_max)).pack(anchor="w", pady=(6, 0))
        ttk.Label(self.corps, text=f"Programme ({activite.nb_seances} séances, une ligne par séance)").pack(
            anchor="w", pady=(10, 0))
        self.programme = tkinter.Text(self.corps, height=3, width=60, wrap="none")
        self.programme.insert("1.0", "\n".join(b.programme))
        self.programme.pack(fill="x")

    def ajouter_ligne(self, creneau: Creneau | None, niveau: str | None, capacite: int) -> None:
        ligne = ttk.Frame(self.lignes_cadre)
        ligne.pack(fill="x", pady=2)
        jour = ttk.Combobox(ligne, state="readonly", width=10, values=[j.capitalize() for j in JOURS])
        jour.set(creneau.jour.capitalize() if creneau else "")
        heure = ttk.Entry(ligne, width=7)
        heure.insert(0, creneau.debut if creneau else "")
        duree = ttk.Entry(ligne, width=5)
        duree.insert(0, str(creneau.duree if creneau else self.activite.duree_seance))
        choix_niveau = ttk.Combobox(ligne, state="readonly", width=14, values=[SANS_NIVEAU, *NIVEAUX.values()])
        choix_niveau.set(NIVEAUX.get(niveau or "", SANS_NIVEAU))
        places = ttk.Entry(ligne, width=5)
        places.insert(0, str(capacite))
        champs = {"jour": jour, "heure": heure, "duree": duree, "niveau": choix_niveau, "places": places, "cadre": ligne}
        for w in (jour, heure, duree, choix_niveau, places):
            w.pack(side="left", padx=(0, 6))
        ttk.Button(ligne, text="Retirer", bootstyle="link", command=lambda: self.retirer_ligne(champs)).pack(side="left")
        self.lignes.append(champs)

    def retirer_ligne(self, champs: dict) -> None:
        champs["cadre"].destroy()
        self.lignes.remove(champs)

    def groupes(self) -> list:
        from atelier_app.services.activites import GroupePrevu

        out = []
        niveaux = {v: k for k, v in NIVEAUX.items()}
        for i, c in enumerate(self.lignes, start=1):
            jour = c["jour"].get().lower()
            if jour not in JOURS:
                raise UserError(f"Groupe {i} : choisissez le jour.")
            duree = _entier(_AvecVar(c["duree"]), f"Groupe {i}, durée", 1, 12 * 60)
            creneau = Creneau(jour, _heure(c["heure"].get(), f"Groupe {i}, heure"), duree)
            out.append(GroupePrevu(creneau, niveaux.get(c["niveau"].get()),
                                   _entier(_AvecVar(c["places"]), f"Groupe {i}, places", 1, 100)))
        return out

    def enregistrer(self) -> object:
        lignes = self.programme.get("1.0", "end").rstrip("\n").split("\n")
        cycle, groupes, n = self.app.services.activites.creer_cycle(
            self.activite.id, self.nom.var.get(), _date(self.debut, "Début"), self.groupes(), lignes)
        return cycle, groupes, n


class _AvecVar:
    """An Entry seen through ``.var`` as the grid's fields are, so ``_entier`` reads both."""

    def __init__(self, champ: ttk.Entry) -> None:
        self.var = champ
