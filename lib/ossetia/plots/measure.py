"""Measure a drawn figure: every text actually drawn, its size in points and whether it stays on
the canvas. The preset tests and ``ossetia figures`` checks use it (nothing here draws a figure)."""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text


@dataclass(frozen=True)
class DrawnText:
    text: str
    size: float  # points
    x0: float  # extent in inches from the figure's lower left corner
    y0: float
    x1: float
    y1: float


def drawn_texts(fig: Figure) -> list[DrawnText]:
    """Every non-empty text the renderer draws for ``fig`` (tick labels, legends, annotations …)."""
    seen: list[DrawnText] = []
    real = Text.draw
    dpi = fig.dpi

    def draw(self, renderer):
        real(self, renderer)
        if self.get_visible() and self.get_text().strip() and self.get_figure(root=True) is fig:
            bb = self.get_window_extent(renderer)
            seen.append(DrawnText(self.get_text(), float(self.get_fontsize()),
                                  bb.x0 / dpi, bb.y0 / dpi, bb.x1 / dpi, bb.y1 / dpi))
    Text.draw = draw
    try:
        FigureCanvasAgg(fig).draw()
    finally:
        Text.draw = real
    return seen


def problems(fig: Figure, min_pt: float, slack: float = 0.01) -> list[str]:
    """Texts under ``min_pt`` points or reaching past the canvas (``slack`` inches allowed)."""
    w, h = fig.get_size_inches()
    out = []
    for t in drawn_texts(fig):
        label = t.text.replace("\n", " ")[:50]
        if t.size < min_pt - 1e-9:
            out.append(f"{t.size:g} pt < {min_pt:g} pt: {label!r}")
        if t.x0 < -slack or t.y0 < -slack or t.x1 > w + slack or t.y1 > h + slack:
            out.append(f"off the canvas ({t.x0:.2f}, {t.y0:.2f})-({t.x1:.2f}, {t.y1:.2f}) of {w:.2f} x {h:.2f} in: {label!r}")
    return out
