"""The corpus figure: the documents on a time line."""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.figure import Figure

from ..ids import frame_key
from ..manifest import published_label
from .entry import Entry
from .layout import axes_inches, source_labels, x_inches
from .style import INK, finish, house_style, new_figure, text_width


def corpus_timeline_figure(corpus: pd.DataFrame) -> Figure:
    """The documents on a time line: outlet, publication date (filled = stated in the text,
    hollow = inferred), and length in words."""
    with house_style():
        fig = new_figure((11, 4.6))
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
        finish(fig, "Five texts, 2006–2014: who published what, when",
               source_labels(corpus, corpus["doc_id"]),
               note="Marker area proportional to the length of the normalised text.")
        aw, _ = axes_inches(ax)
        xin = x_inches(ax, aw)
        for i, r in df.iterrows():
            stated = r["date_basis"] == "stated"
            ax.scatter(r["published"], i, s=r["n_words"] * 0.9, marker="o", linewidths=1.5,
                       facecolor="#0072B2" if stated else "white", edgecolor="#0072B2", zorder=3,
                       gid=f"doc:{r['doc_id']}")
            label = (f"{r['outlet']} ({r['doc_id']}) · {published_label(r['published'], r.get('published_precision'))}"
                     f" · {r['n_words']} words"
                     f" · date {r['date_basis']}")
            off = 8 + (r["n_words"] * 0.9) ** 0.5 / 2  # clear of the marker
            right = xin(r["published"]) + (off + text_width(label, 10)) / 72 < aw - 0.05
            ax.annotate(label, (r["published"], i), xytext=(off if right else -off, 0),
                        textcoords="offset points", va="center", ha="left" if right else "right",
                        fontsize=10, color=INK)
    return fig


ENTRIES = [
    Entry(
        "corpus-timeline", "Five texts, 2006–2014: who published what, when",
        "The five seed documents by publication date and outlet; filled markers mark dates stated in "
        "the text, hollow markers dates inferred (reasons in seeds/sources.csv, date_note). Marker area "
        "shows the length of the normalised text in words.",
        "Timeline from 2006 to 2016 with five markers: VOA in November 2006, the forum post quoting "
        "Interfax and Reuters in March 2008, Euronews in August 2008 and Agenda.ge in December 2014, "
        "each labelled with its word count and date basis.",
        lambda d: corpus_timeline_figure(d["corpus"]),
        lambda d: [f"doc:{x}" for x in d["corpus"]["doc_id"]]),
]
