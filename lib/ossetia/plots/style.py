"""The house style: type sizes, a colour-blind-safe palette with a fixed meaning per stance,
a distinct look for reference-layer facts, and the title and source line every figure carries.

Colours are Okabe & Ito's palette (safe for the common colour-vision deficiencies); each stance
also has its own marker shape, so a figure still reads in black and white.
"""

from __future__ import annotations

from contextlib import contextmanager

import matplotlib.style
from matplotlib.figure import Figure

from ..paths import DATA_DIR

STYLE_FILE = DATA_DIR / "ossetia.mplstyle"

#: Stance -> (colour, marker, label). Fixed across every figure.
STANCES = {
    "recognises": ("#009E73", "o", "recognises"),
    "urges": ("#0072B2", "^", "urges, seeks or supports"),
    "refuses": ("#D55E00", "X", "does not recognise, rejects or opposes"),
    "condemns": ("#CC79A7", "s", "condemns"),
    "neutral": ("#7F7F7F", "D", "other / reports"),
}
INK = "#222222"
MUTED = "#6B6B6B"
SLIDE_SIZE = (11.0, 6.2)  # inches: 16:9-ish, legible when projected


@contextmanager
def house_style():
    """Apply the house style to figures created inside the block."""
    with matplotlib.style.context(STYLE_FILE):
        yield


def new_figure(size: tuple[float, float] = SLIDE_SIZE, layout: str | None = "constrained") -> Figure:
    """A figure outside pyplot's global state (nothing leaks between figures)."""
    return Figure(figsize=size, layout=layout)


def source_line(fig: Figure) -> str:
    """The figure's source line as drawn (without the "Sources: " label and the note)."""
    for t in fig.texts:
        if t.get_gid() == "source-line":
            return t.get_text().split("\n")[0].removeprefix("Sources: ")
    raise ValueError("figure has no source line")


def text_width(s: str, size: float, weight: str = "normal") -> float:
    """Width of ``s`` in points at ``size`` in the current font (deterministic, no renderer)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    prop = FontProperties(size=size, weight=weight)
    return TextToPath().get_text_width_height_descent(s, prop, ismath=False)[0]


def _n_wrapped_lines(text: str, size: float, width_pt: float) -> int:
    """How many lines matplotlib's ``wrap=True`` makes of ``text`` (same greedy rule)."""
    n = 0
    for line in text.split("\n"):
        words = line.split(" ")
        while words:
            k = 1
            while k < len(words) and text_width(" ".join(words[:k + 1]), size) <= width_pt:
                k += 1
            words = words[k:]
            n += 1
    return n


FOOT_SIZE = 8.5


def footer_fraction(fig: Figure) -> float:
    """The height of the figure's source line (as wrapped when drawn), as a fraction of the
    figure height, with a small gap above it: the part of the figure the plot must leave free."""
    w, h = fig.get_size_inches()
    for t in fig.texts:
        if t.get_gid() == "source-line":
            x0 = t.get_position()[0]
            # 0.97: a little slack for hinting differences between this estimate and the renderer
            n = _n_wrapped_lines(t.get_text(), t.get_fontsize(), 0.97 * (1 - x0) * w * 72)
            return (n * t.get_fontsize() * 1.25 / 72 + 0.12) / h
    return 0.0


def finish(fig: Figure, title: str, sources: list[str], note: str = "") -> Figure:
    """Add the short title and the source line at the foot."""
    fig.suptitle(title, x=0.01, ha="left", fontsize=15, fontweight="bold", color=INK)
    foot = "Sources: " + "; ".join(sources)
    if note:
        foot += "\n" + note
    fig.text(0.01, 0.008, foot, ha="left", va="bottom", fontsize=FOOT_SIZE, color=MUTED, wrap=True,
             gid="source-line")
    engine = fig.get_layout_engine()
    if engine is not None:  # leave room for the source line (the title is laid out by the engine)
        bottom = footer_fraction(fig)
        engine.set(rect=(0, bottom, 1, 1 - bottom))
    return fig


def legend_handles(stances=None, reference=False):
    """Legend handles for the given stance keys (default: all), plus the reference layer if asked."""
    from matplotlib.lines import Line2D

    hs = [Line2D([], [], ls="", marker=STANCES[k][1], ms=9, mfc=STANCES[k][0], mec=STANCES[k][0],
                 label=STANCES[k][2]) for k in (stances or STANCES)]
    if reference:
        hs.append(Line2D([], [], ls="", marker="o", ms=9, mfc="white", mec="black",
                         label="reference layer (public sources, not seed evidence)"))
    return hs
