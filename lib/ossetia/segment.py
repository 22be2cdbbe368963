"""Paragraphs and sentences, each carrying its document variables and raw-file offsets."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .layout import layouts
from .normalise import of_row

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


_DOCVARS = ["doc_id", "outlet", "published"]


def paragraphs(corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per paragraph: document variables, ``part``, ``role``, ``text`` and raw ``start``/``end``."""
    rows = []
    for r in corpus.itertuples():
        n = of_row(corpus, r)
        for k, p in enumerate(n.paragraphs, start=1):
            rows.append({**{c: getattr(r, c) for c in _DOCVARS}, "par": k, "part": p.part,
                         "role": p.role, "text": n.text[p.t_start:p.t_end],
                         "start": p.start, "end": p.end})
    return pd.DataFrame(rows, columns=_DOCVARS + ["par", "part", "role", "text", "start", "end"])


def sentences(corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence: document variables, ``sent_id`` (``000-s01``), ``par``, ``part``,
    ``text`` (normalised) and ``start``/``end`` (raw-file offsets, end exclusive)."""
    cols: dict[str, list] = {c: [] for c in ["doc_id", "outlet", "sent_id", "par", "part", "text", "start", "end"]}
    counts = []
    for r, lay in zip(corpus.itertuples(), layouts(corpus)):
        raw, did = r.raw, r.doc_id
        s = lay.sentences(raw)
        k = len(s)
        counts.append(k)
        starts, ends, pars = s[:, 0].tolist(), s[:, 1].tolist(), s[:, 2].tolist()
        cols["doc_id"] += [did] * k
        cols["outlet"] += [r.outlet] * k
        cols["sent_id"] += [f"{did}-s{i:02d}" for i in range(1, k + 1)]
        cols["par"] += [p + 1 for p in pars]
        cols["part"] += [lay.parts[p] for p in pars]
        if lay.plain:
            cols["text"] += [raw[a:b] for a, b in zip(starts, ends)]
        else:
            n = of_row(corpus, r)
            cols["text"] += [n.text[slice(*n.from_raw(a, b))] for a, b in zip(starts, ends)]
        cols["start"] += starts
        cols["end"] += ends
    df = pd.DataFrame(cols)
    df.insert(2, "published", np.repeat(corpus["published"].to_numpy(), counts))
    return df


def parts(corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per document part (000: ``news`` and ``encyclopedia``), with its text and raw span."""
    pars = paragraphs(corpus)
    g = pars.groupby(["doc_id", "part"], sort=False)
    out = g.agg(outlet=("outlet", "first"), n_paragraphs=("par", "size"),
                start=("start", "min"), end=("end", "max"),
                text=("text", lambda s: "\n\n".join(s))).reset_index()
    return out
