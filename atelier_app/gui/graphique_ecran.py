"""A statistics chart on screen: matplotlib's Tk canvas, drawn once per size, never taking the focus.

Why apart from the screen: matplotlib's canvas redraws the whole chart (about 70 ms at `grande`) at
every <Configure>, and showing the screen again sends several (the scrolling area lays the screen
out at its asked size, then at the window's): drawn at each, a visit cost 0.2 to 0.4 s with nothing
changed (issue 15). It also takes the keyboard focus when it shows, so the arrows going down the
figures stopped in the chart. matplotlib is imported on the first chart only.
"""

from __future__ import annotations

import functools
import tkinter
from typing import Any

#: what the chart asks (pixels): it then takes its column's room, and never makes the screen wider
#: than the window at large text sizes (the figure's own width was asked before)
LARGEUR = 200


@functools.cache
def _classe() -> type:
    from matplotlib.backends.backend_tkagg import FigureCanvasTkAgg

    class Toile(FigureCanvasTkAgg):
        """Drawn at its final size only (when the configures stop), and once per size."""

        _taille: tuple[int, int] | None = None
        _attente: str | None = None
        _evenement: Any = None

        def resize(self, event) -> None:
            self._evenement = event
            if self._attente is None:
                self._attente = self.get_tk_widget().after(40, self._redimensionner)

        def _redimensionner(self) -> None:
            self._attente = None
            evt = self._evenement
            taille = (evt.width, evt.height)
            try:
                if taille == self._taille or min(taille) <= 1 or not self.get_tk_widget().winfo_exists():
                    return
            except tkinter.TclError:
                return
            self._taille = taille
            super().resize(evt)

        def _update_device_pixel_ratio(self, event=None) -> None:
            super()._update_device_pixel_ratio(event)
            self.get_tk_widget().configure(width=LARGEUR)  # matplotlib asked the figure's width again

    return Toile


def toile(figure: Any, parent: tkinter.Misc) -> Any:
    """The canvas of ``figure`` in ``parent`` (to pack); the keyboard focus stays where it was."""
    try:
        avant = parent.focus_get()
    except (KeyError, tkinter.TclError):  # a combobox's list open
        avant = None
    canevas = _classe()(figure, master=parent)
    widget = canevas.get_tk_widget()
    widget.configure(takefocus=0, width=LARGEUR)
    if avant is not None:
        avant.focus_set()

        def rendre(_e=None) -> None:
            """matplotlib takes the focus when its canvas shows (and on a click): given back."""
            try:
                if parent.focus_get() is widget and avant.winfo_exists():
                    avant.focus_set()
            except (KeyError, tkinter.TclError):
                pass

        widget.bind("<Map>", rendre, add="+")
        widget.bind("<FocusIn>", rendre, add="+")
    return canevas
