"""Figure presets: the size a figure is drawn for and the smallest type it may use.

``print`` is each figure's own size (the committed ``figures/``); ``slide`` fills a 16:9 slide
(13.33 × 7.5 in) with no text under 12 pt; ``memo`` fits a 6.3 in text column with no text under
7 pt. A draw function takes a preset and asks it for every size it uses: :meth:`Preset.pt` for a
type size written for print, :meth:`Preset.k` for other lengths (marker sizes, gaps) and
:meth:`Preset.size` for the canvas. The print preset returns what it is given, so print figures
are exactly what they were before presets existed.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace

import matplotlib as mpl

#: rcParams holding a type size (house style, :file:`data/ossetia.mplstyle`).
_RC_SIZES = ("font.size", "axes.titlesize", "axes.labelsize", "xtick.labelsize", "ytick.labelsize",
             "legend.fontsize", "legend.title_fontsize", "figure.titlesize")


@dataclass(frozen=True)
class Preset:
    """A target size for figures.

    Attributes:
        name: ``print``, ``slide`` or ``memo``.
        width, height: canvas in inches; ``None`` keeps the figure's own print size (a memo's
            height is chosen by each figure, up to ``max_height``).
        min_pt: the smallest type size allowed, in points.
        grow: factor applied to print type sizes before the minimum is enforced.
        scale: factor for other lengths (marker sizes, spacing in points).
        max_height: the tallest canvas allowed (inches), for presets whose height is free.
    """

    name: str
    width: float | None
    height: float | None
    min_pt: float
    grow: float = 1.0
    scale: float = 1.0
    max_height: float | None = None

    @property
    def is_print(self) -> bool:
        return self.name == "print"

    def pt(self, size: float) -> float:
        """The type size to use where print uses ``size`` points (never under ``min_pt``)."""
        if self.is_print:
            return size
        return round(max(self.min_pt, size * self.grow), 2)

    def k(self, length: float) -> float:
        """A length in points or inches written for print (marker size, gap), for this preset."""
        return length if self.is_print else length * self.scale

    def size(self, print_size: tuple[float, float], memo_height: float | None = None) -> tuple[float, float]:
        """The canvas in inches for a figure whose print size is ``print_size``.

        Args:
            print_size: (width, height) the figure has in print.
            memo_height: the height this figure wants where the preset leaves it free
                (default: the print aspect ratio), capped at ``max_height``.
        """
        if self.is_print:
            return print_size
        w = self.width or print_size[0]
        if self.height is not None:
            return (w, self.height)
        h = memo_height if memo_height is not None else print_size[1] * w / print_size[0]
        return (w, min(h, self.max_height) if self.max_height else h)

    def with_size(self, width: float, height: float) -> Preset:
        """The same preset for another canvas (e.g. the area under a slide's own title)."""
        return replace(self, width=width, height=height)

    @contextmanager
    def rc(self):
        """Type sizes of the house style mapped by :meth:`pt` (nothing changes for print).
        Use inside :func:`ossetia.style.house_style`."""
        if self.is_print:
            yield
            return
        sizes = {}
        for key in _RC_SIZES:
            v = mpl.rcParams[key]
            sizes[key] = self.pt(float(v) if isinstance(v, (int, float)) else
                                 mpl.font_manager.FontProperties(size=v).get_size_in_points())
        with mpl.rc_context(sizes):
            yield


PRINT = Preset("print", None, None, min_pt=8.5)
SLIDE = Preset("slide", 13.33, 7.5, min_pt=12.0, grow=1.25, scale=1.25)
MEMO = Preset("memo", 6.3, None, min_pt=7.0, grow=0.8, scale=0.8, max_height=8.5)
PRESETS = {p.name: p for p in (PRINT, SLIDE, MEMO)}


def preset(name: str | Preset | None) -> Preset:
    """The preset called ``name`` (a :class:`Preset` is returned as is; ``None`` is print).

    Raises:
        ossetia.errors.OssetiaError: for an unknown name (one line naming the choices).
    """
    if name is None:
        return PRINT
    if isinstance(name, Preset):
        return name
    if name not in PRESETS:
        from ..errors import OssetiaError

        raise OssetiaError(None, f"unknown preset {name!r}; choose from {', '.join(PRESETS)}")
    return PRESETS[name]


_STATE: ContextVar[tuple[Preset, bool, str]] = ContextVar("ossetia_figure_preset", default=(PRINT, False, ""))


@contextmanager
def use(p: str | Preset | None = None, bare: bool = False, part: str = ""):
    """Draw figures inside the block for preset ``p``; ``bare`` leaves out the built-in title and
    source line (they go to the export's index); ``part`` names the part of a split figure (added
    to its title). Draw functions called with ``preset=None`` follow this."""
    token = _STATE.set((preset(p), bare, part))
    try:
        yield
    finally:
        _STATE.reset(token)


def current(p: str | Preset | None = None) -> Preset:
    """The preset a draw function uses: ``p`` if given, else the one set by :func:`use` (print)."""
    return preset(p) if p is not None else _STATE.get()[0]


def is_bare() -> bool:
    """Whether figures are drawn bare (see :func:`use`)."""
    return _STATE.get()[1]


def part_label() -> str:
    """The part of a split figure being drawn ('' when the figure is whole)."""
    return _STATE.get()[2]
