"""Referendum figures: reference results against what the news said, and the source check."""

from __future__ import annotations

from pathlib import Path

import matplotlib.ticker as mticker
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ..ids import frame_key
from ..paths import seeds_file
from ..referendums import referendum_table, referendum_year, source_check_table
from .entry import entry, ids_of
from .layout import source_labels, wrap_pt
from .presets import current
from .style import INK, MUTED, STANCES, finish, house_style, new_figure, reference_bar, reference_handle
from .texts import counted, fill, listing


def referendum_results_figure(numbers: pd.DataFrame, reference: pd.DataFrame, corpus: pd.DataFrame,
                              preset=None, seeds: str | Path | None = None) -> Figure:
    """Yes share and turnout of the referendums: reference results (hatched, from counts) beside
    what the seed texts report (filled, with their qualifiers).

    Args:
        numbers: the numbers table (:func:`ossetia.evidence.load_numbers`).
        reference: ``reference/referendum_results.csv``.
        corpus: the corpus, for the source line.
        preset: the size to draw for (:mod:`ossetia.plots.presets`; default print).
        seeds: the seeds folder the tables come from, named in the note (default: the one in use).
    Returns:
        The figure.
    """
    table = seeds_file("reference/referendum_results.csv", seeds)  # named in the note
    t = referendum_table(reference).set_index("referendum")
    seeds = _seed_shares(numbers)
    days = reference.groupby("referendum")["date"].first()
    bars = [("turnout_computed", "turnout"), ("yes_of_valid_computed", "yes,\nof valid\nvotes"),
            ("yes_of_registered_computed", "yes, of\nregistered\nvoters")]
    blue = STANCES["urges"][0]
    P = current(preset)
    with house_style(), P.rc():
        fig = new_figure(P.size((12, 5.6), memo_height=7.2))
        if P.size((12, 5.6))[0] < 8:  # a narrow column: the seed panel goes under the reference panel
            ax, ax2 = fig.subplots(2, 1, sharey=True)
        else:
            ax, ax2 = fig.subplots(1, 2, sharey=True, gridspec_kw={"width_ratios": [2.5, max(len(seeds), 2) * 0.62],
                                                                    "wspace": 0.08})
        ticks, labels, centres = [], [], []
        for g, ref in enumerate(t.index):
            row = t.loc[ref]
            for k, (col, lab) in enumerate(bars):
                x = g * (len(bars) + 1) + k
                reference_bar(ax.bar, x, row[col], width=0.78, lw=1.0)
                ax.annotate(f"{row[col]:.2f}%" if P.is_print else f"{row[col]:.1f}%", (x, row[col]), xytext=(0, 3),
                            textcoords="offset points", ha="center", va="bottom", fontsize=P.pt(9.5), gid="reference-layer")
                ticks.append(x)
                labels.append(lab)
            centres.append((g * (len(bars) + 1) + (len(bars) - 1) / 2, f"{referendum_year(ref)} referendum\n({days[ref]})"))
        ax.set_xticks(ticks, labels, fontsize=P.pt(9))
        ax.tick_params(axis="x", length=0)
        sec = ax.secondary_xaxis(0)
        sec.set_xticks([c for c, _ in centres], [lab for _, lab in centres], fontsize=P.pt(10.5), fontweight="bold")
        sec.tick_params(length=0, pad=3 * P.pt(9) * 1.25 + P.pt(9))
        sec.spines["bottom"].set_visible(False)
        ax.set_xlim(-0.7, ticks[-1] + 0.7)
        ax.set_ylim(0, 112)
        ax.yaxis.set_major_locator(mticker.FixedLocator(range(0, 101, 20)))
        ax.set_ylabel("percent")
        ax.set_title("Reference results (from the published counts)" if P.is_print or ax.get_position().width > 0.5 else
                     "Reference results\n(from the published counts)", fontsize=P.pt(11))
        for a in (ax, ax2):
            a.grid(axis="y", color="#E6E6E6", lw=0.6)
            a.set_axisbelow(True)
        # what the seed texts say: a point for a value, a bar for a low-high range, '?' for no figure
        handles, names = [reference_handle()], ["reference result (from counts)"]
        kinds = set()
        for i, r in seeds.iterrows():
            gid = f"number:{r['number_id']}"
            if pd.notna(r["value"]):
                ax2.plot([i], [r["value"]], ls="", marker="o", ms=P.k(10), color=blue, zorder=3, gid=gid)
                ax2.annotate(f"{r['value']:g}%", (i, r["value"]), xytext=(P.k(9), 0), textcoords="offset points",
                             va="center", fontsize=P.pt(9.5), color=INK)
                kinds.add("value")
            elif pd.notna(r["low"]):
                ax2.plot([i, i], [r["low"], r["high"]], color=blue, lw=P.k(7), solid_capstyle="butt", zorder=3, gid=gid)
                ax2.annotate(f"{r['low']:g}–{r['high']:g}%", (i, (r["low"] + r["high"]) / 2), xytext=(P.k(9), 0),
                             textcoords="offset points", va="center", fontsize=P.pt(9.5), color=INK)
                kinds.add("range")
            else:  # no number: marked under the axis, never at a height that would read as a value
                ax2.annotate("?", (i, 0), xytext=(0, 6), textcoords="offset points", ha="center", va="bottom",
                             fontsize=P.pt(15), fontweight="bold", color=blue, gid=gid)
                ax2.annotate("no figure given", (i, 0), xytext=(P.k(12), P.k(9)), textcoords="offset points",
                             va="bottom", fontsize=P.pt(9), color=MUTED, style="italic")
                kinds.add("vague")
        seed_labels = []
        for _, r in seeds.iterrows():
            quote = f"\u201c{r['exact']}\u201d"
            if not P.is_print:  # a column per seed figure: wrap long quotes to it
                quote = "\n".join(wrap_pt(quote, P.pt(9), P.k(75)))
            lab = f"{r['voice']}\n({r['number_id']})\n{quote}"
            if r["qualifier"] and str(r["qualifier"]).lower() != str(r["exact"]).lower():
                lab += f"\n[{r['qualifier']}]"
            seed_labels.append(lab)
        ax2.set_xticks(range(len(seeds)), seed_labels, fontsize=P.pt(9))
        ax2.tick_params(axis="x", length=0)
        ax2.tick_params(axis="y", left=False)
        ax2.spines["left"].set_visible(False)
        ax2.set_xlim(-0.5, len(seeds) - 0.3)
        subjects = sorted({referendum_year(x) for x in seeds["subject"]})
        ax2.set_title(f"Seed texts: yes share, {', '.join(subjects)}" if P.is_print or ax2.get_position().width > 0.5 else
                      f"Seed texts:\nyes share, {', '.join(subjects)}", fontsize=P.pt(11))
        extra = [(Line2D([], [], ls="", marker="o", ms=P.k(9), color=blue), "reported value", "value"),
                 (Line2D([], [], color=blue, lw=P.k(7)), "reported range (low–high)", "range"),
                 (Line2D([], [], ls="", marker="$?$", ms=P.k(12), color=blue), "vague amount, no figure", "vague")]
        handles += [h for h, _, k in extra if k in kinds]
        names += [n for _, n, k in extra if k in kinds]
        ax2.legend(handles=handles, labels=names, loc="center", fontsize=P.pt(9.5), alignment="left", frameon=True,
                   framealpha=1, edgecolor="none", facecolor="white", borderaxespad=0.2)
        refs = sorted(set(reference["source"]))
        stated = reference[reference["measure"] == "turnout_percent_stated"].set_index("referendum")["value"]
        gaps = [f"the {referendum_year(k)} commission stated {float(v):g}% turnout, its own counts give {t.loc[k, 'turnout_computed']:.2f}%"
                for k, v in stated.items() if abs(float(v) - t.loc[k, "turnout_computed"]) >= 0.05]
        finish(fig, referendum_results_texts(numbers, reference)["title"],
               source_labels(corpus, seeds["doc_id"]) + [f"reference: {s}" for s in refs],
               note=f"Shares recomputed from counts in {table}"
                    + ("; " + "; ".join(gaps) if gaps else "") + ".")
    return fig


def referendum_source_check_figure(numbers: pd.DataFrame, reference: pd.DataFrame, corpus: pd.DataFrame,
                                   preset=None) -> Figure:
    """Source criticism: the seed texts' counts and the commission's side by side
    (:func:`ossetia.referendums.source_check_table`).

    Args:
        numbers: the numbers table (:func:`ossetia.evidence.load_numbers`).
        reference: ``reference/referendum_results.csv``.
        corpus: the corpus, for the source line.
        preset: the size to draw for (:mod:`ossetia.plots.presets`; default print).
    Returns:
        The figure.
    """
    t = source_check_table(numbers, reference)
    lo, hi = SOURCE_CHECK_AXIS
    P = current(preset)
    with house_style(), P.rc():
        fig = new_figure(P.size((12, 5.0), memo_height=5.2))
        ax = fig.add_subplot()
        for i, r in t.iterrows():
            if r["layer"] == "reference":
                kw = dict(gid="reference-layer")
                reference_bar(ax.barh, i, r["count"] - lo, left=lo, height=0.62)
            elif r["layer"] == "derived":
                kw = dict(facecolor="#F0E442", edgecolor="black", gid="derived")
            else:
                kw = dict(facecolor="#0072B2", edgecolor="#0072B2", gid=f"number:{r['cite']}")
            if r["layer"] != "reference":
                ax.barh(i, r["count"] - lo, left=lo, height=0.62, **kw)
            ax.annotate(f"{r['count']:,.0f}  ({r['cite']})", (r["count"], i), xytext=(5, 4 if r["note"] else 0),
                        textcoords="offset points", va="bottom" if r["note"] else "center", fontsize=P.pt(10),
                        fontweight="bold", color=INK, gid=kw["gid"])
            if r["note"]:
                note = r["note"] if P.is_print else "\n".join(
                    wrap_pt(r["note"], P.pt(9), (fig.get_size_inches()[0] * 0.97 - 0.1) * 72 * (hi - r["count"]) / (hi - lo)
                            * 0.62))
                ax.annotate(note, (r["count"], i), xytext=(5, 2), textcoords="offset points", va="top",
                            fontsize=P.pt(9), color=INK, gid=kw["gid"])
        ax.set_yticks(range(len(t)), t["what"] if P.is_print else ["\n".join(wrap_pt(x, P.pt(10), P.k(150) if P.name == "memo"
                                                                               else 250)) for x in t["what"]],
                      fontsize=P.pt(10))
        ax.tick_params(axis="y", length=0)
        ax.invert_yaxis()
        ax.set_xlim(lo, hi)
        ax.xaxis.set_major_formatter(mticker.StrMethodFormatter("{x:,.0f}"))
        ax.grid(axis="x", color="#E6E6E6", lw=0.6)
        ax.set_axisbelow(True)
        ax.set_xlabel(f"count (axis starts at {lo:,} to show the differences)")
        refs = sorted(set(reference.loc[reference["referendum"] == "referendum_2006", "source"]))
        docs = numbers.set_index("number_id").loc[[c for c in t.loc[t["layer"] == "seed", "cite"]], "doc_id"]
        finish(fig, referendum_source_check_texts(numbers, reference)["title"],
               source_labels(corpus, docs) + [f"reference: {s}" for s in refs],
               note="Blue: reported in a seed text; hatched: reference counts; yellow: our arithmetic on the seed figures.")
    return fig


#: the count axis of the source check starts here (so the differences show) and ends here
SOURCE_CHECK_AXIS = (40000, 66000)


def _seed_shares(numbers: pd.DataFrame) -> pd.DataFrame:
    seeds = numbers[(numbers["measure"] == "vote_share_yes") & numbers["subject"].str.startswith("referendum")]
    return seeds.sort_values(["subject", "number_id"], key=frame_key).reset_index(drop=True)


def referendum_results_texts(numbers: pd.DataFrame, reference: pd.DataFrame) -> dict:
    """Title, caption and alt text of :func:`referendum_results_figure` (same tables)."""
    t = referendum_table(reference).set_index("referendum")
    seeds = _seed_shares(numbers)
    bars = [f"{referendum_year(k)} (turnout {r['turnout_computed']:.1f}%, yes {r['yes_of_valid_computed']:.1f}% of valid "
            f"votes, {r['yes_of_registered_computed']:.1f}% of registered voters)" for k, r in t.iterrows()]
    points = []
    for _, r in seeds.iterrows():
        v = (f"{r['value']:g}%" if pd.notna(r["value"]) else
             f"{r['low']:g}–{r['high']:g}%" if pd.notna(r["low"]) else "no figure")
        q = f" ('{r['qualifier']}')" if r["qualifier"] else ""
        points.append(f"{r['voice']} {v}{q} ({referendum_year(r['subject'])}, {r['number_id']})")
    quals = [f"'{q}'" for q in dict.fromkeys(seeds["qualifier"]) if q]
    facts = {"years": listing(referendum_year(k) for k in t.index),
             "referendums": "referendum" if len(t) == 1 else "referendums",
             "vote_shares": ("the " if len(seeds) else "") + counted(len(seeds), "vote share"),
             "qualifiers": ", ".join(quals) or "none given", "bars": "; ".join(bars),
             "seed_points": "; ".join(points) or "nothing"}
    return {k: fill("referendum-results", k, **facts) for k in ("title", "caption", "alt")}


def referendum_source_check_texts(numbers: pd.DataFrame, reference: pd.DataFrame) -> dict:
    """Title, caption and alt text of :func:`referendum_source_check_figure` (same tables)."""
    t = source_check_table(numbers, reference)
    lo, hi = SOURCE_CHECK_AXIS
    derived = t[t["layer"] == "derived"]
    people = t[t["what"].str.startswith("population")]
    facts = {"year": referendum_year(referendum_table(reference).set_index("referendum").index[-1]),
             "derived": "; ".join(f"{r['what']}: {r['count']:,.0f}, {r['note']}" for _, r in derived.iterrows()),
             "population": "; ".join(f"{r['what']}: {r['count']:,.0f}, {r['note']}" for _, r in people.iterrows()),
             "lo": f"{lo:,}", "hi": f"{hi:,}",
             "bars": "; ".join(f"{r['what']} {r['count']:,.0f}" for _, r in t.iterrows())}
    return {k: fill("referendum-source-check", k, **facts) for k in ("title", "caption", "alt")}


ENTRIES = [
    entry("referendum-results", lambda d: referendum_results_texts(d["numbers"], d["results"]),
          lambda d: referendum_results_figure(d["numbers"], d["results"], d["corpus"], seeds=d["seeds"]),
          lambda d: ids_of(_seed_shares(d["numbers"])["number_id"], d["results"]["ref_id"])),
    entry("referendum-source-check", lambda d: referendum_source_check_texts(d["numbers"], d["results"]),
          lambda d: referendum_source_check_figure(d["numbers"], d["results"], d["corpus"]),
          lambda d: ids_of(source_check_table(d["numbers"], d["results"])["cite"])),
]
