"""Tables and charts that are laid out on every pass of a two-pass document but drawn on the last only.

Why: the annual report is built twice (``multiBuild``) so that its contents know each part's page.
The first pass only needs each flowable's size; drawing its hundreds of table cells and chart bars
then is wasted work (about a third of the report's time at ten-year scale). A document signals its
first pass with ``brouillon = True`` on itself; any other document (a sheet printed alone) draws
at once. The first pass of a document with contents is never the last one (its contents were
empty before it), so nothing is ever left undrawn.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Table


def _brouillon(canv) -> bool:
    return bool(getattr(getattr(canv, "_doctemplate", None), "brouillon", False))


class TableRapide(Table):
    def draw(self) -> None:
        if not _brouillon(self.canv):
            super().draw()


class DessinRapide(Drawing):
    def draw(self, *args, **kwargs) -> None:
        if not _brouillon(self.canv):
            super().draw(*args, **kwargs)
