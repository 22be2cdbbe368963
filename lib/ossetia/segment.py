"""Paragraphs and sentences, each carrying its document variables and raw-file offsets."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .layout import column, fill_sentences, layouts
from .normalise import of_row

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
    ``text`` (normalised) and ``start``/``end`` (raw-file offsets, end exclusive).

    Args:
        corpus: the corpus (:func:`ossetia.load_corpus`).
    Returns:
        one row per sentence, in document and text order: ``doc_id``, ``outlet``, ``published``, ``sent_id``
        (the id claims and tokens use), ``par`` (its paragraph, from 1), ``part``, ``text``
        (whitespace folded) and ``start``/``end`` (the sentence's span in the raw file).
    """
    cols: dict[str, list] = {c: [] for c in ["doc_id", "outlet", "sent_id", "par", "part", "text", "start", "end"]}
    counts = []
    lays = layouts(corpus)
    fill_sentences(column(corpus, "raw"), lays)
    for r, lay in zip(corpus.itertuples(), lays):
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
    """One row per document part (a forum post quoting a news report and an encyclopedia: ``news`` and ``encyclopedia``), with its text and raw span."""
    pars = paragraphs(corpus)
    g = pars.groupby(["doc_id", "part"], sort=False)
    out = g.agg(outlet=("outlet", "first"), n_paragraphs=("par", "size"),
                start=("start", "min"), end=("end", "max"),
                text=("text", lambda s: "\n\n".join(s))).reset_index()
    return out
