"""The record of a normalised article (:func:`ossetia.normalise.normalise` makes it): its
text, paragraphs, removals and offset map, and how quotes are found in it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .offsetmap import _offset_map, _offset_map_contiguous

# Folding for matching: one character for one character, so folded offsets are text offsets.
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\ufeff": " ",
})
_WS = re.compile(r"\s+")
_WS_RUN = re.compile(r"[\s\ufeff]+")
@dataclass(frozen=True)
class Removal:
    """A piece of the raw file left out of the body text, and the rule that left it out."""
    line: int
    start: int
    end: int
    role: str
    rule_id: str
    raw: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the body text: ``text[t_start:t_end]``, from raw ``[start, end)``."""
    t_start: int
    t_end: int
    start: int
    end: int
    part: str
    role: str  # body or heading


_PARAGRAPH_FIELDS = ("t_start", "t_end", "start", "end", "part", "role")
_REMOVAL_FIELDS = ("line", "start", "end", "role", "rule_id", "raw")


class Normalised:
    """One article, normalised: ``raw``, the body ``text``, the recognised ``fields`` (title,
    byline, dateline, caption) and their raw ``field_spans``; ``paragraphs`` (a list of
    :class:`Paragraph`), ``removed`` (a list of :class:`Removal`) and ``omap`` (int32: the raw
    offset of each text character, -1 for paragraph separators).

    ``spans`` holds each paragraph as a plain tuple (``t_start, t_end, start, end, part,
    role``); the :class:`Paragraph` and :class:`Removal` objects and the offset map (four
    bytes per character) are built the first time they are asked for, so loading a large
    corpus, which needs only the text and the paragraph spans, makes none of them. ``plain``:
    every paragraph's text is exactly its raw span (no whitespace was folded)."""

    def __init__(self, raw: str, text: str, spans: list[tuple], removed: list[tuple],
                 fields: dict[str, str], field_spans: dict[str, tuple[int, int]], contiguous: bool, plain: bool):
        self.raw, self.text = raw, text
        self.spans = spans
        self._removed = removed
        self.fields, self.field_spans = fields, field_spans
        self._contiguous = contiguous
        self.plain = plain

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        return [_frozen(Paragraph, dict(zip(_PARAGRAPH_FIELDS, t))) for t in self.spans]

    @cached_property
    def removed(self) -> list[Removal]:
        return [_frozen(Removal, dict(zip(_REMOVAL_FIELDS, t))) for t in self._removed]

    @cached_property
    def omap(self) -> np.ndarray:
        if not (self.spans and self._contiguous):
            return _offset_map(self.raw, self.paragraphs)
        shifts: list[int] = []
        lengths: list[int] = []
        for k, (ts, te, a, *_) in enumerate(self.spans):
            if k:  # the separator's characters (text offsets ts - 2, ts - 1) map to -1
                shifts += (1 - ts, -ts)
                lengths += (1, 1)
            shifts.append(a - ts)
            lengths.append(te - ts)
        return _offset_map_contiguous(shifts, lengths, len(self.text))

    # -- offsets ----------------------------------------------------------------------
    def to_raw(self, t_start: int, t_end: int) -> tuple[int, int]:
        """Map a text span ``[t_start, t_end)`` to the raw span that produced it."""
        if not 0 <= t_start < t_end <= len(self.text):
            raise ValueError(f"span [{t_start}, {t_end}) is not inside the text")
        while t_start < t_end and self.omap[t_start] < 0:
            t_start += 1
        while t_end > t_start and self.omap[t_end - 1] < 0:
            t_end -= 1
        if t_start == t_end:
            raise ValueError("span holds only paragraph separators")
        return int(self.omap[t_start]), int(self.omap[t_end - 1]) + 1

    def from_raw(self, start: int, end: int) -> tuple[int, int] | None:
        """The text span covering raw ``[start, end)``, or None if none of it is body text."""
        idx = np.flatnonzero(self.omap >= 0)
        pos = self.omap[idx]
        a, b = np.searchsorted(pos, start), np.searchsorted(pos, end)
        if a >= b:
            return None
        return int(idx[a]), int(idx[b - 1]) + 1

    def find(self, quote: str, start: int = 0) -> tuple[int, int] | None:
        """Find a quote (e.g. copied from the raw file) in the text, ignoring differences of
        whitespace and typographic quotes and dashes. Returns the text span or None."""
        needle = _WS.sub(" ", quote.replace("\ufeff", " ").strip())
        if not needle:
            return None
        i = self.text.find(needle, start)  # an exact match wins over a folded one
        if i < 0:
            i = fold(self.text).find(fold(needle), start)
        return None if i < 0 else (i, i + len(needle))

    def raw_part_at(self, raw_pos: int) -> str:
        """The part a raw offset belongs to: a field name (title, caption…) or a body part."""
        for name, (a, b) in self.field_spans.items():
            if a <= raw_pos < b:
                return "headline" if name == "title" else name
        for p in self.paragraphs:
            if p.start <= raw_pos < p.end:
                return p.part
        return "removed"


def fold(s: str) -> str:
    """Fold typographic quotes, dashes and odd spaces to ASCII, one character for one."""
    return s.translate(_FOLD)


def _frozen(cls, values: dict):
    """``cls(**values)`` for a frozen dataclass, three times as fast: its ``__init__`` sets each
    field through ``object.__setattr__``; giving the new instance the dict of its fields (in
    field order) makes the same object (equal, same hash, repr and pickle)."""
    obj = _new(cls)
    _setattr(obj, "__dict__", values)
    return obj


_new, _setattr = object.__new__, object.__setattr__
