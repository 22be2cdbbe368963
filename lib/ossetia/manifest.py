"""The seeds manifest, ``seeds/sources.csv``: one row per document, validated against the files."""

from __future__ import annotations

import hashlib
import os
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import ids
from .errors import OssetiaError
from .fileio import decode_text, read_bytes
from .normalise import normalise, workspace_rules
from .paths import rel, seeds_dir as _seeds_dir
from .fileio import read_table

#: Uncached: a corpus is normalised once, as it is loaded; the cache of ``normalise`` is for
#: the verbs that look at one document again (its offset map costs 4 bytes a character).
_normalise = normalise.__wrapped__

MANIFEST = "sources.csv"
COLUMNS = ["doc_id", "file", "sha256", "outlet", "title", "byline", "published", "date_basis",
           "date_note", "genre", "url", "language", "notes"]
DATE_BASES = ("stated", "inferred")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_PARTIAL = {"month": re.compile(r"\d{4}-\d{2}"), "year": re.compile(r"\d{4}")}
#: How precisely a ``published`` value states its date, from its form.
PRECISIONS = ("day", "month", "year")


def parse_date(value: str) -> date:
    """Parse an ISO date; refuse anything else with the reason (``5/3/2008`` is ambiguous)."""
    v = value.strip()
    if not v:
        raise ValueError("no date given")
    if not _ISO.fullmatch(v):
        if re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", v):
            raise ValueError(f"date '{v}' is ambiguous (day/month or month/day?); write it as YYYY-MM-DD")
        raise ValueError(f"date '{v}' is not an ISO date (YYYY-MM-DD)")
    try:
        return date.fromisoformat(v)
    except ValueError:
        raise ValueError(f"date '{v}' does not exist") from None


@lru_cache(maxsize=4096)
def parse_published(value: str) -> tuple[date, str]:
    """A publication date and its precision: ``2008-09-03`` (day), ``2017-04`` (month: the day
    is not known) or ``2017`` (year). Returns the first day of the period, for ordering only,
    and the precision; :func:`published_label` shows the date as precise as it was given."""
    v = value.strip()
    for precision, pat in _PARTIAL.items():
        if pat.fullmatch(v):
            try:
                return date.fromisoformat(v + {"month": "-01", "year": "-01-01"}[precision]), precision
            except ValueError:
                raise ValueError(f"date '{v}' does not exist") from None
    return parse_date(v), "day"


def published_label(when, precision: str = "day") -> str:
    """A publication date as precise as the manifest states it (``2017-04``, not ``2017-04-01``)."""
    fmt = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}.get(precision or "day", "%Y-%m-%d")
    return when.strftime(fmt)


def safe_member(folder: Path, name: str, entry: os.DirEntry | None = None) -> Path | str:
    """``folder/name`` if ``name`` is a plain file name that stays inside ``folder``.

    ``entry``: the folder's ``os.scandir`` entry of that name, if the caller has it (it knows
    whether the file is a link without asking the file system again, and its path, returned
    as a string: cheaper than joining a Path per file)."""
    if not name or name != name.strip():
        raise ValueError(f"file name '{name}' is empty or has surrounding spaces")
    if os.path.isabs(name) or "/" in name or "\\" in name or name in (".", "..") or ":" in name:
        raise ValueError(f"file '{name}' points outside the seeds folder; give a plain file name")
    if entry is not None and not entry.is_symlink():
        return entry.path
    target = folder / name
    if target.is_symlink():
        real = target.resolve()
        if folder.resolve() not in real.parents:
            raise ValueError(f"file '{name}' is a link to {real}, outside the seeds folder")
    return target


def read_manifest(seeds: str | Path | None = None) -> pd.DataFrame:
    folder = _seeds_dir(seeds)
    if not folder.is_dir():
        raise OssetiaError(rel(folder), "seeds folder not found")
    return read_table(folder / MANIFEST, COLUMNS)


class _Shown(os.PathLike):
    """A file as error messages show it (:func:`ossetia.paths.rel`), worked out only when shown."""

    def __init__(self, path: Path | str):
        self.path = path

    def __fspath__(self) -> str:
        return rel(Path(self.path))

    __str__ = __fspath__


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def problems(seeds: str | Path | None = None, on_doc=None) -> tuple[list[OssetiaError], pd.DataFrame | None, dict]:
    """Every problem of the manifest and its files, each an :class:`OssetiaError`.

    Also returns the manifest and the decoded texts of the files that passed, for callers
    that go on to load them. ``on_doc(row, raw, normalised)``, if given, is called for each
    document that passed, so a caller need not normalise it again."""
    folder = _seeds_dir(seeds)
    out: list[OssetiaError] = []
    try:
        man = read_manifest(folder)
    except OssetiaError as e:
        return [e], None, {}
    mname = rel(folder / MANIFEST)
    texts: dict[str, str] = {}
    seen_ids: set[str] = set()
    seen_sha: dict[str, str] = {}
    seen_text: dict[str, str] = {}
    listed: set[str] = set()
    try:
        extra = workspace_rules(folder)
    except OssetiaError as e:
        return [e], None, {}
    entries = {e.name: e for e in os.scandir(folder)}  # (one listing, not a file-system call per row)
    cols = list(man.columns)  # (rows as lists: much faster than to_dict or iterating Arrow-backed columns)
    records = (dict(zip(cols, vals)) for vals in man.to_numpy(dtype=object).tolist())
    for i, row in enumerate(records, start=2):
        did, fname = row["doc_id"].strip(), row["file"].strip()
        where = f"{mname} row {i}"
        if not ids.is_id(did):
            out.append(OssetiaError(mname, f"row {i}: doc_id '{did}' is not like {ids.describe()}"))
        elif did in seen_ids:
            out.append(OssetiaError(mname, f"row {i}: doc_id {did} is used twice"))
        seen_ids.add(did)
        try:
            parse_published(row["published"])
        except ValueError as e:
            out.append(OssetiaError(mname, f"row {i} (doc {did}): published {e}"))
        if row["date_basis"] not in DATE_BASES:
            out.append(OssetiaError(mname, f"row {i} (doc {did}): date_basis '{row['date_basis']}' "
                                           f"is not one of {', '.join(DATE_BASES)}"))
        if not row["outlet"].strip():
            out.append(OssetiaError(mname, f"row {i} (doc {did}): outlet is empty"))
        try:
            path = safe_member(folder, fname, entries.get(fname))
        except ValueError as e:
            out.append(OssetiaError(mname, f"row {i} (doc {did}): {e}"))
            continue
        listed.add(fname)
        fshow = _Shown(path)  # (resolving the shown path costs more than reading the file)
        try:
            data = read_bytes(path)
        except OSError as e:
            missing = isinstance(e, (FileNotFoundError, IsADirectoryError, NotADirectoryError)) or os.path.isdir(path)
            out.append(OssetiaError(fshow, f"listed in {where} but missing" if missing
                                    else f"cannot be read ({e.strerror})"))
            continue
        digest = sha256(data)
        if digest != row["sha256"].strip().lower():
            out.append(OssetiaError(fshow, f"checksum drift: sha256 is {digest[:12]}…, "
                                           f"{MANIFEST} says {row['sha256'][:12]}… (raw seeds are immutable)"))
        try:
            raw = decode_text(data, fshow)
        except OssetiaError as e:
            out.append(e)
            continue
        if not raw.strip():
            out.append(OssetiaError(fshow, "is empty" if not raw else "holds only whitespace"))
            continue
        n = _normalise(raw, row["outlet"], row["title"], extra)
        text = n.text
        if not text.strip():
            out.append(OssetiaError(fshow, "holds only site chrome (no article text after normalisation)"))
            continue
        if digest in seen_sha:
            out.append(OssetiaError(fshow, f"the same file as {seen_sha[digest]} (duplicate text)"))
            continue
        if text in seen_text:
            out.append(OssetiaError(fshow, f"the same article text as {seen_text[text]} (duplicate text)"))
            continue
        seen_sha[digest] = fname
        seen_text[text] = fname
        texts[did] = raw
        if on_doc is not None:
            on_doc(row, raw, n)
    for name in sorted(n for n in entries if n.endswith(".txt")):
        if name not in listed:
            out.append(OssetiaError(rel(folder / name), f"is in the seeds folder but not listed in {MANIFEST}"))
    return out, man, texts
