"""The seaborn views draw the library's tables: one mark per row they are given."""

import pandas as pd

from ossetia import load_corpus
from ossetia.framing import label_rates
from ossetia.plots import stats
from ossetia.textstats import dispersion, keyness, tokens


def test_rates_heat_map_has_a_cell_per_label_and_source():
    rates = label_rates(load_corpus())
    fig = stats.rates_figure(rates)
    ax = fig.axes[0]
    assert len(ax.collections[0].get_array().ravel()) == rates.size
    assert [t.get_text() for t in ax.get_xticklabels()] == list(rates.columns)


def test_keyness_draws_one_bar_per_word():
    k = keyness(tokens(load_corpus()), "Reuters", by="outlet")
    fig = stats.keyness_figure(k, "Reuters", n=7)
    assert len(fig.axes[0].patches) == 7
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == list(k["token"].head(7))


def test_dispersion_draws_every_match():
    corpus = load_corpus()
    d = dispersion(corpus, r"\bKosovo\b").assign(term="kosovo")
    fig = stats.dispersion_figure(d, corpus)
    assert sum(len(c.get_offsets()) for c in fig.axes[0].collections) == len(d)


def test_scores_take_a_tidy_table_with_the_evaluation_set():
    sc = pd.DataFrame({"set": ["in-sample", "in-sample", "dev", "dev", "held back", "held back"],
                       "rule": ["project", "strict"] * 3, "recall": [0.9, 0.8, 0.7, 0.6, 0.5, 0.4],
                       "precision": [0.95, 0.85, 0.8, 0.7, 0.6, 0.5]})
    fig = stats.scores_figure(sc)
    recall, precision = fig.axes[:2]
    heights = sorted(round(p.get_height(), 2) for p in recall.patches if p.get_height() > 0)
    assert heights == sorted(sc["recall"])
    assert [t.get_text() for t in recall.get_xticklabels()] == ["in-sample", "dev", "held back"]
    assert len([p for p in precision.patches if p.get_height() > 0]) == 6
