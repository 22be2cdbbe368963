"""Plotting: the notebooks and the figure export call these same draw functions.

Each ``*_figure`` function takes the tables it draws (built by :mod:`ossetia.stances`,
:mod:`ossetia.referendums` or loaded by :mod:`ossetia.evidence`, so a notebook can pass a
filtered table) and returns a :class:`matplotlib.figure.Figure` in the house style
(:mod:`ossetia.plots.style`). The registry of exported figures and the export itself are in
:mod:`ossetia.plots.export`.
"""

from .corpus import corpus_timeline_figure
from .kosovo import kosovo_argument_map_figure, kosovo_sequence_figure
from .recognition import positions_timeline_figure, recognition_matrix_figure, recognition_timeline_figure
from .referendums import referendum_results_figure, referendum_source_check_figure

__all__ = ["corpus_timeline_figure", "recognition_matrix_figure", "positions_timeline_figure",
           "recognition_timeline_figure", "referendum_results_figure", "referendum_source_check_figure",
           "kosovo_argument_map_figure", "kosovo_sequence_figure"]
