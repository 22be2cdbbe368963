"""Sentence splitting: the spans of the sentences of a paragraph, without copying it."""

from __future__ import annotations

import re

# A full stop after one of these does not end a sentence.
ABBREVIATIONS = frozenset(
    "U.S U.N U.K E.U Mr Mrs Ms Dr Prof St Gen Gov Sen Rep Lt Col Jan Feb Mar Apr Jun Jul Aug "
    "Sep Sept Oct Nov Dec No vs etc approx".split()
)
_BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]*[A-Z0-9])")


#: The run of letters and full stops that ends where a match of this on the *reversed*
#: paragraph starts is the word before a full stop (see _split).
_RUN = re.compile(r"[A-Za-z.]*")


def _split(par: str) -> list[tuple[int, int]]:
    """Sentence spans within one paragraph (see :func:`_split_text`)."""
    return _split_text(par, ((0, len(par)),))


def _split_text(text: str, bounds) -> list[tuple[int, int]]:
    """Sentence spans, in ``text`` offsets, of the paragraphs ``text[a:b]`` for each ``(a, b)``
    of ``bounds``: the same as ``_split(text[a:b])`` shifted by ``a``, paragraph after
    paragraph, without copying the paragraphs (``finditer(text, a, b)`` sees ``text`` as if it
    ended at ``b``, and ``_BOUNDARY`` has no look-behind or anchor that could see before ``a``).

    A full stop ends no sentence when the word before it (the run of letters and full stops
    right before it, within the current sentence, trailing full stops dropped) is in
    ABBREVIATIONS or a single capital letter. That run is found without copying the sentence:
    it is a match of ``_RUN`` on the reversed text, starting at the character before the
    full stop and stopping at the sentence start."""
    spans, n = [], len(text)
    rev = None
    finditer = _BOUNDARY.finditer
    for a, b in bounds:
        start = a
        for m in finditer(text, a, b):
            j = m.start()
            if text[j] == ".":
                if rev is None:
                    rev = text[::-1]
                k = _RUN.match(rev, n - j, n - start).end() - (n - j)  # rev[n - j] is text[j - 1]
                if k:
                    w = text[j - k:j].rstrip(".")
                    if w in ABBREVIATIONS or (len(w) == 1 and "A" <= w <= "Z"):
                        continue
            end = m.end()
            spans.append((start, end))
            start = end
            while start < b and text[start] == " ":
                start += 1
        if start < b:
            spans.append((start, b))
    return spans
