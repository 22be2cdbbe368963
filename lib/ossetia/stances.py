"""Stances: the tables the stance figures draw (the recognition matrix, the positions time
line, the precedent's argument map and sequence), from the claims table.

Who is what comes from the seeds tables (:mod:`ossetia.vocab`): each claim's ``stance`` from
``vocab/actions.csv``, its actor's ``lane`` and ``actor_kind`` from ``vocab/actors.csv``, its
``voice`` from ``seeds/voices.csv`` (all added by :func:`ossetia.evidence.load_claims`).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .fileio import read_table
from .paths import DATA_DIR

from .ids import frame_key
from .vocab import OUTLET_KIND, load_actors, load_lanes, matrix_targets, selected


def _short_date(r) -> str:
    """A claim's event date, or its publication date when the text gives none."""
    d = r["event_date"] or f"{r['published']:%Y-%m-%d}"
    return d


def stance_matrix(claims: pd.DataFrame, targets: dict[str, str] | None = None, min_claims: int = 1,
                  seeds: str | Path | None = None) -> pd.DataFrame:
    """Actors x targets: who recognises, urges, refuses or condemns what.

    Outlets (actors of kind ``outlet``) are left out: their own framing is not a position.

    Args:
        claims: the claims table (:func:`ossetia.evidence.load_claims`, or a filtered copy).
        targets: the targets to keep as columns (default: those with a ``matrix`` column
            number in ``vocab/targets.csv``).
        min_claims: keep actors with at least this many claims in the matrix.
        seeds: the seeds folder the vocabularies are read from (default: the project's).
    Returns:
        One row per (actor, target): stance (the most frequent), stances (all, comma-separated),
        claims (ids), n, sources (voice and publication date), first_date.
    """
    targets = targets or matrix_targets(seeds)
    c = claims[claims["target"].isin(targets)].copy()
    c = c[c["actor_kind"] != OUTLET_KIND]
    c = c[c["stance"] != "neutral"]
    rows = []
    for (actor, target), g in c.groupby(["actor", "target"], sort=True):
        st = g["stance"].mode().sort_values().iloc[0] if g["stance"].nunique() > 1 else g["stance"].iloc[0]
        rows.append({"actor": actor, "target": target, "stance": st, "stances": ", ".join(sorted(set(g["stance"]))),
                     "claims": " ".join(g["claim_id"]), "n": len(g),
                     "sources": "; ".join(sorted({f"{r['voice']} {r['published']:%Y-%m-%d}"
                                                  for _, r in g.iterrows()})),
                     "first_date": min(_short_date(r) for _, r in g.iterrows())})
    m = pd.DataFrame(rows, columns=["actor", "target", "stance", "stances", "claims", "n", "sources", "first_date"])
    keep = m.groupby("actor")["n"].sum()
    return m[m["actor"].isin(keep[keep >= min_claims].index)].reset_index(drop=True)


def actor_groups(actors, lane_of: dict[str, str], seeds: str | Path | None = None) -> list[tuple[str, list[str]]]:
    """Actors grouped by lane (party), groups in the order of the lanes (``vocab/lanes.csv``).

    Args:
        actors: actor names, in the order wanted inside each group.
        lane_of: actor -> lane (e.g. from the claims' ``actor`` and ``lane`` columns).
        seeds: the seeds folder (default: the project's).
    Returns:
        (lane, members) pairs for the lanes that have members.
    """
    order = list(load_lanes(seeds)["lane"])
    order += sorted({lane_of[a] for a in actors} - set(order))
    groups = [(lane, [a for a in actors if lane_of[a] == lane]) for lane in order]
    return [(g, members) for g, members in groups if members]


def position_lanes(seeds: str | Path | None = None) -> list[str]:
    """The lanes the positions figure draws, in order (``positions`` = yes in ``vocab/lanes.csv``).

    Args:
        seeds: the seeds folder (default: the project's).
    Returns:
        The lane names.
    """
    lanes = load_lanes(seeds)
    return list(lanes.loc[lanes["positions"], "lane"])


def positions(claims: pd.DataFrame, lanes: list[str] | None = None, seeds: str | Path | None = None) -> pd.DataFrame:
    """Dated positions of the main parties: claims with a stance whose date is known to the day
    or month. Undated claims and claims dated to a year only (e.g. "after the 2008 war") are
    left out: a point on a time line would claim a precision the text does not give.

    Args:
        claims: the claims table (:func:`ossetia.evidence.load_claims`, or a filtered copy).
        lanes: the lanes to keep (default: :func:`position_lanes`).
        seeds: the seeds folder (default: the project's).
    Returns:
        The kept claims with ``date`` (a Timestamp; mid-month for a month) and ``label``,
        one row per (lane, date, action, target), sorted by lane, date and claim id.
    """
    lanes = lanes or position_lanes(seeds)
    c = claims[claims["lane"].isin(lanes)].copy()
    c = c[(c["stance"] != "neutral") & (c["part"] != "headline") & c["date_precision"].isin(["day", "month"])]
    c["date"] = pd.to_datetime([d if len(d) == 10 else (d + "-15" if len(d) == 7 else f"{p:%Y-%m-%d}")
                                for d, p in zip(c["event_date"], c["published"])])
    c["label"] = [f"{a.replace('_', ' ')}\n{t.replace('_', ' ')}" for a, t in zip(c["action"], c["target"])]
    c = c.drop_duplicates(subset=["lane", "date", "action", "target"])
    return c.sort_values(["lane", "date", "claim_id"], key=frame_key).reset_index(drop=True)


#: the sides of the precedent debate: which actions put a claim on which side, the stance colour
#: and the heading each side is drawn with (``data/argument_sides.csv``)
ARGUMENT_SIDES = DATA_DIR / "argument_sides.csv"


def argument_sides() -> pd.DataFrame:
    """The sides of the argument map in drawing order: side, actions (list), stance, label (the
    group's heading), and how the figure's texts name the group: caption_first (opening the
    caption), caption (after another group) and alt."""
    t = read_table(ARGUMENT_SIDES, ["side", "actions", "stance", "label", "caption_first", "caption", "alt"])
    return t.assign(actions=[a.split() for a in t["actions"]])


def argument_map(claims: pd.DataFrame) -> pd.DataFrame:
    """Who invokes and who denies the precedent (theme ``kosovo_precedent``), or warns against
    recognising the precedent's case (the sides and their actions: :func:`argument_sides`). An
    outlet's own framing (an actor of kind ``outlet``) is not an argument in the debate and is
    left out.

    Args:
        claims: the claims table (:func:`ossetia.evidence.load_claims`, or a filtered copy).
    Returns:
        The claims of the debate with a ``side`` column (invokes, denies, warns), sorted by
        side, event date and claim id.
    """
    side_of = {a: r["side"] for r in argument_sides().to_dict("records") for a in r["actions"]}
    c = claims[(claims["theme"] == "kosovo_precedent") & claims["action"].isin(side_of)
               & (claims["actor_kind"] != OUTLET_KIND)].copy()
    c["side"] = c["action"].map(side_of)
    return c.sort_values(["side", "event_date", "claim_id"], key=frame_key).reset_index(drop=True)


def kosovo_sequence(claims: pd.DataFrame, events: pd.DataFrame, seeds: str | Path | None = None) -> pd.DataFrame:
    """The dated sequence a seminar discusses, mixing seed evidence and reference events.
    Only claims dated to the day are placed in it (a year-only date cannot be sequenced).

    Which actors and events the sequence follows is an editorial choice kept as data in
    ``seeds/selections.csv`` (figure ``kosovo-sequence``); without a selection, every actor of
    a positions lane and every event.

    Args:
        claims: the claims table (:func:`ossetia.evidence.load_claims`, or a filtered copy).
        events: ``reference/events.csv`` (:func:`ossetia.evidence.load_reference`).
        seeds: the seeds folder (default: the project's).
    Returns:
        One row per dated entry: date, date_basis (event or reported), what, cite (claim or
        reference id), layer (seed or reference), outlet (or the reference's source).
    """
    claims = claims[claims["date_precision"] == "day"]
    actors = selected("kosovo-sequence", "actor", seeds)
    who = claims["actor"].isin(actors) if actors else claims["lane"].isin(position_lanes(seeds))
    pick = claims[(claims["theme"].isin(["kosovo_precedent", "recognition"])) &
                  (claims["action"].isin(["invokes_precedent", "warns", "denies_precedent", "urges_recognition",
                                          "recognises"])) & who]
    rows = [{"date": r["event_date"], "date_basis": "reported" if r["date_basis"] == "publication" else "event",
             "what": f"{r['actor']}: {r['action'].replace('_', ' ')} ({r['target'].replace('_', ' ')})",
             "cite": r["claim_id"], "layer": "seed", "outlet": r["outlet"]} for _, r in pick.iterrows()]
    picked = selected("kosovo-sequence", "event", seeds)
    ev = events[events["ref_id"].isin(picked)] if picked else events
    rows += [{"date": r["date"], "date_basis": "event", "what": r["event"], "cite": r["ref_id"], "layer": "reference",
              "outlet": r["source"]} for _, r in ev.iterrows()]
    df = pd.DataFrame(rows)
    df = df.drop_duplicates(subset=["date", "what"]).sort_values(["date", "cite"]).reset_index(drop=True)
    return df


def lane_recognitions(recognitions: pd.DataFrame, lanes: list[str] | None = None,
                      seeds: str | Path | None = None) -> pd.DataFrame:
    """The recognitions (``reference/recognitions.csv``) by states that are actors of a lane
    the positions figure draws, each with its ``lane``.

    Args:
        recognitions: the reference table of recognitions.
        lanes: the lanes to keep (default: :func:`position_lanes`).
        seeds: the seeds folder (default: the project's).
    Returns:
        The matching recognitions with a ``lane`` column, in table order.
    """
    lanes = lanes or position_lanes(seeds)
    actors = load_actors(seeds)
    lane_of = dict(zip(actors["actor"], actors["lane"]))
    r = recognitions.assign(lane=recognitions["state"].map(lane_of))
    return r[r["lane"].isin(lanes)].reset_index(drop=True)


def date_window(event_date: str, precision: str, published) -> tuple:
    """Earliest and latest day an event date can mean (unknown precision: any time up to the
    publication date).

    Args:
        event_date: the claim's ``event_date`` (YYYY-MM-DD, YYYY-MM, YYYY or empty).
        precision: its ``date_precision`` (day, month, year, unknown).
        published: the document's publication date.
    Returns:
        (earliest, latest) as Timestamps (earliest NaT when the date is unknown).
    """
    if precision == "day":
        day = pd.Timestamp(event_date)
        return day, day
    if precision in ("month", "year"):
        period = pd.Period(event_date, freq="M" if precision == "month" else "Y")
        return period.start_time, period.end_time.normalize()
    return pd.NaT, published


def with_windows(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims with ``earliest`` and ``latest``: the window of days each event date can mean
    (:func:`date_window`).

    Args:
        claims: a claims table (event_date, date_precision, published).
    Returns:
        A copy with the two columns added.
    """
    out = claims.copy()
    windows = [date_window(d, p, pub) for d, p, pub in zip(out["event_date"], out["date_precision"], out["published"])]
    out["earliest"] = [w[0] for w in windows]
    out["latest"] = [w[1] for w in windows]
    return out


#: hedges a claim's note records (``data/hedges.csv``: name, pattern)
HEDGES = DATA_DIR / "hedges.csv"


def hedges(claims: pd.DataFrame) -> pd.DataFrame:
    """Which hedges each claim's ``note`` records (reported speech, belief, preliminary figures,
    vague quantities, inference, a weaker reading than the label), one boolean column per hedge
    (``data/hedges.csv``) and ``hedges``, their names joined.

    Args:
        claims: a claims table with a ``note`` column.
    Returns:
        A copy with one column per hedge and ``hedges``.
    """
    table = read_table(HEDGES, ["name", "pattern"])
    out = claims.copy()
    for name, pattern in zip(table["name"], table["pattern"]):
        out[name] = out["note"].str.contains(pattern, regex=True)
    names = list(table["name"])
    out["hedges"] = out[names].apply(lambda r: "; ".join(k for k in names if r[k]), axis=1)
    return out
