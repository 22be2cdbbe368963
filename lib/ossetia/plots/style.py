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
#: Reference-layer bars: a white fill with solid hatch lines, and the dashed outline drawn as a
#: separate unfilled patch. (A dashed edge on the hatched patch itself leaks into the hatch in
#: some PDF viewers: poppler paints the hatch pattern with the dash pattern in force where it is
#: used, so some bars showed dashed hatching and others solid.)
HATCHED = {"facecolor": "white", "edgecolor": "black", "hatch": "///", "linewidth": 0}
OUTLINE = {"fill": False, "edgecolor": "black", "linestyle": "--"}
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
        if t.get_gid() == "source-line" and t.get_visible():
            x0 = t.get_position()[0]
            # 0.97: a little slack for hinting differences between this estimate and the renderer
            n = _n_wrapped_lines(t.get_text(), t.get_fontsize(), 0.97 * (1 - x0) * w * 72)
            return (n * t.get_fontsize() * 1.25 / 72 + 0.12) / h
    return 0.0


def finish(fig: Figure, title: str, sources: list[str], note: str = "", preset=None) -> Figure:
    """Add the short title and the source line at the foot, sized for the figure's preset
    (:mod:`ossetia.plots.presets`). Drawn bare (``presets.use(bare=True)``) both are kept on the
    figure but not drawn (the export's index carries them) and take no room."""
    from .presets import current, is_bare, part_label

    P, bare, part = current(preset), is_bare(), part_label()
    title = f"{title} ({part})" if part else title
    if not P.is_print:  # wrap a long title to the canvas
        title = "\n".join(wrap_text(title, P.pt(15), (fig.get_size_inches()[0] - 0.2) * 72, "bold"))
    fig.suptitle(title, x=0.01, ha="left", fontsize=P.pt(15), fontweight="bold", color=INK, visible=not bare,
                 in_layout=not bare)
    foot = "Sources: " + "; ".join(sources)
    if note:
        foot += "\n" + note
    fig.text(0.01, 0.008, foot, ha="left", va="bottom", fontsize=P.pt(FOOT_SIZE), color=MUTED, wrap=True,
             gid="source-line", visible=not bare)
    engine = fig.get_layout_engine()
    if engine is not None and not bare:  # leave room for the source line (the title is laid out by the engine)
        bottom = footer_fraction(fig)
        engine.set(rect=(0, bottom, 1, 1 - bottom))
    return fig


def wrap_text(s: str, size: float, width_pt: float, weight: str = "normal") -> list[str]:
    """Greedy word wrap of ``s`` to lines no wider than ``width_pt`` points at ``size``."""
    lines: list[str] = []
    for para in s.split("\n"):
        line = ""
        for word in para.split(" "):
            trial = f"{line} {word}" if line else word
            if line and text_width(trial, size, weight) > width_pt:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


def legend_columns(labels: list[str], size: float, width_in: float, handlelength: float = 2.0) -> int:
    """The most legend columns (up to one per label) whose row fits in ``width_in`` inches
    (matplotlib's default handle length, text pad and column spacing, in font sizes)."""
    for n in range(len(labels), 1, -1):
        per = -(-len(labels) // n)  # matplotlib fills the columns first
        cols = [max(text_width(x, size) for x in labels[j * per:(j + 1) * per]) + (handlelength + 0.8 + 1.6) * size
                for j in range(n) if labels[j * per:(j + 1) * per]]
        if (sum(cols) + 2 * size) / 72 <= 0.96 * width_in:
            return n
    return 1


def reference_bar(draw, *args, lw: float = 1.0, **kw):
    """Draw a reference-layer bar with ``draw`` (``ax.bar`` or ``ax.barh``): hatched fill, then a
    dashed outline on top (gid ``reference-layer`` and ``reference-layer:outline``)."""
    draw(*args, **HATCHED, gid="reference-layer", **kw)
    return draw(*args, **OUTLINE, linewidth=lw, gid="reference-layer:outline", **kw)


def reference_handle():
    """A legend handle for reference-layer bars (the same two layers; legend it with
    ``handler_map={tuple: HandlerTuple(ndivide=None)}`` or as a plain tuple handle)."""
    from matplotlib.patches import Patch

    return (Patch(**HATCHED), Patch(**OUTLINE, linewidth=1.0))


def legend_handles(stances=None, reference=False):
    """Legend handles for the given stance keys (default: all), plus the reference layer if asked."""
    from matplotlib.lines import Line2D

    hs = [Line2D([], [], ls="", marker=STANCES[k][1], ms=9, mfc=STANCES[k][0], mec=STANCES[k][0],
                 label=STANCES[k][2]) for k in (stances or STANCES)]
    if reference:
        hs.append(Line2D([], [], ls="", marker="o", ms=9, mfc="white", mec="black",
                         label="reference layer (public sources, not seed evidence)"))
    return hs
