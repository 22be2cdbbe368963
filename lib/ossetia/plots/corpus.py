"""The corpus figure: the documents on a time line."""

from __future__ import annotations

from pathlib import Path

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.figure import Figure

from ..corpus import source_label
from ..ids import frame_key
from ..manifest import published_label
from ..paths import seeds_file
from .entry import Entry
from .layout import axes_inches, source_labels, x_inches
from .presets import current
from .style import INK, finish, house_style, new_figure, text_width
from .texts import number as count_word


#: up to this many documents, each marker is labelled
LABELLED = 60


def corpus_timeline_figure(corpus: pd.DataFrame, preset=None, seeds: str | Path | None = None) -> Figure:
    """The documents on a time line: outlet, publication date (filled = stated in the text,
    hollow = inferred), and length in words.

    Args:
        corpus: the corpus (:func:`ossetia.load_corpus`), or some of its rows.
        preset: the size to draw for (default: print, or the one set by
            :func:`ossetia.plots.presets.use`).
        seeds: the seeds folder the corpus comes from, named in the texts (default: the one in use).
    Returns:
        The figure.
    """
    P = current(preset)
    fs = P.pt(10)
    with house_style(), P.rc():
        n = len(corpus)
        h = min(30.0, max(4.6, 1.6 + 0.28 * n))  # a row per document, within reason
        fig = new_figure(P.size((11, h), memo_height=min(P.max_height or h, max(3.6, 1.4 + 0.22 * n))))
        ax = fig.add_subplot()
        df = corpus.sort_values(["published", "doc_id"], key=frame_key).reset_index(drop=True)
        years = df["published"].dt.year
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.set_ylim(-0.7, len(df) - 0.3)
        ax.set_xlim(pd.Timestamp(f"{years.min()}-01-01"), pd.Timestamp(f"{years.max() + 2}-01-01"))
        ax.xaxis.set_major_locator(mdates.YearLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.set_xlabel("publication date (filled: stated in the text; hollow: inferred)")
        sources = (source_labels(corpus, corpus["doc_id"]) if n <= LABELLED else
                   [f"{n:,} documents of {corpus['outlet'].nunique():,} outlets ({seeds_file('sources.csv', seeds)})"])
        finish(fig, timeline_texts(corpus, seeds)["title"], sources,
               note="Marker area proportional to the length of the normalised text.")
        aw, _ = axes_inches(ax)
        xin = x_inches(ax, aw)
        if n > LABELLED:  # one collection for all markers: no labels, no per-document ids
            stated = (df["date_basis"] == "stated").to_numpy()
            ax.scatter(df["published"], range(n), s=P.k(P.k(1)) * df["n_words"] * 0.9, marker="o", linewidths=1.5,
                       facecolor=["#0072B2" if x else "white" for x in stated], edgecolor="#0072B2", zorder=3)
            return fig
        for i, r in df.iterrows():
            stated = r["date_basis"] == "stated"
            ax.scatter(r["published"], i, s=P.k(P.k(r["n_words"] * 0.9)), marker="o", linewidths=1.5,
                       facecolor="#0072B2" if stated else "white", edgecolor="#0072B2", zorder=3,
                       gid=f"doc:{r['doc_id']}")
            label = (f"{r['outlet']} ({r['doc_id']}) · {published_label(r['published'], r.get('published_precision'))}"
                     f" · {r['n_words']} words"
                     f" · date {r['date_basis']}")
            off = P.k(8 + (r["n_words"] * 0.9) ** 0.5 / 2)  # clear of the marker
            if not P.is_print and xin(r["published"]) + (off + text_width(label, fs)) / 72 >= aw - 0.05 \
                    and xin(r["published"]) - (off + text_width(label, fs)) / 72 <= 0.05:
                label = label.replace(" · date", "\ndate").replace(" · ", "\n", 1)  # no room on either side: wrap
            right = xin(r["published"]) + (off + max(text_width(x, fs) for x in label.split("\n"))) / 72 < aw - 0.05
            ax.annotate(label, (r["published"], i), xytext=(off if right else -off, 0),
                        textcoords="offset points", va="center", ha="left" if right else "right",
                        fontsize=fs, color=INK)
    return fig


def timeline_texts(corpus: pd.DataFrame, seeds: str | Path | None = None) -> dict[str, str]:
    """Title, caption and alt text of :func:`corpus_timeline_figure`, from the documents drawn
    (``seeds``: the folder they come from, named in the caption)."""
    df = corpus.sort_values(["published", "doc_id"], key=frame_key)
    n, years = len(df), df["published"].dt.year
    if n == 0:
        where = seeds_file("", seeds)
        return {"title": "No texts: who published what, when", "caption": f"The seeds folder {where} holds no documents.",
                "alt": f"An empty timeline: the seeds folder {where} holds no documents."}
    span = f"{years.min()}" if years.min() == years.max() else f"{years.min()}–{years.max()}"
    texts = "text" if n == 1 else "texts"
    partial = (df["published_precision"] != "day").any() if "published_precision" in df else False
    caption = (f"The {count_word(n)} seed document{'s' if n != 1 else ''} by publication date and outlet; filled "
               "markers mark dates stated in the text, hollow markers dates inferred (reasons in "
               f"{seeds_file('sources.csv', seeds)}, date_note)." + (" A date known only to the month or year is drawn at its first day and labelled "
                                "as given (YYYY-MM or YYYY)." if partial else "")
               + " Marker area shows the length of the normalised text in words."
               + (f" With more than {LABELLED} documents the markers are not labelled." if n > LABELLED else ""))

    def when(r):
        p = r.get("published_precision", "day")
        return f"{r['published']:%Y}" if p == "year" else f"{r['published']:%B %Y}"

    if n <= 12:
        groups: dict[str, list[str]] = {}
        for _, r in df.iterrows():
            groups.setdefault(when(r), []).append(source_label(corpus, r["doc_id"]).rsplit(" ", 1)[0])  # who, no date
        parts = [f"{' and '.join(outlets)} in {w}" for w, outlets in groups.items()]
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    else:
        first, last = df.iloc[0], df.iloc[-1]
        listed = (f" from {df['outlet'].nunique()} outlets, the earliest {first['outlet']} in {when(first)}, "
                  f"the latest {last['outlet']} in {when(last)}")
    alt = (f"Timeline from {years.min()} to {years.max() + 2} with {count_word(n)} marker{'s' if n != 1 else ''}"
           f"{': ' + listed if n <= 12 else listed}"
           + (", each labelled with its word count and date basis." if n <= LABELLED else "."))
    return {"title": f"{count_word(n, capital=True)} {texts}, {span}: who published what, when",
            "caption": caption, "alt": alt}


ENTRIES = [
    Entry(
        "corpus-timeline", lambda d: timeline_texts(d["corpus"], d["seeds"])["title"],
        lambda d: timeline_texts(d["corpus"], d["seeds"])["caption"],
        lambda d: timeline_texts(d["corpus"], d["seeds"])["alt"],
        lambda d: corpus_timeline_figure(d["corpus"], seeds=d["seeds"]),
        lambda d: [f"doc:{x}" for x in d["corpus"]["doc_id"]]),
]
