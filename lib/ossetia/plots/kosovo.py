"""Precedent figures: the argument map and the dated sequence to recognition."""

from __future__ import annotations

from pathlib import Path

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ..paths import seeds_file
from ..stances import argument_map, argument_sides, kosovo_sequence
from ..vocab import target_labels
from .entry import entry, ids_of
from .layout import axes_inches, fmt_day, place_blocks, short_target, source_labels, wrap_pt, x_inches
from .presets import current, is_bare
from .style import INK, STANCES, finish, footer_fraction, house_style, legend_columns, new_figure, text_width
from .texts import counted, day, fill, listing, month, plural, span


def argument_map_parts(data: dict, P) -> list[tuple[str, list[str]]]:
    """How the argument map splits at preset ``P``: (label, sides) per part, or ``[]`` when all
    quotes fit at the preset's type sizes (then: who invokes it / who denies it or warns)."""
    if P.is_print:
        return []
    if not kosovo_argument_map_figure(data["claims"], data["corpus"], preset=P, seeds=data["seeds"]).crowded:
        return []
    return [("who invokes it", ["invokes"]), ("who denies it, who warns", ["denies", "warns"])]


def _places(sides: list[str] | None) -> dict[str, str]:
    """Where each group of the argument map is drawn (words for the alt text), as the columns
    of :func:`kosovo_argument_map_figure` place them: the question sits above the warnings."""
    if sides is not None and "invokes" not in sides:
        return {"warns": "Left, below the question", "denies": "Right"}
    if sides is not None and "denies" not in sides:
        return {"invokes": "Left", "warns": "Right, below the question"}
    return {"invokes": "Left", "denies": "Right", "warns": "Below"}


def kosovo_argument_map_figure(claims: pd.DataFrame, corpus: pd.DataFrame, preset=None,
                               sides: list[str] | None = None, seeds: str | Path | None = None) -> Figure:
    """An argument map: the precedent question in the middle, who invokes it on the left, who
    denies it on the right, who warns against recognising the precedent's case below; each box
    quotes the evidence.

    Args:
        claims: the claims table (:func:`ossetia.evidence.load_claims`, or a filtered copy).
        corpus: the corpus, for the source line.
        preset: the size to draw for (:mod:`ossetia.plots.presets`); :func:`argument_map_parts` says how it splits.
        sides: the groups to draw (default all: invokes, denies, warns).
        seeds: the seeds folder the claims come from, named in the note (default: the one in use).
    Returns:
        The figure; its ``crowded`` attribute tells whether the quotes needed more room than the
        canvas has at the smallest type.
    """
    from matplotlib.patches import FancyBboxPatch

    P = current(preset)

    am = argument_map(claims)
    if sides is not None:
        am = am[am["side"].isin(sides)]
    kosovo = claims[(claims["action"] == "declares_independence") & (claims["target"] == "kosovo_independence")
                    & (claims["event_date"].str.len() > 0)]
    when = f"\n({fmt_day(kosovo['event_date'].min())})" if len(kosovo) else ""
    W, H = P.size((13.0, 7.6), memo_height=8.5)
    sx = W / 13.0  # the columns follow the canvas width
    groups = {r["side"]: (STANCES[r["stance"]][0], r["label"]) for r in argument_sides().to_dict("records")}
    cols = {"invokes": (0.2 * sx, 4.65 * sx), "warns": (4.9 * sx, 8.1 * sx), "denies": (8.35 * sx, W - 0.2 * sx)}
    if sides is not None and "invokes" not in sides:  # a part without the left group: the rest widens
        cols = {"invokes": (0.2 * sx, 0.2 * sx), "warns": (0.2 * sx, 6.4 * sx), "denies": (6.65 * sx, W - 0.2 * sx)}
    elif sides is not None and "denies" not in sides:
        cols = {"invokes": (0.2 * sx, 8.1 * sx), "warns": (8.35 * sx, W - 0.2 * sx), "denies": (W - 0.2 * sx, W - 0.2 * sx)}
    with house_style(), P.rc():
        fig = new_figure((W, H), layout=None)
        fig.crowded = False
        finish(fig, kosovo_argument_map_texts(claims, sides)["title"],
               source_labels(corpus, am["doc_id"]),
               note=f"Quotes are exact spans of the raw texts ({seeds_file('claims.csv', seeds)}, theme kosovo_precedent).")
        foot = footer_fraction(fig)
        top = 0.62 * P.pt(15) / 15 * (1 if P.is_print else 1.1) if not is_bare() else 0.1  # inches kept for the title
        ax = fig.add_axes((0, foot, 1, 1 - foot - top / H))
        ax.set_axis_off()
        ah = H * (1 - foot) - top  # axes height in inches; data units are inches
        ax.set_xlim(0, W)
        ax.set_ylim(0, ah)

        pad = P.k(0.08)

        def layout(rows, x0, x1, fs):
            """Wrapped lines and box heights (inches) for one column."""
            out = []
            for _, r in rows.iterrows():
                who = r["actor"] if r["speaker"] in (r["actor"], r["voice"]) else \
                    f"{r['actor']}, through {r['speaker']}"
                head = wrap_pt(f"{who} ({r['voice']}, {r['claim_id']})", fs,
                                (x1 - x0 - 2 * pad) * 72, "bold")
                quote = wrap_pt(f"\u201c{r['exact']}\u201d", fs, (x1 - x0 - 2 * pad) * 72)
                out.append((r, head, quote, (len(head) + len(quote)) * fs * 1.22 / 72 + 2 * pad))
            return out

        gap, head_h = P.k(0.12), 0.32 * P.pt(11) / 11
        titles = {side: t if P.is_print else "\n".join(wrap_pt(t, P.pt(11), (cols[side][1] - cols[side][0]) * 72, "bold"))
                  for side, (_, t) in groups.items()}
        title_lines = {side: t.count("\n") + 1 for side, t in titles.items()}
        # the largest type size at which the tallest column fits
        sizes = (10, 9.5, 9, 8.5, 8, 7.5) if P.is_print else sorted({P.pt(x) for x in (10, 9.5, 9, 8.5, 8, 7.5)}, reverse=True)
        for fs in sizes:
            boxes = {side: layout(am[am["side"] == side], *cols[side], fs) for side in groups}
            need = {side: head_h * title_lines[side] + sum(b[3] for b in bs) + gap * max(len(bs) - 1, 0)
                    for side, bs in boxes.items()}
            q_need = 0 if P.is_print else 1.05 * P.pt(13) / 13 + need["warns"] + 0.3
            if max(need["invokes"], need["denies"], q_need) <= ah - 0.05:
                break
        else:
            fig.crowded = True
        q_text = f"{short_target('kosovo_independence', target_labels())}{when}\nas a 'precedent'?"
        q_h = 1.05 * P.pt(13) / 13
        if not P.is_print:  # wrap the question to its column
            q_text = "\n".join(wrap_pt(q_text, P.pt(13), (cols["warns"][1] - cols["warns"][0] - 0.5) * 72, "bold"))
            q_h = (q_text.count("\n") + 1) * P.pt(13) * 1.3 / 72 + 0.3
        warn_top = min(ah - 0.05, need["warns"] + 0.1)  # the warning group sits at the bottom of the centre
        q_y = (ah + warn_top) / 2  # the question box: centred in the space above the warnings
        q_w = min(max(text_width(t, P.pt(13), "bold") for t in q_text.split("\n")) / 72 + 0.45 * sx,
                  cols["warns"][1] - cols["warns"][0] - 0.3)
        qx0 = (cols["warns"][0] + cols["warns"][1] - q_w) / 2
        qx1 = qx0 + q_w
        ax.add_patch(FancyBboxPatch((qx0, q_y - q_h / 2), qx1 - qx0, q_h, boxstyle="round,pad=0,rounding_size=0.12",
                                    fc="#F2F2F2", ec=INK, lw=1.2))
        ax.text((qx0 + qx1) / 2, q_y, q_text, ha="center", va="center", fontsize=P.pt(13), fontweight="bold", color=INK)
        for side, (col, title) in groups.items():
            if sides is not None and side not in sides:
                continue
            title = titles[side]
            x0, x1 = cols[side]
            y = {"invokes": ah - 0.05, "warns": warn_top,  # short groups beside the question: centred on it
                 "denies": min(ah - 0.05, max(q_y + need["denies"] / 2 + head_h / 2, need["denies"] + 0.05))}[side]
            ax.text((x0 + x1) / 2, y, title, ha="center", va="top", fontsize=P.pt(11), fontweight="bold", color=col)
            y -= head_h * (title.count("\n") + 1)
            ys = []
            for r, head, quote, h in boxes[side]:
                ax.add_patch(FancyBboxPatch((x0, y - h), x1 - x0, h, boxstyle="round,pad=0,rounding_size=0.06",
                                            fc="white", ec=col, lw=1.4, gid=f"box:{r['claim_id']}"))
                ax.text(x0 + pad, y - pad, "\n".join(head), ha="left", va="top", fontsize=fs, fontweight="bold",
                        color=INK, linespacing=1.2)
                ax.text(x0 + pad, y - pad - len(head) * fs * 1.22 / 72, "\n".join(quote), ha="left", va="top", fontsize=fs,
                        color=INK, linespacing=1.2, gid=f"claim:{r['claim_id']}")
                ys.append((y - h, y))
                y -= h + gap
            if not ys:
                continue
            lo, hi = min(a for a, _ in ys), max(b for _, b in ys)
            kw = dict(arrowstyle="-|>", color=col, lw=1.8, mutation_scale=16, shrinkA=0, shrinkB=2)
            if side == "invokes":  # bracket along the right edge of the group, arrow to the question
                bx = x1 + 0.1
                ax.plot([bx, bx], [lo, hi], color=col, lw=1.8, solid_capstyle="butt")
                ax.annotate("", (qx0, q_y), (bx, min(max(q_y, lo), hi)), arrowprops=kw)
            elif side == "denies":
                bx = x0 - 0.1
                ax.plot([bx, bx], [lo, hi], color=col, lw=1.8, solid_capstyle="butt")
                ax.annotate("", (qx1, q_y), (bx, min(max(q_y, lo), hi)), arrowprops=kw)
            else:  # warnings below: arrow up from the group's title
                ax.annotate("", ((qx0 + qx1) / 2, q_y - q_h / 2), ((x0 + x1) / 2, warn_top + 0.02), arrowprops=kw)
    return fig


def kosovo_sequence_figure(claims: pd.DataFrame, events: pd.DataFrame, corpus: pd.DataFrame,
                           seeds: str | Path | None = None, preset=None) -> Figure:
    """The dated sequence from the precedent's case to recognition (:func:`ossetia.stances.kosovo_sequence`):
    reference events hollow and dashed, seed claims filled.

    Args:
        claims: the claims table (:func:`ossetia.evidence.load_claims`, or a filtered copy).
        events: ``reference/events.csv``.
        corpus: the corpus, for the source line.
        seeds: the seeds folder the vocabularies are read from (default: the project's).
        preset: the size to draw for (:mod:`ossetia.plots.presets`; default print).
    Returns:
        The figure.
    """
    seq = kosovo_sequence(claims, events, seeds)
    labels = target_labels(seeds)
    seq["when"] = pd.to_datetime(seq["date"])
    by_id = claims.set_index("claim_id")
    x0, x1 = _time_frame(seq)
    inside = seq[(seq["when"] >= x0) & (seq["when"] <= x1)]
    later = seq[seq["when"] > x1]
    earlier = seq[seq["when"] < x0]
    span = x1 - x0
    # zones beyond a break in the axis for claims outside the frame (e.g. dated by a later publication)
    xa = x0 - span * 0.11 if len(earlier) else x0
    xb = x1 + span * 0.11 if len(later) else x1
    zone = {"later": x1 + span * 0.06, "earlier": x0 - span * 0.06}
    P = current(preset)
    size = P.size((13, 5.8), memo_height=6.4)
    fs = P.pt(8.5)  # type size, line height (inches), wrap width (points)
    lh, wrap = fs * 1.22 / 72, min(2.45 * 72 * fs / 8.5, size[0] * 72 * 0.3)
    blue = "#0072B2"

    def entries(rows):
        """Label lines of a group of rows: seed claims by the same actor and action merged."""
        out = []
        for date, g0 in rows.groupby("date", sort=True):
            reported = (g0["date_basis"] == "reported").all()
            out.append((f"{date} (date reported)" if reported else str(date), None, None))
            seeds = g0[g0["layer"] == "seed"]
            if len(seeds):
                c = by_id.loc[list(seeds["cite"])].reset_index()
                for (actor, action), g in c.groupby(["actor", "action"], sort=False):
                    tg = ", ".join(dict.fromkeys(short_target(t, labels) for t in g["target"]))
                    text = f"{actor}: {action.replace('_', ' ')} ({tg}) [{', '.join(g['claim_id'])}]"
                    out += [(t, False, f"label:{' '.join(g['claim_id'])}") for t in wrap_pt(text, fs, wrap)]
            for _, r in g0[g0["layer"] == "reference"].iterrows():
                out += [(t, True, "reference-layer") for t in wrap_pt(f"{r['what']} [{r['cite']}]", fs, wrap)]
        return out

    with house_style(), P.rc():
        fig = new_figure(size)
        ax = fig.add_subplot()
        ax.set_yticks([])
        for side in ("left", "bottom"):
            ax.spines[side].set_visible(False)
        ax.set_xlim(xa, xb)
        months = list(pd.date_range(x0.to_period("M").to_timestamp() + pd.offsets.MonthBegin(1), x1, freq="MS"))
        ticks = months + ([zone["later"]] if len(later) else []) + ([zone["earlier"]] if len(earlier) else [])
        names = [f"{m:%b %Y}" for m in months] + ([" / ".join(sorted(set(later["date"])))] if len(later) else []) \
            + ([" / ".join(sorted(set(earlier["date"])))] if len(earlier) else [])
        ax.set_xticks([mdates.date2num(t) for t in ticks], names)
        ax.tick_params(axis="x", length=0)
        ax.grid(axis="x", color="#EEEEEE", lw=0.6)
        ax.set_axisbelow(True)
        ax.legend(handles=[
            Line2D([], [], ls="-", marker="o", color=blue, ms=P.k(8), label="seed evidence (claim in a seed text)"),
            Line2D([], [], ls="--", marker="o", color="black", mfc="white", mec="black", ms=P.k(8),
                   label="reference event (public source)")],
            loc="lower left", bbox_to_anchor=(0, 1.0), fontsize=P.pt(9.5), borderaxespad=0.3,
            ncol=2 if P.is_print else legend_columns(["seed evidence (claim in a seed text)",
                                                      "reference event (public source)"], P.pt(9.5), size[0] - 0.3))
        finish(fig, kosovo_sequence_texts(claims, events, seeds)["title"],
               source_labels(corpus, claims.loc[claims["claim_id"].isin(seq["cite"]), "doc_id"])
               + [f"reference: {s}" for s in sorted(set(seq.loc[seq["layer"] == "reference", "outlet"]))],
               note="Seed claims dated to the day only; '(date reported)': the text gives no date, so the "
                    "publication date stands in"
                    + ("; claims outside the time frame are shown beyond the break (//) in the time axis."
                       if len(later) or len(earlier) else "."))
        aw, ah = axes_inches(ax)
        ax.set_ylim(-ah / 2, ah / 2)  # y data units are inches, the time line at 0
        xin = x_inches(ax, aw)
        n0, n1 = mdates.date2num(xa), mdates.date2num(xb)

        def at(inch):
            return n0 + inch / aw * (n1 - n0)

        # the time line, broken before and after the frame when there are zones
        ax.plot([mdates.date2num(x0), mdates.date2num(x1)], [0, 0], color="#888888", lw=1.2, zorder=1)
        for key, rows, edge in (("later", later, x1), ("earlier", earlier, x0)):
            if len(rows):
                zc = mdates.date2num(zone[key])
                ax.plot([zc - (n1 - n0) * 0.025, zc + (n1 - n0) * 0.025], [0, 0], color="#888888", lw=1.2, zorder=1)
                brk = (mdates.date2num(edge) + zc) / 2 + (-(n1 - n0) * 0.012 if key == "later" else (n1 - n0) * 0.012)
                ax.text(brk, 0, "//", ha="center", va="center", fontsize=P.pt(12), color="#888888")
        # label blocks: dates closer than ~0.35 inch share a block
        blocks, cur = [], []
        for _, r in inside.sort_values(["when", "cite"]).iterrows():
            if cur and xin(r["when"]) - xin(cur[-1]["when"]) > P.k(0.35):
                blocks.append(cur)
                cur = []
            cur.append(r)
        if cur:
            blocks.append(cur)
        spec = []
        for rows in blocks:
            df = pd.DataFrame(rows)
            spec.append({"rows": df, "at": {d: mdates.date2num(w) for d, w in zip(df["date"], df["when"])}})
        for key, rows in (("later", later), ("earlier", earlier)):
            if len(rows):
                spec.append({"rows": rows, "at": {d: mdates.date2num(zone[key]) for d in rows["date"]}, "zone": True})
        for b in spec:
            b["lines"] = entries(b["rows"])
            if b.get("zone"):
                c = by_id.loc[[x for x in b["rows"]["cite"] if x in by_id.index]]
                ev = sorted(set(c["event_date"]))
                if len(c) and all(e and e not in set(b["rows"]["date"]) for e in ev):
                    b["lines"][0] = (f"{b['lines'][0][0]} ({c['outlet'].iloc[0]}; dated to {', '.join(ev)} only)",
                                     None, None)
            b["w"] = max(text_width(t, fs, "bold" if (r is None and g is None) else "normal")
                         for t, r, g in b["lines"]) / 72 * 1.03 + 0.04
            b["h"] = len(b["lines"]) * lh + 0.04
            xs = [(v - n0) / (n1 - n0) * aw for v in b["at"].values()]
            b["x"] = sum(xs) / len(xs)
        for b, (side, bx0, by0) in zip(spec, place_blocks(spec, aw, ah / 2 - 0.05)):
            rows = b["rows"]
            lx = min(max(b["x"], bx0 + 0.05), bx0 + b["w"] - 0.05)
            for layer, g in rows.groupby("layer", sort=True):
                ref = layer == "reference"
                for d in sorted(set(g["date"])):
                    xd = b["at"][d]
                    ax.plot([xd, at(lx)], [0, side * by0], color="black" if ref else blue, lw=1,
                            ls="--" if ref else "-", zorder=2,
                            gid="reference-layer" if ref else f"leader:{' '.join(g['cite'])}")
                for _, r in g.iterrows():
                    xd = b["at"][r["date"]]
                    if ref:
                        ax.scatter([xd], [0], s=P.k(P.k(80)), marker="o", facecolor="white", edgecolor="black", linestyle="--",
                                   linewidths=1.3, zorder=4, gid="reference-layer")
                    else:
                        ax.plot([xd], [0], ls="", marker="o", ms=P.k(8.5), color=blue, zorder=4, gid=f"claim:{r['cite']}")
            top = side * by0 + (b["h"] if side == 1 else 0) - 0.02
            for k, (text, is_ref, lgid) in enumerate(b["lines"]):
                ax.text(at(bx0), top - k * lh, text, ha="left", va="top", fontsize=fs, color=INK,
                        fontweight="bold" if (is_ref is None and lgid is None) else "normal",
                        style="italic" if is_ref else "normal", gid=lgid or "block-label")
    return fig


def kosovo_argument_map_texts(claims: pd.DataFrame, sides: list[str] | None = None) -> dict:
    """Title, caption and alt text of :func:`kosovo_argument_map_figure` (same table and sides):
    the groups drawn, each with its claims counted and its actors named, in drawing order (the
    words for each group: ``data/argument_sides.csv``)."""
    am = argument_map(claims)

    def who(side):
        rows = am[am["side"] == side]
        names = [r["actor"] if r["speaker"] in (r["actor"], r["voice"]) else f"{r['actor']} through {r['speaker']}"
                 for _, r in rows.iterrows()]
        return listing(dict.fromkeys(names)) or "nobody"
    n = am["side"].value_counts()
    drawn = [r for r in argument_sides().to_dict("records") if sides is None or r["side"] in sides]
    places = _places(sides)
    says = [f"{r['caption_first'] if k == 0 else r['caption']} ({plural(int(n.get(r['side'], 0)), 'claim')})"
            for k, r in enumerate(drawn)]
    text = listing(says)
    whole = {"invokes", "denies"} <= {r["side"] for r in drawn}
    facts = {"sides": text[:1].upper() + text[1:], "Groups": counted(len(drawn), "group", capital=True),
             "question": "around a central question" if whole else "beside the question they answer",
             "placed": " ".join(f"{places[r['side']]}, {r['alt']}: {who(r['side'])}."  # left to right, then below
                                for r in sorted(drawn, key=lambda r: list(places).index(r["side"])))}
    return {k: fill("kosovo-argument-map", k, **facts) for k in ("title", "caption", "alt")}


def _time_frame(seq: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The time axis of the sequence figure (rows of :func:`ossetia.stances.kosovo_sequence`):
    the reference events' span, padded; rows outside it are drawn beyond a break in the axis."""
    when = pd.to_datetime(seq["date"])
    frame = when[seq["layer"] == "reference"] if (seq["layer"] == "reference").any() else when
    lo, hi = frame.min(), frame.max()
    pad = max((hi - lo) / 14, pd.Timedelta(days=10))
    return min(lo - pad, lo.to_period("M").to_timestamp() - pd.Timedelta(days=4)), hi + pad


def kosovo_sequence_texts(claims: pd.DataFrame, events: pd.DataFrame, seeds: str | Path | None = None) -> dict:
    """Title, caption and alt text of :func:`kosovo_sequence_figure` (same tables)."""
    seq = kosovo_sequence(claims, events, seeds)
    ref = seq[seq["layer"] == "reference"]
    frame = ref if len(ref) else seq
    when = pd.to_datetime(frame["date"])
    first, last = frame.loc[when.idxmin()], frame.loc[when.idxmax()]
    by_id = claims.set_index("claim_id")
    seed = seq[seq["layer"] == "seed"]
    seed_items = []
    for date, g in seed.groupby("date", sort=True):
        c = by_id.loc[list(g["cite"])]
        acts = dict.fromkeys(f"{a}: {x.replace('_', ' ')}" for a, x in zip(c["actor"], c["action"]))
        seed_items.append(f"{listing(acts)} ({day(date)})")
    ref_items = [f"{r['what']} ({day(r['date'])}, {r['cite']})" for _, r in ref.iterrows()]
    x0, x1 = _time_frame(seq)
    out = seq[(pd.to_datetime(seq["date"]) < x0) | (pd.to_datetime(seq["date"]) > x1)]
    entries = sorted([(d, f"{r['what']} ({day(d)})") for d, r in zip(ref["date"], ref.to_dict("records"))]
                     + [(d, s) for d, s in zip(sorted(set(seed["date"])), seed_items)])
    facts = {"span": span(when.min(), when.max()), "entries": "; ".join(e for _, e in entries),
             "days": plural((pd.Timestamp(last["date"]) - pd.Timestamp(first["date"])).days, "day"),
             "first_ref": f"{first['cite']} ({day(first['date'])})", "last_ref": f"{last['cite']} ({day(last['date'])})",
             "axis_from": month(when.min()), "axis_to": month(when.max()),
             "beyond": (f", broken for {counted(len(out), 'seed claim')} dated outside it "
                        f"({listing(day(d) for d in sorted(set(out['date'])))})") if len(out) else "",
             "reference_events": counted(len(ref), "reference event"), "ref_list": "; ".join(ref_items) or "none",
             "seed_claims": counted(len(seed), "seed claim"), "seed_list": "; ".join(seed_items) or "none"}
    return {k: fill("kosovo-sequence", k, **facts) for k in ("title", "caption", "alt")}


ENTRIES = [
    entry("kosovo-argument-map", lambda d: kosovo_argument_map_texts(d["claims"], d.get("sides")),
          lambda d: kosovo_argument_map_figure(d["claims"], d["corpus"], sides=d.get("sides"), seeds=d["seeds"]),
          lambda d: ids_of(argument_map(d["claims"]).query("side in @s", local_dict={"s": d.get("sides") or
                                                                                     ["invokes", "denies", "warns"]})["claim_id"]),
          parts=lambda d, P: [(label, lambda d, s=s: {**d, "sides": s}) for label, s in argument_map_parts(d, P)]),
    entry("kosovo-sequence", lambda d: kosovo_sequence_texts(d["claims"], d["events"], d["seeds"]),
          lambda d: kosovo_sequence_figure(d["claims"], d["events"], d["corpus"], seeds=d["seeds"]),
          lambda d: ids_of(kosovo_sequence(d["claims"], d["events"], d["seeds"])["cite"])),
]
