"""The curated evidence tables: ``seeds/claims.csv`` and ``seeds/numbers.csv``.

Every row carries a W3C Web Annotation style text-quote and text-position selector into the
raw file: ``exact`` (verbatim), ``prefix`` / ``suffix`` (the characters right before and
after) and ``start`` / ``end`` (string offsets into the file decoded as UTF-8, end
exclusive). Controlled vocabularies live in ``seeds/vocab/``; public reference tables, each
row citing its source, in ``seeds/reference/``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import ids
from .errors import OssetiaError
from .manifest import parse_date
from .normalise import normalise, workspace_rules
from .paths import rel, seeds_dir as _seeds_dir
from .fileio import read_table
from .vocab import doc_parts, load_actions, load_actors, problems as vocab_problems

CONTEXT = 32  # characters of prefix / suffix
SPAN = ["exact", "prefix", "suffix", "start", "end"]
CLAIM_COLUMNS = ["claim_id", "doc_id", "part", "speaker", "actor", "action", "target", "polarity",
                 "event_date", "date_precision", "date_basis", "theme"] + SPAN + ["note"]
NUMBER_COLUMNS = ["number_id", "doc_id", "part", "measure", "subject", "value", "unit", "qualifier",
                  "low", "high", "as_of", "as_of_basis", "note"] + SPAN
THEMES = ("recognition", "referendum", "kosovo_precedent", "context")
POLARITIES = ("for", "against", "neutral")
PRECISIONS = ("day", "month", "year", "unknown")
DATE_BASES = ("stated", "inferred", "publication", "unknown")
VOCAB = {  # file in seeds/vocab/ -> key column
    "actions": "action", "targets": "target", "actors": "actor", "actor_aliases": "alias",
    "measures": "measure",
}
REFERENCE = {  # file in seeds/reference/ -> required columns
    "recognitions": ["ref_id", "state", "date", "date_precision", "status", "source", "source_url"],
    "referendum_results": ["ref_id", "referendum", "date", "measure", "value", "unit", "source", "source_url"],
    "events": ["ref_id", "date", "date_precision", "event", "source", "source_url"],
}
#: columns of a reference table that hold numbers: loaded as numbers, checked by `ossetia check`
REFERENCE_NUMERIC = {"referendum_results": ("value",)}
_PARTIAL = {"day": re.compile(r"\d{4}-\d{2}-\d{2}"), "month": re.compile(r"\d{4}-\d{2}"),
            "year": re.compile(r"\d{4}")}


def anchor(raw: str, exact: str, occurrence: int = 1) -> dict:
    """Selector columns for the ``occurrence``-th appearance of ``exact`` in ``raw``."""
    i = -1
    for _ in range(occurrence):
        i = raw.find(exact, i + 1)
        if i < 0:
            raise ValueError(f"quote not found (occurrence {occurrence}): {exact[:60]!r}")
    j = i + len(exact)
    return {"exact": exact, "prefix": raw[max(0, i - CONTEXT):i], "suffix": raw[j:j + CONTEXT],
            "start": i, "end": j}


def check_span(raw: str, row: dict) -> str | None:
    """Why a row's selector does not hold on ``raw`` (None when it holds)."""
    try:
        s, e = int(row["start"]), int(row["end"])
    except ValueError:
        return f"start/end '{row['start']}'/'{row['end']}' are not whole numbers"
    if not 0 <= s < e <= len(raw):
        return f"span [{s}, {e}) is outside the file ({len(raw)} characters)"
    if raw[s:e] != row["exact"]:
        found = raw.find(row["exact"])
        hint = f" (the quote is at {found})" if found >= 0 else " (the quote is not in the file)"
        return f"quote does not match the text at [{s}, {e}){hint}"
    pre, suf = row["prefix"], row["suffix"]
    if raw[max(0, s - len(pre)):s] != pre or len(pre) > s:
        return "prefix does not match the text before the quote"
    if raw[e:e + len(suf)] != suf:
        return "suffix does not match the text after the quote"
    return None


def _date_problem(value: str, precision: str) -> str | None:
    if precision == "unknown":
        return None if not value else f"date '{value}' given with precision unknown"
    pat = _PARTIAL.get(precision)
    if pat is None:
        return f"date_precision '{precision}' is not one of {', '.join(PRECISIONS)}"
    if not pat.fullmatch(value):
        return f"date '{value}' does not have {precision} precision"
    try:
        parse_date(value + {"day": "", "month": "-01", "year": "-01-01"}[precision])
    except ValueError as e:
        return str(e)
    return None


def _num_problem(value: str) -> str | None:
    if value == "":
        return None
    try:
        float(value)
    except ValueError:
        return f"'{value}' is not a number"
    return None


def _vocab(folder: Path) -> tuple[dict[str, set[str]], list[OssetiaError]]:
    out, errs = {}, []
    for name, key in VOCAB.items():
        path = folder / "vocab" / f"{name}.csv"
        try:
            out[name] = set(read_table(path, [key])[key])
        except OssetiaError as e:
            errs.append(e)
            out[name] = set()
    return out, errs


def _rows_problems(path: Path, df: pd.DataFrame, id_col: str, id_prefix: str, docs: dict[str, tuple[str, str]],
                   vocab: dict[str, set[str]], checks) -> list[OssetiaError]:
    name = rel(path)
    errs: list[OssetiaError] = []
    seen: set[str] = set()
    for i, row in enumerate(df.to_dict("records"), start=2):
        rid = row[id_col] or f"row {i}"
        def bad(msg):
            errs.append(OssetiaError(name, f"{rid} (row {i}): {msg}"))
        if not ids.is_id(row[id_col], id_prefix):
            bad(f"{id_col} '{row[id_col]}' is not like {ids.describe(id_prefix)}")
        if row[id_col] in seen:
            bad(f"{id_col} is used twice")
        seen.add(row[id_col])
        if row["doc_id"] not in docs:
            bad(f"doc_id '{row['doc_id']}' is not in sources.csv")
            continue
        raw, outlet, title, extra = docs[row["doc_id"]]
        msg = check_span(raw, row)
        if msg:
            bad(msg)
            continue
        part = normalise(raw, outlet, title, extra).raw_part_at(int(row["start"]))
        if row["part"] != part:
            bad(f"part '{row['part']}' but the quote is in the document's {part} part")
        for msg in checks(row, vocab):
            if msg:
                bad(msg)
    return errs


def _claim_checks(row, vocab):
    yield None if row["action"] in vocab["actions"] else f"action '{row['action']}' is not in vocab/actions.csv"
    yield None if row["target"] in vocab["targets"] else f"target '{row['target']}' is not in vocab/targets.csv"
    for col in ("actor", "speaker"):
        yield None if row[col] in vocab["actors"] else f"{col} '{row[col]}' is not in vocab/actors.csv"
    yield None if row["theme"] in THEMES else f"theme '{row['theme']}' is not one of {', '.join(THEMES)}"
    yield None if row["polarity"] in POLARITIES else f"polarity '{row['polarity']}' is not one of {', '.join(POLARITIES)}"
    yield None if row["date_basis"] in DATE_BASES else f"date_basis '{row['date_basis']}' is not one of {', '.join(DATE_BASES)}"
    yield _date_problem(row["event_date"], row["date_precision"])


def _number_checks(row, vocab):
    yield None if row["measure"] in vocab["measures"] else f"measure '{row['measure']}' is not in vocab/measures.csv"
    for col in ("value", "low", "high"):
        msg = _num_problem(row[col])
        yield None if msg is None else f"{col}: {msg}"
    if not (row["value"] or row["low"] or row["high"] or row["qualifier"]):
        yield "no value, no low/high bound and no qualifier (a vague amount needs its words)"
    if row["as_of"]:
        try:
            parse_date(row["as_of"] if len(row["as_of"]) == 10 else row["as_of"] + "-01-01"[: 10 - len(row["as_of"])])
        except ValueError as e:
            yield f"as_of {e}"


def problems(seeds: str | Path | None, man: pd.DataFrame, texts: dict[str, str]) -> tuple[list[OssetiaError], dict[str, int]]:
    """Check the evidence tables present in ``seeds`` against the raw texts."""
    folder = _seeds_dir(seeds)
    extra = workspace_rules(folder)
    docs = {r["doc_id"]: (texts[r["doc_id"]], r["outlet"], r.get("title", ""), extra)
            for r in man.to_dict("records") if r["doc_id"] in texts}
    errs: list[OssetiaError] = []
    counts: dict[str, int] = {}
    if not (folder / "claims.csv").exists() and not (folder / "numbers.csv").exists():
        return errs, counts
    vocab, verrs = _vocab(folder)
    errs += verrs
    errs += vocab_problems(folder, {d: doc_parts(*doc) for d, doc in docs.items()})
    for fname, cols, idc, pre, checks in (("claims.csv", CLAIM_COLUMNS, "claim_id", "C", _claim_checks),
                                          ("numbers.csv", NUMBER_COLUMNS, "number_id", "N", _number_checks)):
        path = folder / fname
        try:
            df = read_table(path, cols)
        except OssetiaError as e:
            errs.append(e)
            continue
        counts[fname.removesuffix(".csv")] = len(df)
        errs += _rows_problems(path, df, idc, pre, docs, vocab, checks)
    # aliases must point at canonical actors
    try:
        al = read_table(folder / "vocab" / "actor_aliases.csv", ["alias", "actor"])
        for i, r in enumerate(al.to_dict("records"), start=2):
            if r["actor"] not in vocab["actors"]:
                errs.append(OssetiaError(rel(folder / "vocab" / "actor_aliases.csv"),
                                         f"row {i}: alias '{r['alias']}' points at unknown actor '{r['actor']}'"))
    except OssetiaError:
        pass  # already reported by _vocab
    for name, cols in REFERENCE.items():
        path = folder / "reference" / f"{name}.csv"
        try:
            ref = read_table(path, cols)
        except OssetiaError as e:
            errs.append(e)
            continue
        counts[f"reference {name.replace('_', ' ')}"] = len(ref)
        for i, r in enumerate(ref.to_dict("records"), start=2):
            if not r["source"].strip() or not r["source_url"].startswith(("http://", "https://")):
                errs.append(OssetiaError(rel(path), f"{r['ref_id']} (row {i}): no source or source_url"))
            msg = _date_problem(r["date"], r.get("date_precision", "day") or "day")
            if msg:
                errs.append(OssetiaError(rel(path), f"{r['ref_id']} (row {i}): {msg}"))
            for col in REFERENCE_NUMERIC.get(name, ()):
                msg = _num_problem(r[col]) or (None if r[col] != "" else "is empty")
                if msg:
                    errs.append(OssetiaError(rel(path), f"{r['ref_id']} (row {i}): {col}: {msg}"))
    return errs, counts


# -- loading and lookups ------------------------------------------------------------------

def _typed(df: pd.DataFrame) -> pd.DataFrame:
    for c in ("start", "end"):
        df[c] = df[c].astype(int)
    return df


@lru_cache(maxsize=8)
def _load(folder: Path, fname: str, cols: tuple[str, ...], _stamp: tuple) -> pd.DataFrame:
    from .corpus import load_corpus, voices_of

    corpus = load_corpus(folder)
    errs, _ = problems(folder, corpus.drop(columns=["raw"]).astype({"published": str}),
                       dict(zip(corpus["doc_id"], corpus["raw"])))
    if errs:
        raise errs[0]
    df = _typed(read_table(folder / fname, list(cols)))
    meta = corpus[["doc_id", "outlet", "published"]]
    df = df.merge(meta, on="doc_id", how="left", validate="many_to_one")
    df["voice"] = voices_of(corpus, df)
    if "action" in df:  # claims: the stance family of the action, the actor's kind and lane
        df["stance"] = df["action"].map(dict(zip(*load_actions(folder)[["action", "stance"]].T.values)))
        actors = load_actors(folder).set_index("actor")
        df["actor_kind"] = df["actor"].map(actors["kind"])
        df["lane"] = df["actor"].map(actors["lane"])
    return df


def _stamp(folder: Path) -> tuple:
    """Modification times of everything a table's validation reads: a cache key that changes
    when any of those files is edited."""
    # the folder's own files and its table folders; not a workspace's outputs (figures/,
    # notebooks/), which change while figures are exported and would empty the cache each time
    files = sorted(p for sub in (folder, folder / "vocab", folder / "reference") if sub.is_dir()
                   for p in sub.iterdir() if p.is_file())
    return tuple((p.relative_to(folder).as_posix(), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


def load_claims(seeds: str | Path | None = None) -> pd.DataFrame:
    """The validated claims table.

    Args:
        seeds: the seeds folder (default: the project's).
    Returns:
        One row per claim: the columns of ``claims.csv`` plus the document's ``outlet`` and
        ``published`` date, the ``voice`` of the document part, the ``stance`` family of the
        action (``vocab/actions.csv``) and the actor's ``actor_kind`` and ``lane``
        (``vocab/actors.csv``).
    """
    folder = _seeds_dir(seeds).resolve()
    return _load(folder, "claims.csv", tuple(CLAIM_COLUMNS), _stamp(folder)).copy()


def load_numbers(seeds: str | Path | None = None) -> pd.DataFrame:
    """The validated numbers table.

    Args:
        seeds: the seeds folder (default: the project's).
    Returns:
        One row per number (``value``/``low``/``high`` as floats) with the document's
        ``outlet``, ``published`` date and the ``voice`` of the document part.
    """
    folder = _seeds_dir(seeds).resolve()
    df = _load(folder, "numbers.csv", tuple(NUMBER_COLUMNS), _stamp(folder)).copy()
    for c in ("value", "low", "high"):
        df[c] = pd.to_numeric(df[c].replace("", None))
    return df


def load_reference(name: str, seeds: str | Path | None = None) -> pd.DataFrame:
    """A reference table from ``seeds/reference/`` (each row cites its public source). Numeric
    columns (``value`` of referendum_results) are numbers, so counts can be subtracted; a value
    that is not a number is an OssetiaError naming the file and row."""
    if name not in REFERENCE:
        raise KeyError(f"no reference table {name!r}; known: {', '.join(REFERENCE)}")
    path = _seeds_dir(seeds) / "reference" / f"{name}.csv"
    df = read_table(path, REFERENCE[name])
    for col in REFERENCE_NUMERIC.get(name, ()):
        for i, v in enumerate(df[col], start=2):
            msg = _num_problem(v) or (None if v != "" else "is empty")
            if msg:
                raise OssetiaError(rel(path), f"{df['ref_id'].iloc[i - 2]} (row {i}): {col}: {msg}")
        df[col] = pd.to_numeric(df[col])
    return df


def load_vocab(name: str, seeds: str | Path | None = None) -> pd.DataFrame:
    """One of the controlled vocabularies of a seeds folder (``vocab/<name>.csv``): the codes a
    claim or number may use, with their labels and definitions.

    Args:
        name: ``"actions"``, ``"targets"``, ``"actors"``, ``"actor_aliases"`` or ``"measures"``.
        seeds: the seeds folder (a workspace); default :func:`ossetia.paths.seeds_dir`.
    Returns:
        the table as strings, one row per code (its key column: ``action``, ``target``,
        ``actor``, ``alias`` or ``measure``).
    Raises:
        KeyError: ``name`` is not one of those; OssetiaError: the file is missing or malformed
        (one line naming it).
    """
    if name not in VOCAB:
        raise KeyError(f"no vocabulary {name!r}; known: {', '.join(VOCAB)}")
    return read_table(_seeds_dir(seeds) / "vocab" / f"{name}.csv", [VOCAB[name]])


def _select(df: pd.DataFrame, what: str, criteria: dict) -> pd.DataFrame:
    """Rows whose columns take the given value (or any of a list of values); an unknown value is
    a KeyError naming it, so a typo never passes for "no evidence"."""
    for col, val in criteria.items():
        if val is not None:
            vals = [val] if isinstance(val, str) else list(val)
            unknown = set(vals) - set(df[col])
            if unknown:
                raise KeyError(f"no {what} with {col} {', '.join(sorted(unknown))}")
            df = df[df[col].isin(vals)]
    return df.reset_index(drop=True)


def claims(theme: str | None = None, actor: str | None = None, action: str | None = None,
           target: str | None = None, doc_id: str | None = None, seeds=None) -> pd.DataFrame:
    """Claims filtered in one call; every row keeps its evidence (quote, offsets, outlet, date).

    Args:
        theme, actor, action, target, doc_id: a value or a list of values to keep (None: any);
            an unknown value is a KeyError naming it.
        seeds: the seeds folder (default: the project's).
    Returns:
        The matching rows of :func:`load_claims`.
    """
    return _select(load_claims(seeds), "claims",
                   {"theme": theme, "actor": actor, "action": action, "target": target, "doc_id": doc_id})


def numbers(measure: str | None = None, subject: str | None = None, seeds=None) -> pd.DataFrame:
    """Reported numbers filtered by measure and/or subject, each row with its evidence.

    Args:
        measure, subject: a value or a list of values to keep (None: any).
        seeds: the seeds folder (default: the project's).
    Returns:
        The matching rows of :func:`load_numbers`.
    """
    return _select(load_numbers(seeds), "numbers", {"measure": measure, "subject": subject})
