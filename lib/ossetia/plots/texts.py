"""Figure texts: titles, captions and alt texts filled in from the rows each figure draws.

The wording lives in ``data/figure_texts.csv`` (one row per figure: templates with
``{placeholders}``); the figure modules compute the placeholders (counts, date ranges, names)
from the tables they draw, so the text stays true when the corpus grows. Hand-written words
in the templates say how to read a figure, never a count or a date.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from ..fileio import read_table
from ..paths import DATA_DIR

TEXTS = DATA_DIR / "figure_texts.csv"
_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


@lru_cache(maxsize=1)
def _templates() -> dict[str, dict[str, str]]:
    t = read_table(TEXTS, ["name", "title", "caption", "alt"])
    return {r["name"]: r for r in t.to_dict("records")}


def fill(name: str, field: str, **facts) -> str:
    """The ``field`` (title, caption or alt) of figure ``name`` with its placeholders filled.

    Args:
        name: the figure's registry name.
        field: ``title``, ``caption`` or ``alt``.
        **facts: the placeholder values, computed from the rows the figure draws.
    Returns:
        The text.
    """
    return _templates()[name][field].format(**facts)


def number(n: int, capital: bool = False) -> str:
    """A count as a word up to twelve ("five"), as digits above."""
    w = _WORDS[n] if 0 <= n < len(_WORDS) else f"{n:,}"
    return w[:1].upper() + w[1:] if capital else w


def plural(n: int, word: str, words: str | None = None) -> str:
    """``"1 claim"``, ``"3 claims"`` (count as digits)."""
    return f"{n} {word if n == 1 else (words or word + 's')}"


def counted(n: int, word: str, words: str | None = None, capital: bool = False) -> str:
    """``"one text"``, ``"five texts"``, ``"Six reference rows"`` (count as a word up to twelve)."""
    return f"{number(n, capital)} {word if n == 1 else (words or word + 's')}"


def listing(items) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def month(d) -> str:
    """``"March 2008"``."""
    return f"{pd.Timestamp(d):%B %Y}"


def day(d) -> str:
    """``"26 August 2008"`` for a full date; a month or year as given."""
    s = str(d)
    if len(s) == 10:
        return f"{pd.Timestamp(s):%-d %B %Y}"
    return f"{pd.Timestamp(s + '-01'):%B %Y}" if len(s) == 7 else s


def span(first, last) -> str:
    """``"February to August 2008"``, or ``"November 2006 to March 2008"`` across years."""
    a, b = pd.Timestamp(first), pd.Timestamp(last)
    if a.year == b.year:
        return f"{a:%B} to {b:%B %Y}" if a.month != b.month else f"{a:%B %Y}"
    return f"{a:%B %Y} to {b:%B %Y}"
