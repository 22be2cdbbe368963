"""Framing and naming: which labels each source uses for the breakaway region and its leaders.

The labels lexicon is data (``data/labels.csv``: label, regex, what it applies to, and the
connotation a seminar may discuss). Counts are per 1,000 tokens of each source's body text (a
source: one voice of one document, see :func:`source_labels`); every hit keeps its sentence and
raw offsets."""

from __future__ import annotations

import re

import pandas as pd

from .corpus import voices_of
from .normalise import fold
from .paths import DATA_DIR
from .segment import sentences
from .fileio import read_table
from .textstats import tokens

LABELS = DATA_DIR / "labels.csv"
_LEADER = re.compile(
    r"\b(?P<title>(?:(?i:de[- ]facto|self-styled|separatist|incumbent|alternative|breakaway)\s+|"
    r"(?:Abkhaz|South Ossetian|Georgian|Russian|US)\s+)*(?:President|president|leader|leadership))\b"
    r"(?P<name>(?:\s+[A-Z][a-z]+){0,2})")


def labels_lexicon() -> pd.DataFrame:
    """The framing labels the project counts (``lib/ossetia/data/labels.csv``).

    Returns:
        one row per label: ``label``, its regular expression ``pattern``, what it
        ``applies_to`` and its ``connotation`` (what :func:`label_hits` and :func:`label_rates`
        look for).
    """
    return read_table(LABELS, ["label", "pattern", "applies_to", "connotation"])


def label_hits(corpus: pd.DataFrame) -> pd.DataFrame:
    """Every occurrence of a lexicon label: outlet, label, sentence, exact words and raw offsets."""
    lex = labels_lexicon()
    raws = dict(zip(corpus["doc_id"], corpus["raw"]))
    rows = []
    sents = sentences(corpus)
    for s, voice in zip(sents.itertuples(), voices_of(corpus, sents)):
        seg = raws[s.doc_id][s.start:s.end]
        for lab, pat in zip(lex["label"], lex["pattern"]):
            for m in re.finditer(pat, fold(seg), re.I):
                rows.append((s.doc_id, s.outlet, voice, s.published, s.sent_id, lab,
                             seg[m.start():m.end()], s.start + m.start(), s.start + m.end(), s.text))
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "voice", "published", "sent_id", "label", "exact",
                                       "start", "end", "sentence"])


def source_labels(frame: pd.DataFrame) -> pd.Series:
    """The source of each row of a frame with ``doc_id``, ``voice`` and ``published``: the voice
    and the year of its document (``<outlet> 2006``), with the document id added where one voice has
    several documents in a year (``RT 2009 (006)``). Two documents of one outlet are never
    pooled into one source."""
    keys = frame[["doc_id", "voice", "published"]].drop_duplicates(["doc_id", "voice"])
    base = {(d, v): f"{v} {p:%Y}" for d, v, p in keys.itertuples(index=False)}
    counts = pd.Series(list(base.values()), dtype=object).value_counts()
    label = {k: (b if counts[b] == 1 else f"{b} ({k[0]})") for k, b in base.items()}
    return pd.Series([label[k] for k in zip(frame["doc_id"], frame["voice"])], index=frame.index, dtype=object)


def label_rates(corpus: pd.DataFrame, by: str = "source", per: int = 1000) -> pd.DataFrame:
    """Labels x sources: hits per ``per`` tokens of each source's body text (0 where unused).

    ``by="source"`` (default) has one column per voice of each document, labelled with the
    voice and the document's year (see :func:`source_labels`): a document whose parts speak in
    other voices (``seeds/voices.csv``) is split into those voices, and two articles of one
    outlet are two columns. ``by="voice"`` and ``by="outlet"`` pool every document of a voice or
    an outlet, years apart included."""
    return _label_table(*_label_counts(corpus, by), per=per)


def _label_counts(corpus: pd.DataFrame, by: str = "voice") -> tuple[pd.Series, pd.Series]:
    """Hits per (label, source) and tokens per source: what :func:`label_rates` divides (they
    add up over parts of a corpus; see :mod:`ossetia.scaleout`)."""
    hits = label_hits(corpus)
    toks = tokens(corpus)
    if by == "voice":  # the voice of each (document, part), not of each token
        pairs = toks.groupby(["doc_id", "part"], observed=True).size()
        keys = pd.DataFrame(list(pairs.index), columns=["doc_id", "part"])
        size = pd.Series(pairs.to_numpy(), index=voices_of(corpus, keys)).groupby(level=0).sum()
    elif by == "source":  # voice and document: labels need the whole corpus (not additive over parts)
        pairs = toks.groupby(["doc_id", "part"], observed=True).size()
        keys = pd.DataFrame(list(pairs.index), columns=["doc_id", "part"])
        keys["voice"] = list(voices_of(corpus, keys))
        keys["published"] = keys["doc_id"].map(dict(zip(corpus["doc_id"], corpus["published"])))
        keys["source"] = source_labels(keys)
        size = pd.Series(pairs.to_numpy(), index=keys["source"].to_numpy()).groupby(level=0).sum()
        which = dict(zip(zip(keys["doc_id"], keys["voice"]), keys["source"]))
        hits["source"] = pd.Series([which[k] for k in zip(hits["doc_id"], hits["voice"])], index=hits.index,
                                   dtype=object)
    else:
        size = toks.groupby(by, observed=True).size()
        size.index = size.index.astype(object)
    return hits.groupby(["label", by]).size(), size


def _label_table(counts: pd.Series, size: pd.Series, per: int = 1000) -> pd.DataFrame:
    counts = counts.unstack(fill_value=0)
    counts = counts.reindex(index=labels_lexicon()["label"], columns=sorted(size.index), fill_value=0)
    return (counts * per / size.reindex(counts.columns)).round(2)


def leader_titles(corpus: pd.DataFrame) -> pd.DataFrame:
    """How each outlet titles leaders ("de facto President", "separatist leader", "self-styled
    President"), with the name that follows when there is one, and raw offsets."""
    raws = dict(zip(corpus["doc_id"], corpus["raw"]))
    rows = []
    for s in sentences(corpus).itertuples():
        seg = raws[s.doc_id][s.start:s.end]
        for m in _LEADER.finditer(seg):
            rows.append((s.doc_id, s.outlet, s.sent_id, " ".join(m.group("title").split()),
                         m.group("name").strip(), s.start + m.start(), s.start + m.end()))
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "sent_id", "title", "name", "start", "end"])
