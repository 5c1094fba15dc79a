"""What an import did, to be told to the user in a few lines."""

from __future__ import annotations

from dataclasses import dataclass, field

#: the records an import counts whose noun is feminine (by the first word, singular)
FEMININS = {"personne", "activité", "séance", "entrée", "présence"}


def accorder(n: int, quoi: str, participe: str, suite: str = "") -> str:
    """« 1 personne ajoutée », « 2 groupes mis à jour »: ``quoi`` is given in the plural."""
    mot, _, reste = quoi.partition(" ")
    singulier = mot[:-1] if mot.endswith("s") else mot
    if n == 1:
        mot = singulier
    if singulier in FEMININS:
        participe += "e"
    if n > 1 and not participe.endswith("s"):
        participe += "s"
    return f"{n} {' '.join(x for x in (mot, reste) if x)} {participe}{suite}"


@dataclass
class RapportImport:
    ajoutes: dict[str, int] = field(default_factory=dict)
    mis_a_jour: dict[str, int] = field(default_factory=dict)
    fusionnes: list[str] = field(default_factory=list)
    colonnes_ignorees: list[str] = field(default_factory=list)

    def lignes(self) -> list[str]:
        out = [accorder(n, quoi, "ajouté") for quoi, n in self.ajoutes.items() if n]
        out += [accorder(n, quoi, "mis", " à jour") for quoi, n in self.mis_a_jour.items() if n]
        if not out:
            out.append("Rien à ajouter : tout était déjà là.")
        out += [f"Fusionné : {f}" for f in self.fusionnes]
        if self.colonnes_ignorees:
            out.append("Colonnes ignorées : " + ", ".join(self.colonnes_ignorees))
        return out
