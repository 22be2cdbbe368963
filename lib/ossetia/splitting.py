"""Sentence splitting: the spans of the sentences of many paragraphs at once.

A sentence ends at a ``.``, ``!`` or ``?`` (and the closing quotes and brackets right after
it) that is followed by whitespace and then, past any opening quotes or brackets, a capital
letter or a digit (``_BOUNDARY``). A full stop ends no sentence when the word before it (the
run of letters and full stops right before it, trailing full stops dropped) is in
ABBREVIATIONS or is a single capital letter. A new sentence starts past the spaces after the
end of the one before.

The paragraphs are split together: joined by a control character that is in none of them
(no rule can match it, so the regular expression sees each paragraph as if it ended there),
one scan finds every candidate boundary, and numpy does the rest."""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

# A full stop after one of these does not end a sentence.
ABBREVIATIONS = frozenset(
    "U.S U.N U.K E.U Mr Mrs Ms Dr Prof St Gen Gov Sen Rep Lt Col Jan Feb Mar Apr Jun Jul Aug "
    "Sep Sept Oct Nov Dec No vs etc approx".split()
)
_LONGEST = max(map(len, ABBREVIATIONS))
_BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]*[A-Z0-9])")
#: Joiners for paragraphs: control characters that are neither whitespace nor in any class
#: of _BOUNDARY (nor token characters, for the tokenizer); the first one in none of the
#: paragraphs is used.
JOINERS = "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b"
_DOT, _SPACE = ord("."), ord(" ")


def joiner(pieces) -> str | None:
    """A character of JOINERS that is in none of ``pieces`` (strings), or None."""
    for c in JOINERS:
        if not any(c in p for p in pieces):
            return c
    return None


def code_points(text: str) -> np.ndarray:
    """The code points of ``text`` as a uint32 array (lone surrogates kept)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


@lru_cache(maxsize=1)
def _table() -> np.ndarray:
    """The class of every code point below 0x10000 for _BOUNDARY, from its own character classes."""
    chars = "".join(map(chr, range(0x10000)))
    out = np.zeros(len(chars), dtype=np.uint8)
    for rx, k in ((r"\s", _WS), (r"[.!?]", _END), (r"[\"'\u201d\u2019)\]]", _CLOSE),
                  (r"[\"'\u201c\u2018(\[]", _OPEN), (r"[A-Z0-9]", _CAP), (r"[A-Za-z.]", _RUN_CHAR)):
        out[[m.start() for m in re.finditer(rx, chars)]] |= k
    return out


_WS, _END, _CLOSE, _OPEN, _CAP, _RUN_CHAR = 1, 2, 4, 8, 16, 32


def _next_not(mask: np.ndarray, at: np.ndarray) -> np.ndarray:
    """For each index of ``at``, the first index >= it where ``mask`` is False (len(mask) if none).

    The runs it skips are short (closing quotes, the space after a full stop), so it steps
    forward over them, a few times, on the indices still inside a run; what is left after
    that is looked up among all the indices where ``mask`` is False (exact for any run, but
    a pass over the whole text)."""
    out = np.array(at, dtype=np.int64)
    pad = np.append(mask, False)  # (stop at the end)
    act = np.flatnonzero(pad[out])
    for _ in range(_STEPS):
        if not act.size:
            return out
        out[act] += 1
        act = act[pad[out[act]]]
    if act.size:
        false = np.flatnonzero(~pad)  # (ends with len(mask))
        out[act] = false[np.searchsorted(false, out[act])]
    return out


_STEPS = 4


def _word_start(run: np.ndarray, at: np.ndarray) -> np.ndarray:
    """For each index of ``at``, the start of the run of ``run`` characters that ends right
    before it: one past the last index < it where ``run`` is False (0 if none). Steps back
    over a word's length a few times, then looks the rest up exactly (see :func:`_next_not`)."""
    out = np.array(at, dtype=np.int64)
    act = np.flatnonzero(out > 0)
    act = act[run[out[act] - 1]]
    for _ in range(4 * _STEPS):
        if not act.size:
            return out
        out[act] -= 1
        act = act[out[act] > 0]
        act = act[run[out[act] - 1]]
    if act.size:
        false = np.flatnonzero(~run)
        k = np.searchsorted(false, out[act]) - 1
        out[act] = np.where(k >= 0, false[np.maximum(k, 0)] + 1, 0)
    return out


def _candidates(cp: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Start and end of every match of ``_BOUNDARY`` (what ``finditer`` finds), with numpy,
    and the classes of every character: a sentence-final mark, the longest run of closing
    quotes and brackets after it, then whitespace, opening quotes or brackets and a capital
    or digit. (Matches cannot overlap: a run of closing characters holds no final mark; and
    giving back a closing character never helps, since the look-ahead needs whitespace next.)"""
    if not cp.size:
        z = np.zeros(0, dtype=np.int64)
        return z, z, np.zeros(0, dtype=np.uint8)
    k = _table()[np.minimum(cp, 0xFFFF)]
    if cp.size and cp.max() > 0xFFFF:  # (code points past the BMP are in none of the classes)
        k[cp > 0xFFFF] = 0
    j = np.flatnonzero(k & _END)
    e = _next_not((k & _CLOSE) > 0, j + 1)
    ws_end = _next_not((k & _WS) > 0, e)
    ok = ws_end > e
    op_end = _next_not((k & _OPEN) > 0, np.minimum(ws_end, cp.size))
    pad = np.append(k, 0)
    ok &= (pad[op_end] & _CAP) > 0
    return j[ok].astype(np.int64), e[ok].astype(np.int64), k


def split_joined(joined: str, seg_start: np.ndarray, seg_end: np.ndarray,
                 cp: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The sentences of the paragraphs ``joined[seg_start[i]:seg_end[i]]`` of a text in which
    the paragraphs are separated by a character no rule matches (see :func:`joiner`): start,
    end (exclusive) and paragraph index of each sentence, in text order (int64 arrays).
    ``cp``: the code points of ``joined``, if the caller has them."""
    seg_start = np.asarray(seg_start, dtype=np.int64)
    seg_end = np.asarray(seg_end, dtype=np.int64)
    empty = np.zeros(0, dtype=np.int64)
    if not len(seg_start):
        return empty, empty, empty
    if cp is None:
        cp = code_points(joined)
    j, e, k = _candidates(cp)
    if j.size:
        # the word before each full stop: the run of letters and full stops ending at j - 1
        # (after the last character outside such a run), its trailing full stops dropped
        is_dot = cp[j] == _DOT
        w_start = _word_start((k & _RUN_CHAR) > 0, j)
        w_end = j.copy()
        while True:
            trail = np.flatnonzero((w_end > w_start) & (cp[np.maximum(w_end - 1, 0)] == _DOT))
            if not trail.size:
                break
            w_end[trail] -= 1
        w_len = w_end - w_start
        first = cp[np.minimum(w_start, cp.size - 1)]
        abbrev = is_dot & (w_len == 1) & (first >= ord("A")) & (first <= ord("Z"))
        ask = np.flatnonzero(is_dot & ~abbrev & (w_len > 1) & (w_len <= _LONGEST))
        if ask.size:
            abbrev[ask] = [joined[a:b] in ABBREVIATIONS for a, b in zip(w_start[ask].tolist(), w_end[ask].tolist())]
        keep = ~abbrev
        j, e = j[keep], e[keep]
    # past the spaces after a boundary
    nxt = _next_not(cp == _SPACE, e)
    par = np.searchsorted(seg_start, j, side="right") - 1
    nxt = np.minimum(nxt, seg_end[par]) if e.size else e
    # each boundary ends a sentence that starts where the one before it in its paragraph
    # ended (past spaces), or at the paragraph's start
    first = np.ones(par.size, dtype=bool)
    first[1:] = par[1:] != par[:-1]
    starts = np.empty_like(e)
    starts[first] = seg_start[par[first]]
    starts[~first] = nxt[np.flatnonzero(~first) - 1]
    # and after the last boundary of a paragraph (or in one without any), what remains
    last = np.ones(par.size, dtype=bool)
    last[:-1] = par[1:] != par[:-1]
    tail_start = seg_start.copy()
    tail_start[par[last]] = nxt[last]
    has_tail = tail_start < seg_end
    all_start = np.concatenate([starts, tail_start[has_tail]])
    all_end = np.concatenate([e, seg_end[has_tail]])
    all_par = np.concatenate([par, np.flatnonzero(has_tail)])
    order = np.lexsort((all_start, all_par))
    return all_start[order], all_end[order], all_par[order]


def sentence_spans(text: str, bounds) -> np.ndarray:
    """(s, 3) int64: start, end and paragraph index (from 0) of the sentences of the
    paragraphs ``text[a:b]`` for each ``(a, b)`` of ``bounds``, in ``text`` offsets."""
    bounds = np.asarray(bounds, dtype=np.int64).reshape(-1, 2)
    out = np.zeros((0, 3), dtype=np.int64)
    if not len(bounds):
        return out
    pieces = [text[a:b] for a, b in bounds.tolist()]
    sep = joiner(pieces)
    if sep is None:  # every joiner occurs in the text: one paragraph at a time (needing none)
        rows = []
        for k, (piece, (a, _)) in enumerate(zip(pieces, bounds.tolist())):
            s, e, _ = split_joined(piece, np.zeros(1, np.int64), np.full(1, len(piece), np.int64))
            rows.append(np.stack([s + a, e + a, np.full(s.size, k)], axis=1))
        return np.concatenate(rows)
    lengths = bounds[:, 1] - bounds[:, 0]
    seg_start = np.zeros(len(bounds), dtype=np.int64)
    seg_start[1:] = np.cumsum(lengths + 1)[:-1]
    s, e, p = split_joined(sep.join(pieces), seg_start, seg_start + lengths)
    shift = bounds[p, 0] - seg_start[p]
    return np.stack([s + shift, e + shift, p], axis=1)


def _split_text(text: str, bounds) -> list[tuple[int, int]]:
    """Sentence spans, in ``text`` offsets, of the paragraphs ``text[a:b]`` for each ``(a, b)``
    of ``bounds``, paragraph after paragraph (see :func:`sentence_spans`)."""
    return [(a, b) for a, b, _ in sentence_spans(text, bounds).tolist()]


def _split(par: str) -> list[tuple[int, int]]:
    """Sentence spans within one paragraph."""
    return _split_text(par, ((0, len(par)),))
