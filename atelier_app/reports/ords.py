"""The Open Repair Data Standard CSV: one row per repair attempt, the 14 columns in the standard's order.

Why no personal data: ORDS files are published; the problem text is scrubbed of e-mail addresses,
phone numbers and the owner's name, and the group identifier is a code, not the centre's address.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from atelier_app.domain import ords
from atelier_app.domain.etats import EtatProjet
from atelier_app.domain.reparations import DonneesOrds, date_evenement, nettoyer
from atelier_app.ecriture import ecrire_avec, neutraliser


def _age(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.1f}"


def lignes(d: DonneesOrds) -> list[dict[str, Any]]:
    out = []
    debut = ords.prefixe(d.fournisseur)
    for p in d.projets:
        cat = ords.CATEGORIES[p.categorie_ords]  # type: ignore[index]
        quand = date_evenement(p)
        annee = p.annee_fabrication
        age = p.age_produit
        if annee is None and age is not None:
            annee = round(quand.year - age)
        if age is None and annee is not None:
            age = float(quand.year - annee)
        f = ords.frein(p.frein_ords) if p.etat == EtatProjet.FIN_DE_VIE else None
        noms = d.noms.get(p.personne, ())
        marque = nettoyer(p.marque, noms).strip()
        out.append({
            "id": ords.identifiant(debut, p.id), "data_provider": d.fournisseur, "country": ords.PAYS,
            "partner_product_category": f"Repair café ~ {cat.libelle}",
            "product_category": cat.valeur, "product_category_id": cat.id,
            "brand": marque if marque and marque.casefold() not in ("inconnue", "inconnu", "unknown") else "",
            "year_of_manufacture": "" if annee is None else f"{annee:04d}",
            "product_age": "" if age is None or age < 0 else _age(age),
            "repair_status": ords.STATUT_ORDS[p.etat],
            "repair_barrier_if_end_of_life": f.valeur if f else "",
            "group_identifier": d.groupe, "event_date": quand.isoformat(),
            "problem": " ".join(nettoyer(p.probleme, noms).split()),
        })
    return out


def ecrire(chemin: Path, d: DonneesOrds) -> int:
    """Write the CSV (UTF-8, comma, English header); returns the number of rows."""
    rangs = [{k: neutraliser(v) for k, v in r.items()} for r in lignes(d)]

    def produire(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=ords.COLONNES)
            w.writeheader()
            w.writerows(rangs)

    ecrire_avec(Path(chemin), produire)
    return len(rangs)
