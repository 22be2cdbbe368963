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
from .figures import Briefing
from .style import INK, MUTED, finish, house_style, new_figure


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


def briefings() -> list[Briefing]:
    """The exported figures, in gallery order."""

    def corpus_fig():
        return corpus_timeline_figure(load_corpus())

    return [
        Briefing(
            name="corpus-timeline",
            title="Five texts, 2006–2014: who published what, when",
            caption="The five seed documents by publication date and outlet; filled markers mark "
                    "dates stated in the text, hollow markers dates we inferred (see seeds/sources.csv, "
                    "date_note). Marker area shows text length in words after normalisation.",
            alt="Timeline from 2006 to 2016 with five markers: VOA in November 2006, the forum post "
                "quoting Interfax and Reuters in March 2008, Euronews in August 2008 and Agenda.ge "
                "in December 2014, each labelled with its word count and date basis.",
            build=corpus_fig,
            evidence=lambda: [f"doc:{d}" for d in load_corpus()["doc_id"]],
            sources=lambda: _sources(load_corpus(), load_corpus()["doc_id"]),
        ),
    ]
