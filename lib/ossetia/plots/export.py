"""The registry of briefing figures and their export (``ossetia figures`` / ``make figures``).

Each figure has a name, a builder (the same plotting function the notebooks call), a title,
caption, alt text and the evidence it shows (claim ids, number ids, reference rows); the
entries live beside their draw functions in the figure modules and are collected here, in
gallery order. Export writes PNG (300 dpi), SVG and PDF byte-reproducibly at a preset (print,
slide, memo: :mod:`ossetia.plots.presets`), ``NAME.csv`` beside each figure, and ``index.csv`` and
a README gallery (:mod:`ossetia.plots.index`).
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import matplotlib
from matplotlib.figure import Figure

from ..corpus import load_corpus
from ..errors import OssetiaError
from ..evidence import load_claims, load_numbers, load_reference
from ..fileio import atomic_write_bytes
from ..paths import FIGURES_DIR, is_reference, rel, seeds_dir, seeds_file
from . import corpus, kosovo, presets, recognition, referendums
from .entry import Briefing, Entry
from .index import short_caption
from .style import house_style, source_line

__all__ = ["FORMATS", "Briefing", "ENTRIES", "Part", "briefings", "check_names", "export_figures", "figure_parts",
           "registry", "render"]

#: every registered figure, in gallery order
ENTRIES: list[Entry] = corpus.ENTRIES + recognition.ENTRIES + referendums.ENTRIES + kosovo.ENTRIES

FORMATS = ("png", "svg", "pdf")
_META = {"png": {"Software": None}, "svg": {"Date": None}, "pdf": {"CreationDate": None}}


@lru_cache(maxsize=4)
def _load(seeds: Path | None) -> dict:
    return {"seeds": seeds, "corpus": load_corpus(seeds), "claims": load_claims(seeds), "numbers": load_numbers(seeds),
            "recognitions": load_reference("recognitions", seeds),
            "results": load_reference("referendum_results", seeds), "events": load_reference("events", seeds)}


def _bind(e: Entry, data) -> Briefing:
    def text(t):
        return t if isinstance(t, str) else t(data())
    return Briefing(e.name, text(e.title), text(e.caption), text(e.alt),
                    lambda: e.build(data()), lambda: e.evidence(data()))


def briefings(seeds: str | Path | None = None) -> list[Briefing]:
    """The exported figures, in gallery order, drawing on ``seeds`` (default: the project's seeds/)."""
    key = None if seeds is None else Path(seeds).resolve()

    def data() -> dict:  # the tables, loaded on first use
        return _load(key)
    return [_bind(e, data) for e in ENTRIES]


def registry(seeds: str | Path | None = None) -> dict[str, Briefing]:
    """The briefing figures by name, drawing on ``seeds`` (default: the project's seeds/)."""
    return {b.name: b for b in briefings(seeds)}


def render(fig: Figure, fmt: str, dpi: int = 300, svg_text: str = "text") -> bytes:
    """The bytes of ``fig`` saved as ``fmt`` (byte-reproducible). ``svg_text``: ``text`` keeps
    SVG text as text (searchable, needs the font), ``path`` draws it as outlines (same look where
    DejaVu Sans is missing)."""
    if svg_text not in SVG_TEXT:
        raise OssetiaError(None, f"unknown SVG text mode {svg_text!r}; choose from {', '.join(SVG_TEXT)}")
    buf = io.BytesIO()
    with house_style(), matplotlib.rc_context({"svg.fonttype": "none" if svg_text == "text" else "path"}):
        fig.savefig(buf, format=fmt, dpi=dpi, metadata=_META[fmt])  # svg.hashsalt, font types: read when saving
    return buf.getvalue()


SVG_TEXT = ("text", "path")


@dataclass(frozen=True)
class Part:
    """One figure as exported: a whole registered figure, or one part of a split one."""

    name: str  # file stem: the entry's name, or NAME-1, NAME-2 … for the parts of a split figure
    entry: str
    title: str
    caption: str
    alt: str
    fig: Figure
    evidence: list[str]
    rows: object  # DataFrame: the rows drawn (ossetia.plots.index.figure_rows)
    credit: str
    sources: str  # the source line as drawn

    @property
    def short_caption(self) -> str:
        return short_caption(self.caption)


def check_names(only: list[str] | None, seeds: str | Path | None = None) -> list[str]:
    """The figure names to export: ``only`` checked against the registry (default: all)."""
    names = [e.name for e in ENTRIES]
    unknown = [n for n in (only or []) if n not in names]
    if unknown:
        raise OssetiaError(None, f"unknown figure name(s) {', '.join(unknown)}; known: {', '.join(names)}")
    return list(only or names)


def figure_parts(names: list[str], preset=None, bare: bool = False, seeds: str | Path | None = None) -> list[Part]:
    """Draw the figures ``names`` for ``preset`` (split where it cannot hold a figure whole),
    with their texts, evidence ids, rows drawn and credit line. Each part of a split figure has
    its own texts, built from the tables of that part: its title ends with '(i/n: label)', its
    caption with and its alt text opens with :func:`ossetia.plots.index.part_note`."""
    from .index import credit_line, figure_rows, part_note

    P = presets.preset(preset)
    data = _load(None if seeds is None else Path(seeds).resolve())
    out = []
    for e in ENTRIES:
        if e.name not in names:
            continue
        splits = (e.parts(data, P) if e.parts else None) or [("", None)]
        for i, (what, select) in enumerate(splits, 1):
            label = f"{i}/{len(splits)}: {what}" if select else ""
            d = select(data) if select else data
            with presets.use(P, bare=bare, part=label):
                fig = e.build(d)
            ids = e.evidence(d)
            rows = figure_rows(ids, data)

            def text(t, d=d):
                return t if isinstance(t, str) else t(d)
            title, caption, alt = text(e.title), text(e.caption), text(e.alt)
            if label:
                note = part_note(i, len(splits), what, rows)
                title, caption, alt = f"{title} ({label})", f"{caption} {note}.", f"{note}. {alt}"
            out.append(Part(f"{e.name}-{i}" if label else e.name, e.name, title, caption, alt, fig,
                            ids, rows, credit_line(rows), source_line(fig)))
    return out


def export_figures(out: str | Path | None = None, formats: list[str] | None = None,
                   only: list[str] | None = None, seeds: str | Path | None = None, preset=None,
                   bare: bool = False, svg_text: str = "text") -> list[Path]:
    """Write the registered figures for ``preset`` (print, slide or memo; default print), each
    with ``NAME.csv`` (the rows drawn), and ``index.csv`` + ``README.md`` describing the figures
    in the folder. ``bare`` leaves out the built-in title and source line. Validates every
    argument and draws and renders everything before writing anything.

    Returns:
        The paths written.
    """
    from .index import data_csv, merge_index, write_index

    out = FIGURES_DIR if out is None else Path(out)
    formats = list(formats or FORMATS)
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise OssetiaError(None, f"unknown format(s) {', '.join(bad)}; choose from {', '.join(FORMATS)}")
    P = presets.preset(preset)
    if svg_text not in SVG_TEXT:
        raise OssetiaError(None, f"unknown SVG text mode {svg_text!r}; choose from {', '.join(SVG_TEXT)}")
    names = check_names(only, seeds)
    if out.exists() and not out.is_dir():
        raise OssetiaError(rel(out), "is a file, not a folder")
    parent = next((p for p in [out, *out.parents] if p.exists()), None)
    if parent is None or not os.access(parent, os.W_OK):
        raise OssetiaError(rel(out), "output folder is not writable")
    files: dict[str, bytes] = {}
    entries = []
    for part in figure_parts(names, P, bare, seeds):
        own = []
        for fmt in formats:
            files[f"{part.name}.{fmt}"] = render(part.fig, fmt, svg_text=svg_text)
            own.append(f"{part.name}.{fmt}")
        files[f"{part.name}.csv"] = data_csv(part.rows).encode("utf-8")
        own.append(f"{part.name}.csv")
        entries.append({"name": part.name, "title": part.title, "short_caption": part.short_caption,
                        "caption": part.caption, "alt_text": part.alt, "credit": part.credit, "sources": part.sources,
                        "evidence": " ".join(part.evidence), "preset": P.name + (" bare" if bare else ""),
                        "files": " ".join(own)})
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OssetiaError(rel(out), f"cannot create the output folder ({e.strerror})") from None
    if not os.access(out, os.W_OK):
        raise OssetiaError(rel(out), "output folder is not writable")
    written: list[Path] = []
    for name, data in files.items():
        atomic_write_bytes(out / name, data)
        written.append(out / name)
    folder = seeds_dir(seeds)
    command = ("ossetia figures" + ("" if is_reference(folder) else f" --seeds {folder.resolve().name}")
               + f" --preset {P.name}" + (" --bare" if bare else ""))
    written += write_index(out, merge_index(out, entries), command, seeds_file("", seeds))
    return written
