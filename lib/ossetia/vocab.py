"""Who is what, as data: the stance family of each action (``vocab/actions.csv``, ``stance``),
the lane (party group) of each actor (``vocab/actors.csv``, ``lane``; the lanes themselves in
the optional ``vocab/lanes.csv``) and the voices of document parts (the optional
``seeds/voices.csv``: a part with no row speaks in its outlet's voice).

Figures and tables read these instead of lists typed into code, so a new actor, outlet or
voice reaches them by a row in a table.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .errors import OssetiaError
from .fileio import read_table
from .normalise import normalise
from .paths import rel, seeds_dir as _seeds_dir

#: the stance families an action can belong to (the house palette has one colour per family)
STANCE_VALUES = ("recognises", "urges", "refuses", "condemns", "neutral")
VOICE_COLUMNS = ["doc_id", "part", "voice", "note"]
LANE_COLUMNS = ["lane", "positions", "default_for_kinds", "description"]
ACTOR_COLUMNS = ["actor", "kind", "description", "lane"]
ACTION_COLUMNS = ["action", "stance"]
TARGET_COLUMNS = ["target", "label", "matrix"]
SELECTION_COLUMNS = ["figure", "kind", "value", "note"]
#: the kind of an actor that is a news outlet (or a source an outlet quotes)
OUTLET_KIND = "outlet"


def _folder(seeds) -> Path:
    return _seeds_dir(seeds)


def load_actors(seeds: str | Path | None = None) -> pd.DataFrame:
    """``vocab/actors.csv``: one row per actor with its ``kind`` and ``lane``.

    Args:
        seeds: the seeds folder (default: the project's, or ``OSSETIA_SEEDS``).
    Returns:
        DataFrame with columns actor, kind, description, lane (strings).
    """
    return read_table(_folder(seeds) / "vocab" / "actors.csv", ACTOR_COLUMNS)


def load_actions(seeds: str | Path | None = None) -> pd.DataFrame:
    """``vocab/actions.csv``: one row per action with its ``stance`` family.

    Args:
        seeds: the seeds folder (default: the project's).
    Returns:
        DataFrame with at least the columns action and stance.
    """
    return read_table(_folder(seeds) / "vocab" / "actions.csv", ACTION_COLUMNS)


def load_lanes(seeds: str | Path | None = None) -> pd.DataFrame:
    """The lanes (party groups) in figure order: ``vocab/lanes.csv`` when present; otherwise
    the lanes of ``vocab/actors.csv`` in order of first appearance, every lane without an
    outlet drawn in the positions figure.

    Args:
        seeds: the seeds folder (default: the project's).
    Returns:
        DataFrame with columns lane, positions (bool: drawn as a lane of the positions
        figure), kinds (list of actor kinds for which this lane is the default), description.
    """
    folder = _folder(seeds)
    path = folder / "vocab" / "lanes.csv"
    if path.exists():
        t = read_table(path, LANE_COLUMNS)
        return pd.DataFrame({"lane": t["lane"], "positions": t["positions"].str.strip().eq("yes"),
                             "kinds": [k.split() for k in t["default_for_kinds"]],
                             "description": t["description"]})
    actors = load_actors(folder)
    lanes = list(dict.fromkeys(actors["lane"]))
    with_outlet = set(actors.loc[actors["kind"] == OUTLET_KIND, "lane"])
    return pd.DataFrame({"lane": lanes, "positions": [ln not in with_outlet for ln in lanes],
                         "kinds": [[] for _ in lanes], "description": ["" for _ in lanes]})


def lane_for_kind(kind: str, seeds: str | Path | None = None) -> str:
    """The lane a new actor of ``kind`` gets when none is given: the lane of ``vocab/lanes.csv``
    whose ``default_for_kinds`` lists the kind, else the kind itself.

    Args:
        kind: an actor kind (state, body, person, group, region, outlet ...).
        seeds: the seeds folder (default: the project's).
    Returns:
        The lane name.
    """
    for lane, kinds in zip(*load_lanes(seeds)[["lane", "kinds"]].T.values):
        if kind in kinds:
            return lane
    return kind


def outlets(seeds: str | Path | None = None) -> list[str]:
    """The actors of kind ``outlet`` (news outlets and the sources they quote), in table order."""
    a = load_actors(seeds)
    return list(a.loc[a["kind"] == OUTLET_KIND, "actor"])


def load_voices(seeds: str | Path | None = None) -> pd.DataFrame:
    """``seeds/voices.csv`` (optional): the voice of a document part that does not speak in its
    outlet's voice (a forum post quoting an agency, an encyclopedia excerpt).

    Args:
        seeds: the seeds folder (default: the project's).
    Returns:
        DataFrame with columns doc_id, part, voice, note (empty when the file is absent).
    """
    path = _folder(seeds) / "voices.csv"
    if not path.exists():
        return pd.DataFrame(columns=VOICE_COLUMNS, dtype=str)
    return read_table(path, VOICE_COLUMNS)


def doc_parts(raw: str, *how) -> set[str]:
    """The names of a document's parts: its body parts and its fields (headline, caption ...).
    ``how``: the further arguments of :func:`ossetia.normalise.normalise` (outlet, title, rules)."""
    n = normalise(raw, *how)
    return {p.part for p in n.paragraphs} | {"headline" if f == "title" else f for f in n.field_spans}


def _selection_problems(folder: Path, actors: set[str]) -> list[OssetiaError]:
    """Selections must name actors of vocab/actors.csv and events of reference/events.csv."""
    try:
        sel = load_selections(folder)
        events = read_table(folder / "reference" / "events.csv", ["ref_id"]) if len(sel) else None
    except OssetiaError as e:
        return [e]
    known = {"actor": actors, "event": set() if events is None else set(events["ref_id"])}
    errs = []
    for i, r in enumerate(sel.to_dict("records"), start=2):
        if r["kind"] not in known:
            errs.append(OssetiaError(rel(folder / "selections.csv"), f"row {i}: kind '{r['kind']}' is not one of "
                                     f"{', '.join(known)}"))
        elif r["value"] not in known[r["kind"]]:
            where = "vocab/actors.csv" if r["kind"] == "actor" else "reference/events.csv"
            errs.append(OssetiaError(rel(folder / "selections.csv"), f"row {i}: {r['kind']} '{r['value']}' is not in {where}"))
    return errs


def problems(folder: Path, parts_of: dict[str, set[str]]) -> list[OssetiaError]:
    """Check the stance, lane and voice columns and tables of ``folder``.

    Args:
        folder: the seeds folder.
        parts_of: doc_id -> the names of that document's parts.
    Returns:
        One error per problem (file, row and what is wrong).
    """
    errs: list[OssetiaError] = []
    vocab = folder / "vocab"
    try:
        for i, r in enumerate(load_actions(folder).to_dict("records"), start=2):
            if r["stance"] not in STANCE_VALUES:
                errs.append(OssetiaError(rel(vocab / "actions.csv"), f"row {i}: action '{r['action']}' has stance "
                                         f"'{r['stance']}'; use one of {', '.join(STANCE_VALUES)}"))
    except OssetiaError as e:
        errs.append(e)
    lanes = None
    if (vocab / "lanes.csv").exists():
        try:
            t = read_table(vocab / "lanes.csv", LANE_COLUMNS)
            lanes = set(t["lane"])
            for i, r in enumerate(t.to_dict("records"), start=2):
                if not r["lane"].strip():
                    errs.append(OssetiaError(rel(vocab / "lanes.csv"), f"row {i}: no lane name"))
                if r["positions"].strip() not in ("yes", "no"):
                    errs.append(OssetiaError(rel(vocab / "lanes.csv"), f"row {i}: positions is "
                                             f"'{r['positions']}'; use yes or no"))
            dup = sorted({x for x in t["lane"] if list(t["lane"]).count(x) > 1})
            if dup:
                errs.append(OssetiaError(rel(vocab / "lanes.csv"), f"lane(s) listed twice: {', '.join(dup)}"))
        except OssetiaError as e:
            errs.append(e)
    actors: set[str] = set()
    try:
        for i, r in enumerate(load_actors(folder).to_dict("records"), start=2):
            actors.add(r["actor"])
            if not r["lane"].strip():
                errs.append(OssetiaError(rel(vocab / "actors.csv"), f"row {i}: actor '{r['actor']}' has no lane"))
            elif lanes is not None and r["lane"] not in lanes:
                errs.append(OssetiaError(rel(vocab / "actors.csv"), f"row {i}: lane '{r['lane']}' of actor "
                                         f"'{r['actor']}' is not in vocab/lanes.csv"))
    except OssetiaError as e:
        errs.append(e)
    try:
        for i, r in enumerate(load_targets(folder).to_dict("records"), start=2):
            if r["matrix"].strip() and not r["matrix"].strip().isdigit():
                errs.append(OssetiaError(rel(vocab / "targets.csv"), f"row {i}: matrix '{r['matrix']}' of target "
                                         f"'{r['target']}' is not a column number (leave it blank for none)"))
    except OssetiaError as e:
        errs.append(e)
    errs += _selection_problems(folder, actors)
    try:
        voices = load_voices(folder)
    except OssetiaError as e:
        return errs + [e]
    seen: set[tuple[str, str]] = set()
    name = rel(folder / "voices.csv")
    for i, r in enumerate(voices.to_dict("records"), start=2):
        key = (r["doc_id"], r["part"])
        if r["doc_id"] not in parts_of:
            errs.append(OssetiaError(name, f"row {i}: doc_id '{r['doc_id']}' is not in sources.csv"))
        elif r["part"] not in parts_of[r["doc_id"]]:
            errs.append(OssetiaError(name, f"row {i}: document {r['doc_id']} has no part '{r['part']}' "
                                     f"(its parts: {', '.join(sorted(parts_of[r['doc_id']]))})"))
        if actors and r["voice"] not in actors:
            errs.append(OssetiaError(name, f"row {i}: voice '{r['voice']}' is not in vocab/actors.csv"))
        if key in seen:
            errs.append(OssetiaError(name, f"row {i}: document {r['doc_id']} part '{r['part']}' is listed twice"))
        seen.add(key)
    return errs


def load_targets(seeds: str | Path | None = None) -> pd.DataFrame:
    """``vocab/targets.csv``: one row per target with its short ``label`` and its ``matrix``
    column number in the recognition matrix (blank: not a column).

    Args:
        seeds: the seeds folder (default: the project's).
    Returns:
        DataFrame with at least the columns target, label, matrix.
    """
    return read_table(_folder(seeds) / "vocab" / "targets.csv", TARGET_COLUMNS)


def target_labels(seeds: str | Path | None = None) -> dict[str, str]:
    """target -> its short label for figures (``vocab/targets.csv``, ``label``)."""
    t = load_targets(seeds)
    return dict(zip(t["target"], t["label"]))


def two_lines(label: str) -> str:
    """A label broken into two lines where the longer line is shortest (a column heading)."""
    words = label.split(" ")
    if len(words) < 2:
        return label
    k = min(range(1, len(words)), key=lambda i: (max(len(" ".join(words[:i])), len(" ".join(words[i:]))), i))
    return " ".join(words[:k]) + "\n" + " ".join(words[k:])


def matrix_targets(seeds: str | Path | None = None) -> dict[str, str]:
    """The columns of the recognition matrix in order: target -> two-line heading."""
    t = load_targets(seeds)
    t = t[t["matrix"].str.strip() != ""]
    t = t.assign(order=t["matrix"].astype(int)).sort_values(["order", "target"])
    return {r["target"]: two_lines(r["label"]) for r in t.to_dict("records")}


def load_selections(seeds: str | Path | None = None) -> pd.DataFrame:
    """``seeds/selections.csv`` (optional): editorial selections for figures that show a chosen
    sequence rather than every row (figure, kind, value, note).

    Args:
        seeds: the seeds folder (default: the project's).
    Returns:
        DataFrame with columns figure, kind, value, note (empty when the file is absent).
    """
    path = _folder(seeds) / "selections.csv"
    if not path.exists():
        return pd.DataFrame(columns=SELECTION_COLUMNS, dtype=str)
    return read_table(path, SELECTION_COLUMNS)


def selected(figure: str, kind: str, seeds: str | Path | None = None) -> list[str] | None:
    """The values of ``kind`` selected for ``figure`` (``seeds/selections.csv``), or None when
    the table selects nothing of that kind for it (the figure then shows every candidate)."""
    s = load_selections(seeds)
    vals = list(s.loc[(s["figure"] == figure) & (s["kind"] == kind), "value"])
    return vals or None
