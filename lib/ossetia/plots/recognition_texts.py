"""Titles, captions and alt texts of the recognition figures, built from the rows they draw."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..stances import actor_groups, lane_recognitions, position_lanes, positions, stance_matrix
from ..vocab import matrix_targets, target_labels
from .layout import short_target
from .style import STANCES
from .texts import counted, day, fill, listing, month, number, plural


def _stance_word(k: str) -> str:
    return STANCES[k][2].split(",")[0].split(" or ")[0]


def recognition_matrix_texts(claims: pd.DataFrame, min_claims: int = 1, seeds: str | Path | None = None) -> dict:
    """Title, caption and alt text of :func:`recognition_matrix_figure` (same arguments)."""
    headings = matrix_targets(seeds)
    m = stance_matrix(claims, targets=headings, min_claims=min_claims, seeds=seeds)
    lane_of = dict(zip(claims["actor"], claims["lane"]))
    groups = actor_groups(sorted(set(m["actor"])), lane_of, seeds)
    targets = [t for t in headings if t in set(m["target"])]
    labels = target_labels(seeds)
    docs = claims.loc[claims["claim_id"].isin(" ".join(m["claims"]).split()), "doc_id"]
    by_group = []
    for g, members in groups:
        cells = m[m["actor"].isin(members)]
        counts = [f"{_stance_word(k)} {(cells['stance'] == k).sum()}" for k in STANCES if (cells["stance"] == k).any()]
        by_group.append(f"{g} ({', '.join(counts)})")
    facts = {"texts": counted(docs.nunique(), "text"), "actors": plural(len(set(m["actor"])), "actor"),
             "groups": plural(len(groups), "group"), "topics": plural(len(targets), "topic"),
             "targets": listing(short_target(t, labels) for t in targets),
             "by_group": "; ".join(by_group)}
    return {k: fill("recognition-matrix", k, **facts) for k in ("title", "caption", "alt")}


def positions_texts(claims: pd.DataFrame, recognitions: pd.DataFrame, seeds: str | Path | None = None,
                    lanes: list[str] | None = None) -> dict:
    """Title, caption and alt text of :func:`positions_timeline_figure` (same tables and lanes)."""
    lanes = list(lanes or position_lanes(seeds))
    pos = positions(claims, lanes)
    refs = lane_recognitions(recognitions, lanes, seeds)
    labels = target_labels(seeds)
    dates = list(pos["date"]) + [pd.Timestamp(d) for d in refs["date"]]
    per_lane = []
    for lane in lanes:
        p = pos[pos["lane"] == lane]
        if len(p):
            per_lane.append(f"{lane}, {plural(len(p), 'position')} from {month(p['date'].min())} to {month(p['date'].max())}")
        else:
            per_lane.append(f"{lane}, no dated position")
    rec = [f"{r['state']}'s recognition of {short_target(str(r['recognises']), labels)} ({r['ref_id']}, {day(r['date'])})"
           for _, r in refs.iterrows()]
    facts = {"parties": counted(len(lanes), "party", "parties"), "lanes": listing(lanes),
             "Lanes": counted(len(lanes), "horizontal lane", capital=True),
             "axis_from": min(dates).year - 1, "axis_to": max(dates).year + 1,
             "positions": plural(len(pos), "dated position"),
             "per_lane": "; ".join(per_lane),
             "refs": (f" {listing(rec)} {'comes' if len(rec) == 1 else 'come'} from the reference layer, drawn hollow "
                     "and dashed.") if rec else "",
             "ref_markers": f" Hollow reference markers: {listing(rec)}." if rec else ""}
    return {k: fill("positions-timeline", k, **facts) for k in ("title", "caption", "alt")}


def recognition_timeline_texts(recognitions: pd.DataFrame, claims: pd.DataFrame, seeds: str | Path | None = None) -> dict:
    """Title, caption and alt text of :func:`recognition_timeline_figure` (same tables)."""
    labels = target_labels(seeds)
    seeds_ = claims[(claims["action"] == "recognises") & (claims["target"] == "south_ossetia_independence")]
    years = [int(str(d)[:4]) for d in recognitions["date"]]
    what = listing(dict.fromkeys(short_target(str(x), labels) for x in recognitions["recognises"]))
    rows = [f"{r['state']} {day(r['date'])}" + (f" withdrawn {day(r['withdrawn_date'])}" if r["status"] == "withdrawn" else "")
            for _, r in recognitions.iterrows()]
    wd = recognitions[recognitions["status"] == "withdrawn"]
    quotes = [f"'{r['exact']}', {r['outlet']} {r['published']:%Y}" for _, r in seeds_.iterrows()]
    facts = {"what": what, "first_year": min(years), "last_year": max(years),
             "withdrawals": (", with " + listing(f"{r['state']}'s {str(r['withdrawn_date'])[:4]} withdrawal"
                                                 for _, r in wd.iterrows())) if len(wd) else "",
             "seed_statements": (f"the {number(len(seeds_))} seed statement{'s' if len(seeds_) != 1 else ''} dating a "
                                 f"recognition ({'; '.join(quotes)})") if len(seeds_) else "no seed statement",
             "Reference_rows": counted(len(recognitions), "reference row", capital=True), "rows": ", ".join(rows),
             "bands": "".join(f" A band for {r['event_date']} marks {r['outlet']}'s statement ({r['claim_id']}, dated to the "
                              f"{r['date_precision']})." for _, r in seeds_.iterrows())}
    return {k: fill("recognition-timeline", k, **facts) for k in ("title", "caption", "alt")}


