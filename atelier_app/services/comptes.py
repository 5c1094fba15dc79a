"""Accounts: create, sign in, change password, deactivate.

Why argon2id through argon2-cffi: a slow salted hash from a well-kept library; only the hash is
stored. Why failures are written in the account: the growing delay and the lock must survive a
restart of the app, otherwise closing the window would reset them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from atelier_app.domain.comptes import (
    Compte,
    apres_echec,
    attente,
    identifiant_valide,
    normaliser_identifiant,
    raisons_refus,
)
from atelier_app.domain.roles import ROLES_LIBELLES, Permission, Role
from atelier_app.errors import UserError
from atelier_app.services.base import Service
from atelier_app.services.contexte import Utilisateur

#: Nobody signed in (after « Se déconnecter »): the least rights until someone signs in again.
PERSONNE = Utilisateur("aucun compte", Role.BENEVOLE)

_HACHEUR = PasswordHasher()  # argon2id, salted, default RFC 9106 "low memory" parameters


def _duree(secondes: int) -> str:
    if secondes >= 60:
        m = (secondes + 59) // 60
        return f"{m} minute{'s' if m > 1 else ''}"
    return f"{secondes} seconde{'s' if secondes > 1 else ''}"


def phrase_refus(raisons: list[str]) -> str:
    """The sentence that refuses a password: what it lacks (« il faut … »), or what it must not do.

    Why two forms: « il faut le mot de passe ne doit pas… » was what users read (issue 18).
    """
    interdits = [r for r in raisons if r.startswith("le mot de passe")]
    if interdits:
        return "Mot de passe refusé : " + " ; ".join(interdits) + "."
    return "Mot de passe trop faible : il faut " + " ; ".join(raisons) + "."


def etat_compte(compte: Compte, maintenant: datetime) -> str:
    """« actif », « désactivé » or « bloqué jusqu'à 15 h 20 » (the day too when not today)."""
    if not compte.actif:
        return "désactivé"
    if compte.verrouille_jusqua and compte.verrouille_jusqua > maintenant:
        fin = compte.verrouille_jusqua
        jour = "" if fin.date() == maintenant.date() else f" le {fin:%d/%m/%Y}"
        return f"bloqué jusqu'à {fin:%H} h {fin:%M}{jour}"
    return "actif"


#: Idle-lock delay allowed in Paramètres (minutes).
VERROU_MIN, VERROU_MAX = 1, 120


class ComptesService(Service):
    hacheur = _HACHEUR

    # ------------------------------------------------------------- reading
    def existe_des_comptes(self) -> bool:
        return any(c.actif for c in self.depot.all(Compte))

    def est_connecte(self) -> bool:
        """True when the one acting is an active account that signed in (not the PC's default user,
        not « aucun compte »): what the window checks before showing anything."""
        c = self.depot.get(Compte, self.ctx.utilisateur.identifiant)
        return c is not None and c.actif and Role(c.role) == self.ctx.role

    def lister(self) -> list[Compte]:
        self.ctx.exiger(Permission.GERER_COMPTES)
        return sorted(self.depot.all(Compte), key=lambda c: c.id)

    def _compte(self, identifiant: str) -> Compte:
        c = self.depot.get(Compte, normaliser_identifiant(identifiant))
        if c is None:
            raise UserError(f"Le compte « {identifiant} » n'existe pas.")
        return c

    # ------------------------------------------------------------- changes
    def _verifier_mdp(self, identifiant: str, mot_de_passe: str) -> None:
        raisons = raisons_refus(mot_de_passe, identifiant)
        if raisons:
            raise UserError(phrase_refus(raisons))

    def creer(self, identifiant: str, role: Role | str, mot_de_passe: str) -> Compte:
        """Create an account; free when none exists yet (the first-run direction account)."""
        premier = not self.existe_des_comptes()
        if not premier:
            self.ctx.exiger(Permission.GERER_COMPTES)
        ident = normaliser_identifiant(identifiant)
        if not identifiant_valide(ident):
            raise UserError("Identifiant : lettres, chiffres, point, tiret ou souligné, sans espace.")
        try:
            role = Role(role)
        except ValueError:
            raise UserError(f"Rôle « {role} » inconnu : direction, animateur ou benevole.") from None
        if premier and role != Role.DIRECTION:
            raise UserError("Le premier compte doit être celui de la direction.")
        if self.depot.get(Compte, ident) is not None:
            raise UserError(f"Le compte « {ident} » existe déjà.")
        self._verifier_mdp(ident, mot_de_passe)
        compte = Compte(id=ident, role=role.value, empreinte=self.hacheur.hash(mot_de_passe),
                        cree_le=self.ctx.maintenant().replace(microsecond=0))
        with self.depot.transaction("Création d'un compte") as tx:
            tx.put(compte)
            self.journaliser(tx, "compte_cree", (ident,), ROLES_LIBELLES[role])
        self.ctx.signaler("comptes")
        return compte

    def changer_mot_de_passe(self, identifiant: str, nouveau: str, ancien: str | None = None) -> None:
        """Own password (with the old one) or, with GERER_COMPTES, anyone's (reset)."""
        propre = ancien is not None and (identifiant or "").strip().lower() == self.ctx.utilisateur.identifiant
        if not propre:  # checked before reading anything
            self.ctx.exiger(Permission.GERER_COMPTES)
        compte = self._compte(identifiant)
        if propre and not self._correspond(compte, ancien or ""):
            raise UserError("L'ancien mot de passe est incorrect.")
        self._verifier_mdp(compte.id, nouveau)
        with self.depot.transaction("Changement de mot de passe") as tx:
            tx.put(replace(compte, empreinte=self.hacheur.hash(nouveau), echecs=0,
                           dernier_echec=None, verrouille_jusqua=None))
            self.journaliser(tx, "mot_de_passe_change", (compte.id,))

    def desactiver(self, identifiant: str) -> None:
        self.ctx.exiger(Permission.GERER_COMPTES)
        compte = self._compte(identifiant)
        self._garder_une_direction(compte, "désactiver")
        with self.depot.transaction("Désactivation d'un compte") as tx:
            tx.put(replace(compte, actif=False))
            self.journaliser(tx, "compte_desactive", (compte.id,))
        self.ctx.signaler("comptes")

    def _gerer(self, identifiant: str) -> Compte:
        self.ctx.exiger(Permission.GERER_COMPTES)
        return self._compte(identifiant)

    def _garder_une_direction(self, compte: Compte, quoi: str) -> None:
        if compte.id == self.ctx.utilisateur.identifiant:
            raise UserError(f"Vous ne pouvez pas {quoi} votre propre compte.")
        directions = [c for c in self.depot.all(Compte) if c.actif and c.role == Role.DIRECTION and c.id != compte.id]
        if compte.role == Role.DIRECTION and compte.actif and not directions:
            raise UserError("Il doit rester au moins un compte de direction actif.")

    def supprimer(self, identifiant: str) -> None:
        """Delete an account for good (its journal entries keep the identifiant)."""
        compte = self._gerer(identifiant)
        self._garder_une_direction(compte, "supprimer")
        with self.depot.transaction("Suppression d'un compte") as tx:
            tx.delete(Compte, compte.id)
            self.journaliser(tx, "compte_supprime", (compte.id,))
        self.ctx.signaler("comptes")

    def reactiver(self, identifiant: str) -> None:
        compte = self._gerer(identifiant)
        if compte.actif:
            raise UserError(f"Le compte « {compte.id} » est déjà actif.")
        with self.depot.transaction("Réactivation d'un compte") as tx:
            tx.put(replace(compte, actif=True, echecs=0, dernier_echec=None, verrouille_jusqua=None))
            self.journaliser(tx, "compte_reactive", (compte.id,))
        self.ctx.signaler("comptes")

    def debloquer(self, identifiant: str) -> None:
        """Lift the lock after too many wrong passwords, without changing the password."""
        compte = self._gerer(identifiant)
        with self.depot.transaction("Déblocage d'un compte") as tx:
            tx.put(replace(compte, echecs=0, dernier_echec=None, verrouille_jusqua=None))
            self.journaliser(tx, "compte_debloque", (compte.id,))
        self.ctx.signaler("comptes")

    def etat(self, compte: Compte) -> str:
        self.ctx.exiger(Permission.GERER_COMPTES)
        return etat_compte(compte, self.ctx.maintenant())

    def regler_verrouillage(self, minutes: int) -> None:
        """The idle-lock delay (Paramètres › Comptes)."""
        self.ctx.exiger(Permission.GERER_COMPTES)
        if not VERROU_MIN <= int(minutes) <= VERROU_MAX:
            raise UserError(f"Verrouillage : entre {VERROU_MIN} et {VERROU_MAX} minutes d'inactivité.")
        p = self.services.centre.parametres()
        with self.depot.transaction("Délai de verrouillage") as tx:
            tx.put(replace(p, verrouillage_minutes=int(minutes)))
            self.journaliser(tx, "parametre_verrouillage", (), f"{int(minutes)} min")
        self.ctx.signaler("parametres")

    # ------------------------------------------------------------- signing in
    def _correspond(self, compte: Compte, mot_de_passe: str) -> bool:
        try:
            return self.hacheur.verify(compte.empreinte, mot_de_passe)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def attente(self, identifiant: str) -> int:
        """Seconds before this identifiant may try again (0 for unknown ones: nothing to reveal)."""
        c = self.depot.get(Compte, normaliser_identifiant(identifiant))
        return attente(c, self.ctx.maintenant()) if c else 0

    def connecter(self, identifiant: str, mot_de_passe: str) -> Utilisateur:
        """Check the password and act as that user; slows down and locks after failures."""
        maintenant = self.ctx.maintenant()
        c = self.depot.get(Compte, normaliser_identifiant(identifiant))
        if c is None or not c.actif:
            self.hacheur.hash(mot_de_passe)  # same cost, so timing does not reveal which accounts exist
            with self.depot.transaction("Connexion refusée") as tx:
                # what was typed may be a name or a password typed in the wrong box: never journaled
                self.journaliser(tx, "connexion_refusee", (c.id,) if c else (),
                                 "compte désactivé" if c else "identifiant inconnu")
            raise UserError("Identifiant ou mot de passe incorrect.")
        reste = attente(c, maintenant)
        if reste:
            if c.verrouille_jusqua and c.verrouille_jusqua > maintenant:
                raise UserError(f"Trop d'essais : ce compte est verrouillé pendant encore {_duree(reste)}.")
            raise UserError(f"Veuillez patienter {_duree(reste)} avant de réessayer.")
        if not self._correspond(c, mot_de_passe):
            c2 = apres_echec(c, maintenant.replace(microsecond=0))
            bloque = bool(c2.verrouille_jusqua and c2.verrouille_jusqua > maintenant)
            with self.depot.transaction("Mot de passe erroné") as tx:
                tx.put(c2)
                self.journaliser(tx, "connexion_refusee", (c.id,),
                                 f"mot de passe erroné ({c2.echecs} de suite)" + (", compte bloqué" if bloque else ""))
            if c2.verrouille_jusqua and c2.verrouille_jusqua > maintenant:
                raise UserError(
                    f"Identifiant ou mot de passe incorrect. Trop d'essais : compte verrouillé pendant "
                    f"{_duree(attente(c2, maintenant))}."
                )
            raise UserError(
                f"Identifiant ou mot de passe incorrect. Prochain essai possible dans {_duree(attente(c2, maintenant))}."
            )
        self.ctx.utilisateur = Utilisateur(c.id, Role(c.role))
        with self.depot.transaction("Connexion") as tx:
            if c.echecs or c.verrouille_jusqua or self.hacheur.check_needs_rehash(c.empreinte):
                tx.put(replace(c, echecs=0, dernier_echec=None, verrouille_jusqua=None,
                               empreinte=self.hacheur.hash(mot_de_passe)
                               if self.hacheur.check_needs_rehash(c.empreinte) else c.empreinte))
            self.journaliser(tx, "connexion", (c.id,))
        self.ctx.signaler("utilisateur")
        return self.ctx.utilisateur

    def verifier(self, mot_de_passe: str) -> bool:
        """Unlock the screen: the signed-in user's password again (same slow-down rules)."""
        try:
            self.connecter(self.ctx.utilisateur.identifiant, mot_de_passe)
        except UserError:
            return False
        return True

    def deconnecter(self) -> None:
        self.ctx.utilisateur = PERSONNE
        self.ctx.signaler("utilisateur")
