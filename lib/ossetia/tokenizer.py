"""Token spans of a whole text at once, with numpy: exactly the tokens of ``textstats.TOKEN``.

``TOKEN`` is ``L+(J1 L+)* | D+(J2 D+)* L*`` where L is a letter (``[^\\W\\d_]``), D a decimal
digit (``\\d``), J1 one of ``' ’ -`` and J2 one of ``. ,``. Scanning left to right, a token
starts at each letter or digit that does not continue the token before it; a character
continues it when it is

- a letter after a letter, or after a digit (the letters that end a number: ``1990s``);
- a digit after a digit;
- a J2 between two digits, or a digit right after such a J2 (``3.5``, ``1,000``);
- a J1 between two letters when the letters before it do not end a number (``state's``;
  but ``3a'b`` is ``3a`` then ``b``), or a letter right after such a J1.

The classes come from the regular expressions themselves (a table over the Basic
Multilingual Plane; characters beyond it are classified one by one), so the spans are those
of ``[m.span() for m in TOKEN.finditer(text)]`` (a property test checks this)."""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

_OTHER, _LETTER, _DIGIT, _J1, _J2 = range(5)


def _classify(chars: str) -> np.ndarray:
    out = np.zeros(len(chars), dtype=np.uint8)
    for rx, k in ((r"[^\W\d_]", _LETTER), (r"\d", _DIGIT), (r"['\u2019-]", _J1), (r"[.,]", _J2)):
        out[[m.start() for m in re.finditer(rx, chars)]] = k
    return out


@lru_cache(maxsize=1)
def _table() -> np.ndarray:
    """The class of every code point below 0x10000."""
    return _classify("".join(map(chr, range(0x10000))))


def _classes(text: str, cp: np.ndarray) -> np.ndarray:
    big = cp >= 0x10000
    if not big.any():
        return _table()[cp]
    k = np.zeros(cp.size, dtype=np.uint8)
    k[~big] = _table()[cp[~big]]
    where = np.flatnonzero(big)
    k[where] = _classify("".join(text[i] for i in where))
    return k


def _scan(text: str, cp: np.ndarray | None = None, kept: bool = True) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """Token starts, ends and (when ``kept``) the code points of ``text`` with every character
    outside a token replaced by a space. ``cp``: the code points of ``text``, if the caller has them."""
    n = len(text)
    if cp is None:
        cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    pad = np.zeros(n + 2, dtype=np.uint8)
    pad[1:-1] = _classes(text, cp)
    prev, cur, nxt = pad[:-2], pad[1:-1], pad[2:]
    letter, digit = cur == _LETTER, cur == _DIGIT
    p_letter, p_digit = prev == _LETTER, prev == _DIGIT
    # letter runs that start right after a digit end a number token
    run_start = letter & ~p_letter
    run = np.cumsum(run_start, dtype=np.int32)
    number_run = np.zeros(int(run[-1]) + 1, dtype=bool)
    number_run[run[run_start & p_digit]] = True
    ends_number = np.zeros(n, dtype=bool)
    ends_number[1:] = (letter & number_run[run])[:-1]
    j2 = (cur == _J2) & p_digit & (nxt == _DIGIT)
    j1 = (cur == _J1) & p_letter & (nxt == _LETTER) & ~ends_number
    after_joiner = np.zeros(n, dtype=bool)
    after_joiner[1:] = (j1 | j2)[:-1]
    cont = (letter & (p_letter | p_digit | after_joiner)) | (digit & (p_digit | after_joiner)) | j1 | j2
    starts = np.flatnonzero((letter | digit) & ~cont)
    cont_next = np.zeros(n, dtype=bool)
    cont_next[:-1] = cont[1:]
    inside = letter | digit | j1 | j2
    ends = np.flatnonzero(inside & ~cont_next) + 1
    return starts, ends, np.where(inside, cp, np.uint32(32)) if kept else None


def token_spans(text: str, cp: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Start and end (exclusive) offsets of every token of ``text``, as int64 arrays.
    ``cp``: the code points of ``text``, if the caller has them."""
    if not text:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    starts, ends, _ = _scan(text, cp, kept=False)
    return starts, ends


def tokens_of(text: str, cp: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Starts, ends and the tokens themselves (``TOKEN.findall(text)``). The tokens are read
    by blanking every character outside a token and splitting on blanks, unless two tokens
    touch (``COVID19``: then they are sliced one by one). ``cp``: the code points of ``text``,
    if the caller has them."""
    if not text:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), []
    starts, ends, kept = _scan(text, cp)
    if len(starts) > 1 and (starts[1:] == ends[:-1]).any():
        return starts, ends, [text[a:b] for a, b in zip(starts.tolist(), ends.tolist())]
    return starts, ends, kept.tobytes().decode("utf-32-le", "surrogatepass").split()
