"""THE attendance screen: one session, its people, « Tous présents » then the exceptions.

Why keys p / a / e / r that move down: attendance is taken standing, at the start of a session,
sometimes by a volunteer; nine people must take seconds (Tous présents, arrow to the absent one,
« a », Ctrl+S). Saving is one durable write (PresencesService.enregistrer).
"""

from __future__ import annotations

import tkinter

import ttkbootstrap as ttk

from atelier_app.domain import comptage
from atelier_app.domain.codes import STATUTS_PRESENCE, THEMATIQUES
from atelier_app.domain.etats import StatutPresence
from atelier_app.domain.francais import accorder, compte
from atelier_app.domain.personnes import valider_annee_naissance
from atelier_app.errors import UserError
from atelier_app.gui import dialogues, polices
from atelier_app.gui.formulaires import Grille, Modale, liste, premiere_ligne, remplir
from atelier_app.services.presences import Nouveau

TOUCHES = {"p": StatutPresence.PRESENT, "a": StatutPresence.ABSENT, "e": StatutPresence.EXCUSE,
           "r": StatutPresence.RETARD}
NON_MARQUE = "— à marquer —"


class FenetreAppel(Modale):
    def __init__(self, parent: tkinter.Misc, app, seance_id: str) -> None:
        super().__init__(parent, "Faire l'appel")
        self.app = app
        self.svc = app.services.presences
        self.seance = app.services.seances.seance(seance_id)
        ligne = app.services.seances.ligne(self.seance)
        self.statuts: dict[str, str | None] = {}
        self.noms: dict[str, str] = {}
        self.genres: dict[str, str] = {}
        self.nouveaux: list[Nouveau] = []
        self.modifie = False
        s = self.seance
        ttk.Label(self.corps, text=f"{ligne.activite} — {ligne.groupe}", font=polices.TITRE).pack(anchor="w")
        ttk.Label(self.corps, text=f"{s.date:%d/%m/%Y} à {s.debut.replace(':', ' h ')}"
                  + ("   (appel déjà fait : vous le corrigez)" if s.appel_fait else "")).pack(anchor="w")
        haut = ttk.Frame(self.corps)
        haut.pack(fill="x", pady=8)
        self.b_tous = ttk.Button(haut, text="Tous présents (Ctrl+T)", bootstyle="success", command=self.tous_presents)
        self.b_tous.pack(side="left")
        ttk.Button(haut, text="Ajouter une personne venue (Ctrl+N)", command=self.ajouter_venue).pack(
            side="left", padx=8)
        ttk.Label(self.corps, text="Touches sur la liste : P présent · A absent · E excusé · R en retard "
                                   "(passe à la ligne suivante) ; flèches pour se déplacer.").pack(anchor="w")
        milieu = ttk.Frame(self.corps)
        milieu.pack(fill="both", expand=True, pady=8)
        self.arbre = liste(milieu, (("nom", "Nom et prénom", 260), ("statut", "Présence", 140),
                                    ("note", "Remarque", 110)), hauteur=12)
        self.arbre.cadre.pack(side="left", fill="both", expand=True)
        self.arbre.tag_configure(StatutPresence.ABSENT, foreground="#b00020")
        self.arbre.tag_configure(StatutPresence.EXCUSE, foreground="#8a5a00")
        self.arbre.tag_configure("non_marque", foreground="#555555")
        for touche, statut in TOUCHES.items():
            for k in (touche, touche.upper()):
                self.arbre.bind(f"<KeyPress-{k}>", lambda _e, st=statut: self.marquer(st))
        droite = ttk.Frame(milieu, padding=(12, 0, 0, 0))
        droite.pack(side="left", fill="both")
        g = Grille(droite)
        g.cadre.pack(fill="x")
        self.anonymes = tkinter.IntVar(value=s.anonymes)
        self.e_anonymes = g.champ("Personnes non nommées\n(accueil libre)",
                                  lambda p: ttk.Spinbox(p, from_=0, to=500, textvariable=self.anonymes, width=6))
        self.contenu = g.zone_texte("Contenu de la séance", s.contenu, hauteur=4)
        ttk.Label(droite, text="Thématiques (Espace pour cocher) :").pack(anchor="w", pady=(8, 0))
        self.codes = list(THEMATIQUES)
        self.themes = tkinter.Listbox(droite, selectmode="multiple", height=8, exportselection=False)
        for c in self.codes:
            self.themes.insert("end", THEMATIQUES[c])
            if c in s.thematiques:
                self.themes.selection_set(self.codes.index(c))
        self.themes.pack(fill="both", expand=True)
        self.b_enregistrer = self.bouton("Enregistrer (Ctrl+S)", self.enregistrer, principal=True)
        self.bouton("Fermer (Échap)", self.annuler)
        self.resume = ttk.Label(self.boutons, text="")
        self.resume.pack(side="left")
        self.bind("<Control-t>", lambda _e: self.tous_presents())
        self.bind("<Control-s>", lambda _e: self.enregistrer())
        self.bind("<Control-n>", lambda _e: self.ajouter_venue())
        for p in self.svc.participants(s.id):
            self.statuts[p.personne] = p.statut
            self.noms[p.personne] = p.nom_complet + ("" if p.inscrit else "  (venue)")
            self.genres[p.personne] = "feminin" if p.accord == "f" else ""
        self._afficher()

    # ------------------------------------------------------------ list
    def _afficher(self) -> None:
        lignes = [(pid, (self.noms[pid], accorder(STATUTS_PRESENCE.get(st or "", NON_MARQUE), self.genres.get(pid, "")),
                         "")) for pid, st in self.statuts.items()]
        lignes += [(f"nouveau{i}", (f"{n.nom.upper()} {n.prenom}", "Présent", "nouvelle fiche"))
                   for i, n in enumerate(self.nouveaux)]
        remplir(self.arbre, lignes)
        for pid, st in self.statuts.items():
            self.arbre.item(pid, tags=(st or "non_marque",))
        venus = sum(1 for st in self.statuts.values() if comptage.est_venue(st)) + len(self.nouveaux)
        restants = sum(1 for st in self.statuts.values() if st is None)
        self.resume.configure(text=compte(venus, "présent") + (f" · {restants} à marquer" if restants else ""))

    def tous_presents(self) -> None:
        for pid, st in self.statuts.items():
            if st is None or st == StatutPresence.ABSENT:
                self.statuts[pid] = StatutPresence.PRESENT
        self.modifie = True
        self._afficher()
        premiere_ligne(self.arbre)

    def marquer(self, statut: str) -> str:
        pid = self.arbre.focus()
        if pid in self.statuts:
            self.statuts[pid] = statut
            self.modifie = True
            self._afficher()
            suivant = self.arbre.next(pid) or pid
            self.arbre.focus(suivant)
            self.arbre.selection_set(suivant)
            self.arbre.see(suivant)
        return "break"

    # ------------------------------------------------------------ walk-ins
    def ajouter_venue(self) -> None:
        fenetre = ChoixVenue(self, self.app)
        choix = fenetre.montrer()
        if choix is None:
            return
        if isinstance(choix, Nouveau):
            self.nouveaux.append(choix)
        else:
            pid, nom = choix
            if pid not in self.statuts:
                self.noms[pid] = nom + "  (venue)"
                self.genres[pid] = fenetre.genres.get(pid, "")
            self.statuts[pid] = StatutPresence.PRESENT
        self.modifie = True
        self._afficher()
        premiere_ligne(self.arbre)

    # ------------------------------------------------------------ saving
    def _anonymes(self) -> int:
        try:
            return int(self.e_anonymes.get() or 0)
        except ValueError:
            raise UserError("Personnes non nommées : tapez un nombre (0 si personne).") from None

    def enregistrer(self) -> None:
        def faire():
            manquants = [self.noms[p] for p, st in self.statuts.items() if st is None]
            if manquants:
                raise UserError("Appel incomplet : marquez aussi " + ", ".join(manquants[:5])
                                + (" …" if len(manquants) > 5 else "") + " (Ctrl+T : tous présents).")
            return self.svc.enregistrer(
                self.seance.id, {p: st for p, st in self.statuts.items() if st}, anonymes=self._anonymes(),
                contenu=self.contenu.get("1.0", "end").strip(),
                thematiques=[self.codes[i] for i in self.themes.curselection()], nouveaux=self.nouveaux)

        if self.app.proteger(faire) is not None:
            self.resultat = True
            self.fermer()

    def annuler(self) -> None:
        if self.modifie and not dialogues.confirmer(self, "L'appel n'est pas enregistré. Fermer sans enregistrer ?"):
            return
        super().annuler()


class ChoixVenue(Modale):
    """Add someone who came without being enrolled: find them, or type a quick new person."""

    def __init__(self, parent: tkinter.Misc, app) -> None:
        super().__init__(parent, "Personne venue sans inscription")
        self.app = app
        ttk.Label(self.corps, text="Rechercher (nom ou prénom), puis Entrée sur la personne :").pack(anchor="w")
        self.recherche = tkinter.StringVar()
        self.e_recherche = ttk.Entry(self.corps, textvariable=self.recherche, width=40)
        self.e_recherche.pack(fill="x")
        self.recherche.trace_add("write", lambda *_a: self._chercher())
        self.e_recherche.bind("<Down>", lambda _e: premiere_ligne(self.arbre))
        self.arbre = liste(self.corps, (("nom", "Nom et prénom", 300),), hauteur=6)
        self.arbre.cadre.pack(fill="both", expand=True, pady=8)
        self.arbre.bind("<Return>", lambda _e: self._choisir())
        self.arbre.bind("<Double-1>", lambda _e: self._choisir())
        cadre = ttk.Labelframe(self.corps, text="Ou une nouvelle personne", padding=8)
        cadre.pack(fill="x")
        g = Grille(cadre)
        g.cadre.pack(fill="x")
        self.prenom = g.texte("Prénom")
        self.nom = g.texte("Nom")
        self.annee = g.texte("Année de naissance (facultatif)", largeur=6)
        ttk.Button(cadre, text="Créer et ajouter", command=self._creer).pack(anchor="e")
        self.bouton("Annuler (Échap)", self.annuler)
        self.trouves: dict[str, str] = {}
        self.genres: dict[str, str] = {}

    def montrer(self, focus=None, attendre=True):
        return super().montrer(focus or self.e_recherche, attendre)

    def _chercher(self) -> None:
        trouves = self.app.services.presences.chercher_personne(self.recherche.get())
        self.trouves = {p.personne: p.nom_complet for p in trouves}
        self.genres = {p.personne: "feminin" if p.accord == "f" else "" for p in trouves}
        remplir(self.arbre, [(p.personne, (p.nom_complet,)) for p in trouves])

    def _choisir(self) -> None:
        pid = self.arbre.focus()
        if pid in self.trouves:
            self.resultat = (pid, self.trouves[pid])
            self.fermer()

    def _creer(self) -> None:
        prenom, nom, annee = self.prenom.var.get().strip(), self.nom.var.get().strip(), self.annee.var.get().strip()
        if not prenom or not nom:
            dialogues.erreur(self, "Nouvelle personne : le prénom et le nom sont obligatoires.")
            return
        if annee and not annee.isdigit():
            dialogues.erreur(self, f"Année de naissance : « {annee} » n'est pas une année (ex. 1956).")
            return
        bornes = valider_annee_naissance(int(annee) if annee else None, "Nouvelle personne",
                                         self.app.services.ctx.aujourd_hui().year)  # the domain's one bound
        if bornes:
            dialogues.erreur(self, f"Année de naissance : {bornes[0].raison}.")
            return
        self.resultat = Nouveau(prenom, nom, int(annee) if annee else None)
        self.fermer()


def ouvrir(parent: tkinter.Misc, app, seance_id: str, attendre: bool = True) -> FenetreAppel:
    """Open the attendance screen with the focus on the list's first row."""
    f = FenetreAppel(parent, app, seance_id)
    f.montrer(f.arbre, attendre=False)
    premiere_ligne(f.arbre)
    if attendre:
        f.wait_window(f)
    return f
