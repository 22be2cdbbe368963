"""The corpus: one row per document, manifest columns as document variables plus raw and text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import ids
from .layout import remember
from .manifest import parse_published, problems, published_label
from .normalise import Normalised, normalise, of_row, workspace_rules
from .paths import seeds_dir as _seeds_dir


def load_corpus(seeds_dir: str | Path | None = None) -> pd.DataFrame:
    """Load and normalise the seed documents.

    Returns a DataFrame indexed by position, one row per document, ordered by ``doc_id``, with
    the manifest columns (``doc_id``, ``outlet``, ``published`` …), ``raw`` (the file's text,
    exactly), ``text`` (normalised body text), the recognised ``headline``, ``byline_found``,
    ``dateline`` and ``caption``, and ``n_chars`` / ``n_words`` of the text.

    The default seeds folder is the project's ``seeds/``, whatever the current directory.
    Raises :class:`ossetia.errors.OssetiaError` (one line: file and problem) on the first
    problem that ``ossetia check`` would report.
    """
    folder = _seeds_dir(seeds_dir)
    found: dict[str, dict] = {}

    def keep(row: dict, raw: str, n: Normalised) -> None:
        # what the rows need, and the compact layout for sentences()/tokens()/kwic()
        remember(n, row["outlet"], row["title"], extra)
        found[row["doc_id"]] = {
            "raw": raw,
            "text": n.text,
            "headline": n.fields.get("title", ""),
            "byline_found": n.fields.get("byline", ""),
            "dateline": n.fields.get("dateline", n.fields.get("date_header", "")),
            "caption": n.fields.get("caption", ""),
            "n_chars": len(n.text),
            "n_words": len(n.text.split()),
        }

    extra = workspace_rules(folder)
    errs, man, texts = problems(folder, on_doc=keep)
    if errs:
        raise errs[0]
    man = man.sort_values("doc_id", key=ids.frame_key)
    cols = list(man.columns)
    at = cols.index("doc_id")
    rows = [{**dict(zip(cols, vals)), **found[vals[at]]} for vals in zip(*(man[c].tolist() for c in cols))]
    df = pd.DataFrame(rows, columns=list(man.columns) + ["raw", "text", "headline", "byline_found", "dateline",
                                                         "caption", "n_chars", "n_words"])
    when = [parse_published(v) for v in df["published"]]
    df["published"] = pd.to_datetime(pd.Series([d.isoformat() for d, _ in when], dtype=object), format="%Y-%m-%d")
    # how precisely the manifest states the date: day, or month / year (then ``published`` is
    # the first day of that month or year, for ordering; see manifest.published_label)
    df["published_precision"] = [p for _, p in when]
    df = df.reset_index(drop=True)
    df.attrs["seeds"] = str(folder.resolve())  # whose normalisation rules apply (normalise.of_row)
    return df


def normalised(corpus: pd.DataFrame, doc_id: str) -> Normalised:
    """The normalisation record (offset map, removals, paragraphs) of one document."""
    row = corpus.loc[corpus["doc_id"] == doc_id]
    if row.empty:
        raise KeyError(f"no document {doc_id!r} in the corpus")
    return of_row(corpus, next(row.itertuples()))


def removals(corpus: pd.DataFrame) -> pd.DataFrame:
    """Every piece of raw text left out of ``text``, with the rule that left it out."""
    rows = []
    for r in corpus.itertuples():
        for m in of_row(corpus, r).removed:
            rows.append({"doc_id": r.doc_id, "outlet": r.outlet, "line": m.line, "start": m.start,
                         "end": m.end, "role": m.role, "rule_id": m.rule_id, "removed": m.raw})
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "line", "start", "end", "role",
                                       "rule_id", "removed"])


def source_label(corpus: pd.DataFrame, doc_id: str) -> str:
    """How a figure's source line names a document: outlet and publication date."""
    r = corpus.loc[corpus["doc_id"] == doc_id].iloc[0]
    who = ("able2know.org forum post (Interfax; Wikipedia excerpt)" if doc_id == "000" and r["outlet"] == "able2know.org"
           else r["outlet"])
    return f"{who} {published_label(r['published'], r.get('published_precision', 'day'))}"


#: Whose voice a passage is in when nobody is quoted: the outlet, or, for the forum post, the
#: agency it quotes (news part) and the encyclopedia it pastes (encyclopedia part).
VOICES = {("able2know.org", "news"): "Interfax", ("able2know.org", "encyclopedia"): "Wikipedia"}


def voice(outlet: str, part: str) -> str:
    """The voice of a document part (see :data:`VOICES`)."""
    return VOICES.get((outlet, part), outlet)
