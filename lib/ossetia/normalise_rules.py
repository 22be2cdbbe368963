"""The normalisation rules: ``data/normalise_rules.csv`` and a workspace's
``vocab/normalise_rules.csv``, read and checked, and which of them apply to an outlet
(see :mod:`ossetia.normalise` for what the roles and ``where`` values mean)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .paths import DATA_DIR

RULES_FILE = DATA_DIR / "normalise_rules.csv"
FIELD_ROLES = ("title", "byline", "date_header", "dateline", "caption")


@dataclass(frozen=True)
class Rule:
    rule_id: str
    outlet: str
    role: str
    where: str
    pattern: re.Pattern | None
    description: str


RULE_COLUMNS = ("rule_id", "outlet", "role", "where", "pattern", "description")
ROLES = ("chrome", "heading", "repeat_title", "repeat_line") + FIELD_ROLES
WHERE = ("any", "first", "first_alone", "after_title", "last", "given_title", "before_title")
#: ``where`` values tested apart from the prefilter (they depend on the line's position)
_POSITIONAL = ("last", "given_title", "before_title")
#: the outlet value of the rules for outlets that have no rule of their own
NEW_OUTLET = "?"


def read_rules(path) -> tuple[Rule, ...]:
    """The rules of a rules table (the package's, or a workspace's ``vocab/normalise_rules.csv``),
    checked: a bad row is one :class:`OssetiaError` naming the file and the row."""
    from .errors import OssetiaError
    from .paths import rel
    from .fileio import read_table

    df = read_table(path, list(RULE_COLUMNS))
    rules = []
    for i, row in enumerate(df.to_dict("records"), start=2):
        where = f"row {i} ({row['rule_id'] or 'no rule_id'})"
        if not row["rule_id"].strip() or not row["outlet"].strip():
            raise OssetiaError(rel(path), f"{where}: rule_id and outlet must not be empty ('*' for every outlet)")
        if row["role"] not in ROLES and not re.fullmatch(r"part:\w+", row["role"]):
            raise OssetiaError(rel(path), f"{where}: role '{row['role']}' is not one of {', '.join(ROLES)} or part:NAME")
        if row["where"] not in WHERE:
            raise OssetiaError(rel(path), f"{where}: where '{row['where']}' is not one of {', '.join(WHERE)}")
        if not row["pattern"] and row["role"] not in ("repeat_title", "repeat_line") and row["where"] != "given_title":
            raise OssetiaError(rel(path), f"{where}: no pattern")
        try:
            pat = re.compile(row["pattern"]) if row["pattern"] else None
        except re.error as e:
            raise OssetiaError(rel(path), f"{where}: pattern is not a regular expression ({e})") from None
        rules.append(Rule(row["rule_id"], row["outlet"], row["role"], row["where"], pat, row["description"]))
    return tuple(rules)


@lru_cache(maxsize=1)
def load_rules() -> tuple[Rule, ...]:
    """The package's rules (``data/normalise_rules.csv``)."""
    return read_rules(RULES_FILE)


_WS_RULES: dict = {}


def workspace_rules(seeds=None) -> tuple[Rule, ...]:
    """The extra rules of a seeds folder, ``vocab/normalise_rules.csv`` (none when absent);
    re-read when the file changes."""
    from .paths import seeds_dir

    path = seeds_dir(seeds) / "vocab" / "normalise_rules.csv"
    try:
        st = path.stat()
    except OSError:
        return ()
    key = (str(path.resolve()), st.st_mtime_ns, st.st_size)
    if key not in _WS_RULES:
        _WS_RULES.clear()
        _WS_RULES[key] = read_rules(path)
    return _WS_RULES[key]


@lru_cache(maxsize=64)
def _rules_for(outlet: str, extra: tuple[Rule, ...] = ()) -> tuple[tuple[Rule, ...], re.Pattern]:
    """The rules that apply to an outlet (see the module's docstring), and one pattern that
    any of them could match (a fast test that lets most body lines skip the rule loop)."""
    package = load_rules()
    own = any(r.outlet == outlet for r in package)
    rules = tuple(r for r in extra if r.outlet in ("*", outlet)) + tuple(
        r for r in package if r.outlet in ("*", outlet) or (r.outlet == NEW_OUTLET and not own))
    alts = [re.sub(r"\(\?P<\w+>", "(?:", r.pattern.pattern) for r in rules if r.pattern is not None]
    return rules, re.compile("|".join(f"(?:{a})" for a in alts))


@lru_cache(maxsize=256)
def _prefilter(outlet: str, first: bool, after_title: bool, extra: tuple[Rule, ...] = ()) -> re.Pattern:
    """Like the pattern of :func:`_rules_for`, from only the rules the loop would try in the
    current state: ``where=first`` rules only while ``first`` (no content or title yet),
    ``where=after_title`` rules only right after the title. A line it does not match can
    match no rule the loop would try (the title repeat, a repeated line and the positional
    rules are tested apart)."""
    rules = [r for r in _rules_for(outlet, extra)[0] if r.pattern is not None and r.where not in _POSITIONAL
             and (first or r.where not in ("first", "first_alone")) and (after_title or r.where != "after_title")]
    alts = [re.sub(r"\(\?P<\w+>", "(?:", r.pattern.pattern) for r in rules]
    return re.compile("|".join(f"(?:{a})" for a in alts)) if alts else re.compile(r"(?!)")


def rules_table():
    """The normalisation rules as a DataFrame (for notebooks and the README)."""
    import pandas as pd

    return pd.read_csv(RULES_FILE, encoding="utf-8", dtype=str, keep_default_na=False)


@lru_cache(maxsize=64)
def _prefilters(outlet: str, extra: tuple[Rule, ...] = ()) -> tuple:
    """The ``fullmatch`` of :func:`_prefilter` for an outlet, for each state, indexed by
    ``2 * first + after_title`` (one tuple look-up per line instead of a cached call), and
    which position-dependent tests its rules need (given title, last line, repeated line)."""
    rules = _rules_for(outlet, extra)[0]
    need = (any(r.where in ("given_title", "before_title") for r in rules),
            any(r.where == "last" for r in rules), any(r.role == "repeat_line" for r in rules))
    return tuple(_prefilter(outlet, first, after, extra).fullmatch
                 for first in (False, True) for after in (False, True)) + need


