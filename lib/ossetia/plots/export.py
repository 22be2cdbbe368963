"""The registry of briefing figures and their export (``ossetia figures`` / ``make figures``).

Each figure has a name, a builder (the same plotting function the notebooks call), a title,
caption, alt text and the evidence it shows (claim ids, number ids, reference rows); the
entries live beside their draw functions in the figure modules and are collected here, in
gallery order. Export writes PNG (300 dpi), SVG and PDF byte-reproducibly, plus ``index.csv``
and a README gallery.
"""

from __future__ import annotations

import csv
import io
import os
from functools import lru_cache
from pathlib import Path

from matplotlib.figure import Figure

from ..corpus import load_corpus
from ..errors import OssetiaError
from ..evidence import load_claims, load_numbers, load_reference
from ..fileio import atomic_write_bytes, atomic_write_text
from ..paths import FIGURES_DIR, rel
from . import corpus, kosovo, recognition, referendums
from .entry import Briefing, Entry
from .style import house_style, source_line

__all__ = ["FORMATS", "Briefing", "ENTRIES", "briefings", "export_figures", "index_rows", "registry", "render"]

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


def render(fig: Figure, fmt: str) -> bytes:
    buf = io.BytesIO()
    with house_style():  # svg.hashsalt, font types etc. are read when saving
        fig.savefig(buf, format=fmt, dpi=300, metadata=_META[fmt])
    return buf.getvalue()


def export_figures(out: str | Path | None = None, formats: list[str] | None = None,
                   only: list[str] | None = None, seeds: str | Path | None = None) -> list[Path]:
    """Write the registered figures. Validates every argument before writing anything."""
    out = FIGURES_DIR if out is None else Path(out)
    formats = list(formats or FORMATS)
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise OssetiaError(None, f"unknown format(s) {', '.join(bad)}; choose from {', '.join(FORMATS)}")
    reg = registry(seeds)
    unknown = [n for n in (only or []) if n not in reg]
    if unknown:
        raise OssetiaError(None, f"unknown figure name(s) {', '.join(unknown)}; known: {', '.join(reg)}")
    if out.exists() and not out.is_dir():
        raise OssetiaError(rel(out), "is a file, not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OssetiaError(rel(out), f"cannot create the output folder ({e.strerror})") from None
    if not os.access(out, os.W_OK):
        raise OssetiaError(rel(out), "output folder is not writable")
    names = only or list(reg)
    written: list[Path] = []
    sources: dict[str, str] = {}
    for name in names:
        b = reg[name]
        fig = b.build()
        sources[name] = source_line(fig)
        for fmt in formats:
            path = out / f"{name}.{fmt}"
            atomic_write_bytes(path, render(fig, fmt))
            written.append(path)
    if not only and formats == list(FORMATS):  # the index describes the complete set only
        written += _write_index(out, reg, sources)
    return written


def index_rows(reg: dict[str, Briefing], sources: dict[str, str]) -> list[dict]:
    """One row per figure; ``sources`` is each figure's source line as drawn."""
    return [{"name": b.name, "title": b.title, "caption": b.caption, "alt_text": b.alt,
             "sources": sources[b.name], "evidence": " ".join(b.evidence()),
             "files": " ".join(f"{b.name}.{f}" for f in FORMATS)} for b in reg.values()]


def _write_index(out: Path, reg: dict[str, Briefing], sources: dict[str, str]) -> list[Path]:
    rows = index_rows(reg, sources)
    buf = io.StringIO()
    w = csv.DictWriter(buf, list(rows[0]), lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    atomic_write_text(out / "index.csv", buf.getvalue())
    lines = ["# Briefing figures", "",
             "Generated by `make figures` (`ossetia figures`) from the evidence tables in `seeds/`; "
             "do not edit by hand. Each figure comes as PNG (300 dpi), SVG and PDF (text stays "
             "text, fonts embedded). `index.csv` lists the same information in a table.", ""]
    for r in rows:
        lines += [f"## {r['title']}", "", f"![{r['alt_text']}]({r['name']}.png)", "",
                  f"**{r['name']}**: {r['caption']}", "", f"*Sources:* {r['sources']}", "",
                  f"*Evidence shown:* {r['evidence']}", "",
                  f"Files: [PNG]({r['name']}.png) · [SVG]({r['name']}.svg) · [PDF]({r['name']}.pdf)", ""]
    atomic_write_text(out / "README.md", "\n".join(lines))
    return [out / "index.csv", out / "README.md"]
