"""Plotting functions: the notebooks and the figure export call these same functions.

Each ``*_figure`` function takes the tables it draws (so a notebook can pass a filtered table)
and returns a :class:`matplotlib.figure.Figure` in the house style. :func:`briefings` lists
the exported figures with their captions, alt text and evidence.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.ticker as mticker
import matplotlib.transforms as mtransforms
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .corpus import load_corpus, source_label, voice
from .style import INK, MUTED, STANCES, _text_width, finish, house_style, new_figure


def _sources(corpus: pd.DataFrame, doc_ids) -> list[str]:
    return [source_label(corpus, d) for d in sorted(set(doc_ids))]


# -- 1. the corpus ---------------------------------------------------------------------

def _axes_inches(ax) -> tuple[float, float]:
    """Width and height in inches of ``ax`` once the layout engine has placed it."""
    fig = ax.figure
    fig.draw_without_rendering()
    pos = ax.get_position()
    w, h = fig.get_size_inches()
    return pos.width * w, pos.height * h


def _x_inches(ax, aw: float):
    """Function mapping an x data value (dates allowed) to inches from the left of ``ax``."""
    x0, x1 = ax.get_xlim()

    def f(x):
        v = mdates.date2num(x) if isinstance(x, (pd.Timestamp,)) else x
        return (v - x0) / (x1 - x0) * aw
    return f


def corpus_timeline_figure(corpus: pd.DataFrame) -> Figure:
    """The documents on a time line: outlet, publication date (filled = stated in the text,
    hollow = inferred), and length in words."""
    with house_style():
        fig = new_figure((11, 4.6))
        ax = fig.add_subplot()
        df = corpus.sort_values(["published", "doc_id"]).reset_index(drop=True)
        years = df["published"].dt.year
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.set_ylim(-0.7, len(df) - 0.3)
        ax.set_xlim(pd.Timestamp(f"{years.min()}-01-01"), pd.Timestamp(f"{years.max() + 2}-01-01"))
        ax.xaxis.set_major_locator(mdates.YearLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.set_xlabel("publication date (filled: stated in the text; hollow: inferred)")
        finish(fig, "Five texts, 2006–2014: who published what, when",
               _sources(corpus, corpus["doc_id"]),
               note="Marker area proportional to the length of the normalised text.")
        aw, _ = _axes_inches(ax)
        xin = _x_inches(ax, aw)
        for i, r in df.iterrows():
            stated = r["date_basis"] == "stated"
            ax.scatter(r["published"], i, s=r["n_words"] * 0.9, marker="o", linewidths=1.5,
                       facecolor="#0072B2" if stated else "white", edgecolor="#0072B2", zorder=3,
                       gid=f"doc:{r['doc_id']}")
            label = (f"{r['outlet']} ({r['doc_id']}) · {r['published']:%Y-%m-%d} · {r['n_words']} words"
                     f" · date {r['date_basis']}")
            off = 8 + (r["n_words"] * 0.9) ** 0.5 / 2  # clear of the marker
            right = xin(r["published"]) + (off + _text_width(label, 10)) / 72 < aw - 0.05
            ax.annotate(label, (r["published"], i), xytext=(off if right else -off, 0),
                        textcoords="offset points", va="center", ha="left" if right else "right",
                        fontsize=10, color=INK)
    return fig



# -- stances ---------------------------------------------------------------------------

#: action -> stance category of the house palette (style.STANCES)
STANCE_OF_ACTION = {
    "recognises": "recognises",
    "urges_recognition": "urges", "seeks_recognition": "urges", "invokes_precedent": "urges",
    "supports": "urges", "declares": "urges", "declares_independence": "urges",
    "does_not_recognise": "refuses", "opposes_recognition": "refuses", "rejects": "refuses",
    "boycotts": "refuses", "denies_precedent": "refuses", "warns": "refuses",
    "condemns": "condemns", "accuses": "condemns",
}  # anything else (reports, votes, treaties, proposals, events) is drawn as neutral


def stance(action: str) -> str:
    """The stance category an action is drawn as (neutral for reports, votes, events)."""
    return STANCE_OF_ACTION.get(action, "neutral")


def _short_date(r) -> str:
    """A claim's event date, or its publication date when the text gives none."""
    d = r["event_date"] or f"{r['published']:%Y-%m-%d}"
    return d


def _legend_handles(stances=None, reference=False):
    from matplotlib.lines import Line2D

    hs = [Line2D([], [], ls="", marker=STANCES[k][1], ms=9, mfc=STANCES[k][0], mec=STANCES[k][0],
                 label=STANCES[k][2]) for k in (stances or STANCES)]
    if reference:
        hs.append(Line2D([], [], ls="", marker="o", ms=9, mfc="white", mec="black",
                         label="reference layer (public sources, not seed evidence)"))
    return hs


MATRIX_TARGETS = {
    "south_ossetia_independence": "S. Ossetian\nindependence",
    "referendum_2006": "2006\nreferendum",
    "referendum_1992": "1992\nreferendum",
    "kosovo_independence": "Kosovo's\nindependence",
    "kosovo_precedent": "'Kosovo\nprecedent'",
    "georgian_territorial_integrity": "S. Ossetia as\npart of Georgia",
    "alliance_treaty_2014": "2014 draft\ntreaty",
}


def stance_matrix(claims: pd.DataFrame, targets: dict[str, str] | None = None, min_claims: int = 1) -> pd.DataFrame:
    """Actors x targets: one row per (actor, target) with the stance, claim ids, outlets and dates."""
    targets = targets or MATRIX_TARGETS
    c = claims[claims["target"].isin(targets)].copy()
    c = c[~c["actor"].isin(["Reuters", "VOA", "Euronews", "Agenda.ge", "Interfax", "Wikipedia"])]
    c["stance"] = c["action"].map(stance)
    c = c[c["stance"] != "neutral"]
    rows = []
    for (actor, target), g in c.groupby(["actor", "target"], sort=True):
        st = g["stance"].mode().sort_values().iloc[0] if g["stance"].nunique() > 1 else g["stance"].iloc[0]
        rows.append({"actor": actor, "target": target, "stance": st, "stances": ", ".join(sorted(set(g["stance"]))),
                     "claims": " ".join(g["claim_id"]), "n": len(g),
                     "sources": "; ".join(sorted({f"{voice(r['outlet'], r['part'])} {r['published']:%Y-%m-%d}"
                                                  for _, r in g.iterrows()})),
                     "first_date": min(_short_date(r) for _, r in g.iterrows())})
    m = pd.DataFrame(rows, columns=["actor", "target", "stance", "stances", "claims", "n", "sources", "first_date"])
    keep = m.groupby("actor")["n"].sum()
    return m[m["actor"].isin(keep[keep >= min_claims].index)].reset_index(drop=True)


def _actor_groups(actors) -> list[tuple[str, list[str]]]:
    """Actors grouped by the lanes of :data:`POSITION_LANES` (same parties as the positions
    figure), the rest under "other actors"; group order as in POSITION_LANES."""
    lane_of = {a: lane for lane, members in POSITION_LANES.items() for a in members}
    groups = [(lane, [a for a in actors if lane_of.get(a) == lane]) for lane in POSITION_LANES]
    groups.append(("other actors", [a for a in actors if a not in lane_of]))
    return [(g, members) for g, members in groups if members]


def _pt(ax, dx: float = 0, dy: float = 0):
    """Data transform of ``ax`` shifted by (dx, dy) points."""
    return mtransforms.offset_copy(ax.transData, fig=ax.figure, x=dx, y=dy, units="points")


def recognition_matrix_figure(claims: pd.DataFrame, corpus: pd.DataFrame, min_claims: int = 1) -> Figure:
    """Who recognises, urges, refuses or condemns what: actors x targets, one marker per stance
    held in a cell, coloured and shaped by stance, labelled with the outlet and publication date
    of the cell's first evidence."""
    m = stance_matrix(claims, min_claims=min_claims)
    targets = [t for t in MATRIX_TARGETS if t in set(m["target"])]
    by_id = claims.set_index("claim_id")
    first = m.groupby("actor")["first_date"].min()
    groups = _actor_groups(sorted(first.index, key=lambda a: (first[a], a)))
    order = [a for _, members in groups for a in members]
    stance_keys = [k for k in STANCES if k in {x for v in m["stances"] for x in v.split(", ")}]
    fs, ms, step = 8.5, 8.0, 11.5  # label size, marker size (points), marker spacing (points)
    cells = []
    for _, r in m.iterrows():
        ev = by_id.loc[r["claims"].split()].sort_values(["published", "outlet"])
        first_ev = ev.iloc[0]
        more = len(ev) - 1
        label = f"{voice(first_ev['outlet'], first_ev['part'])} {first_ev['published']:%Y-%m-%d}" + (f" +{more}" if more else "")
        cells.append((r, [k for k in STANCES if k in r["stances"].split(", ")], label))
    with house_style():
        # column widths (inches) from the widest cell content in each column
        need = {t: 0.0 for t in targets}
        for r, sts, label in cells:
            w = (len(sts) * step + 4 + _text_width(label, fs)) / 72
            need[r["target"]] = max(need[r["target"]], w)
        head = {t: max(_text_width(line, 9.5) for line in MATRIX_TARGETS[t].split("\n")) / 72 for t in targets}
        widths = [max(need[t], head[t]) + 0.28 for t in targets]
        left = [sum(widths[:i]) for i in range(len(targets))]
        name_w = max(_text_width(a, 10) for a in order) / 72
        fig_w = max(13.0, sum(widths) + name_w + 0.95)
        fig = new_figure((fig_w, 0.255 * len(order) + 2.5))
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
                        transform=_pt(ax, ms / 2 + k * step), gid=f"cell:{r['actor']}|{r['target']}|{st}")
            ax.text(x, y, label, transform=_pt(ax, len(sts) * step + 3), va="center", ha="left",
                    fontsize=fs, color=MUTED)
        ax.set_xticks([left[i] + widths[i] / 2 for i in range(len(targets))],
                      [MATRIX_TARGETS[t] for t in targets], fontsize=9.5)
        ax.xaxis.tick_top()
        ax.set_yticks(range(len(order)), order, fontsize=10)
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
            off = -(name_w * 72 + 10)
            ax.plot([0, 0], [y0 - 0.35, y1 + 0.35], color=MUTED, lw=1.2, transform=mtransforms.offset_copy(
                trans, fig=fig, x=off, units="points"), clip_on=False)
            ax.text(0, (y0 + y1) / 2, g if len(members) > 2 else g.replace(" / ", "/\n"),
                    transform=mtransforms.offset_copy(trans, fig=fig, x=off - 5, units="points"),
                    rotation=90, ha="right", va="center", fontsize=9, fontweight="bold", color=MUTED,
                    clip_on=False, multialignment="center")
            y0 = y1 + 1
        ax.legend(handles=_legend_handles(stance_keys), loc="upper center", bbox_to_anchor=(0.5, -0.005),
                  ncol=len(stance_keys),
                  title="stance towards the column's topic, as reported (a cell with two stances shows both)", fontsize=9.5,
                  title_fontsize=9.5, handletextpad=0.3, columnspacing=1.6)
        finish(fig, "Who recognises what: positions reported in five texts",
               _sources(corpus, claims["doc_id"]),
               note="Each marker is one or more claims (seeds/claims.csv); label: outlet and publication date of the "
                    "first evidence, +n more claims. Actors grouped by party, then by the date of their first position.")
    return fig


POSITION_LANES = {
    "Russia": ["Russia", "Russian parliament", "Federation Council", "State Duma", "Vladimir Putin", "Dmitry Medvedev"],
    "Georgia": ["Georgia", "Georgian Foreign Ministry", "Davit Kereselidze", "Mikhail Saakashvili"],
    "South Ossetia": ["South Ossetia", "South Ossetian parliament", "Eduard Kokoity", "Leonid Tibilov"],
    "US / EU / NATO / OSCE": ["United States", "Condoleezza Rice", "European Union", "NATO", "OSCE", "Western backers of Kosovo"],
}


def positions(claims: pd.DataFrame, lanes: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """Dated positions of the main parties: claims with a stance whose date is known to the day
    or month. Undated claims and claims dated to a year only (e.g. "after the 2008 war") are
    left out: a point on a time line would claim a precision the text does not give."""
    lanes = lanes or POSITION_LANES
    lane_of = {a: lane for lane, actors in lanes.items() for a in actors}
    c = claims[claims["actor"].isin(lane_of)].copy()
    c["stance"] = c["action"].map(stance)
    c = c[(c["stance"] != "neutral") & (c["part"] != "headline") & c["date_precision"].isin(["day", "month"])]
    c["date"] = pd.to_datetime([d if len(d) == 10 else (d + "-15" if len(d) == 7 else f"{p:%Y-%m-%d}")
                                for d, p in zip(c["event_date"], c["published"])])
    c["lane"] = c["actor"].map(lane_of)
    c["label"] = [f"{a.replace('_', ' ')}\n{t.replace('_', ' ')}" for a, t in zip(c["action"], c["target"])]
    c = c.drop_duplicates(subset=["lane", "date", "action", "target"])
    return c.sort_values(["lane", "date", "claim_id"]).reset_index(drop=True)


_PROPER = {"south ossetia": "S. Ossetia", "russia": "Russia", "russian": "Russian", "georgia": "Georgia",
           "georgian": "Georgian", "abkhazia": "Abkhazia", "kosovo": "Kosovo"}


def _short_target(target: str) -> str:
    """A short readable name for a claim target ('abkhazia_treaty_2014' -> 'Abkhazia treaty 2014')."""
    if target in MATRIX_TARGETS:
        return MATRIX_TARGETS[target].replace("\n", " ")
    words = target.replace("_", " ")
    for k, v in _PROPER.items():
        words = " ".join(v if w == k else w for w in words.replace(k, k.replace(" ", "\0")).split(" "))
        words = words.replace(k.replace(" ", "\0"), v)
    return words


def _clusters(dates: list, days: int = 75) -> list[list[int]]:
    """Indices of sorted ``dates`` grouped where consecutive dates are at most ``days`` apart."""
    out: list[list[int]] = []
    for i, d in enumerate(dates):
        if out and (d - dates[out[-1][-1]]).days <= days:
            out[-1].append(i)
        else:
            out.append([i])
    return out


def _place_lane(clusters: list[dict], lo: float, hi: float, aw: float, step: float) -> list[tuple[str, float]]:
    """Choose for each cluster of a lane a side for its labels ('right' or 'left' of its markers)
    and a vertical shift (inches, from the lane centre) so that no two clusters overlap and all
    stay inside the lane (lo..hi, inches from the lane centre) and the axes (0..aw).
    Each cluster: x0, x1 (marker extent, inches), w (label width), pre (gap before the label), n (rows).
    Returns (side, shift) per cluster; the search minimises the total shift (right preferred)."""
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
        best[1] = [(o[0][1], o[0][2]) for o in options]
    return best[1]


def positions_timeline_figure(claims: pd.DataFrame, corpus: pd.DataFrame, recognitions: pd.DataFrame) -> Figure:
    """Positions over time, one lane per party, with Russia's recognition (reference layer) drawn
    hollow and dashed, apart from the seed evidence."""
    pos = positions(claims)
    lanes = list(POSITION_LANES)
    ru = recognitions[recognitions["state"] == "Russia"].iloc[0]
    fs, step, mstep = 8.5, 0.185, 10.5  # label size (pt), row height (inches), marker spacing (pt)
    # items: one label line per (lane, cluster of nearby dates, target), one marker per stance
    items = []
    for lane in lanes:
        rows = pos[pos["lane"] == lane].sort_values(["date", "claim_id"]).reset_index(drop=True)
        recs = []
        for _, r in rows.iterrows():
            ed = str(r["event_date"])
            note = " (undated)" if not ed else (f" (event: {ed})" if len(ed) == 4 and ed != str(r["date"].year) else "")
            recs.append({"date": r["date"], "key": (r["target"], note), "label": _short_target(r["target"]) + note,
                         "stance": r["stance"], "claim": r["claim_id"], "ref": False})
        if lane == "Russia":
            recs.append({"date": pd.Timestamp(ru["date"]), "key": ("ref", ru["ref_id"]), "ref": True,
                         "label": f"recognises {_short_target(str(ru['recognises']))} ({ru['ref_id']}, reference)",
                         "stance": None, "claim": None})
            recs.sort(key=lambda x: x["date"])
        for idx in _clusters([x["date"] for x in recs]):
            group: dict = {}
            for x in (recs[i] for i in idx):
                it = group.setdefault(x["key"], {"label": x["label"], "date": x["date"], "ref": x["ref"], "marks": {}})
                if not x["ref"]:
                    it["marks"].setdefault(x["stance"], []).append(x["claim"])
            its = list(group.values())
            for it in its:
                it["marks"] = {k: it["marks"][k] for k in STANCES if k in it["marks"]}
            items.append((lane, its))
    with house_style():
        fig = new_figure((13, 7.4))
        ax = fig.add_subplot()
        dates = list(pos["date"]) + [pd.Timestamp(ru["date"])]
        x0 = pd.Timestamp(f"{min(dates).year - 1}-01-01")
        x1 = pd.Timestamp(f"{max(dates).year + 1}-07-01")
        ax.set_xlim(x0, x1)
        ax.set_ylim(len(lanes) - 0.5, -0.5)
        ax.set_yticks(range(len(lanes)), lanes, fontsize=11, fontweight="bold")
        ax.tick_params(axis="y", length=0)
        ax.spines["left"].set_visible(False)
        for k in range(1, len(lanes)):
            ax.axhline(k - 0.5, color="#CCCCCC", lw=0.8)
        ax.grid(axis="x", color="#EEEEEE", lw=0.6)
        ax.set_axisbelow(True)
        ax.xaxis.set_major_locator(mdates.YearLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        keys = [k for k in STANCES if k in set(pos["stance"])]
        ax.legend(handles=_legend_handles(keys, reference=True), loc="lower left", bbox_to_anchor=(0, 1.0),
                  ncol=len(keys) + 1, fontsize=9, handletextpad=0.2, columnspacing=1.2, borderaxespad=0.3)
        finish(fig, "Positions over time, as reported",
               _sources(corpus, pos["doc_id"]) + [f"reference: {ru['source']}"],
               note="Each label is a topic; the marker is the party's stance towards it. Seed evidence filled, the "
                    "reference layer (seeds/reference/) hollow and dashed. Only positions dated to the day or month; "
                    "a date the text only implies is the publication date.")
        aw, ah = _axes_inches(ax)
        xin = _x_inches(ax, aw)
        band = ah / len(lanes)
        per_lane: dict = {}
        for lane, its in items:
            n_st = max(max(len(it["marks"]), 1) for it in its)
            c = {"x0": min(xin(it["date"]) for it in its), "x1": max(xin(it["date"]) for it in its) + (n_st - 1) * mstep / 72
                 + 0.06, "w": max(_text_width(it["label"], fs) for it in its) / 72 * 1.03, "pre": 0.1, "n": len(its),
                 "items": its, "n_st": n_st}
            per_lane.setdefault(lane, []).append(c)
        to_y = len(lanes) / ah  # data units per inch (y axis inverted: down is +)
        for lane, cl in per_lane.items():
            yc = lanes.index(lane)
            half = band / 2 - 0.06
            for c, (side, sh) in zip(cl, _place_lane(cl, -half, half, aw, step)):
                n = c["n"]
                for k, it in enumerate(c["items"]):
                    y = yc + (-sh + (k - (n - 1) / 2) * step) * to_y  # rows top to bottom, shift up = positive
                    if it["ref"]:
                        ax.scatter([it["date"]], [y], s=110, marker="o", facecolor="white", edgecolor="black",
                                   linestyle="--", linewidths=1.4, zorder=4, gid="reference-layer")
                    for j, (st, ids) in enumerate(it["marks"].items()):
                        col, mk, _ = STANCES[st]
                        for cid in ids:  # one marker per claim (same stance: same place)
                            ax.plot([it["date"]], [y], ls="", marker=mk, ms=8.5, mfc=col, mec=col, zorder=3,
                                    transform=_pt(ax, j * mstep), gid=f"claim:{cid}")
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


def recognition_timeline_figure(recognitions: pd.DataFrame, claims: pd.DataFrame, corpus: pd.DataFrame) -> Figure:
    """UN member states' recognitions of South Ossetia (reference layer), with what the seed texts
    say about recognition in the same time frame."""
    rec = recognitions.reset_index(drop=True).copy()
    rec["when"] = pd.to_datetime([d if len(d) == 10 else d + "-15" for d in rec["date"]])
    seeds = claims[(claims["action"] == "recognises") & (claims["target"] == "south_ossetia_independence")]
    seeds = seeds.sort_values(["event_date", "claim_id"]).reset_index(drop=True)
    col = STANCES["recognises"][0]
    with house_style():
        fig = new_figure((12, 5.2))
        ax = fig.add_subplot()
        years = [d.year for d in rec["when"]] + [int(str(d)[:4]) for d in seeds["event_date"] if str(d)[:4].isdigit()]
        x0, x1 = pd.Timestamp(f"{min(years) - 3}-01-01"), pd.Timestamp(f"{max(years) + 3}-01-01")
        n = len(rec)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.set_ylim(n + len(seeds) + 0.1, -0.7)
        ax.set_xlim(x0, x1)
        ax.xaxis.set_major_locator(mdates.YearLocator(2))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.grid(axis="x", color="#EEEEEE", lw=0.6)
        ax.set_axisbelow(True)
        ax.legend(handles=[
            Line2D([], [], color="black", ls="--", lw=1.2, marker="o", ms=9, mfc="white", mec="black",
                   label="recognition (reference layer: public sources, not seed evidence)"),
            Line2D([], [], ls="", marker="|", ms=10, mew=2, color="black", label="withdrawn"),
            Patch(facecolor=col, alpha=0.5, edgecolor=col, label="seed text (filled): the year it gives")],
            loc="lower left", bbox_to_anchor=(0, 1.0), ncol=3, fontsize=9.5, handlelength=2.4, borderaxespad=0.3)
        refs = sorted(set(rec["source"]))
        finish(fig, "UN members recognising South Ossetia, 2008–2018",
               [f"reference: {s}" for s in refs] + _sources(corpus, seeds["doc_id"]),
               note="Reference layer (hollow, dashed) from seeds/reference/recognitions.csv; "
                    "seed evidence (filled band) from seeds/claims.csv.")
        aw, _ = _axes_inches(ax)
        xin = _x_inches(ax, aw)
        for i, r in rec.iterrows():
            withdrawn = r["status"] == "withdrawn"
            end = pd.Timestamp(r["withdrawn_date"]) if withdrawn else x1
            ax.plot([r["when"], end], [i, i], color="black", lw=1.2, ls="--", gid="reference-layer")
            ax.scatter(r["when"], i, s=110, marker="o", facecolor="white", edgecolor="black", linewidths=1.4,
                       zorder=3, gid="reference-layer")
            lab = f"{r['state']} {r['date']} ({r['ref_id']})" + (f", withdrawn {r['withdrawn_date']}" if withdrawn else "")
            ax.annotate(lab, (r["when"], i), xytext=(-9, 0), textcoords="offset points", ha="right",
                        va="center", fontsize=10, gid="reference-layer")
            if withdrawn:
                ax.scatter(end, i, s=110, marker="|", linewidths=2, color="black", zorder=3, gid="reference-layer")
        if len(seeds):
            ax.axhline(n - 0.35, color="#BBBBBB", lw=0.8)
        for k, (_, r) in enumerate(seeds.iterrows()):
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
            lines = _wrap_pt(head + f"\u201c{r['exact']}\u201d", 9.5, room)
            ax.annotate("\n".join(lines), (d1, y), xytext=(8, 0), textcoords="offset points", va="center",
                        ha="left", fontsize=9.5, color=INK, gid=f"claim:{r['claim_id']}:label")
    return fig


# -- referendums ------------------------------------------------------------------------

def referendum_table(reference: pd.DataFrame) -> pd.DataFrame:
    """Reference results, one row per referendum, with shares recomputed from the counts."""
    wide = reference.pivot(index="referendum", columns="measure", values="value").astype(float)
    wide["turnout_computed"] = (100 * wide["votes_cast"] / wide["registered_voters"]).round(2)
    wide["yes_of_valid_computed"] = (100 * wide["yes"] / (wide["yes"] + wide["no"])).round(2)
    wide["yes_of_cast_computed"] = (100 * wide["yes"] / wide["votes_cast"]).round(2)
    wide["yes_of_registered_computed"] = (100 * wide["yes"] / wide["registered_voters"]).round(2)
    return wide.reset_index()


def _year(key: str) -> str:
    """'referendum_2006' -> '2006'."""
    return key.rsplit("_", 1)[-1]


def referendum_results_figure(numbers: pd.DataFrame, reference: pd.DataFrame, corpus: pd.DataFrame) -> Figure:
    """Yes share and turnout of the 1992 and 2006 referendums: reference results (hatched, from
    counts) beside what the seed texts report (filled, with their qualifiers)."""
    t = referendum_table(reference).set_index("referendum")
    seeds = numbers[(numbers["measure"] == "vote_share_yes") & numbers["subject"].str.startswith("referendum")]
    seeds = seeds.sort_values(["subject", "number_id"]).reset_index(drop=True)
    days = reference.groupby("referendum")["date"].first()
    bars = [("turnout_computed", "turnout"), ("yes_of_valid_computed", "yes,\nof valid\nvotes"),
            ("yes_of_registered_computed", "yes, of\nregistered\nvoters")]
    blue = STANCES["urges"][0]
    with house_style():
        fig = new_figure((12, 5.6))
        ax, ax2 = fig.subplots(1, 2, sharey=True, gridspec_kw={"width_ratios": [2.5, max(len(seeds), 2) * 0.62],
                                                                "wspace": 0.08})
        ticks, labels, centres = [], [], []
        for g, ref in enumerate(t.index):
            row = t.loc[ref]
            for k, (col, lab) in enumerate(bars):
                x = g * (len(bars) + 1) + k
                ax.bar(x, row[col], width=0.78, lw=1.0, gid="reference-layer",
                       **{"facecolor": "white", "edgecolor": "black", "hatch": "///", "ls": "--"})
                ax.annotate(f"{row[col]:.2f}%", (x, row[col]), xytext=(0, 3), textcoords="offset points",
                            ha="center", va="bottom", fontsize=9.5, gid="reference-layer")
                ticks.append(x)
                labels.append(lab)
            centres.append((g * (len(bars) + 1) + (len(bars) - 1) / 2, f"{_year(ref)} referendum\n({days[ref]})"))
        ax.set_xticks(ticks, labels, fontsize=9)
        ax.tick_params(axis="x", length=0)
        sec = ax.secondary_xaxis(0)
        sec.set_xticks([c for c, _ in centres], [lab for _, lab in centres], fontsize=10.5, fontweight="bold")
        sec.tick_params(length=0, pad=3 * 9 * 1.25 + 9)
        sec.spines["bottom"].set_visible(False)
        ax.set_xlim(-0.7, ticks[-1] + 0.7)
        ax.set_ylim(0, 112)
        ax.yaxis.set_major_locator(mticker.FixedLocator(range(0, 101, 20)))
        ax.set_ylabel("percent")
        ax.set_title("Reference results (from the published counts)", fontsize=11)
        for a in (ax, ax2):
            a.grid(axis="y", color="#E6E6E6", lw=0.6)
            a.set_axisbelow(True)
        # what the seed texts say: a point for a value, a bar for a low-high range, '?' for no figure
        handles = [Patch(facecolor="white", edgecolor="black", hatch="///", ls="--", label="reference result (from counts)")]
        kinds = set()
        for i, r in seeds.iterrows():
            gid = f"number:{r['number_id']}"
            if pd.notna(r["value"]):
                ax2.plot([i], [r["value"]], ls="", marker="o", ms=10, color=blue, zorder=3, gid=gid)
                ax2.annotate(f"{r['value']:g}%", (i, r["value"]), xytext=(9, 0), textcoords="offset points",
                             va="center", fontsize=9.5, color=INK)
                kinds.add("value")
            elif pd.notna(r["low"]):
                ax2.plot([i, i], [r["low"], r["high"]], color=blue, lw=7, solid_capstyle="butt", zorder=3, gid=gid)
                ax2.annotate(f"{r['low']:g}–{r['high']:g}%", (i, (r["low"] + r["high"]) / 2), xytext=(9, 0),
                             textcoords="offset points", va="center", fontsize=9.5, color=INK)
                kinds.add("range")
            else:  # no number: marked under the axis, never at a height that would read as a value
                ax2.annotate("?", (i, 0), xytext=(0, 6), textcoords="offset points", ha="center", va="bottom",
                             fontsize=15, fontweight="bold", color=blue, gid=gid)
                ax2.annotate("no figure given", (i, 0), xytext=(12, 9), textcoords="offset points",
                             va="bottom", fontsize=9, color=MUTED, style="italic")
                kinds.add("vague")
        seed_labels = []
        for _, r in seeds.iterrows():
            lab = f"{voice(r['outlet'], r['part'])}\n({r['number_id']})\n\u201c{r['exact']}\u201d"
            if r["qualifier"] and str(r["qualifier"]).lower() != str(r["exact"]).lower():
                lab += f"\n[{r['qualifier']}]"
            seed_labels.append(lab)
        ax2.set_xticks(range(len(seeds)), seed_labels, fontsize=9)
        ax2.tick_params(axis="x", length=0)
        ax2.tick_params(axis="y", left=False)
        ax2.spines["left"].set_visible(False)
        ax2.set_xlim(-0.5, len(seeds) - 0.3)
        subjects = sorted({_year(x) for x in seeds["subject"]})
        ax2.set_title(f"Seed texts: yes share, {', '.join(subjects)}", fontsize=11)
        handles += [h for k, h in [
            ("value", Line2D([], [], ls="", marker="o", ms=9, color=blue, label="reported value")),
            ("range", Line2D([], [], color=blue, lw=7, label="reported range (low–high)")),
            ("vague", Line2D([], [], ls="", marker="$?$", ms=12, color=blue, label="vague amount, no figure"))]
            if k in kinds]
        ax2.legend(handles=handles, loc="center", fontsize=9.5, alignment="left", frameon=True,
                   framealpha=1, edgecolor="none", facecolor="white", borderaxespad=0.2)
        refs = sorted(set(reference["source"]))
        stated = reference[reference["measure"] == "turnout_percent_stated"].set_index("referendum")["value"]
        gaps = [f"the {_year(k)} commission stated {float(v):g}% turnout, its own counts give {t.loc[k, 'turnout_computed']:.2f}%"
                for k, v in stated.items() if abs(float(v) - t.loc[k, "turnout_computed"]) >= 0.05]
        finish(fig, "Referendum results: reference counts vs what the news said",
               _sources(corpus, seeds["doc_id"]) + [f"reference: {s}" for s in refs],
               note="Shares recomputed from counts in seeds/reference/referendum_results.csv"
                    + ("; " + "; ".join(gaps) if gaps else "") + ".")
    return fig


def source_check_table(numbers: pd.DataFrame, reference: pd.DataFrame) -> pd.DataFrame:
    """The counts a reader must reconcile: registered voters, votes, population; and what
    '99 percent of 55,000 registered voters' would imply."""
    n = numbers.set_index("number_id")
    t = referendum_table(reference).set_index("referendum").loc["referendum_2006"]
    ref = reference[reference["referendum"] == "referendum_2006"].set_index("measure")
    year = _year(t.name)
    share = n.loc[(n["measure"] == "vote_share_yes") & n["value"].notna() & (n["doc_id"] == "002")].iloc[0]
    reg = n.loc[(n["measure"] == "registered_voters") & (n["doc_id"] == "002")].iloc[0]
    pop = n.loc[(n["measure"] == "population")].iloc[0]
    implied = round(share["value"] / 100 * reg["value"])
    stated = float(ref.loc["turnout_percent_stated", "value"])
    rows = [
        {"what": f"registered voters, {year} ({reg['outlet']})",
         "count": reg["value"], "layer": "seed", "cite": reg.name, "note": reg["qualifier"] or "as reported"},
        {"what": f"{share['value']:g}% of those registered voters ({reg['outlet']}'s "
                 f"{share['qualifier'] + ', ' if share['qualifier'] else ''}read literally)",
         "count": implied, "layer": "derived",
         "cite": f"{share.name} × {reg.name}",
         "note": "more than the votes actually cast" if implied > t["votes_cast"] else "no more than the votes cast"},
        {"what": f"registered voters, {year} (commission protocol)", "count": t["registered_voters"], "layer": "reference",
         "cite": ref.loc["registered_voters", "ref_id"], "note": ""},
        {"what": f"votes cast, {year} (commission protocol)", "count": t["votes_cast"], "layer": "reference",
         "cite": ref.loc["votes_cast", "ref_id"],
         "note": f"turnout {t['turnout_computed']:.2f}% (commission says {stated:g}%)"},
        {"what": f"yes votes, {year} (commission protocol)", "count": t["yes"], "layer": "reference",
         "cite": ref.loc["yes", "ref_id"],
         "note": f"{t['yes_of_registered_computed']:.2f}% of registered, {t['yes_of_valid_computed']:.2f}% of valid"},
        {"what": f"people in the region, {str(pop['as_of'])[:4]} ({pop['outlet']})", "count": pop["value"], "layer": "seed",
         "cite": pop.name,
         "note": "population, not voters: " + ("fewer" if pop["value"] < t["registered_voters"] else "more")
                 + f" people than {year}'s registered voters"},
    ]
    return pd.DataFrame(rows)


def referendum_source_check_figure(numbers: pd.DataFrame, reference: pd.DataFrame, corpus: pd.DataFrame) -> Figure:
    """Source criticism: counts from VOA, Reuters and the commission side by side."""
    t = source_check_table(numbers, reference)
    lo, hi = 40000, 66000  # axis range (the captions in briefings.py describe it)
    with house_style():
        fig = new_figure((12, 5.0))
        ax = fig.add_subplot()
        for i, r in t.iterrows():
            if r["layer"] == "reference":
                kw = dict(facecolor="white", edgecolor="black", hatch="///", ls="--", gid="reference-layer")
            elif r["layer"] == "derived":
                kw = dict(facecolor="#F0E442", edgecolor="black", gid="derived")
            else:
                kw = dict(facecolor="#0072B2", edgecolor="#0072B2", gid=f"number:{r['cite']}")
            ax.barh(i, r["count"] - lo, left=lo, height=0.62, **kw)
            ax.annotate(f"{r['count']:,.0f}  ({r['cite']})", (r["count"], i), xytext=(5, 4 if r["note"] else 0),
                        textcoords="offset points", va="bottom" if r["note"] else "center", fontsize=10,
                        fontweight="bold", color=INK, gid=kw["gid"])
            if r["note"]:
                ax.annotate(r["note"], (r["count"], i), xytext=(5, 2), textcoords="offset points", va="top",
                            fontsize=9, color=INK, gid=kw["gid"])
        ax.set_yticks(range(len(t)), t["what"], fontsize=10)
        ax.tick_params(axis="y", length=0)
        ax.invert_yaxis()
        ax.set_xlim(lo, hi)
        ax.xaxis.set_major_formatter(mticker.StrMethodFormatter("{x:,.0f}"))
        ax.grid(axis="x", color="#E6E6E6", lw=0.6)
        ax.set_axisbelow(True)
        ax.set_xlabel(f"count (axis starts at {lo:,} to show the differences)")
        refs = sorted(set(reference.loc[reference["referendum"] == "referendum_2006", "source"]))
        docs = numbers.set_index("number_id").loc[[c for c in t.loc[t["layer"] == "seed", "cite"]], "doc_id"]
        finish(fig, "Do the numbers add up? Voters, votes and people",
               _sources(corpus, docs) + [f"reference: {s}" for s in refs],
               note="Blue: reported in a seed text; hatched: reference counts; yellow: our arithmetic on the seed figures.")
    return fig


# -- Kosovo precedent --------------------------------------------------------------------

OUTLET_VOICES = ("Reuters", "VOA", "Euronews", "Agenda.ge", "Interfax", "Wikipedia")


def argument_map(claims: pd.DataFrame) -> pd.DataFrame:
    """Who invokes and who denies the Kosovo precedent (or warns against Kosovo's recognition).
    An outlet's own framing is not an argument in the debate and is left out."""
    c = claims[(claims["theme"] == "kosovo_precedent") & claims["action"].isin(
        ["invokes_precedent", "denies_precedent", "warns", "rejects", "accuses"])
        & ~claims["actor"].isin(OUTLET_VOICES)].copy()
    c["side"] = c["action"].map({"invokes_precedent": "invokes", "accuses": "invokes",
                                 "denies_precedent": "denies", "warns": "warns", "rejects": "warns"})
    return c.sort_values(["side", "event_date", "claim_id"]).reset_index(drop=True)


def _wrap_pt(s: str, size: float, width_pt: float, weight: str = "normal") -> list[str]:
    """Greedy word wrap of ``s`` to lines no wider than ``width_pt`` points at ``size``."""
    lines: list[str] = []
    for para in s.split("\n"):
        line = ""
        for word in para.split(" "):
            trial = f"{line} {word}" if line else word
            if line and _text_width(trial, size, weight) > width_pt:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


def _fmt_day(d: str) -> str:
    """'2008-02-17' -> '17 Feb 2008' (other precisions unchanged)."""
    return f"{pd.Timestamp(d):%-d %b %Y}" if len(d) == 10 else d


def kosovo_argument_map_figure(claims: pd.DataFrame, corpus: pd.DataFrame) -> Figure:
    """An argument map: the 'Kosovo precedent' in the middle, who invokes it on the left, who
    denies it on the right, who warns against recognising Kosovo below; each box quotes the evidence."""
    from matplotlib.patches import FancyBboxPatch

    am = argument_map(claims)
    kosovo = claims[(claims["action"] == "declares_independence") & (claims["target"] == "kosovo_independence")
                    & (claims["event_date"].str.len() > 0)]
    when = f"\n({_fmt_day(kosovo['event_date'].min())})" if len(kosovo) else ""
    W, H = 13.0, 7.6
    sides = {"invokes": (STANCES["urges"][0], "invoke the precedent"),
             "denies": (STANCES["refuses"][0], "deny it: Kosovo is a special case"),
             "warns": (STANCES["condemns"][0], "warn against recognising Kosovo")}
    cols = {"invokes": (0.2, 4.65), "warns": (4.9, 8.1), "denies": (8.35, W - 0.2)}  # x0, x1 in inches
    with house_style():
        fig = new_figure((W, H), layout=None)
        finish(fig, "The 'Kosovo precedent': who invokes it, who denies it",
               _sources(corpus, am["doc_id"]),
               note="Quotes are exact spans of the raw texts (seeds/claims.csv, theme kosovo_precedent).")
        from .style import footer_fraction

        foot = footer_fraction(fig)
        top = 0.62  # inches kept for the title
        ax = fig.add_axes((0, foot, 1, 1 - foot - top / H))
        ax.set_axis_off()
        ah = H * (1 - foot) - top  # axes height in inches; data units are inches
        ax.set_xlim(0, W)
        ax.set_ylim(0, ah)

        def layout(rows, x0, x1, fs):
            """Wrapped lines and box heights (inches) for one column."""
            pad = 0.08
            out = []
            for _, r in rows.iterrows():
                who = r["actor"] if r["speaker"] in (r["actor"], voice(r["outlet"], r["part"])) else \
                    f"{r['actor']}, through {r['speaker']}"
                head = _wrap_pt(f"{who} ({voice(r['outlet'], r['part'])}, {r['claim_id']})", fs,
                                (x1 - x0 - 2 * pad) * 72, "bold")
                quote = _wrap_pt(f"\u201c{r['exact']}\u201d", fs, (x1 - x0 - 2 * pad) * 72)
                out.append((r, head, quote, (len(head) + len(quote)) * fs * 1.22 / 72 + 2 * pad))
            return out

        gap, head_h = 0.12, 0.32
        # the largest type size at which the tallest column fits
        for fs in (10, 9.5, 9, 8.5, 8, 7.5):
            boxes = {side: layout(am[am["side"] == side], *cols[side], fs) for side in sides}
            need = {side: head_h + sum(b[3] for b in bs) + gap * max(len(bs) - 1, 0) for side, bs in boxes.items()}
            if max(need["invokes"], need["denies"]) <= ah - 0.05:
                break
        q_text = f"Kosovo's independence{when}\nas a 'precedent'?"
        q_h = 1.05
        warn_top = min(ah - 0.05, need["warns"] + 0.1)  # the warning group sits at the bottom of the centre
        q_y = (ah + warn_top) / 2  # the question box: centred in the space above the warnings
        q_w = min(max(_text_width(t, 13, "bold") for t in q_text.split("\n")) / 72 + 0.45,
                  cols["warns"][1] - cols["warns"][0] - 0.3)
        qx0 = (cols["warns"][0] + cols["warns"][1] - q_w) / 2
        qx1 = qx0 + q_w
        ax.add_patch(FancyBboxPatch((qx0, q_y - q_h / 2), qx1 - qx0, q_h, boxstyle="round,pad=0,rounding_size=0.12",
                                    fc="#F2F2F2", ec=INK, lw=1.2))
        ax.text((qx0 + qx1) / 2, q_y, q_text, ha="center", va="center", fontsize=13, fontweight="bold", color=INK)
        for side, (col, title) in sides.items():
            x0, x1 = cols[side]
            y = {"invokes": ah - 0.05, "warns": warn_top,  # short groups beside the question: centred on it
                 "denies": min(ah - 0.05, max(q_y + need["denies"] / 2 + head_h / 2, need["denies"] + 0.05))}[side]
            ax.text((x0 + x1) / 2, y, title, ha="center", va="top", fontsize=11, fontweight="bold", color=col)
            y -= head_h
            ys = []
            for r, head, quote, h in boxes[side]:
                ax.add_patch(FancyBboxPatch((x0, y - h), x1 - x0, h, boxstyle="round,pad=0,rounding_size=0.06",
                                            fc="white", ec=col, lw=1.4, gid=f"box:{r['claim_id']}"))
                ax.text(x0 + 0.08, y - 0.08, "\n".join(head), ha="left", va="top", fontsize=fs, fontweight="bold",
                        color=INK, linespacing=1.2)
                ax.text(x0 + 0.08, y - 0.08 - len(head) * fs * 1.22 / 72, "\n".join(quote), ha="left", va="top", fontsize=fs,
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


def kosovo_sequence(claims: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """The dated sequence a seminar discusses, mixing seed evidence and reference events.
    Only claims dated to the day are placed in it (a year-only date cannot be sequenced)."""
    claims = claims[claims["date_precision"] == "day"]
    pick = claims[claims["claim_id"].isin(claims.loc[
        (claims["theme"].isin(["kosovo_precedent", "recognition"])) &
        (claims["action"].isin(["invokes_precedent", "warns", "denies_precedent", "urges_recognition", "recognises"])) &
        (claims["actor"].isin(["South Ossetian parliament", "Russia", "Condoleezza Rice", "Federation Council", "State Duma"])),
        "claim_id"])]
    rows = [{"date": r["event_date"], "date_basis": "reported" if r["date_basis"] == "publication" else "event",
             "what": f"{r['actor']}: {r['action'].replace('_', ' ')} ({r['target'].replace('_', ' ')})",
             "cite": r["claim_id"], "layer": "seed", "outlet": r["outlet"]} for _, r in pick.iterrows()]
    ev = events[events["ref_id"].isin(["E01", "E02", "E04"])]
    rows += [{"date": r["date"], "date_basis": "event", "what": r["event"], "cite": r["ref_id"], "layer": "reference",
              "outlet": r["source"]} for _, r in ev.iterrows()]
    df = pd.DataFrame(rows)
    df = df.drop_duplicates(subset=["date", "what"]).sort_values(["date", "cite"]).reset_index(drop=True)
    return df


def _place_blocks(blocks: list[dict], aw: float, half: float, base: float = 0.22, gap: float = 0.08) -> list[tuple]:
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


def kosovo_sequence_figure(claims: pd.DataFrame, events: pd.DataFrame, corpus: pd.DataFrame) -> Figure:
    """Kosovo (Feb 2008) -> South Ossetia's appeal (Mar) -> Russia's parliament (Aug) -> recognition."""
    seq = kosovo_sequence(claims, events)
    seq["when"] = pd.to_datetime(seq["date"])
    by_id = claims.set_index("claim_id")
    ref = seq[seq["layer"] == "reference"]
    frame = ref if len(ref) else seq  # the time frame: the reference events' span
    lo, hi = frame["when"].min(), frame["when"].max()
    pad = max((hi - lo) / 14, pd.Timedelta(days=10))
    x0, x1 = min(lo - pad, lo.to_period("M").to_timestamp() - pd.Timedelta(days=4)), hi + pad
    inside = seq[(seq["when"] >= x0) & (seq["when"] <= x1)]
    later = seq[seq["when"] > x1]
    earlier = seq[seq["when"] < x0]
    span = x1 - x0
    # zones beyond a break in the axis for claims outside the frame (e.g. dated by a later publication)
    xa = x0 - span * 0.11 if len(earlier) else x0
    xb = x1 + span * 0.11 if len(later) else x1
    zone = {"later": x1 + span * 0.06, "earlier": x0 - span * 0.06}
    fs, lh, wrap = 8.5, 8.5 * 1.22 / 72, 2.45 * 72  # type size, line height (inches), wrap width (points)
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
                    tg = ", ".join(dict.fromkeys(_short_target(t) for t in g["target"]))
                    text = f"{actor}: {action.replace('_', ' ')} ({tg}) [{', '.join(g['claim_id'])}]"
                    out += [(t, False, f"label:{' '.join(g['claim_id'])}") for t in _wrap_pt(text, fs, wrap)]
            for _, r in g0[g0["layer"] == "reference"].iterrows():
                out += [(t, True, "reference-layer") for t in _wrap_pt(f"{r['what']} [{r['cite']}]", fs, wrap)]
        return out

    with house_style():
        fig = new_figure((13, 5.8))
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
            Line2D([], [], ls="-", marker="o", color=blue, ms=8, label="seed evidence (claim in a seed text)"),
            Line2D([], [], ls="--", marker="o", color="black", mfc="white", mec="black", ms=8,
                   label="reference event (public source)")],
            loc="lower left", bbox_to_anchor=(0, 1.0), ncol=2, fontsize=9.5, borderaxespad=0.3)
        finish(fig, "From Kosovo to recognition: February to August 2008",
               _sources(corpus, claims.loc[claims["claim_id"].isin(seq["cite"]), "doc_id"])
               + [f"reference: {s}" for s in sorted(set(seq.loc[seq["layer"] == "reference", "outlet"]))],
               note="Seed claims dated to the day only; '(date reported)': the text gives no date, so the "
                    "publication date stands in"
                    + ("; claims outside the time frame are shown beyond the break (//) in the time axis."
                       if len(later) or len(earlier) else "."))
        aw, ah = _axes_inches(ax)
        ax.set_ylim(-ah / 2, ah / 2)  # y data units are inches, the time line at 0
        xin = _x_inches(ax, aw)
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
                ax.text(brk, 0, "//", ha="center", va="center", fontsize=12, color="#888888")
        # label blocks: dates closer than ~0.35 inch share a block
        blocks, cur = [], []
        for _, r in inside.sort_values(["when", "cite"]).iterrows():
            if cur and xin(r["when"]) - xin(cur[-1]["when"]) > 0.35:
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
            b["w"] = max(_text_width(t, fs, "bold" if (r is None and g is None) else "normal")
                         for t, r, g in b["lines"]) / 72 * 1.03 + 0.04
            b["h"] = len(b["lines"]) * lh + 0.04
            xs = [(v - n0) / (n1 - n0) * aw for v in b["at"].values()]
            b["x"] = sum(xs) / len(xs)
        for b, (side, bx0, by0) in zip(spec, _place_blocks(spec, aw, ah / 2 - 0.05)):
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
                        ax.scatter([xd], [0], s=80, marker="o", facecolor="white", edgecolor="black", linestyle="--",
                                   linewidths=1.3, zorder=4, gid="reference-layer")
                    else:
                        ax.plot([xd], [0], ls="", marker="o", ms=8.5, color=blue, zorder=4, gid=f"claim:{r['cite']}")
            top = side * by0 + (b["h"] if side == 1 else 0) - 0.02
            for k, (text, is_ref, lgid) in enumerate(b["lines"]):
                ax.text(at(bx0), top - k * lh, text, ha="left", va="top", fontsize=fs, color=INK,
                        fontweight="bold" if (is_ref is None and lgid is None) else "normal",
                        style="italic" if is_ref else "normal", gid=lgid or "block-label")
    return fig
