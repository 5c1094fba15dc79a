"""Charts of the statistics, for the screen and the annual report alike.

The annual report no longer uses these figures (``graphiques_pdf`` draws vectors); the screen does.
Why greys and hatching: the report is photocopied in black and white; a bar must be told from
its neighbour by its pattern and its printed value, never by colour alone. Figures are built with
``matplotlib.figure.Figure`` (no pyplot, no global backend switch), so the same chart can be drawn
in the Tk window or written to PNG with the Agg canvas; matplotlib is imported on first use.
"""

from __future__ import annotations

import io
from typing import Any

from atelier_app.domain import nombres
from atelier_app.reports.statistiques import SEUIL_ANONYMAT, Section

GRIS_FONCE = "#404040"
GRIS_CLAIR = "#C8C8C8"


def figure(section: Section, courant: str, precedent: str | None = None, *, masque: bool = False,
           largeur: float = 7.0, hauteur: float | None = None) -> Any:
    """A horizontal bar chart (or monthly columns) of one section, last year beside when known."""
    from matplotlib.figure import Figure

    lignes = [lg for lg in section.lignes if section.graphique == "mois" or lg.valeur or lg.precedent]
    if section.graphique == "mois":
        hauteur = hauteur or 2.8
    else:
        hauteur = hauteur or min(7.5, max(1.6, (0.42 if precedent else 0.3) * len(lignes) + 0.8))
    fig = Figure(figsize=(largeur, hauteur), dpi=100)
    ax = fig.add_subplot(111)
    from atelier_app.reports.cellules import titre

    ax.set_title(titre(section), fontsize=10, loc="left")
    if not lignes:
        ax.text(0.5, 0.5, "Aucune donnée pour cette période", ha="center", va="center", fontsize=9)
        ax.set_axis_off()
        return fig
    if section.graphique == "mois":
        x = range(len(lignes))
        barres = ax.bar(x, [lg.valeur for lg in lignes], color=GRIS_CLAIR, edgecolor="black", hatch="//")
        ax.set_xticks(list(x), [lg.libelle for lg in lignes], fontsize=7, rotation=45, ha="right")
        ax.bar_label(barres, labels=[nombres.entier(lg.valeur) for lg in lignes], fontsize=7, padding=1)
        ax.tick_params(axis="y", labelsize=7)
    else:
        noms = [lg.libelle if len(lg.libelle) <= 38 else lg.libelle[:36] + "…" for lg in lignes]
        pos = list(range(len(lignes)))[::-1]
        epaisseur = 0.38 if precedent else 0.7
        val = [_visible(lg.valeur, lg.personnes, masque) for lg in lignes]
        b1 = ax.barh([p + (epaisseur / 2 if precedent else 0) for p in pos], [v for v, _t in val], height=epaisseur,
                     color=GRIS_FONCE, edgecolor="black", label=courant)
        ax.bar_label(b1, labels=[t for _v, t in val], fontsize=7, padding=2)
        if precedent:
            avant = [_visible(lg.precedent or 0, lg.personnes, masque) for lg in lignes]
            b2 = ax.barh([p - epaisseur / 2 for p in pos], [v for v, _t in avant], height=epaisseur,
                         color="white", edgecolor="black", hatch="///", label=precedent)
            ax.bar_label(b2, labels=[t for _v, t in avant], fontsize=7, padding=2)
            ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=True)
        ax.set_yticks(pos, noms, fontsize=8)
        ax.tick_params(axis="x", labelsize=7)
        ax.margins(x=0.15)
    for cote in ("top", "right"):
        ax.spines[cote].set_visible(False)
    fig.tight_layout()
    return fig


def _visible(valeur: float, personnes: bool, masque: bool) -> tuple[float, str]:
    """Bar length and printed value; a small count of people gets no bar, only the words "< 5"."""
    if masque and personnes and 0 < valeur < SEUIL_ANONYMAT:
        return 0.0, f"< {SEUIL_ANONYMAT}"
    return float(valeur), nombres.nombre(valeur, 2)


def png(fig: Any, dpi: int = 150) -> io.BytesIO:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    tampon = io.BytesIO()
    fig.savefig(tampon, format="png", dpi=dpi)
    tampon.seek(0)
    return tampon
