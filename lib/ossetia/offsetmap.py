"""The offset map of a normalised text: the raw offset of every text character (numpy)."""

from __future__ import annotations

import numpy as np

#: between paragraphs of the normalised text
SEPARATOR = "\n\n"
#: Every character str.isspace() accepts, and the byte-order mark: folded like whitespace.
_WS_CHARS = "".join(chr(c) for c in range(0x3001) if chr(c).isspace()) + "\ufeff"
_WS_LUT = np.zeros(0x10000, dtype=bool)
_WS_LUT[[ord(c) for c in _WS_CHARS]] = True


def _offset_map(raw: str, paragraphs: list) -> np.ndarray:
    """The raw offset of every text character, for all paragraphs at once: the characters kept
    by whitespace folding inside the paragraphs' raw spans, with -1 for the separators.

    The general form: a keep mask over the whole raw file (see :func:`_keep_mask`). When no
    paragraph lost a character to folding (the usual case: single spaces only), each paragraph
    maps to a contiguous raw range, and the map is built by :func:`_offset_map_contiguous`
    in a handful of numpy calls instead."""
    if not paragraphs:
        return np.zeros(0, dtype=np.int32)
    body = np.zeros(len(raw), dtype=bool)
    for p in paragraphs:
        body[p.start:p.end] = True
    idx = np.flatnonzero(_keep_mask(raw) & body).astype(np.int32)
    ends = np.array([p.t_end - k * len(SEPARATOR) for k, p in enumerate(paragraphs[:-1])], dtype=np.intp)
    cuts = np.repeat(ends, len(SEPARATOR))
    return np.insert(idx, cuts, -1)


def _offset_map_contiguous(shifts: list[int], lengths: list[int], n_text: int) -> np.ndarray:
    """:func:`_offset_map` for paragraphs whose text is as long as their raw span, so that
    ``text[t_start + i]`` comes from ``raw[start + i]``: the map is ``arange(n_text)`` plus a
    shift repeated over each paragraph (``start - t_start``) and over each separator character
    (whatever makes it -1). ``shifts`` and ``lengths`` hold these runs in text order (built as
    the paragraphs are added, see :func:`normalise`)."""
    omap = np.array(shifts, dtype=np.int32).repeat(lengths)
    omap += np.arange(n_text, dtype=np.int32)
    return omap


def _keep_mask(raw: str) -> np.ndarray:
    """True for characters that survive whitespace folding: non-space characters and the
    first character of each whitespace run (it becomes the single space)."""
    cps = np.frombuffer(raw.encode("utf-32-le"), dtype=np.uint32)
    ws = np.zeros(cps.size, dtype=bool)
    bmp = cps < 0x10000
    ws[bmp] = _WS_LUT[cps[bmp]]
    prev = np.empty_like(ws)
    if ws.size:
        prev[0] = False
        prev[1:] = ws[:-1]
    return ~ws | ~prev
