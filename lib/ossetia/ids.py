"""Identifiers of documents (three digits or more: ``999``, then ``1000`` …) and of evidence rows
(``C001`` … ``C999``, ``C1000`` …; ``N001`` …): their form, their order and the next one.

An id is an optional capital-letter prefix and a number written with at least three digits:
zero-padded to three (``007``), never padded beyond (``1000``, not ``01000``), so each number
has exactly one spelling. Ids are ordered by their number everywhere (``sort_key``): string
order would put ``1000`` before ``999``, and the corpus's existing three-digit ids cannot be
renamed to a wider padding, because claims, notes and figures cite them.
"""

from __future__ import annotations

import re
from typing import Iterable

import pandas as pd

_ID = re.compile(r"(?P<prefix>[A-Z]*)(?P<num>0\d\d|[1-9]\d{2,})")
WIDTH = 3


def is_id(value: str, prefix: str = "") -> bool:
    """Whether ``value`` is an id with this prefix (``"007"``, ``"C1000"``), spelt canonically."""
    m = _ID.fullmatch(value)
    return m is not None and m["prefix"] == prefix


def describe(prefix: str = "") -> str:
    """How an id should look, for error messages."""
    return f"{prefix}001, {prefix}002 … ({prefix}999, {prefix}1000 …: at least three digits, zero-padded to three)"


def number(value: str) -> int:
    """The number of an id (``"C012"`` -> 12); ValueError if it is not an id."""
    m = _ID.fullmatch(value)
    if m is None:
        raise ValueError(f"'{value}' is not an id like {describe()}")
    return int(m["num"])


def format_id(n: int, prefix: str = "") -> str:
    """The id of number ``n``: ``format_id(7) == "007"``, ``format_id(1000, "C") == "C1000"``."""
    if n < 0:
        raise ValueError("ids are not negative")
    return f"{prefix}{n:0{WIDTH}d}"


def sort_key(value: str) -> tuple:
    """Order ids by prefix, then number; anything that is not an id sorts after, as a string."""
    m = _ID.fullmatch(str(value))
    return (0, m["prefix"], int(m["num"]), "") if m else (1, "", 0, str(value))


def sorted_ids(values: Iterable[str]) -> list[str]:
    return sorted(values, key=sort_key)


def next_id(existing: Iterable[str], prefix: str = "", start: int = 0) -> str:
    """One more than the largest number among ``existing`` (``start`` when there is none)."""
    nums = [number(v) for v in existing if is_id(v, prefix)]
    return format_id(max(nums) + 1 if nums else start, prefix)


def frame_key(col: pd.Series) -> pd.Series:
    """A ``key=`` for :meth:`pandas.DataFrame.sort_values`: id columns (``doc_id``,
    ``claim_id``, ``number_id`` …, or any column whose values are all ids) sort by number;
    other columns sort as they are."""
    if not pd.api.types.is_numeric_dtype(col) and len(col) and all(isinstance(v, str) and _ID.fullmatch(v) for v in col):
        rank = {v: i for i, v in enumerate(sorted(set(col), key=sort_key))}
        return col.map(rank)
    return col
