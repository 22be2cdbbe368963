"""Finding a reviewer's quote in its raw file, and the selector columns for the place found.

A quote is placed, in this order: where its ``start``/``end`` say, when the text there is the
quote; inside that span (the candidate's sentence) when the reviewer shortened it; by its
``prefix``/``suffix`` (a W3C TextQuoteSelector: the text right before and after) or by a
search of the whole document that must find it exactly once, when there are no offsets. The
``sentence`` column is context for the reader only (a spreadsheet may alter it). A quote
typed by hand may differ from the file in line breaks, runs of spaces and straight versus
typographic quotes or dashes; it is then stored as the file has it.
"""

from __future__ import annotations

import re

from .evidence import anchor

_FLEX = {"'": "['\u2018\u2019]", "\u2018": "['\u2018\u2019]", "\u2019": "['\u2018\u2019]",
         '"': '["\u201c\u201d]', "\u201c": '["\u201c\u201d]', "\u201d": '["\u201c\u201d]',
         "-": "[-\u2013\u2014]", "\u2013": "[-\u2013\u2014]", "\u2014": "[-\u2013\u2014]"}


def _pattern(quote: str) -> re.Pattern:
    """The quote with any whitespace run matching any whitespace run, and quote marks and
    dashes matching their typographic forms."""
    out = []
    for tok in re.split(r"(\s+)", quote):
        if not tok:
            continue
        out.append(r"\s+" if tok.isspace() else "".join(_FLEX.get(ch, re.escape(ch)) for ch in tok))
    return re.compile("".join(out))


def find_all(raw: str, quote: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Every place of ``quote`` in ``raw[lo:hi]`` as (start, end) in ``raw``: verbatim places
    (overlapping ones too) or, when there are none, the flexible places of :func:`_pattern`."""
    hi = len(raw) if hi is None else hi
    out, i = [], raw.find(quote, lo, hi)
    while i >= 0:
        out.append((i, i + len(quote)))
        i = raw.find(quote, i + 1, hi)
    if not out and quote.strip():
        out = [(m.start(), m.end()) for m in _pattern(quote).finditer(raw, lo, hi)]
    return out


def _int(value) -> int | None:
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def locate(raw: str, row: dict) -> tuple[int, int]:
    """(start, end) of the row's quote in ``raw``; ValueError with the reason when there is no
    single place."""
    exact = row.get("exact", "")
    if not exact.strip():
        raise ValueError("exact is empty")
    if exact != exact.strip():
        exact = exact.strip()
    s, e = _int(row.get("start", "")), _int(row.get("end", ""))
    short = exact if len(exact) <= 60 else exact[:57] + "..."
    if s is not None and e is not None and 0 <= s < e <= len(raw):
        if raw[s:e] == exact:
            return s, e
        hits = find_all(raw, exact, s, e)
        if len(hits) == 1:
            return hits[0]
        where = f"in its sentence ({s}-{e})"
        if not hits:
            raise ValueError(f"quote '{short}' is not {where}")
        raise ValueError(f"quote '{short}' is found {len(hits)} times {where}; quote more words")
    elif (s is None) != (e is None) or (s is not None and not 0 <= s < e <= len(raw)):
        raise ValueError(f"start/end '{row.get('start', '')}'/'{row.get('end', '')}' are not a span "
                         f"of the file ({len(raw)} characters); give both or neither")
    hits = find_all(raw, exact)
    if not hits:
        raise ValueError(f"quote '{short}' is not in the document")
    pre, suf = row.get("prefix", ""), row.get("suffix", "")
    if len(hits) > 1 and (pre or suf):
        hits = [(a, b) for a, b in hits if raw[:a].endswith(pre) and raw[b:].startswith(suf)]
        if not hits:
            raise ValueError(f"quote '{short}' is in the document, but not with this prefix/suffix")
    if len(hits) > 1:
        raise ValueError(f"quote '{short}' is found {len(hits)} times in the document (at "
                         f"{', '.join(str(a) for a, _ in hits[:5])}); give a prefix or suffix, "
                         "or quote more words")
    return hits[0]


def selector(raw: str, start: int, end: int) -> dict:
    """``exact``/``prefix``/``suffix``/``start``/``end`` for ``raw[start:end]``, computed by
    :func:`ossetia.evidence.anchor` (the project's one anchoring rule)."""
    exact = raw[start:end]
    occurrence, i = 0, -1
    while True:
        i = raw.find(exact, i + 1)
        if i < 0 or i > start:
            break
        occurrence += 1
    sel = anchor(raw, exact, occurrence)
    assert (sel["start"], sel["end"]) == (start, end)
    return sel
