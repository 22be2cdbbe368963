"""What a registry entry is: one exported figure, its texts, how to build it from the loaded
tables and the evidence it shows. Each figure module lists its entries beside its draw
functions; :mod:`ossetia.plots.export` collects them (so export imports the figure modules,
never the reverse)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Union

from matplotlib.figure import Figure

#: a figure text: fixed, or built from the loaded tables (a dict of DataFrames)
Text = Union[str, Callable[[dict], str]]


@dataclass(frozen=True)
class Entry:
    """A figure as registered by its module: ``build`` and ``evidence`` take the loaded tables."""

    name: str
    title: Text
    caption: Text
    alt: Text
    build: Callable[[dict], Figure]
    evidence: Callable[[dict], list[str]]  # claim / number / reference ids shown
    #: how the figure splits at a preset where it cannot hold its content: (label, select) per
    #: part, label: what the part holds (the export numbers it "i/n: label"), select(tables) ->
    #: the tables of that part, from which its title, caption and alt text are built too;
    #: None or [] -> drawn whole
    parts: Callable[[dict, object], list] | None = None


@dataclass(frozen=True)
class Briefing:
    """A figure bound to one seeds folder: texts resolved, ``build()`` and ``evidence()`` ready."""

    name: str
    title: str
    caption: str
    alt: str
    build: Callable[[], Figure]
    evidence: Callable[[], list[str]]  # claim / number / reference ids shown


def entry(name: str, texts: Callable[[dict], dict], build: Callable[[dict], Figure],
          evidence: Callable[[dict], list[str]], parts: Callable[[dict, object], list] | None = None) -> Entry:
    """An :class:`Entry` whose title, caption and alt text come from ``texts(data)`` (a dict with
    those keys, computed from the rows the figure draws); ``parts``: see :attr:`Entry.parts`."""
    return Entry(name, lambda d: texts(d)["title"], lambda d: texts(d)["caption"], lambda d: texts(d)["alt"],
                 build, evidence, parts)


def ids_of(*cols) -> list[str]:
    """The ids in the given columns (space- or '×'-separated lists allowed), first occurrence order."""
    out: list[str] = []
    for col in cols:
        for v in col:
            out += str(v).replace("×", " ").split()
    return list(dict.fromkeys(out))
