"""How the recognition figures fit a preset: the matrix's cell labels and widths, and how the
matrix and the positions figure split where a preset cannot hold them whole."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..stances import actor_groups, position_lanes, stance_matrix
from ..vocab import matrix_targets
from .presets import is_bare
from .style import STANCES, text_width


#: How a matrix cell names its first evidence, longest first: a smaller preset takes the first
#: that fits its width (print always takes the first).
CELL_LABELS = ("{voice} {date:%Y-%m-%d}{more}", "{voice} {date:%Y}{more}", "{more}")


def _matrix_cells(m: pd.DataFrame, claims: pd.DataFrame, fmt: str) -> list:
    """(matrix row, stances drawn, label) per cell of ``m``; the label in format ``fmt``."""
    by_id = claims.set_index("claim_id")
    cells = []
    for _, r in m.iterrows():
        ev = by_id.loc[r["claims"].split()].sort_values(["published", "outlet"])
        first_ev = ev.iloc[0]
        more = len(ev) - 1
        label = fmt.format(voice=first_ev["voice"], date=first_ev["published"],
                           more=(f" +{more}" if fmt.startswith("{voice}") else f"+{more}") if more else "").strip()
        cells.append((r, [k for k in STANCES if k in r["stances"].split(", ")], label))
    return cells


def _matrix_widths(cells, targets, headings, order, P):
    """Column widths, the actor-name width and the figure width (inches) of a matrix."""
    fs, step = P.pt(8.5), P.k(11.5)
    need = {t: 0.0 for t in targets}
    for r, sts, label in cells:
        w = (len(sts) * step + 4 + (text_width(label, fs) if label else 0)) / 72
        need[r["target"]] = max(need[r["target"]], w)
    head = {t: max(text_width(line, P.pt(9.5)) for line in headings[t].split("\n")) / 72 for t in targets}
    pad = 0.28 if P.is_print else 0.16
    widths = [max(need[t], head[t]) + pad for t in targets]
    name_w = max(text_width(a, P.pt(10)) for a in order) / 72
    return widths, name_w, sum(widths) + name_w + P.k(0.95)


def _matrix_rows_fit(P) -> int:
    """How many actor rows a matrix holds at preset ``P`` (print: any number)."""
    if P.is_print:
        return 10**6
    height = P.height or P.max_height
    overhead = 2.5 * P.pt(10) / 10 - (1.0 * P.pt(10) / 10 if is_bare() else 0)  # title, heads, legend, foot
    return max(1, int((height - overhead) / (P.pt(10) * 1.5 / 72)))


def matrix_parts(claims: pd.DataFrame, P, seeds: str | Path | None = None) -> list[tuple[str, list[str], list[str]]]:
    """How the matrix splits at preset ``P``: (label, actors, targets) per part, or ``[]`` when it
    fits whole; the label says what the part holds (the export numbers the parts). Columns
    (topics) split first where the width is short, then rows by party group where the height
    is; each part keeps whole party groups."""
    headings = matrix_targets(seeds)
    m = stance_matrix(claims, targets=headings, seeds=seeds)
    if P.is_print or m.empty:
        return []
    targets = [t for t in headings if t in set(m["target"])]
    lane_of = dict(zip(claims["actor"], claims["lane"]))
    groups = actor_groups(sorted(set(m["actor"])), lane_of, seeds)
    actors = [a for _, g in groups for a in g]
    col_parts = None
    for k in range(1, len(targets) + 1):
        size = -(-len(targets) // k)
        chunks = [targets[i:i + size] for i in range(0, len(targets), size)]
        for fmt in CELL_LABELS:
            if all(_matrix_widths(_matrix_cells(m[m["target"].isin(c)], claims, fmt), c, headings, actors, P)[2]
                   <= P.width for c in chunks):
                col_parts = chunks
                break
        if col_parts:
            break
    col_parts = col_parts or [[t] for t in targets]
    room, row_parts, cur = _matrix_rows_fit(P), [], []
    for g, members in groups:
        if cur and sum(len(x[1]) for x in cur) + len(members) > room:
            row_parts.append(cur)
            cur = []
        cur.append((g, members))
    row_parts.append(cur)
    if len(col_parts) == 1 and len(row_parts) == 1:
        return []
    parts = []
    for rp in row_parts:
        for cp in col_parts:
            who = ", ".join(g for g, _ in rp) if len(row_parts) > 1 else ""
            k0 = targets.index(cp[0]) + 1
            what = (f"topics {k0}–{k0 + len(cp) - 1} of {len(targets)}" if len(cp) > 1 else f"topic {k0} of {len(targets)}") \
                if len(col_parts) > 1 else ""
            parts.append(("; ".join(x for x in (who, what) if x), [a for _, g in rp for a in g], cp))
    return parts



def positions_parts(data: dict, P, draw) -> list[tuple[str, list[str]]]:
    """How the positions figure splits at preset ``P``: (label, lanes) per part (the export
    numbers the parts), or ``[]`` when every lane holds its labels whole (fewer lanes per figure
    give each lane more height); ``draw``: the positions draw function (its figures tell whether
    they are crowded)."""
    if P.is_print:
        return []
    lanes = position_lanes(data["seeds"])
    for k in range(1, len(lanes) + 1):
        size = -(-len(lanes) // k)
        chunks = [lanes[i:i + size] for i in range(0, len(lanes), size)]
        crowded = False
        for c in chunks:
            fig = draw(data["claims"], data["corpus"], data["recognitions"], seeds=data["seeds"],
                                            preset=P, lanes=c)
            crowded = crowded or fig.crowded
        if not crowded:
            break
    if len(chunks) == 1:
        return []
    return [(", ".join(c), c) for c in chunks]


