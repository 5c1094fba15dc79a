"""Which cells of the statistics a document for the funders may print (report, exports).

Why here and not in the computation: the screen, for the team, shows the true figures; only the
documents that leave the centre apply ``domain.secret``. The groups are the sums a reader knows:

- a breakdown of people whose every row carries a percentage (gender, age bands, statuses,
  communes, levels): its rows add up to a total that the percentages give away, so the total is
  taken as known even where it is not printed;
- « Bénéficiaires suivis » + « Bénéficiaires anonymes » = « Bénéficiaires accompagnés »;
- the levels at entry add up to « Positionnés à l'entrée »;
- « Personnes identifiées » are no more than the « Demandes » they were counted from.

Last year's column is a second, separate document column: the same groups, its own marks. A count
of people outside every group is masked alone (« < 5 »): nothing printed gives it away.
"""

from __future__ import annotations

from dataclasses import dataclass

from atelier_app.domain.secret import SEUIL, Cellule, Masque, proteger

PETIT = f"< {SEUIL}"
SECRET = "s"
NOTE = (f"Les effectifs de 1 à {SEUIL - 1} personnes sont notés « {PETIT.replace(' ', chr(0xA0))} » ; « {SECRET} » "
        "marque un nombre masqué "
        f"pour qu’un effectif de moins de {SEUIL} ne puisse pas être retrouvé par différence.")


@dataclass(frozen=True)
class Masques:
    """The marks of one statistics: ``(section title, row index) -> (this year, last year)``."""

    marques: dict[tuple[str, int], tuple[Masque, Masque]]

    def courant(self, titre: str, i: int) -> Masque:
        return self.marques.get((titre, i), (Masque.VISIBLE, Masque.VISIBLE))[0]

    def precedent(self, titre: str, i: int) -> Masque:
        return self.marques.get((titre, i), (Masque.VISIBLE, Masque.VISIBLE))[1]


def _entier(v: float | None) -> int:
    return round(v or 0)


def groupes(section) -> list[tuple[list[int], int | None]]:
    """Index groups of one section and the row holding their known total (None: the rows' sum)."""
    lignes = section.lignes
    index = {lg.libelle: i for i, lg in enumerate(lignes)}
    out: list[tuple[list[int], int | None]] = []
    if "Bénéficiaires suivis" in index and "Bénéficiaires anonymes" in index and "Bénéficiaires accompagnés" in index:
        out.append(([index["Bénéficiaires suivis"], index["Bénéficiaires anonymes"]], index["Bénéficiaires accompagnés"]))
    entree = [i for i, lg in enumerate(lignes) if lg.libelle.startswith("À l'entrée : ")]
    if entree and "Positionnés à l'entrée" in index:
        out.append((entree, index["Positionnés à l'entrée"]))
    parts = [i for i, lg in enumerate(lignes) if lg.personnes and lg.pourcentage is not None and not lg.unite]
    if len(parts) >= 2:
        out.append((parts, None))
    return out


def masques(stats) -> Masques:
    marques: dict[tuple[str, int], tuple[Masque, Masque]] = {}
    for s in stats.sections:
        if s.graphique == "mois":
            continue
        cour = {i: Masque.PETIT if lg.personnes and 0 < lg.valeur < SEUIL else Masque.VISIBLE
                for i, lg in enumerate(s.lignes)}
        prec = {i: Masque.PETIT if lg.personnes and lg.precedent is not None and 0 < lg.precedent < SEUIL
                else Masque.VISIBLE for i, lg in enumerate(s.lignes)}
        for rangs, ligne_total in groupes(s):
            for valeurs, cible in (([s.lignes[i].valeur for i in rangs], cour),
                                   ([s.lignes[i].precedent for i in rangs], prec)):
                if any(v is None for v in valeurs):
                    continue
                cellules = [Cellule(_entier(v), s.lignes[i].personnes) for i, v in zip(rangs, valeurs, strict=True)]
                if ligne_total is None:
                    total = sum(c.valeur for c in cellules)
                else:
                    lt = s.lignes[ligne_total]
                    total = _entier(lt.valeur if cible is cour else lt.precedent)
                for i, m in zip(rangs, proteger(cellules, total), strict=True):
                    if m is not Masque.VISIBLE:
                        cible[i] = m
        _au_plus(s, "Personnes identifiées", "Demandes", cour, prec)
        for i, mc in cour.items():
            if mc is not Masque.VISIBLE or prec[i] is not Masque.VISIBLE:
                marques[(s.titre, i)] = (mc, prec[i])
    return Masques(marques)


def _au_plus(section, petit: str, borne: str, cour: dict[int, Masque], prec: dict[int, Masque]) -> None:
    """A masked count that cannot exceed another count printed (people counted from the requests).

    Why: « Demandes 1 » beside « Personnes identifiées < 5 » says one person. Beside a single
    request the people are withheld (« s »: none or one, then), as the report's paragraph leaves
    them out (``domain.chiffres.texte_accompagnement``).
    """
    index = {lg.libelle: i for i, lg in enumerate(section.lignes)}
    if petit not in index or borne not in index:
        return
    i, lg_borne = index[petit], section.lignes[index[borne]]
    for marques, plafond in ((cour, lg_borne.valeur), (prec, lg_borne.precedent)):
        if marques[i] is Masque.PETIT and plafond is not None and _entier(plafond) <= 1:
            marques[i] = Masque.RETENU


def marque(m: Masque) -> str | None:
    """What is printed instead of the count (None: the count itself)."""
    return {Masque.PETIT: PETIT, Masque.SECRET: SECRET, Masque.RETENU: SECRET}.get(m)
