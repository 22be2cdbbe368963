"""Statistical views drawn with seaborn on the library's tables: label rates per source
(:func:`ossetia.framing.label_rates`), keyness (:func:`ossetia.textstats.keyness`),
dispersion (:func:`ossetia.textstats.dispersion`) and extractor scores (a tidy table with
one row per evaluation set, rule and measure). The annotated briefing figures stay matplotlib
(the other modules of this package)."""

from __future__ import annotations

import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure

from .style import house_style, new_figure


def rates_figure(rates: pd.DataFrame, title: str = "Labels per 1,000 tokens of each source") -> Figure:
    """A heat map of label rates: labels (rows) x sources (columns), each cell the rate.

    Args:
        rates: :func:`ossetia.framing.label_rates` (labels as index, sources as columns).
        title: the title drawn above the map.
    Returns:
        The figure.
    """
    with house_style():
        fig = new_figure((1.6 + 1.05 * len(rates.columns), 1.2 + 0.32 * len(rates)))
        ax = fig.add_subplot()
        sns.heatmap(rates, ax=ax, annot=True, fmt=".1f", cmap="Blues", cbar=False, linewidths=0.5, linecolor="white")
        ax.set_xlabel("")
        ax.set_ylabel("")
        ax.set_title(title, loc="left")
    return fig


def keyness_figure(k: pd.DataFrame, target: str, n: int = 10) -> Figure:
    """The ``n`` most key words of ``target`` as horizontal bars of G² (log-likelihood).

    Args:
        k: :func:`ossetia.textstats.keyness` (columns token, target, reference, G2).
        target: the target's name, for the title.
        n: how many words to draw.
    Returns:
        The figure.
    """
    top = k.head(n)
    with house_style():
        fig = new_figure((7, 0.9 + 0.3 * len(top)))
        ax = fig.add_subplot()
        sns.barplot(top, x="G2", y="token", ax=ax, color="#0072B2", orient="h")
        ax.set_xlabel("G² (keyness against the other sources)")
        ax.set_ylabel("")
        ax.set_title(f"Key words of {target}", loc="left")
    return fig


def dispersion_figure(disp: pd.DataFrame, corpus: pd.DataFrame, hue: str = "term") -> Figure:
    """Where matches fall in each document (0 = start, 1 = end), one row per document.

    Args:
        disp: :func:`ossetia.textstats.dispersion` (doc_id, position ...), with a ``hue``
            column naming what each match is (e.g. the term it belongs to).
        corpus: the corpus, for the rows' labels (document id and outlet, in id order).
        hue: the column that colours and shapes the markers.
    Returns:
        The figure.
    """
    from ..ids import frame_key

    docs = corpus.sort_values("doc_id", key=frame_key)
    rows = [f"{d} {o}" for d, o in zip(docs["doc_id"], docs["outlet"])]
    label = dict(zip(docs["doc_id"], rows))
    d = disp.assign(document=disp["doc_id"].map(label))
    with house_style():
        fig = new_figure((9, 1.2 + 0.42 * len(rows)))
        ax = fig.add_subplot()
        sns.stripplot(d, x="position", y="document", hue=hue, order=rows, ax=ax, dodge=True, jitter=False, size=7,
                      palette="colorblind")
        ax.set_xlim(0, 1)
        ax.set_xlabel("position in the text (0 = start, 1 = end)")
        ax.set_ylabel("")
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, title=hue)
    return fig


def scores_figure(scores: pd.DataFrame, set_col: str = "set") -> Figure:
    """Recall and precision of extractor runs, one panel per measure, bars per rule, grouped by
    evaluation set (e.g. in-sample, dev, held back).

    Args:
        scores: a tidy table with the columns ``set_col``, ``rule``, ``recall`` and ``precision``
            (as :func:`ossetia.extract.score_rules` or ``devset.evaluate`` give it).
        set_col: the column naming the evaluation set.
    Returns:
        The figure.
    """
    long = scores.melt(id_vars=[set_col, "rule"], value_vars=["recall", "precision"], var_name="measure",
                       value_name="score")
    with house_style():
        fig = new_figure((10, 3.6))
        axes = fig.subplots(1, 2, sharey=True)
        for ax, measure in zip(axes, ["recall", "precision"]):
            sns.barplot(long[long["measure"] == measure], x=set_col, y="score", hue="rule", ax=ax, palette="colorblind")
            ax.set_ylim(0, 1)
            ax.set_title(measure, loc="left")
            ax.set_xlabel("")
            if ax is not axes[0]:
                ax.set_ylabel("")
                ax.get_legend().remove()
    return fig
