"""Paragraphs and sentences, each carrying its document variables and raw-file offsets."""

from __future__ import annotations

import re

import pandas as pd

from .normalise import normalise

# A full stop after one of these does not end a sentence.
ABBREVIATIONS = frozenset(
    "U.S U.N U.K E.U Mr Mrs Ms Dr Prof St Gen Gov Sen Rep Lt Col Jan Feb Mar Apr Jun Jul Aug "
    "Sep Sept Oct Nov Dec No vs etc approx".split()
)
_BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]*[A-Z0-9])")


def _split(par: str) -> list[tuple[int, int]]:
    """Sentence spans within one paragraph."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(par):
        word = re.search(r"([A-Za-z.]+)\.$", par[start:m.start() + 1])
        if par[m.start()] == "." and word:
            w = word.group(1).rstrip(".")
            if w in ABBREVIATIONS or re.fullmatch(r"[A-Z]", w):
                continue
        end = m.end()
        spans.append((start, end))
        start = end
        while start < len(par) and par[start] == " ":
            start += 1
    if start < len(par):
        spans.append((start, len(par)))
    return spans


_DOCVARS = ["doc_id", "outlet", "published"]


def paragraphs(corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per paragraph: document variables, ``part``, ``role``, ``text`` and raw ``start``/``end``."""
    rows = []
    for r in corpus.itertuples():
        n = normalise(r.raw, r.outlet)
        for k, p in enumerate(n.paragraphs, start=1):
            rows.append({**{c: getattr(r, c) for c in _DOCVARS}, "par": k, "part": p.part,
                         "role": p.role, "text": n.text[p.t_start:p.t_end],
                         "start": p.start, "end": p.end})
    return pd.DataFrame(rows, columns=_DOCVARS + ["par", "part", "role", "text", "start", "end"])


def sentences(corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence: document variables, ``sent_id`` (``000-s01``), ``par``, ``part``,
    ``text`` (normalised) and ``start``/``end`` (raw-file offsets, end exclusive)."""
    rows = []
    for r in corpus.itertuples():
        n = normalise(r.raw, r.outlet)
        k = 0
        for pi, p in enumerate(n.paragraphs, start=1):
            ptext = n.text[p.t_start:p.t_end]
            for a, b in _split(ptext):
                k += 1
                ta, tb = p.t_start + a, p.t_start + b
                ra, rb = n.to_raw(ta, tb)
                rows.append({**{c: getattr(r, c) for c in _DOCVARS}, "sent_id": f"{r.doc_id}-s{k:02d}",
                             "par": pi, "part": p.part, "text": n.text[ta:tb], "start": ra, "end": rb})
    return pd.DataFrame(rows, columns=_DOCVARS + ["sent_id", "par", "part", "text", "start", "end"])


def parts(corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per document part (000: ``news`` and ``encyclopedia``), with its text and raw span."""
    pars = paragraphs(corpus)
    g = pars.groupby(["doc_id", "part"], sort=False)
    out = g.agg(outlet=("outlet", "first"), n_paragraphs=("par", "size"),
                start=("start", "min"), end=("end", "max"),
                text=("text", lambda s: "\n\n".join(s))).reset_index()
    return out
