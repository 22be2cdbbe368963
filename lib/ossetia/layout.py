"""Where each document's paragraphs and sentences lie in its raw file, kept compactly.

A :class:`Layout` is what ``sentences()``, ``tokens()`` and ``kwic()`` need from the
normalisation (:func:`ossetia.normalise.normalise`): the raw span and part of each
paragraph, and, once asked for, the raw span of each sentence. It is a few integers per
paragraph and sentence, not the normalisation record (whose offset map costs four bytes per
character), so a cache can hold one for every document of a large corpus: ``load_corpus``
stores one per document as it normalises it, and the verbs on that corpus do not normalise
again. The cache is keyed by the raw text itself, so a changed text is never served an old
layout."""

from __future__ import annotations

from itertools import chain
from operator import itemgetter

import numpy as np

from .normalise import Normalised, normalise
from .splitting import _split_text, code_points, joiner, split_joined

_RAW_SPAN, _PART = itemgetter(2, 3), itemgetter(4)  # (of a Normalised.spans tuple)

#: How many layouts the cache keeps (oldest dropped first).
MAX_CACHED = 1 << 18
_CACHE: dict[tuple, Layout] = {}


class Layout:
    """``pars``: (k, 2) int32 raw start/end of each paragraph; ``parts``: the part of each;
    ``plain``: every paragraph's normalised text is exactly its raw span (no whitespace was
    folded), so sentences can be split on the raw text itself."""

    __slots__ = ("pars", "parts", "plain", "_sents", "_args")

    def __init__(self, n: Normalised, args: tuple):
        ps = n.spans  # (t_start, t_end, start, end, part, role) of each paragraph
        self.pars = np.fromiter(chain.from_iterable(map(_RAW_SPAN, ps)), dtype=np.int32, count=2 * len(ps)).reshape(-1, 2)
        self.parts = tuple(map(_PART, ps))
        self.plain = n.plain
        self._sents = None
        self._args = args  # outlet, title, rules: what normalise() was given besides the text

    def sentences(self, raw: str) -> np.ndarray:
        """(s, 3) int32: raw start, raw end and paragraph index (from 0) of each sentence."""
        if self._sents is None:
            if self.plain:
                spans = _split_text(raw, self.pars.tolist())
                raw_spans = spans
            else:  # split the normalised text, map each sentence back to the raw file
                n = normalise(raw, *self._args)
                spans = _split_text(n.text, [p[:2] for p in n.spans])
                raw_spans = [n.to_raw(a, b) for a, b in spans]
            s = np.zeros((len(spans), 3), dtype=np.int32)
            if spans:
                s[:, :2] = raw_spans
                s[:, 2] = np.searchsorted(self.pars[:, 0], s[:, 0], side="right") - 1
            self._sents = s
        return self._sents


def _key(raw: str, outlet: str, title: str, rules: tuple) -> tuple:
    # the rules by identity: workspace_rules() returns one tuple per rules file, and the
    # layout keeps it alive, so its id cannot be reused while the entry exists
    return raw, outlet, title, id(rules)


def remember(n: Normalised, outlet: str, title: str = "", rules: tuple = ()) -> Layout:
    """Cache the layout of a document the caller normalised as ``normalise(n.raw, outlet,
    title, rules)``."""
    key = _key(n.raw, outlet, title, rules)
    lay = _CACHE.get(key)
    if lay is None:
        lay = _CACHE[key] = Layout(n, (outlet, title, rules))
        if len(_CACHE) > MAX_CACHED:
            del _CACHE[next(iter(_CACHE))]
    return lay


def layout(raw: str, outlet: str, title: str = "", rules: tuple = ()) -> Layout:
    """The layout of ``normalise(raw, outlet, title, rules)``: cached, else computed."""
    lay = _CACHE.get(_key(raw, outlet, title, rules))
    return lay if lay is not None else remember(normalise(raw, outlet, title, rules), outlet, title, rules)


def layouts(corpus) -> list[Layout]:
    """The layout of each row of a corpus frame, normalised as :func:`ossetia.normalise.of_row` does."""
    from .normalise import workspace_rules

    rules = workspace_rules(corpus.attrs.get("seeds"))
    titles = column(corpus, "title") if "title" in corpus else [""] * len(corpus)
    return [layout(raw, outlet, title or "", rules)
            for raw, outlet, title in zip(column(corpus, "raw"), column(corpus, "outlet"), titles)]


def column(corpus, name: str) -> list:
    """A column's values as a list (one C call, where iterating an Arrow-backed column builds
    each string in Python)."""
    return corpus[name].to_numpy(dtype=object).tolist()


#: Documents whose sentences are split together (see :func:`fill_sentences`).
BATCH = 256


class Joined:
    """The paragraphs of some documents as one text, separated by a character that is in none
    of them and that no token or sentence rule matches (:func:`ossetia.splitting.joiner`):
    ``text``, its code points ``cp``, the raw span of each paragraph ``pars`` (documents in
    order), its start in ``text`` ``seg`` and length ``lengths``, its document ``par_doc`` and
    each document's first paragraph ``first_par``. ``None`` from :meth:`of` when every such
    character occurs in the paragraphs."""

    __slots__ = ("text", "cp", "pars", "seg", "lengths", "par_doc", "first_par")

    @classmethod
    def of(cls, raws: list[str], lays: list[Layout]) -> Joined | None:
        pieces = [raw[a:b] for raw, lay in zip(raws, lays) for a, b in lay.pars.tolist()]
        sep = joiner(raws)  # (a character in no raw text is in none of its paragraphs)
        if sep is None:
            return None
        j = cls()
        n_pars = [len(lay.pars) for lay in lays]
        j.pars = np.concatenate([lay.pars for lay in lays]).astype(np.int64) if lays else np.zeros((0, 2), np.int64)
        j.lengths = j.pars[:, 1] - j.pars[:, 0]
        j.seg = np.zeros(len(j.pars), dtype=np.int64)
        j.seg[1:] = np.cumsum(j.lengths + 1)[:-1]
        j.text = sep.join(pieces)
        j.cp = code_points(j.text)
        j.par_doc = np.repeat(np.arange(len(lays), dtype=np.int64), n_pars)
        j.first_par = np.zeros(len(lays) + 1, dtype=np.int64)
        j.first_par[1:] = np.cumsum(n_pars)
        return j


def fill_sentences(raws: list[str], lays: list[Layout]) -> Joined | None:
    """Split the sentences of every layout that has none yet, :data:`BATCH` documents at a
    time (the values :meth:`Layout.sentences` gives: the same splitter on the same paragraphs,
    without its cost per call). Returns the :class:`Joined` of all the documents when it made
    one (at most :data:`BATCH` documents, none split before, all plain), for a caller that
    needs it too; else None."""
    j = None
    for b0 in range(0, len(lays), BATCH):
        todo = [k for k in range(b0, min(b0 + BATCH, len(lays))) if lays[k]._sents is None and lays[k].plain]
        if len(todo) < 2:
            continue
        sub = [lays[k] for k in todo]
        j = Joined.of([raws[k] for k in todo], sub)
        if j is None:
            continue  # (each is split when asked)
        ss, se, sp = split_joined(j.text, j.seg, j.seg + j.lengths, j.cp)
        shift = j.pars[sp, 0] - j.seg[sp]
        sd = j.par_doc[sp]
        arr = np.stack([ss + shift, se + shift, sp - j.first_par[sd]], axis=1).astype(np.int32)
        cut = np.searchsorted(sd, np.arange(len(sub) + 1))
        for k, lay in enumerate(sub):
            lay._sents = arr[cut[k]:cut[k + 1]]
    return j if j is not None and len(j.first_par) == len(lays) + 1 else None
