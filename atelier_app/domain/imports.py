"""What an import did, to be told to the user in a few lines."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RapportImport:
    ajoutes: dict[str, int] = field(default_factory=dict)
    mis_a_jour: dict[str, int] = field(default_factory=dict)
    fusionnes: list[str] = field(default_factory=list)
    colonnes_ignorees: list[str] = field(default_factory=list)

    def lignes(self) -> list[str]:
        out = [f"{n} {quoi} ajouté(s)" for quoi, n in self.ajoutes.items() if n]
        out += [f"{n} {quoi} mis à jour" for quoi, n in self.mis_a_jour.items() if n]
        if not out:
            out.append("Rien à ajouter : tout était déjà là.")
        out += [f"Fusionné : {f}" for f in self.fusionnes]
        if self.colonnes_ignorees:
            out.append("Colonnes ignorées : " + ", ".join(self.colonnes_ignorees))
        return out
