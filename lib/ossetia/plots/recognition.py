"""Recognition figures: the recognition matrix, positions over time, and the member states'
recognitions beside what the seed texts say."""

from __future__ import annotations

from pathlib import Path

import matplotlib.dates as mdates
import matplotlib.transforms as mtransforms
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..ids import frame_key
from ..paths import seeds_file
from ..stances import actor_groups, lane_recognitions, position_lanes, positions, stance_matrix
from ..vocab import matrix_targets, target_labels
from .entry import entry, ids_of
from .layout import axes_inches, clusters, place_lane, pt, short_target, source_labels, wrap_pt, x_inches
from .presets import current
from .style import INK, MUTED, STANCES, finish, house_style, legend_columns, legend_handles, new_figure, text_width
from .fit import CELL_LABELS, _matrix_cells, _matrix_widths, matrix_parts, positions_parts
from .recognition_texts import positions_texts, recognition_matrix_texts, recognition_timeline_texts


def recognition_matrix_figure(claims: pd.DataFrame, corpus: pd.DataFrame, min_claims: int = 1,
                              seeds: str | Path | None = None, preset=None) -> Figure:
    """Who recognises, urges, refuses or condemns what: actors x targets, one marker per stance
    held in a cell, coloured and shaped by stance, labelled with the voice and publication date
    of the cell's first evidence (at smaller presets the year, or only the number of further
    claims, as the width allows); actors grouped by lane (party).

    Args:
        claims: the claims table (:func:`ossetia.evidence.load_claims`, or a filtered copy).
        corpus: the corpus (:func:`ossetia.load_corpus`), for the source line.
        min_claims: draw actors with at least this many claims in the matrix.
        seeds: the seeds folder the vocabularies are read from and the note names (default: the
            one in use).
        preset: the size to draw for (:mod:`ossetia.plots.presets`; default print, or the one
            set by :func:`ossetia.plots.presets.use`); :func:`matrix_parts` says how it splits.
    Returns:
        The figure.
    """
    P = current(preset)
    headings = matrix_targets(seeds)
    m = stance_matrix(claims, targets=headings, min_claims=min_claims)
    targets = [t for t in headings if t in set(m["target"])]
    first = m.groupby("actor")["first_date"].min()
    lane_of = dict(zip(claims["actor"], claims["lane"]))
    groups = actor_groups(sorted(first.index, key=lambda a: (first[a], a)), lane_of, seeds)
    order = [a for _, members in groups for a in members]
    stance_keys = [k for k in STANCES if k in {x for v in m["stances"] for x in v.split(", ")}]
    fs, ms, step = P.pt(8.5), P.k(8.0), P.k(11.5)  # label size, marker size (points), marker spacing (points)
    for fmt in CELL_LABELS:
        cells = _matrix_cells(m, claims, fmt)
        widths, name_w, fig_w = _matrix_widths(cells, targets, headings, order, P)
        if P.is_print or fig_w <= P.width:
            break
    with house_style(), P.rc():
        left = [sum(widths[:i]) for i in range(len(targets))]
        fig_w = max(13.0, fig_w)
        fig = new_figure(P.size((fig_w, 0.255 * len(order) + 2.5),
                                memo_height=P.pt(10) * 1.5 / 72 * len(order) + 2.5 * P.pt(10) / 10))
        ax = fig.add_subplot()
        ax.set_xlim(0, sum(widths))
        ax.set_ylim(len(order) - 0.5, -0.5)
        for y in range(len(order)):
            ax.axhline(y, color="#EDEDED", lw=0.6, zorder=0)
        for x in left[1:]:
            ax.axvline(x, color="#D9D9D9", lw=0.6, zorder=0)
        for r, sts, label in cells:
            i, y = targets.index(r["target"]), order.index(r["actor"])
            x = left[i] + 0.1
            for k, st in enumerate(sts):
                col, mk, _ = STANCES[st]
                ax.plot([x], [y], ls="", marker=mk, ms=ms, mfc=col, mec=col, zorder=3,
                        transform=pt(ax, ms / 2 + k * step), gid=f"cell:{r['actor']}|{r['target']}|{st}")
            ax.text(x, y, label, transform=pt(ax, len(sts) * step + 3), va="center", ha="left",
                    fontsize=fs, color=MUTED)
        ax.set_xticks([left[i] + widths[i] / 2 for i in range(len(targets))],
                      [headings[t] for t in targets], fontsize=P.pt(9.5))
        ax.xaxis.tick_top()
        ax.set_yticks(range(len(order)), order, fontsize=P.pt(10))
        ax.tick_params(length=0)
        for side in ("left", "bottom", "top", "right"):
            ax.spines[side].set_visible(False)
        # group brackets left of the actor names
        y0 = 0
        trans = mtransforms.blended_transform_factory(ax.transAxes, ax.transData)
        for g, members in groups:
            y1 = y0 + len(members) - 1
            if y0:
                ax.axhline(y0 - 0.5, color="#9A9A9A", lw=0.8, zorder=1)
            off = -(name_w * 72 + P.k(10))
            ax.plot([0, 0], [y0 - 0.35, y1 + 0.35], color=MUTED, lw=1.2, transform=mtransforms.offset_copy(
                trans, fig=fig, x=off, units="points"), clip_on=False)
            glabel, rot = (g if len(members) > 2 else g.replace(" / ", "/\n")), 90
            if not P.is_print:  # wrap to the height of the group's rows; too short a group: written across
                span = (len(members) - 0.3) * (fig.get_size_inches()[1] * 72 * ax.get_position().height / len(order))
                lines = wrap_pt(g, P.pt(9), span, "bold")
                if max(text_width(x, P.pt(9), "bold") for x in lines) > span:
                    lines, rot = wrap_pt(g.replace(" / ", "/ "), P.pt(9), 1, "bold"), 0
                glabel = "\n".join(lines)
            ax.text(0, (y0 + y1) / 2, glabel,
                    transform=mtransforms.offset_copy(trans, fig=fig, x=off - 5, units="points"),
                    rotation=rot, ha="right", va="center", fontsize=P.pt(9), fontweight="bold", color=MUTED,
                    clip_on=False, multialignment="center" if rot else "right")
            y0 = y1 + 1
        room = 1e9
        if not P.is_print:  # the legend is centred under the axes: the room it has either side
            fig.draw_without_rendering()
            pos, fw = ax.get_position(), fig.get_size_inches()[0]
            room = 2 * min(pos.x0 + pos.width / 2, 1 - pos.x0 - pos.width / 2) * fw - 0.1
        ax.legend(handles=legend_handles(stance_keys), loc="upper center", bbox_to_anchor=(0.5, -0.005),
                  ncol=len(stance_keys) if P.is_print else legend_columns(
                      [STANCES[k][2] for k in stance_keys], P.pt(9.5), room),
                  title="\n".join(wrap_pt("stance towards the column's topic, as reported (a cell with two stances shows both)",
                                           P.pt(9.5), room * 72)),
                  fontsize=P.pt(9.5), title_fontsize=P.pt(9.5), handletextpad=0.3, columnspacing=1.6)
        finish(fig, recognition_matrix_texts(claims, min_claims, seeds)["title"],
               source_labels(corpus, claims.loc[claims["claim_id"].isin(" ".join(m["claims"]).split()), "doc_id"]),
               note=f"Each marker is one or more claims ({seeds_file('claims.csv', seeds)}); " + {
                   CELL_LABELS[0]: "label: outlet and publication date of the first evidence, +n more claims.",
                   CELL_LABELS[1]: "label: outlet and year of the first evidence, +n more claims.",
                   CELL_LABELS[2]: "+n: more claims (outlets and dates in the figure's data)."}[fmt]
                    + " Actors grouped by party, then by the date of their first position.")
    return fig


def positions_timeline_figure(claims: pd.DataFrame, corpus: pd.DataFrame, recognitions: pd.DataFrame,
                              seeds: str | Path | None = None, preset=None, lanes: list[str] | None = None) -> Figure:
    """Positions over time, one lane per party (``vocab/lanes.csv``), with the recognitions by a
    lane's own states (reference layer) drawn hollow and dashed, apart from the seed evidence.

    Args:
        claims: the claims table (:func:`ossetia.evidence.load_claims`, or a filtered copy).
        corpus: the corpus, for the source line.
        recognitions: ``reference/recognitions.csv``.
        seeds: the seeds folder the vocabularies are read from and the note names (default: the
            one in use).
        preset: the size to draw for (:mod:`ossetia.plots.presets`); :func:`positions_parts`
            says how it splits.
        lanes: the lanes to draw (default: all the positions lanes).
    Returns:
        The figure; its ``crowded`` attribute tells whether a lane could not hold its labels apart.
    """
    lanes = list(lanes or position_lanes(seeds))
    P = current(preset)
    pos = positions(claims, lanes)
    recs_ref = lane_recognitions(recognitions, lanes, seeds)
    labels = target_labels(seeds)
    fs = P.pt(8.5)  # label size (pt), row height (inches), marker spacing (pt)
    step, mstep = 0.185 * fs / 8.5, P.k(10.5)
    # items: one label line per (lane, cluster of nearby dates, target), one marker per stance
    items = []
    for lane in lanes:
        rows = pos[pos["lane"] == lane].sort_values(["date", "claim_id"], key=frame_key).reset_index(drop=True)
        recs = []
        for _, r in rows.iterrows():
            ed = str(r["event_date"])
            note = " (undated)" if not ed else (f" (event: {ed})" if len(ed) == 4 and ed != str(r["date"].year) else "")
            recs.append({"date": r["date"], "key": (r["target"], note), "label": short_target(r["target"], labels) + note,
                         "stance": r["stance"], "claim": r["claim_id"], "ref": False})
        for _, ru in recs_ref[recs_ref["lane"] == lane].iterrows():
            recs.append({"date": pd.Timestamp(ru["date"]), "key": ("ref", ru["ref_id"]), "ref": True,
                         "label": f"recognises {short_target(str(ru['recognises']), labels)} ({ru['ref_id']}, reference)",
                         "stance": None, "claim": None})
            recs.sort(key=lambda x: x["date"])
        for idx in clusters([x["date"] for x in recs]):
            group: dict = {}
            for x in (recs[i] for i in idx):
                it = group.setdefault(x["key"], {"label": x["label"], "date": x["date"], "ref": x["ref"], "marks": {}})
                if not x["ref"]:
                    it["marks"].setdefault(x["stance"], []).append(x["claim"])
            its = list(group.values())
            for it in its:
                it["marks"] = {k: it["marks"][k] for k in STANCES if k in it["marks"]}
            items.append((lane, its))
    with house_style(), P.rc():
        fig = new_figure(P.size((13, 7.4), memo_height=7.0))
        fig.crowded = False
        ax = fig.add_subplot()
        dates = list(pos["date"]) + [pd.Timestamp(d) for d in recs_ref["date"]]
        x0 = pd.Timestamp(f"{min(dates).year - 1}-01-01")
        x1 = pd.Timestamp(f"{max(dates).year + 1}-07-01")
        ax.set_xlim(x0, x1)
        ax.set_ylim(len(lanes) - 0.5, -0.5)
        ax.set_yticks(range(len(lanes)), lanes if P.is_print else ["\n".join(wrap_pt(x.replace(" / ", "/ "), P.pt(11), P.k(80), "bold"))
                                                                   for x in lanes], fontsize=P.pt(11), fontweight="bold")
        ax.tick_params(axis="y", length=0)
        ax.spines["left"].set_visible(False)
        for k in range(1, len(lanes)):
            ax.axhline(k - 0.5, color="#CCCCCC", lw=0.8)
        ax.grid(axis="x", color="#EEEEEE", lw=0.6)
        ax.set_axisbelow(True)
        ax.xaxis.set_major_locator(mdates.YearLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        keys = [k for k in STANCES if k in set(pos["stance"])]
        ax.legend(handles=legend_handles(keys, reference=True), loc="lower left", bbox_to_anchor=(0, 1.0),
                  ncol=len(keys) + 1 if P.is_print else legend_columns(
                      [STANCES[k][2] for k in keys] + ["reference layer (public sources, not seed evidence)"], P.pt(9),
                      fig.get_size_inches()[0] - 1.2), fontsize=P.pt(9), handletextpad=0.2, columnspacing=1.2,
                  borderaxespad=0.3)
        finish(fig, positions_texts(claims, recognitions, seeds, lanes)["title"],
               source_labels(corpus, pos["doc_id"]) + [f"reference: {s}" for s in dict.fromkeys(recs_ref["source"])],
               note="Each label is a topic; the marker is the party's stance towards it. Seed evidence filled, the "
                    f"reference layer ({seeds_file('reference/', seeds)}) hollow and dashed. Only positions dated to "
                    "the day or month; "
                    "a date the text only implies is the publication date.")
        aw, ah = axes_inches(ax)
        xin = x_inches(ax, aw)
        band = ah / len(lanes)
        per_lane: dict = {}
        for lane, its in items:
            n_st = max(max(len(it["marks"]), 1) for it in its)
            c = {"x0": min(xin(it["date"]) for it in its), "x1": max(xin(it["date"]) for it in its) + (n_st - 1) * mstep / 72
                 + 0.06, "w": max(text_width(it["label"], fs) for it in its) / 72 * 1.03, "pre": 0.1, "n": len(its),
                 "items": its, "n_st": n_st}
            per_lane.setdefault(lane, []).append(c)
        to_y = len(lanes) / ah  # data units per inch (y axis inverted: down is +)
        for lane, cl in per_lane.items():
            yc = lanes.index(lane)
            half = band / 2 - 0.06
            placed = place_lane(cl, -half, half, aw, step, strict=True)
            if placed is None:
                fig.crowded = True
                placed = place_lane(cl, -half, half, aw, step)
            for c, (side, sh) in zip(cl, placed):
                n = c["n"]
                for k, it in enumerate(c["items"]):
                    y = yc + (-sh + (k - (n - 1) / 2) * step) * to_y  # rows top to bottom, shift up = positive
                    if it["ref"]:
                        ax.scatter([it["date"]], [y], s=P.k(P.k(110)), marker="o", facecolor="white", edgecolor="black",
                                   linestyle="--", linewidths=1.4, zorder=4, gid="reference-layer")
                    for j, (st, ids) in enumerate(it["marks"].items()):
                        col, mk, _ = STANCES[st]
                        for cid in ids:  # one marker per claim (same stance: same place)
                            ax.plot([it["date"]], [y], ls="", marker=mk, ms=P.k(8.5), mfc=col, mec=col, zorder=3,
                                    transform=pt(ax, j * mstep), gid=f"claim:{cid}")
                    if side == "right":
                        xa = mdates.date2num(x0) + (c["x1"] + c["pre"]) / aw * (mdates.date2num(x1) - mdates.date2num(x0))
                        ha = "left"
                    else:
                        xa = mdates.date2num(x0) + (c["x0"] - c["pre"]) / aw * (mdates.date2num(x1) - mdates.date2num(x0))
                        ha = "right"
                    ax.text(xa, y, it["label"], ha=ha, va="center", fontsize=fs, color=INK,
                            style="italic" if it["ref"] else "normal",
                            gid="reference-layer" if it["ref"] else f"label:{' '.join(i for v in it['marks'].values() for i in v)}")
    return fig


def recognition_timeline_figure(recognitions: pd.DataFrame, claims: pd.DataFrame, corpus: pd.DataFrame,
                                seeds: str | Path | None = None, preset=None) -> Figure:
    """Member states' recognitions (reference layer), with what the seed texts say about
    recognition in the same time frame.

    Args:
        recognitions: ``reference/recognitions.csv``.
        claims: the claims table; its ``recognises`` claims of independence are drawn as bands.
        corpus: the corpus, for the source line.
        seeds: the seeds folder the vocabularies are read from and the note names (default: the
            one in use).
        preset: the size to draw for (:mod:`ossetia.plots.presets`; default print).
    Returns:
        The figure.
    """
    title = recognition_timeline_texts(recognitions, claims, seeds)["title"]
    rec = recognitions.reset_index(drop=True).copy()
    rec["when"] = pd.to_datetime([d if len(d) == 10 else d + "-15" for d in rec["date"]])
    said = claims[(claims["action"] == "recognises") & (claims["target"] == "south_ossetia_independence")]
    said = said.sort_values(["event_date", "claim_id"], key=frame_key).reset_index(drop=True)
    col = STANCES["recognises"][0]
    P = current(preset)
    with house_style(), P.rc():
        fig = new_figure(P.size((12, 5.2), memo_height=4.6))
        ax = fig.add_subplot()
        years = [d.year for d in rec["when"]] + [int(str(d)[:4]) for d in said["event_date"] if str(d)[:4].isdigit()]
        x0, x1 = pd.Timestamp(f"{min(years) - 3}-01-01"), pd.Timestamp(f"{max(years) + 3}-01-01")
        n = len(rec)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.set_ylim(n + len(said) + 0.1, -0.7)
        ax.set_xlim(x0, x1)
        ax.xaxis.set_major_locator(mdates.YearLocator(2))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.grid(axis="x", color="#EEEEEE", lw=0.6)
        ax.set_axisbelow(True)
        ax.legend(handles=[
            Line2D([], [], color="black", ls="--", lw=1.2, marker="o", ms=P.k(9), mfc="white", mec="black",
                   label="recognition (reference layer: public sources, not seed evidence)"),
            Line2D([], [], ls="", marker="|", ms=P.k(10), mew=2, color="black", label="withdrawn"),
            Patch(facecolor=col, alpha=0.5, edgecolor=col, label="seed text (filled): the year it gives")],
            loc="lower left", bbox_to_anchor=(0, 1.0), fontsize=P.pt(9.5), handlelength=2.4, borderaxespad=0.3,
            ncol=3 if P.is_print else legend_columns(["recognition (reference layer: public sources, not seed evidence)",
                                                      "withdrawn", "seed text (filled): the year it gives"],
                                                     P.pt(9.5), fig.get_size_inches()[0] - 0.3, 2.4))
        refs = sorted(set(rec["source"]))
        finish(fig, title,
               [f"reference: {s}" for s in refs] + source_labels(corpus, said["doc_id"]),
               note=f"Reference layer (hollow, dashed) from {seeds_file('reference/recognitions.csv', seeds)}; "
                    f"seed evidence (filled band) from {seeds_file('claims.csv', seeds)}.")
        aw, _ = axes_inches(ax)
        xin = x_inches(ax, aw)
        for i, r in rec.iterrows():
            withdrawn = r["status"] == "withdrawn"
            end = pd.Timestamp(r["withdrawn_date"]) if withdrawn else x1
            ax.plot([r["when"], end], [i, i], color="black", lw=1.2, ls="--", gid="reference-layer")
            ax.scatter(r["when"], i, s=P.k(P.k(110)), marker="o", facecolor="white", edgecolor="black", linewidths=1.4,
                       zorder=3, gid="reference-layer")
            lab = f"{r['state']} {r['date']} ({r['ref_id']})" + (f", withdrawn {r['withdrawn_date']}" if withdrawn else "")
            left = P.is_print or xin(r["when"]) - (P.k(9) + text_width(lab, P.pt(10))) / 72 > -0.02
            ax.annotate(lab, (r["when"], i), xytext=(-P.k(9), 0) if left else (P.k(7), P.k(4)),
                        textcoords="offset points", ha="right" if left else "left",
                        va="center" if left else "bottom", fontsize=P.pt(10), gid="reference-layer")
            if withdrawn:
                ax.scatter(end, i, s=P.k(P.k(110)), marker="|", linewidths=2, color="black", zorder=3, gid="reference-layer")
        if len(said):
            ax.axhline(n - 0.35, color="#BBBBBB", lw=0.8)
        for k, (_, r) in enumerate(said.iterrows()):
            y = n + 0.35 + k
            d = str(r["event_date"])
            if len(d) >= 7:
                d0 = pd.Timestamp(d if len(d) == 10 else d + "-01")
                d1 = d0 + (pd.Timedelta(days=1) if len(d) == 10 else pd.offsets.MonthEnd(1))
            else:
                d0, d1 = pd.Timestamp(f"{d[:4]}-01-01"), pd.Timestamp(f"{d[:4]}-12-31")
            ax.fill_between([d0, d1], y - 0.22, y + 0.22, color=col, alpha=0.5, lw=0, gid=f"claim:{r['claim_id']}")
            head = (f"{r['outlet']} {r['published']:%Y-%m-%d} ({r['claim_id']}, dated to the "
                    f"{r['date_precision']} only): " if r["date_precision"] in ("year", "month") else
                    f"{r['outlet']} {r['published']:%Y-%m-%d} ({r['claim_id']}): ")
            room = (aw - xin(d1) - 0.15) * 72 - 8
            lines = wrap_pt(head + f"\u201c{r['exact']}\u201d", P.pt(9.5), room)
            ax.annotate("\n".join(lines), (d1, y), xytext=(8, 0), textcoords="offset points", va="center",
                        ha="left", fontsize=P.pt(9.5), color=INK, gid=f"claim:{r['claim_id']}:label")
    return fig


ENTRIES = [
    entry("recognition-matrix", lambda d: recognition_matrix_texts(d["claims"], seeds=d["seeds"]),
          lambda d: recognition_matrix_figure(d["claims"], d["corpus"], seeds=d["seeds"]),
          lambda d: ids_of(stance_matrix(d["claims"], seeds=d["seeds"])["claims"]),
          parts=lambda d, P: [(label, lambda d, a=a, t=t: {**d, "claims": d["claims"][d["claims"]["actor"].isin(a)
                                                                                      & d["claims"]["target"].isin(t)]})
                              for label, a, t in matrix_parts(d["claims"], P, d["seeds"])]),
    entry("positions-timeline", lambda d: positions_texts(d["claims"], d["recognitions"], d["seeds"], d.get("lanes")),
          lambda d: positions_timeline_figure(d["claims"], d["corpus"], d["recognitions"], seeds=d["seeds"],
                                              lanes=d.get("lanes")),
          lambda d: ids_of(positions(d["claims"], d.get("lanes"), seeds=d["seeds"])["claim_id"],
                           lane_recognitions(d["recognitions"], d.get("lanes"), seeds=d["seeds"])["ref_id"]),
          parts=lambda d, P: [(label, lambda d, c=c: {**d, "lanes": c})
                              for label, c in positions_parts(d, P, positions_timeline_figure)]),
    entry("recognition-timeline", lambda d: recognition_timeline_texts(d["recognitions"], d["claims"], d["seeds"]),
          lambda d: recognition_timeline_figure(d["recognitions"], d["claims"], d["corpus"], seeds=d["seeds"]),
          lambda d: ids_of(d["recognitions"]["ref_id"],
                           d["claims"].query("action == 'recognises' and target == 'south_ossetia_independence'")["claim_id"])),
]
