"""The corpus: one row per document, manifest columns as document variables plus raw and text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import ids
from .layout import remember
from .manifest import parse_published, problems, published_label
from .normalise import Normalised, of_row, workspace_rules
from .paths import seeds_dir as _seeds_dir
from .vocab import load_voices


_DOC_COLUMNS = ("raw", "text", "headline", "byline_found", "dateline", "caption", "n_chars", "n_words", "voices")


def load_corpus(seeds_dir: str | Path | None = None) -> pd.DataFrame:
    """Load and normalise the seed documents.

    Returns a DataFrame indexed by position, one row per document, ordered by ``doc_id``, with
    the manifest columns (``doc_id``, ``outlet``, ``published`` …), ``raw`` (the file's text,
    exactly), ``text`` (normalised body text), the recognised ``headline``, ``byline_found``,
    ``dateline`` and ``caption``, ``n_chars`` / ``n_words`` of the text, and ``voices``: the
    parts that do not speak in the outlet's voice (``seeds/voices.csv``), as
    ``"part: voice; part: voice"`` (empty for most documents; read it with :func:`voices_of`).

    The default seeds folder is the project's ``seeds/``, whatever the current directory.
    Raises :class:`ossetia.errors.OssetiaError` (one line: file and problem) on the first
    problem that ``ossetia check`` would report.
    """
    folder = _seeds_dir(seeds_dir)
    found: dict[str, tuple] = {}
    voices: dict[str, list[str]] = {}
    for v in load_voices(folder).to_dict("records"):
        voices.setdefault(v["doc_id"], []).append(f"{v['part']}: {v['voice']}")

    def keep(row: dict, raw: str, n: Normalised) -> None:
        # what the rows need, and the compact layout for sentences()/tokens()/kwic()
        remember(n, row["outlet"], row["title"], extra)
        f, text = n.fields, n.text
        found[row["doc_id"]] = (
            raw, text, f.get("title", ""), f.get("byline", ""), f.get("dateline", f.get("date_header", "")),
            f.get("caption", ""), len(text),
            # = len(text.split()): a paragraph's words are separated by single spaces
            text.count(" ") + len(n.spans),
            "; ".join(voices.get(row["doc_id"], [])))

    extra = workspace_rules(folder)
    errs, man, texts = problems(folder, on_doc=keep)
    if errs:
        raise errs[0]
    man = man.sort_values("doc_id", key=ids.frame_key)
    cols = list(man.columns)
    data = {c: man[c].to_numpy(dtype=object) for c in cols}
    values = list(zip(*(found[d] for d in data["doc_id"].tolist()))) or [()] * len(_DOC_COLUMNS)
    data.update({c: list(v) for c, v in zip(_DOC_COLUMNS, values)})
    df = pd.DataFrame(data, columns=cols + list(_DOC_COLUMNS))
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


def _part_voices(value) -> dict[str, str]:
    """The corpus ``voices`` value ``"part: voice; part: voice"`` as a dict."""
    if not isinstance(value, str) or not value:
        return {}
    return dict(kv.split(": ", 1) for kv in value.split("; ") if ": " in kv)


def source_label(corpus: pd.DataFrame, doc_id: str) -> str:
    """How a figure's source line names a document: outlet and publication date; a document
    whose parts speak in other voices (``seeds/voices.csv``) names its genre and those voices.

    Args:
        corpus: the corpus (:func:`load_corpus`).
        doc_id: a document id of the corpus.
    Returns:
        e.g. ``"<outlet> 2008-03-05"``, or ``"<outlet> <genre> (<voice>; <voice>) <date>"``.
    """
    r = corpus.loc[corpus["doc_id"] == doc_id].iloc[0]
    voices = list(dict.fromkeys(_part_voices(r.get("voices")).values()))
    who = f"{r['outlet']} {r['genre']} ({'; '.join(voices)})".replace("  ", " ") if voices else r["outlet"]
    return f"{who} {published_label(r['published'], r.get('published_precision', 'day'))}"


def voices_of(corpus: pd.DataFrame, rows: pd.DataFrame) -> list[str]:
    """The voice of each row of ``rows`` (any table with ``doc_id`` and ``part``): the voice
    ``seeds/voices.csv`` gives that document part, else the document's outlet.

    Args:
        corpus: the corpus the rows come from (:func:`load_corpus`).
        rows: a table with ``doc_id`` and ``part`` columns (sentences, tokens, claims ...).
    Returns:
        One voice per row, in row order.
    """
    outlet = dict(zip(corpus["doc_id"], corpus["outlet"]))
    voices = ({d: _part_voices(v) for d, v in zip(corpus["doc_id"], corpus["voices"])}
              if "voices" in corpus else {})
    return [voices.get(d, {}).get(p, outlet.get(d, "")) for d, p in zip(rows["doc_id"], rows["part"])]
