"""Plotting functions: the notebooks and the figure export call these same functions.

Each ``*_figure`` function takes the tables it draws (so a notebook can pass a filtered table)
and returns a :class:`matplotlib.figure.Figure` in the house style. :func:`briefings` lists
the exported figures with their captions, alt text and evidence.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.figure import Figure

from .corpus import load_corpus, source_label
from .style import INK, MUTED, STANCES, finish, house_style, new_figure


def _sources(corpus: pd.DataFrame, doc_ids) -> list[str]:
    return [source_label(corpus, d) for d in sorted(set(doc_ids))]


# -- 1. the corpus ---------------------------------------------------------------------

def corpus_timeline_figure(corpus: pd.DataFrame) -> Figure:
    """The documents on a time line: outlet, publication date (filled = stated in the text,
    hollow = inferred), and length in words."""
    with house_style():
        fig = new_figure((11, 4.6))
        ax = fig.add_subplot()
        df = corpus.sort_values("published").reset_index(drop=True)
        for i, r in df.iterrows():
            stated = r["date_basis"] == "stated"
            late = r["published"] > pd.Timestamp("2012-01-01")  # label to the left, inside the axes
            ax.scatter(r["published"], i, s=r["n_words"] * 0.9, marker="o", linewidths=1.5,
                       facecolor="#0072B2" if stated else "white", edgecolor="#0072B2", zorder=3)
            ax.annotate(f"{r['outlet']} ({r['doc_id']}) · {r['n_words']} words · date {r['date_basis']}",
                        (r["published"], i), xytext=(-14, 0) if late else (14, 0),
                        textcoords="offset points", va="center", ha="right" if late else "left",
                        fontsize=10, color=INK)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.set_ylim(-0.7, len(df) - 0.3)
        ax.set_xlim(pd.Timestamp("2006-01-01"), pd.Timestamp("2017-01-01"))
        ax.xaxis.set_major_locator(mdates.YearLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.set_xlabel("publication date (filled: stated in the text; hollow: inferred)")
        finish(fig, "Five texts, 2006–2014: who published what, when",
               _sources(corpus, corpus["doc_id"]),
               note="Marker area proportional to the length of the normalised text.")
    return fig



# -- stances ---------------------------------------------------------------------------

#: action -> stance category of the house palette (style.STANCES)
STANCE_OF_ACTION = {
    "recognises": "recognises", "supports": "recognises", "signs_treaty": "recognises",
    "urges_recognition": "urges", "seeks_recognition": "urges", "invokes_precedent": "urges",
    "proposes": "urges", "declares": "urges", "declares_independence": "urges",
    "does_not_recognise": "refuses", "opposes_recognition": "refuses", "rejects": "refuses",
    "boycotts": "refuses", "denies_precedent": "refuses", "warns": "refuses",
    "condemns": "condemns", "accuses": "condemns",
}


def stance(action: str) -> str:
    """The stance category an action is drawn as (neutral for reports, votes, events)."""
    return STANCE_OF_ACTION.get(action, "neutral")


def _short_date(r) -> str:
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
                     "sources": "; ".join(sorted({f"{o} {_short_date(r)[:7]}" for o, (_, r) in zip(g["outlet"], g.iterrows())})),
                     "first_date": min(_short_date(r) for _, r in g.iterrows())})
    m = pd.DataFrame(rows, columns=["actor", "target", "stance", "stances", "claims", "n", "sources", "first_date"])
    keep = m.groupby("actor")["n"].sum()
    return m[m["actor"].isin(keep[keep >= min_claims].index)].reset_index(drop=True)


def recognition_matrix_figure(claims: pd.DataFrame, corpus: pd.DataFrame, min_claims: int = 1) -> Figure:
    """Who recognises, urges, refuses or condemns what: actors x targets, one marker per cell,
    coloured and shaped by stance, labelled with the outlet and date of the evidence."""
    m = stance_matrix(claims, min_claims=min_claims)
    targets = [t for t in MATRIX_TARGETS if t in set(m["target"])]
    order = (m.groupby("actor")["first_date"].min().sort_values().index.tolist())
    with house_style():
        fig = new_figure((13, 0.42 * len(order) + 2.6))
        ax = fig.add_subplot()
        for _, r in m.iterrows():
            x, y = targets.index(r["target"]), order.index(r["actor"])
            col, mk, _ = STANCES[r["stance"]]
            ax.scatter(x, y, s=120, marker=mk, color=col, zorder=3, gid=f"cell:{r['actor']}|{r['target']}")
            label = r["sources"].split("; ")[0] + (" …" if ";" in r["sources"] else "")
            ax.annotate(label, (x, y), xytext=(9, 0), textcoords="offset points", va="center", fontsize=7.5,
                        color=MUTED)
        ax.set_xticks(range(len(targets)), [MATRIX_TARGETS[t] for t in targets], fontsize=9.5)
        ax.xaxis.tick_top()
        ax.set_yticks(range(len(order)), order)
        ax.set_xlim(-0.5, len(targets) - 0.1)
        ax.set_ylim(len(order) - 0.5, -0.6)
        ax.grid(True, color="#E6E6E6", lw=0.6)
        ax.set_axisbelow(True)
        for side in ("left", "bottom"):
            ax.spines[side].set_visible(False)
        ax.tick_params(length=0)
        ax.legend(handles=_legend_handles(["recognises", "urges", "refuses", "condemns"]), loc="upper left",
                  bbox_to_anchor=(1.0, 1.0), title="stance in the seed texts", alignment="left")
        finish(fig, "Who recognises what: positions reported in five texts",
               _sources(corpus, claims["doc_id"]),
               note="Each marker is one or more claims (seeds/claims.csv); label: first outlet and date. "
                    "Actors ordered by the date of their first reported position.")
    return fig


def _lane_plot(ax, rows: pd.DataFrame, lanes: list[str], label_col: str = "label"):
    for _, r in rows.iterrows():
        y = lanes.index(r["lane"])
        col, mk, _ = STANCES[r["stance"]]
        ax.scatter(r["date"], y, s=110, marker=mk, color=col, zorder=3, gid=f"claim:{r['claim_id']}")
        ax.annotate(r[label_col], (r["date"], y), xytext=(0, 11 if r.get("up", True) else -13),
                    textcoords="offset points", ha="center", va="bottom" if r.get("up", True) else "top",
                    fontsize=8, color=INK)


POSITION_LANES = {
    "Russia": ["Russia", "Russian parliament", "Federation Council", "State Duma", "Vladimir Putin", "Dmitry Medvedev"],
    "Georgia": ["Georgia", "Georgian Foreign Ministry", "Davit Kereselidze", "Mikhail Saakashvili"],
    "South Ossetia": ["South Ossetia", "South Ossetian parliament", "Eduard Kokoity", "Leonid Tibilov"],
    "US / EU / NATO / OSCE": ["United States", "Condoleezza Rice", "European Union", "NATO", "OSCE", "Western backers of Kosovo"],
}


def positions(claims: pd.DataFrame, lanes: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """Dated positions of the main parties (claims with a stance and a day or month date)."""
    lanes = lanes or POSITION_LANES
    lane_of = {a: lane for lane, actors in lanes.items() for a in actors}
    c = claims[claims["actor"].isin(lane_of)].copy()
    c["stance"] = c["action"].map(stance)
    c = c[(c["stance"] != "neutral") & (c["part"] != "headline")]
    c["date"] = pd.to_datetime([d if len(d) == 10 else (d + "-15" if len(d) == 7 else f"{p:%Y-%m-%d}")
                                for d, p in zip(c["event_date"], c["published"])])
    c["lane"] = c["actor"].map(lane_of)
    c["label"] = [f"{a.replace('_', ' ')}\n{t.replace('_', ' ')}" for a, t in zip(c["action"], c["target"])]
    c = c.drop_duplicates(subset=["lane", "date", "action", "target"])
    return c.sort_values(["lane", "date", "claim_id"]).reset_index(drop=True)


def positions_timeline_figure(claims: pd.DataFrame, corpus: pd.DataFrame, recognitions: pd.DataFrame) -> Figure:
    """Positions over time, one lane per party, with Russia's recognition (reference layer) drawn
    hollow and dashed, apart from the seed evidence."""
    pos = positions(claims)
    lanes = list(POSITION_LANES)
    with house_style():
        fig = new_figure((13, 6.4))
        ax = fig.add_subplot()
        for k, (_, r) in enumerate(pos.iterrows()):
            pos.loc[_, "up"] = k % 2 == 0
        pos["short"] = [a.replace("_", " ") for a in pos["action"]]
        _lane_plot(ax, pos, lanes, label_col="short")
        ru = recognitions[recognitions["state"] == "Russia"].iloc[0]
        d = pd.Timestamp(ru["date"])
        ax.scatter(d, lanes.index("Russia"), s=160, marker="o", facecolor="white", edgecolor="black",
                   linestyle="--", linewidths=1.4, zorder=4, gid="reference-layer")
        ax.annotate(f"recognises S. Ossetia\n({ru['ref_id']}, reference)", (d, lanes.index("Russia")),
                    xytext=(0, -14), textcoords="offset points", ha="center", va="top", fontsize=8,
                    style="italic", gid="reference-layer")
        ax.set_yticks(range(len(lanes)), lanes)
        ax.set_ylim(len(lanes) - 0.4, -0.6)
        ax.grid(True, axis="y", color="#E6E6E6", lw=0.6)
        ax.xaxis.set_major_locator(mdates.YearLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.legend(handles=_legend_handles(["recognises", "urges", "refuses", "condemns"], reference=True),
                  loc="upper left", bbox_to_anchor=(1.0, 1.0), alignment="left")
        finish(fig, "Positions over time, as reported",
               _sources(corpus, pos["doc_id"]) + [f"reference: {ru['source']}"],
               note="Seed evidence filled; the reference layer (seeds/reference/) hollow and dashed. "
                    "Dates: the event date where the text gives or implies it, else the publication date.")
    return fig


def recognition_timeline_figure(recognitions: pd.DataFrame, claims: pd.DataFrame, corpus: pd.DataFrame) -> Figure:
    """UN member states' recognitions of South Ossetia (reference layer), with what the seed texts
    say about recognition in the same time frame."""
    rec = recognitions.copy()
    rec["when"] = pd.to_datetime([d if len(d) == 10 else d + "-15" for d in rec["date"]])
    seeds = claims[(claims["action"] == "recognises") & (claims["target"] == "south_ossetia_independence")]
    with house_style():
        fig = new_figure((12, 5.2))
        ax = fig.add_subplot()
        for i, r in rec.reset_index(drop=True).iterrows():
            end = pd.Timestamp(r["withdrawn_date"]) if r["status"] == "withdrawn" else pd.Timestamp("2020-12-31")
            ax.plot([r["when"], end], [i, i], color="black", lw=1.2, ls="--", gid="reference-layer")
            ax.scatter(r["when"], i, s=110, marker="o", facecolor="white", edgecolor="black", linewidths=1.4,
                       zorder=3, gid="reference-layer")
            lab = f"{r['state']} {r['date']} ({r['ref_id']})" + (f", withdrawn {r['withdrawn_date']}" if r["status"] == "withdrawn" else "")
            ax.annotate(lab, (r["when"], i), xytext=(-8, 0), textcoords="offset points", ha="right",
                        va="center", fontsize=9.5, gid="reference-layer")
            if r["status"] == "withdrawn":
                ax.scatter(end, i, s=90, marker="|", color="black", zorder=3, gid="reference-layer")
        y = len(rec) + 0.2
        for _, r in seeds.iterrows():
            col, mk, _ = STANCES["recognises"]
            d0, d1 = pd.Timestamp(f"{r['event_date'][:4]}-01-01"), pd.Timestamp(f"{r['event_date'][:4]}-12-31")
            ax.plot([d0, d1], [y, y], color=col, lw=6, alpha=0.5, solid_capstyle="butt", gid=f"claim:{r['claim_id']}")
            ax.annotate(f"{r['outlet']} {r['published']:%Y-%m-%d} ({r['claim_id']}): \"…recognised … after the 2008 "
                        "Russia-Georgia war\" (year only)", (d0, y), xytext=(0, -10),
                        textcoords="offset points", va="top", fontsize=8.5, color=INK)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.set_ylim(len(rec) + 1.2, -0.8)
        ax.set_xlim(pd.Timestamp("2005-06-01"), pd.Timestamp("2021-01-01"))
        ax.xaxis.set_major_locator(mdates.YearLocator(2))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.legend(handles=_legend_handles(["recognises"], reference=True), loc="lower left")
        refs = sorted(set(rec["source"]))
        finish(fig, "UN members recognising South Ossetia, 2008–2018",
               [f"reference: {s}" for s in refs] + _sources(corpus, seeds["doc_id"]),
               note="Reference layer (hollow, dashed) from seeds/reference/recognitions.csv; "
                    "seed evidence (filled band) from seeds/claims.csv.")
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


def referendum_results_figure(numbers: pd.DataFrame, reference: pd.DataFrame, corpus: pd.DataFrame) -> Figure:
    """Yes share and turnout of the 1992 and 2006 referendums: reference results (hatched, from
    counts) beside what the seed texts report (filled, with their qualifiers)."""
    t = referendum_table(reference).set_index("referendum")
    seeds = numbers[(numbers["measure"] == "vote_share_yes") & numbers["subject"].str.startswith("referendum")]
    with house_style():
        fig = new_figure((12, 5.6))
        ax = fig.add_subplot()
        groups = [("referendum_1992", "1992-01-19"), ("referendum_2006", "2006-11-12")]
        for g, (ref, day) in enumerate(groups):
            row = t.loc[ref]
            for k, (col, lab) in enumerate([("turnout_computed", "turnout"), ("yes_of_valid_computed", "yes, of valid votes"),
                                            ("yes_of_registered_computed", "yes, of registered voters")]):
                x = g * 4 + k
                ax.bar(x, row[col], width=0.8, facecolor="white", edgecolor="black", hatch="///", ls="--",
                       lw=1.0, gid="reference-layer")
                ax.annotate(f"{row[col]:.2f}%", (x, row[col]), xytext=(0, 3), textcoords="offset points",
                            ha="center", fontsize=9, gid="reference-layer")
                ax.annotate(lab, (x, 3), ha="center", va="bottom", fontsize=8, rotation=90, color=INK)
            ax.annotate(f"{ref[-4:]} referendum ({day})", (g * 4 + 1, -9), ha="center", fontsize=11,
                        fontweight="bold", annotation_clip=False)
        x = 7.2
        col, mk, _ = STANCES["neutral"]
        for _, r in seeds.sort_values("number_id").iterrows():
            lo, hi = r["low"], r["high"]
            v = r["value"]
            lab = f"{r['outlet']} ({r['number_id']}): \"{r['exact']}\"" + (f" [{r['qualifier']}]" if r["qualifier"] else "")
            if pd.notna(v):
                ax.scatter(x, v, s=90, marker="o", color="#0072B2", zorder=3, gid=f"number:{r['number_id']}")
            elif pd.notna(lo):
                ax.plot([x, x], [lo, hi], color="#0072B2", lw=4, solid_capstyle="butt", gid=f"number:{r['number_id']}")
            else:
                ax.scatter(x, 97, s=90, marker=r"$?$", color="#0072B2", zorder=3, gid=f"number:{r['number_id']}")
            ax.annotate(lab, (x, v if pd.notna(v) else (lo if pd.notna(lo) else 97)), xytext=(8, 0),
                        textcoords="offset points", va="center", fontsize=8.5)
            x += 0.55
        ax.axvline(6.6, color="#BBBBBB", lw=0.8)
        ax.annotate("what the seed texts say\n(vote share for independence)", (7.2, 40), fontsize=9.5, color=INK)
        ax.set_xlim(-0.8, 12.5)
        ax.set_ylim(0, 108)
        ax.set_xticks([])
        ax.set_ylabel("percent")
        ax.legend(handles=[
            __import__("matplotlib.patches", fromlist=["Patch"]).Patch(facecolor="white", edgecolor="black",
                                                                    hatch="///", ls="--", label="reference result (computed from counts)"),
            __import__("matplotlib.lines", fromlist=["Line2D"]).Line2D([], [], ls="", marker="o", color="#0072B2",
                                                                    label="reported in a seed text")],
            loc="lower left", bbox_to_anchor=(0.0, 0.12))
        refs = sorted(set(reference["source"]))
        finish(fig, "Referendum results: reference counts vs what the news said",
               _sources(corpus, seeds["doc_id"]) + [f"reference: {s}" for s in refs],
               note="Shares recomputed from counts in seeds/reference/referendum_results.csv; the 2006 "
                    "commission stated 95.1% turnout, its own counts give 94.56%.")
    return fig


def source_check_table(numbers: pd.DataFrame, reference: pd.DataFrame) -> pd.DataFrame:
    """The counts a reader must reconcile: registered voters, votes, population; and what
    '99 percent of 55,000 registered voters' would imply."""
    n = numbers.set_index("number_id")
    t = referendum_table(reference).set_index("referendum").loc["referendum_2006"]
    share = n.loc[(n["measure"] == "vote_share_yes") & n["value"].notna() & (n["doc_id"] == "002")].iloc[0]
    reg = n.loc[(n["measure"] == "registered_voters") & (n["doc_id"] == "002")].iloc[0]
    pop = n.loc[(n["measure"] == "population")].iloc[0]
    rows = [
        {"what": "registered voters, 2006 (VOA, early results)", "count": reg["value"], "layer": "seed",
         "cite": reg.name, "note": reg["qualifier"] or "as reported"},
        {"what": "99% of those registered voters (VOA's sentence read literally)",
         "count": round(share["value"] / 100 * reg["value"]), "layer": "derived",
         "cite": f"{share.name} × {reg.name}", "note": "more than the votes actually cast"},
        {"what": "registered voters, 2006 (commission protocol)", "count": t["registered_voters"], "layer": "reference",
         "cite": "RR08", "note": ""},
        {"what": "votes cast, 2006 (commission protocol)", "count": t["votes_cast"], "layer": "reference",
         "cite": "RR09", "note": f"turnout {t['turnout_computed']:.2f}% (commission says 95.1%)"},
        {"what": "yes votes, 2006 (commission protocol)", "count": t["yes"], "layer": "reference", "cite": "RR11",
         "note": f"{t['yes_of_registered_computed']:.2f}% of registered, {t['yes_of_valid_computed']:.2f}% of valid"},
        {"what": "people in the region, 2008 (Reuters)", "count": pop["value"], "layer": "seed", "cite": pop.name,
         "note": "population, not voters: fewer people than 2006's registered voters"},
    ]
    return pd.DataFrame(rows)


def referendum_source_check_figure(numbers: pd.DataFrame, reference: pd.DataFrame, corpus: pd.DataFrame) -> Figure:
    """Source criticism: counts from VOA, Reuters and the commission side by side."""
    t = source_check_table(numbers, reference)
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
            ax.barh(i, r["count"], height=0.62, **kw)
            ax.annotate(f"{r['count']:,.0f}  ({r['cite']}) {r['note']}", (r["count"], i), xytext=(5, 0),
                        textcoords="offset points", va="center", fontsize=9)
        ax.set_yticks(range(len(t)), t["what"])
        ax.invert_yaxis()
        ax.set_xlim(40000, 66000)
        ax.xaxis.set_major_formatter(__import__("matplotlib.ticker", fromlist=["StrMethodFormatter"]).StrMethodFormatter("{x:,.0f}"))
        ax.set_xlabel("count (axis starts at 40,000 to show the differences)")
        refs = sorted(set(reference.loc[reference["referendum"] == "referendum_2006", "source"]))
        finish(fig, "Do the numbers add up? Voters, votes and people",
               _sources(corpus, ["001", "002"]) + [f"reference: {s}" for s in refs],
               note="Blue: reported in a seed text; hatched: reference counts; yellow: our arithmetic on the seed figures.")
    return fig


# -- Kosovo precedent --------------------------------------------------------------------

def argument_map(claims: pd.DataFrame) -> pd.DataFrame:
    """Who invokes and who denies the Kosovo precedent (or warns against Kosovo's recognition)."""
    c = claims[(claims["theme"] == "kosovo_precedent") & claims["action"].isin(
        ["invokes_precedent", "denies_precedent", "warns", "rejects", "accuses"])].copy()
    c["side"] = c["action"].map({"invokes_precedent": "invokes", "accuses": "invokes",
                                 "denies_precedent": "denies", "warns": "warns", "rejects": "warns"})
    return c.sort_values(["side", "event_date", "claim_id"]).reset_index(drop=True)


def _wrap(s: str, width: int = 46) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(s, width))


def kosovo_argument_map_figure(claims: pd.DataFrame, corpus: pd.DataFrame) -> Figure:
    """An argument map: the 'Kosovo precedent' in the middle, who invokes it on the left, who
    denies it on the right, Russia's warning below; each box quotes the evidence."""
    am = argument_map(claims)
    sides = {"invokes": (0.02, STANCES["urges"][0], "invoke the precedent"),
             "denies": (0.68, STANCES["refuses"][0], "deny it: Kosovo is a special case"),
             "warns": (0.35, STANCES["condemns"][0], "warn: recognising Kosovo opens a 'Pandora's box'")}
    with house_style():
        fig = new_figure((13, 7.6), layout=None)
        ax = fig.add_axes((0, 0.07, 1, 0.86))
        ax.set_axis_off()
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.text(0.5, 0.62, "Kosovo's independence\n(17 Feb 2008) as a\n'precedent'?", ha="center", va="center",
                fontsize=12, fontweight="bold", bbox=dict(boxstyle="round,pad=0.6", fc="#F2F2F2", ec=INK))
        for side, (x0, col, head) in sides.items():
            rows = am[am["side"] == side]
            ybase = 0.95 if side != "warns" else 0.36
            ax.text(x0 + (0.15 if side != "warns" else 0.15), ybase, head, ha="center", fontsize=10.5,
                    fontweight="bold", color=col)
            for k, (_, r) in enumerate(rows.iterrows()):
                y = ybase - 0.07 - k * (0.15 if side != "warns" else 0.13)
                txt = f"{r['actor']} ({r['outlet']}, {r['claim_id']}):\n\u201c{_wrap(r['exact'], 44)}\u201d"
                ax.text(x0, y, txt, ha="left", va="top", fontsize=8, color=INK, gid=f"claim:{r['claim_id']}",
                        bbox=dict(boxstyle="round,pad=0.35", fc="white", ec=col, lw=1.3))
        ax.annotate("", (0.38, 0.62), (0.33, 0.62), arrowprops=dict(arrowstyle="-|>", color=STANCES["urges"][0], lw=1.5))
        ax.annotate("", (0.62, 0.62), (0.67, 0.62), arrowprops=dict(arrowstyle="-|>", color=STANCES["refuses"][0], lw=1.5))
        finish(fig, "The 'Kosovo precedent': who invokes it, who denies it",
               _sources(corpus, am["doc_id"]),
               note="Quotes are exact spans of the raw texts (seeds/claims.csv, theme kosovo_precedent).")
    return fig


def kosovo_sequence(claims: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """The dated sequence a seminar discusses, mixing seed evidence and reference events."""
    pick = claims[claims["claim_id"].isin(claims.loc[
        (claims["theme"].isin(["kosovo_precedent", "recognition"])) &
        (claims["action"].isin(["invokes_precedent", "warns", "denies_precedent", "urges_recognition", "recognises"])) &
        (claims["actor"].isin(["South Ossetian parliament", "Russia", "Condoleezza Rice", "Federation Council", "State Duma"])),
        "claim_id"])]
    rows = [{"date": r["event_date"] if len(r["event_date"]) == 10 else f"{r['published']:%Y-%m-%d}",
             "what": f"{r['actor']}: {r['action'].replace('_', ' ')} ({r['target'].replace('_', ' ')})",
             "cite": r["claim_id"], "layer": "seed", "outlet": r["outlet"]} for _, r in pick.iterrows()]
    ev = events[events["ref_id"].isin(["E01", "E02", "E04"])]
    rows += [{"date": r["date"], "what": r["event"], "cite": r["ref_id"], "layer": "reference", "outlet": r["source"]}
             for _, r in ev.iterrows()]
    df = pd.DataFrame(rows)
    df = df.drop_duplicates(subset=["date", "what"]).sort_values(["date", "cite"]).reset_index(drop=True)
    return df


def kosovo_sequence_figure(claims: pd.DataFrame, events: pd.DataFrame, corpus: pd.DataFrame) -> Figure:
    """Kosovo (Feb 2008) -> South Ossetia's appeal (Mar) -> Russia's parliament (Aug) -> recognition."""
    seq = kosovo_sequence(claims, events)
    seq["when"] = pd.to_datetime(seq["date"])
    with house_style():
        fig = new_figure((13, 5.8))
        ax = fig.add_subplot()
        ax.axhline(0, color="#BBBBBB", lw=1)
        for i, r in seq.iterrows():
            up = i % 2 == 0
            h = (0.35 + 0.45 * ((i // 2) % 3)) * (1 if up else -1)
            ref = r["layer"] == "reference"
            gid = "reference-layer" if ref else f"claim:{r['cite']}"
            ax.plot([r["when"], r["when"]], [0, h], color="black" if ref else "#0072B2", lw=1, ls="--" if ref else "-", gid=gid)
            ax.scatter(r["when"], 0, s=80, marker="o", zorder=3, gid=gid,
                       **(dict(facecolor="white", edgecolor="black", linestyle="--") if ref else dict(color="#0072B2")))
            ax.annotate(f"{r['date']}  {_wrap(r['what'], 34)}\n[{r['cite']}]", (r["when"], h), ha="center",
                        va="bottom" if up else "top", fontsize=8, style="italic" if ref else "normal", gid=gid)
        ax.set_ylim(-1.9, 1.9)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.set_xlim(pd.Timestamp("2008-01-10"), pd.Timestamp("2008-09-25"))
        ax.xaxis.set_major_locator(mdates.MonthLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
        ax.legend(handles=[
            __import__("matplotlib.lines", fromlist=["Line2D"]).Line2D([], [], ls="", marker="o", color="#0072B2", label="seed evidence"),
            __import__("matplotlib.lines", fromlist=["Line2D"]).Line2D([], [], ls="", marker="o", mfc="white", mec="black",
                                                                    label="reference event (public source)")],
            loc="lower left")
        finish(fig, "From Kosovo to recognition: six months in 2008",
               _sources(corpus, claims.loc[claims["claim_id"].isin(seq["cite"]), "doc_id"])
               + [f"reference: {s}" for s in sorted(set(seq.loc[seq["layer"] == "reference", "outlet"]))])
    return fig
