"""Label placement and text helpers shared by the figure modules (no figure is drawn here)."""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.transforms as mtransforms
import pandas as pd

from ..corpus import source_label
from ..ids import sorted_ids
from .style import wrap_text as wrap_pt  # noqa: F401  (the figure modules import it from here)


def source_labels(corpus: pd.DataFrame, doc_ids) -> list[str]:
    """Source-line labels (outlet and date) of the documents ``doc_ids``, in id order."""
    return [source_label(corpus, d) for d in sorted_ids(set(doc_ids))]


def axes_inches(ax) -> tuple[float, float]:
    """Width and height in inches of ``ax`` once the layout engine has placed it."""
    fig = ax.figure
    fig.draw_without_rendering()
    pos = ax.get_position()
    w, h = fig.get_size_inches()
    return pos.width * w, pos.height * h


def x_inches(ax, aw: float):
    """Function mapping an x data value (dates allowed) to inches from the left of ``ax``."""
    x0, x1 = ax.get_xlim()

    def f(x):
        v = mdates.date2num(x) if isinstance(x, (pd.Timestamp,)) else x
        return (v - x0) / (x1 - x0) * aw
    return f


def pt(ax, dx: float = 0, dy: float = 0):
    """Data transform of ``ax`` shifted by (dx, dy) points."""
    return mtransforms.offset_copy(ax.transData, fig=ax.figure, x=dx, y=dy, units="points")


def short_target(target: str, labels: dict[str, str]) -> str:
    """A short readable name for a claim target: its ``label`` in ``vocab/targets.csv``
    (``labels``, from :func:`ossetia.vocab.target_labels`), else the id with spaces."""
    return labels.get(target) or target.replace("_", " ")


def clusters(dates: list, days: int = 75) -> list[list[int]]:
    """Indices of sorted ``dates`` grouped where consecutive dates are at most ``days`` apart."""
    out: list[list[int]] = []
    for i, d in enumerate(dates):
        if out and (d - dates[out[-1][-1]]).days <= days:
            out[-1].append(i)
        else:
            out.append([i])
    return out


def place_lane(clusters: list[dict], lo: float, hi: float, aw: float, step: float,
               strict: bool = False) -> list[tuple[str, float]] | None:
    """Choose for each cluster of a lane a side for its labels ('right' or 'left' of its markers)
    and a vertical shift (inches, from the lane centre) so that no two clusters overlap and all
    stay inside the lane (lo..hi, inches from the lane centre) and the axes (0..aw).
    Each cluster: x0, x1 (marker extent, inches), w (label width), pre (gap before the label), n (rows).
    Returns (side, shift) per cluster; the search minimises the total shift (right preferred).
    When nothing fits without overlap: ``None`` if ``strict``, else the cheapest option each."""
    shifts = sorted({round(k * step / 2, 4) for k in range(-16, 17)}, key=lambda v: (abs(v), v))
    options = []
    for c in clusters:
        h = c["n"] * step
        opts = []
        for sh in shifts:
            y0, y1 = sh - h / 2, sh + h / 2
            if y0 < lo or y1 > hi:
                continue
            for side in ("right", "left"):
                x0, x1 = ((c["x0"] - 0.04, c["x1"] + c["pre"] + c["w"]) if side == "right"
                          else (c["x0"] - c["pre"] - c["w"], c["x1"] + 0.04))
                if x0 < 0 or x1 > aw:
                    continue
                opts.append((abs(sh) + (0.3 if side == "left" else 0), side, sh, (x0, x1, y0, y1)))
        opts.sort(key=lambda o: o[0])
        options.append(opts or [(99, "right", 0.0, (c["x0"], c["x1"] + c["w"], -h / 2, h / 2))])
    best: list = [float("inf"), None]

    def free(r, placed):
        return all(r[1] + 0.06 <= p[0] or p[1] + 0.06 <= r[0] or r[3] <= p[2] or p[3] <= r[2] for p in placed)

    def dfs(i, placed, cost, chosen):
        if cost >= best[0]:
            return
        if i == len(options):
            best[0], best[1] = cost, list(chosen)
            return
        for o in options[i]:
            if free(o[3], placed):
                dfs(i + 1, placed + [o[3]], cost + o[0], chosen + [(o[1], o[2])])

    dfs(0, [], 0.0, [])
    if best[1] is None:  # nothing fits without overlap: fall back to the cheapest option each
        if strict:
            return None
        best[1] = [(o[0][1], o[0][2]) for o in options]
    return best[1]


def fmt_day(d: str) -> str:
    """'2008-02-17' -> '17 Feb 2008' (other precisions unchanged)."""
    return f"{pd.Timestamp(d):%-d %b %Y}" if len(d) == 10 else d


def place_blocks(blocks: list[dict], aw: float, half: float, base: float = 0.22, gap: float = 0.08) -> list[tuple]:
    """Place label blocks above (+1) or below (-1) a horizontal base line, in inches: each block
    has an anchor ``x`` on the line, a width ``w`` and height ``h``. Returns (side, x0, y0) per
    block, y0 the distance of the block's near edge from the line. Blocks never overlap each
    other or the leader lines (anchor to block), and stay within 0..aw and ``half`` of the line.
    Greedy, in date order and in reverse; the cheaper result wins (deterministic)."""

    def hits_rect(r, rects):
        return any(not (r[1] + gap <= p[0] or p[1] + gap <= r[0] or r[3] + gap <= p[2] or p[3] + gap <= r[2])
                   for p in rects)

    def seg_hits(a, b, rects, m=0.03):
        """Does the segment a-b cross any of the rectangles (grown by m)? (Liang-Barsky clipping)"""
        dx, dy = b[0] - a[0], b[1] - a[1]
        for p in rects:
            t0, t1 = 0.0, 1.0
            for q, d in ((a[0] - (p[0] - m), -dx), ((p[1] + m) - a[0], dx),
                         (a[1] - (p[2] - m), -dy), ((p[3] + m) - a[1], dy)):
                if d == 0:
                    if q < 0:
                        break
                    continue
                t = q / d
                if d < 0:
                    t0 = max(t0, t)
                else:
                    t1 = min(t1, t)
                if t0 > t1:
                    break
            else:
                if t0 <= t1:
                    return True
        return False

    def run(order):
        placed = {1: [], -1: []}  # rects (x0, x1, y0, y1) per side
        leaders = {1: [], -1: []}  # leader segments per side
        out, total = {}, 0.0
        for n, i in enumerate(order):
            b = blocks[i]
            pref = min(max(b["x"] - b["w"] / 2, 0.05), aw - b["w"] - 0.05)
            xs = sorted({min(max(pref + d * 0.2, 0.05), aw - b["w"] - 0.05) for d in range(-30, 31)},
                        key=lambda v: abs(v - pref))
            best = None
            for side in ((1, -1) if n % 2 == 0 else (-1, 1)):
                for x0 in xs:
                    x1 = x0 + b["w"]
                    for y0 in sorted({base} | {p[3] + gap for p in placed[side]}):
                        if y0 + b["h"] > half:
                            break
                        r = (x0, x1, y0, y0 + b["h"])
                        lead = ((b["x"], 0.0), (min(max(b["x"], x0 + 0.05), x1 - 0.05), y0))
                        if (hits_rect(r, placed[side]) or any(seg_hits(a_, b_, [r]) for a_, b_ in leaders[side])
                                or seg_hits(*lead, placed[side])):
                            continue
                        cost = y0 + 0.45 * abs(x0 - pref) + (0.01 if side == -1 else 0)
                        if best is None or cost < best[0]:
                            best = (cost, side, x0, y0, r, lead)
                        break
            if best is None:  # no room: stack it on the freer side (overlaps possible)
                side = 1 if len(placed[1]) <= len(placed[-1]) else -1
                y0 = max([base] + [p[3] + gap for p in placed[side]])
                best = (100.0, side, pref, y0, (pref, pref + b["w"], y0, y0 + b["h"]), ((b["x"], 0.0), (b["x"], y0)))
            cost, side, x0, y0, r, lead = best
            placed[side].append(r)
            leaders[side].append(lead)
            out[i] = (side, x0, y0)
            total += cost
        return total, [out[i] for i in range(len(blocks))]

    order = sorted(range(len(blocks)), key=lambda i: (blocks[i]["x"], i))
    return min(run(order), run(order[::-1]), key=lambda t: t[0])[1]
