"""Tab « Données personnelles » of Paramètres: retention, who is past it, documents, encrypted backups.

Why together: these are the centre's duties as controller (CNIL), done by the direction at the
same time of year — clear out inactive people, print the notice, take a backup off the PC.
"""

from __future__ import annotations

import tkinter
from tkinter import filedialog

import ttkbootstrap as ttk

from atelier_app.domain.information import duree_annees
from atelier_app.domain.roles import Permission
from atelier_app.gui import dialogues, polices
from atelier_app.gui.formulaires import BarreBoutons, Grille, Modale, liste, remplir

TITRE = "Données personnelles"
ORDRE = 85


def VISIBLE(app) -> bool:
    return app.services.ctx.peut(Permission.ANONYMISER)


class FenetrePhrase(Modale):
    """A passphrase typed hidden (twice when it protects a new backup)."""

    def __init__(self, parent: tkinter.Misc, titre: str, confirmer: bool) -> None:
        super().__init__(parent, titre)
        g = Grille(self.corps)
        g.cadre.pack(fill="x")
        self.phrase = g.texte("Phrase de passe", largeur=34)
        self.phrase2 = g.texte("Encore une fois", largeur=34) if confirmer else None
        for e in (self.phrase, self.phrase2):
            if e is not None:
                e.configure(show="•")
        ttk.Label(self.corps, wraplength=420, justify="left",
                  text="Notez-la en lieu sûr : sans elle, la sauvegarde ne peut pas être relue.").pack(anchor="w",
                                                                                                   pady=6)
        self.message = ttk.Label(self.corps, text="", bootstyle="danger")
        self.message.pack(anchor="w")
        self.bouton("Valider (Entrée)", self.valider, principal=True)
        self.bouton("Annuler (Échap)", self.annuler)
        self.bind("<Return>", lambda _e: self.valider())

    def valider(self) -> None:
        if self.phrase2 is not None and self.phrase.var.get() != self.phrase2.var.get():
            self.message.configure(text="Les deux saisies ne sont pas identiques.")
            return
        self.resultat = self.phrase.var.get()
        self.fermer()


def demander_phrase(parent: tkinter.Misc, titre: str, confirmer: bool = True) -> str | None:
    f = FenetrePhrase(parent, titre, confirmer)
    return f.montrer(f.phrase)  # type: ignore[return-value]


class PageDonneesPersonnelles(ttk.Frame):
    def __init__(self, parent: tkinter.Misc, app) -> None:
        super().__init__(parent, padding=12)
        self.app = app
        rgpd = app.services.rgpd
        ttk.Label(self, text="Durée de conservation", font=polices.GRAS).pack(anchor="w")
        # rows that wrap (BarreBoutons): the page stays within the window at every text size
        ligne = BarreBoutons(self, ecart=6)
        ligne.pack(fill="x", pady=4)
        ligne.placer(ttk.Label(ligne, text="Garder les personnes sans activité pendant"))
        self.annees = ligne.placer(ttk.Spinbox(ligne, from_=1, to=10, width=4))
        self.annees.set(str(rgpd.duree_conservation()))
        ligne.placer(ttk.Label(ligne, text="an(s), puis les anonymiser."))
        ligne.ajouter("Enregistrer", self.enregistrer_duree)
        self.resume = ttk.Label(self, text="")
        self.resume.pack(anchor="w", pady=(6, 2))
        self.arbre = liste(self, (("id", "N°", 110), ("nom", "Nom", 260), ("der", "Dernière activité", 160)), 7,
                           selection="extended")
        self.arbre.cadre.pack(fill="both", expand=True)
        ttk.Button(self, text="Anonymiser ces personnes…", bootstyle="danger",
                   command=self.anonymiser).pack(anchor="w", pady=6)
        ttk.Separator(self).pack(fill="x", pady=8)
        docs = BarreBoutons(self, ecart=8)
        docs.pack(fill="x")
        docs.ajouter("Notice d'information (PDF)", self.notice)
        docs.ajouter("Registre des traitements (PDF)", self.registre)
        docs.ajouter("Modifier la notice…", lambda: self.modifier("notice"))
        docs.ajouter("Modifier le registre…", lambda: self.modifier("registre"))
        ttk.Separator(self).pack(fill="x", pady=8)
        sv = BarreBoutons(self, ecart=8)
        sv.pack(fill="x")
        sv.ajouter("Sauvegarde chiffrée vers une clé USB…", self.sauvegarder, principal=True)
        sv.ajouter("Relire une sauvegarde chiffrée…", self.dechiffrer)
        self.rafraichir()

    def rafraichir(self) -> None:
        inactifs = self.app.services.rgpd.inactifs()
        n = self.app.services.rgpd.duree_conservation()
        self.resume.configure(text=f"{len(inactifs)} personne(s) sans activité depuis plus de {duree_annees(n)}."
                              if inactifs else f"Personne n'est sans activité depuis plus de {duree_annees(n)}.")
        remplir(self.arbre, [(p.id, (p.id, f"{p.nom} {p.prenom}".strip(), f"{d:%d/%m/%Y}")) for p, d in inactifs])
        for i in self.arbre.get_children():
            self.arbre.selection_add(i)

    def enregistrer_duree(self) -> None:
        try:
            annees = int(self.annees.get())
        except ValueError:
            dialogues.erreur(self, "Durée de conservation : indiquez un nombre d'années (1 à 10).")
            return
        self.app.proteger(lambda: self.app.services.rgpd.definir_duree_conservation(annees))
        self.rafraichir()

    def anonymiser(self) -> None:
        ids = list(self.arbre.selection())
        if not ids:
            dialogues.avertir(self, "Aucune personne choisie dans la liste.")
            return
        if not dialogues.confirmer(self, f"Anonymiser {len(ids)} personne(s) ? Leurs noms, coordonnées et notes "
                                         "seront effacés définitivement ; les statistiques restent les mêmes."):
            return
        n = self.app.proteger(lambda: self.app.services.rgpd.anonymiser_inactifs(ids, confirme=True))
        if n:
            dialogues.informer(self, f"{n} personne(s) anonymisée(s).")
        self.rafraichir()

    def _document(self, ecrire) -> None:
        chemin = self.app.proteger(ecrire)
        if chemin is not None:
            dialogues.informer(self, f"Document écrit :\n{chemin}")

    def notice(self) -> None:
        self._document(self.app.services.documents.notice_information)

    def registre(self) -> None:
        self._document(self.app.services.documents.registre_traitements)

    def modifier(self, quoi: str) -> None:
        from atelier_app.gui.textes_rgpd import EditeurTextes

        if EditeurTextes(self, self.app, quoi).ouvrir():
            dialogues.informer(self, "Le texte est enregistré ; il sera utilisé pour les prochains PDF.")

    def sauvegarder(self) -> None:
        dossier = filedialog.askdirectory(parent=self, title="Dossier ou clé USB de destination")
        if not dossier:
            return
        phrase = demander_phrase(self, "Phrase de passe de la sauvegarde")
        if phrase is None:
            return
        chemin = self.app.proteger(lambda: self.app.services.rgpd.sauvegarder_chiffre(dossier, phrase))
        if chemin is not None:
            dialogues.informer(self, f"Sauvegarde chiffrée écrite :\n{chemin}")

    def dechiffrer(self) -> None:
        fichier = filedialog.askopenfilename(parent=self, title="Sauvegarde chiffrée",
                                             filetypes=[("Sauvegarde chiffrée", "*.atelier-chiffre")])
        if not fichier:
            return
        phrase = demander_phrase(self, "Phrase de passe de la sauvegarde", confirmer=False)
        if phrase is None:
            return
        chemin = self.app.proteger(lambda: self.app.services.rgpd.dechiffrer_sauvegarde(fichier, phrase))
        if chemin is not None:
            dialogues.informer(self, f"Sauvegarde relue et ajoutée à la liste des sauvegardes ({chemin.name}). "
                                     "Pour la remettre en place : onglet Sauvegardes, choisissez-la, "
                                     "puis « Restaurer la sauvegarde choisie ».")


def construire(parent: tkinter.Misc, app) -> ttk.Frame:
    return PageDonneesPersonnelles(parent, app)
