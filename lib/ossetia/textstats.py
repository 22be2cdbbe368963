"""quanteda-style verbs on the corpus: tokens, kwic, frequencies, keyness, dispersion.

Every row carries its document variables and raw-file offsets, so a table row links back
to its sentence."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from .layout import Joined, column, fill_sentences, layouts
from .normalise import fold, of_row
from .splitting import code_points
from .tokenizer import token_spans

TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*|\d+(?:[.,]\d+)*[^\W\d_]*", re.UNICODE)
#: TOKEN for text without a non-ASCII word character (most documents; typographic quotes and
#: dashes are not word characters): there ``[^\W\d_]`` can only match ASCII letters and ``\d``
#: only ASCII digits, so explicit ASCII classes (bitmap tests instead of Unicode category
#: look-ups) find exactly the same tokens. Possessive quantifiers skip backtracking that
#: could never produce a match (a run of letters or digits is always followed by a
#: character outside it).
_TOKEN_ASCII = re.compile(r"[a-zA-Z]++(?:['\u2019-][a-zA-Z]++)*+|[0-9]++(?:[.,][0-9]++)*+[a-zA-Z]*+")
_NON_ASCII_WORD = re.compile(r"[^\x00-\x7f\W]")
_DOCVARS = ["doc_id", "outlet", "published"]


def _token_pattern(text: str) -> re.Pattern:
    """TOKEN, or the faster ASCII pattern where both find the same tokens."""
    return _TOKEN_ASCII if text.isascii() or _NON_ASCII_WORD.search(text) is None else TOKEN


def tokenize(text: str) -> list[str]:
    """The tokens of a text (``TOKEN.findall``), as words, numbers and contractions."""
    return _token_pattern(text).findall(text)


class _Vocab(dict):
    """token -> code, a new code for each new token (``map(vocab.__getitem__, tokens)``).

    :meth:`codes` gives the codes of the tokens at some spans of a text without making a
    string of each: a token of at most sixteen characters, all below U+0100 but ’, is known by
    its code points (’ as 0x19) packed in two 64-bit integers (exact: no token holds U+0000 or
    U+0019); the tokens of a text are grouped by those integers with pandas' hash tables, and
    only one token of each group is looked up (and sliced out of the text, the first time it is
    seen)."""

    def __init__(self):
        super().__init__()
        self._packed: dict[tuple[int, int], int] = {}

    def __missing__(self, key):
        code = self[key] = len(self)
        return code

    def codes(self, text: str, cp: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        """The code of each token ``text[starts[i]:ends[i]]`` (``cp``: the code points of ``text``)."""
        out = np.empty(len(starts), dtype=np.int32)
        lookup = self.__getitem__
        width = ends - starts
        # wide[k]: code points past U+00FF before k, but the typographic apostrophe (U+2019):
        # its low byte, 0x19, is a control character, in no token, so it stands for it
        wide = np.zeros(cp.size + 1, dtype=np.int32)
        np.cumsum((cp >= 256) & (cp != 0x2019), out=wide[1:])
        fast = np.flatnonzero((width <= 16) & (wide[ends] == wide[starts]))
        if fast.size:
            b = np.zeros(cp.size + 24, dtype=np.uint8)
            b[:cp.size] = cp  # (wrapped for code points past U+00FF: their tokens are not packed)
            u64 = np.ndarray((cp.size + 16,), dtype="<u8", buffer=b, strides=(1,))  # 8 bytes from each offset
            s, w = starts[fast], width[fast]
            k1 = u64[s] & _MASK[np.minimum(w, 8)]
            k2 = u64[s + 8] & _MASK[np.clip(w - 8, 0, 8)]
            g, first8 = pd.factorize(k1)  # tokens of up to eight characters: known by k1 alone
            long = np.flatnonzero(w > 8)  # (their k2 is not 0, so they are in no group of k1)
            if long.size:
                g2, _ = pd.factorize(k2[long])
                gl, _ = pd.factorize(g[long].astype(np.int64) << 32 | g2)
                g[long] = len(first8) + gl
            first = np.full(int(g.max()) + 1, -1, dtype=np.int64)
            first[g[::-1]] = np.arange(g.size - 1, -1, -1)  # the first token of each group
            used = np.flatnonzero(first >= 0)  # (a group of k1 may hold only longer tokens)
            first = first[used]
            packed, text_at = self._packed, s[first].tolist()
            codes = []
            for x1, x2, at, n in zip(k1[first].tolist(), k2[first].tolist(), text_at, w[first].tolist()):
                c = packed.get((x1, x2))
                if c is None:
                    c = packed[(x1, x2)] = lookup(text[at:at + n])
                codes.append(c)
            by_group = np.zeros(len(used) and int(used[-1]) + 1, dtype=np.int32)
            by_group[used] = codes
            out[fast] = by_group[g]
        rest = np.ones(len(starts), dtype=bool)
        rest[fast] = False
        rest = np.flatnonzero(rest)
        if rest.size:
            out[rest] = np.fromiter((lookup(text[a:b]) for a, b in zip(starts[rest].tolist(), ends[rest].tolist())),
                                    dtype=np.int32, count=rest.size)
        return out


#: _MASK[n]: the low n bytes of a 64-bit integer
_MASK = np.array([(1 << (8 * n)) - 1 for n in range(9)], dtype=np.uint64)


def _small(codes: np.ndarray) -> np.ndarray:
    """Integer codes in the smallest type a categorical of that many values uses (so that
    indexing with them makes no int64 array of the table's length)."""
    n = int(codes.max()) + 1 if len(codes) else 0
    return codes.astype(np.int8 if n < 127 else np.int16 if n < 32767 else np.int32)


def _categorical(codes: np.ndarray, categories) -> pd.Categorical:
    return pd.Categorical.from_codes(codes, categories=pd.Index(categories), validate=False)


#: Documents tokenised together (their paragraphs joined by a character no token or
#: sentence rule matches: see splitting.joiner).
_BATCH = 256


def _batch(raws: list[str], lays: list, vocab: _Vocab) -> tuple:
    """Tokens and sentences of some documents, their paragraphs scanned as one text.

    Returns, for the tokens: document (index into ``raws``), paragraph (index over all the
    documents' paragraphs), raw start and end, their codes in ``vocab``; and for the sentences
    of each document (in document order) the (s, 3) array of :meth:`Layout.sentences`, which
    is also stored in each layout that had none (the same values: the same splitter on the
    same paragraphs)."""
    j = fill_sentences(raws, lays)
    sents = [lay.sentences(raw) for raw, lay in zip(raws, lays)]
    j = j or Joined.of(raws, lays)
    if j is None:  # (every joiner character is in the text: one document, or paragraph, at a time)
        if len(raws) == 1:
            return _alone(raws[0], lays[0], vocab) + (sents,)
        parts = [_batch([r], [lay], vocab) for r, lay in zip(raws, lays)]
        off = np.cumsum([0] + [len(lay.pars) for lay in lays[:-1]])
        return (np.concatenate([x[0] + k for k, x in enumerate(parts)]),
                np.concatenate([x[1] + o for x, o in zip(parts, off)]),
                np.concatenate([x[2] for x in parts]), np.concatenate([x[3] for x in parts]),
                np.concatenate([x[4] for x in parts]), sents)
    joined, cp, seg, pars, par_doc = j.text, j.cp, j.seg, j.pars, j.par_doc
    starts, ends = token_spans(joined, cp)
    tp = np.searchsorted(seg, starts, side="right") - 1
    shift = pars[tp, 0] - seg[tp]
    return par_doc[tp], tp, starts + shift, ends + shift, vocab.codes(joined, cp, starts, ends), sents


def _alone(raw: str, lay, vocab: _Vocab) -> tuple:
    """The tokens of :func:`_batch` for one document, one paragraph at a time."""
    got = []
    for k, (a, b) in enumerate(lay.pars.tolist()):
        piece = raw[a:b]
        cp = code_points(piece)
        s, e = token_spans(piece, cp)
        got.append((np.full(s.size, k, dtype=np.int64), s + a, e + a, vocab.codes(piece, cp, s, e)))
    cat = [np.concatenate([g[i] for g in got]) if got else np.zeros(0, np.int64) for i in range(4)]
    return np.zeros(cat[0].size, dtype=np.int64), cat[0], cat[1], cat[2], cat[3]


class _Columns:
    """Integer columns filled batch by batch, in arrays allocated once for about ``expect``
    rows (grown by half when short) and cut to size at the end (the caller widens a column
    before it adds a value its type cannot hold): no list of chunks to join
    (which would hold every value twice), and no small arrays left among the batches'
    temporary ones (which keeps the process's memory from being given back)."""

    def __init__(self, expect: int, types: dict):
        self.n, self.cap = 0, max(int(expect), 1024)
        self.arrays = {k: np.empty(self.cap, dtype=t) for k, t in types.items()}

    def add(self, **values: np.ndarray) -> None:
        m = len(next(iter(values.values())))
        if self.n + m > self.cap:
            self.cap = max(self.cap + self.cap // 2, self.n + m)
            for a in self.arrays.values():
                a.resize(self.cap, refcheck=False)
        for k, v in values.items():
            self.arrays[k][self.n:self.n + m] = v
        self.n += m

    def widen(self, name: str, dtype) -> None:
        """Hold larger values in column ``name`` from now on (its values so far kept)."""
        if np.dtype(dtype).itemsize > self.arrays[name].dtype.itemsize:
            self.arrays[name] = self.arrays[name].astype(dtype)

    def done(self) -> dict[str, np.ndarray]:
        for a in self.arrays.values():
            a.resize(self.n, refcheck=False)  # (in place: the unused end is given back)
        return self.arrays


def tokens(corpus: pd.DataFrame, lower: bool = True) -> pd.DataFrame:
    """One row per token of the body text: document variables, ``sent_id``, ``part``, ``token``
    and raw ``start``/``end``. Apostrophes are folded (``state’s`` -> ``state's``).

    The table is compact: ``doc_id``, ``outlet``, ``sent_id``, ``part`` and ``token`` are
    categoricals (integer codes into their sorted values), ``start``/``end`` int32, so a token
    costs about 25 bytes, not a row of Python objects.

    Args:
        corpus: the corpus (:func:`ossetia.load_corpus`).
        lower: lower-case the tokens (``False`` keeps their case).
    Returns:
        one row per token, in document and text order: ``doc_id``, ``outlet``, ``published``,
        ``sent_id``, ``part``, ``token``, ``start``/``end`` (offsets in the raw file, end
        exclusive: the raw text there is the token, before folding and lower-casing).
    """
    doc_ids = pd.Index(corpus["doc_id"])
    vocab = _Vocab()
    sent_names: list[str] = []
    part_code: dict[str, int] = {}  # part -> code, in the order first seen
    raws_all, lays_all, dids = column(corpus, "raw"), layouts(corpus), column(corpus, "doc_id")
    doc_type = np.int16 if len(raws_all) < 32767 else np.int32  # (the type its categorical keeps)
    suffix = [f"-s{j:02d}" for j in range(1, 100)]
    cols = _Columns(sum(map(len, raws_all)) // 5, {"doc": doc_type, "sent": np.int32, "part": np.int16,
                                                   "token": np.int32, "start": np.int32, "end": np.int32})
    for b0 in range(0, len(raws_all), _BATCH):
        raws, lays = raws_all[b0:b0 + _BATCH], lays_all[b0:b0 + _BATCH]
        doc, par, start, end, codes, sents = _batch(raws, lays, vocab)
        n_sents = [len(x) for x in sents]
        for did, k in zip(dids[b0:b0 + _BATCH], n_sents):
            sent_names += [did + x for x in suffix[:k]] if k < 100 else [f"{did}-s{j:02d}" for j in range(1, k + 1)]
        # the sentence of each token: the last one of its document starting at or before it
        key_s = np.repeat(np.arange(len(sents), dtype=np.int64), n_sents) << 32 | np.concatenate(sents)[:, 0]
        sent = np.searchsorted(key_s, doc << 32 | start, side="right") - 1 + (len(sent_names) - len(key_s))
        par_part = [part_code.setdefault(x, len(part_code)) for lay in lays for x in lay.parts]
        if len(part_code) > 32767:  # (more parts than any rules file names)
            cols.widen("part", np.int32)
        cols.add(doc=doc + b0, sent=sent, part=np.array(par_part, dtype=np.int64)[par], token=codes,
                 start=start, end=end)
    cols = cols.done()
    shown = [fold(w).lower() if lower else fold(w) for w in vocab]
    words, remap = np.unique(np.array(shown, dtype=object), return_inverse=True)
    outlet_codes, outlets = pd.factorize(corpus["outlet"], sort=True)
    parts = pd.Index(sorted(part_code), dtype="str")
    part_remap = np.zeros(len(part_code), dtype=np.int64)
    part_remap[list(part_code.values())] = parts.get_indexer(list(part_code))
    doc = cols["doc"]
    if doc_ids.is_unique:
        doc_col = _categorical(doc, doc_ids)
        sent_col = _categorical(cols["sent"], sent_names)
    else:  # (a hand-made corpus with a repeated doc_id: plain values)
        doc_col, sent_col = doc_ids.to_numpy()[doc], np.array(sent_names, dtype=object)[cols["sent"]]
    return pd.DataFrame({
        "doc_id": doc_col,
        "outlet": _categorical(_small(outlet_codes)[doc], outlets),
        "published": corpus["published"].to_numpy()[doc],
        "sent_id": sent_col,
        "part": _categorical(_small(part_remap)[cols["part"]] if len(parts) else cols["part"], parts),
        "token": _categorical(_small(remap)[cols["token"]] if len(words) else cols["token"],
                              pd.Index(words, dtype="str")),
        "start": cols["start"],
        "end": cols["end"],
    }, copy=False)


def kwic(corpus: pd.DataFrame, pattern: str, window: int = 8) -> pd.DataFrame:
    """Keyword in context: every match of the regular expression ``pattern`` (case-insensitive,
    matched on folded text so ’ and ' are alike) with ``window`` words either side, within its
    sentence. Columns: document variables, ``sent_id``, ``pre``, ``keyword``, ``post``, raw offsets.

    Args:
        corpus: the corpus (:func:`ossetia.load_corpus`).
        pattern: a regular expression (``"recogni[sz]e"``), matched case-insensitively.
        window: how many words of context on each side (never past the sentence).
    Returns:
        one row per match: ``doc_id``, ``outlet``, ``published``, ``sent_id``, ``part``,
        ``pre``, ``keyword`` (as written in the raw file), ``post``, ``start``/``end`` (offsets of
        the keyword in the raw file: ``raw[start:end] == keyword``).
    """
    rx = re.compile(pattern, re.I)
    rows = []
    raws, lays = column(corpus, "raw"), layouts(corpus)
    fill_sentences(raws, lays)
    for raw, lay, outlet, did, pub in zip(raws, lays, column(corpus, "outlet"),
                                          column(corpus, "doc_id"), corpus["published"]):
        for k, (a, b, p) in enumerate(lay.sentences(raw).tolist(), start=1):
            seg = raw[a:b]
            for m in rx.finditer(fold(seg)):
                pre = " ".join(seg[: m.start()].split()[-window:])
                post = " ".join(seg[m.end():].split()[:window])
                rows.append((did, outlet, pub, f"{did}-s{k:02d}", lay.parts[p], pre, seg[m.start():m.end()], post,
                             a + m.start(), a + m.end()))
    return pd.DataFrame(rows, columns=_DOCVARS + ["sent_id", "part", "pre", "keyword", "post", "start", "end"])


def _codes(col: pd.Series) -> tuple[np.ndarray, pd.Index]:
    if isinstance(col.dtype, pd.CategoricalDtype):
        return col.cat.codes.to_numpy(), col.cat.categories
    codes, uniques = pd.factorize(col)
    return codes, pd.Index(uniques)


def _counts(toks: pd.DataFrame, by: str) -> pd.DataFrame:
    """Tokens per (group, token): columns ``by``, ``token``, ``count`` (only pairs that occur).
    Counted on the integer codes (one bincount) when groups x tokens is no larger than the table."""
    g, groups = _codes(toks[by])
    t, words = _codes(toks["token"])
    if len(groups) * len(words) > max(len(toks), 1) or (g < 0).any() or (t < 0).any():
        c = toks.groupby([by, "token"], observed=True, sort=False).size().rename("count").reset_index()
    else:
        n = np.bincount(g.astype(np.int64) * len(words) + t, minlength=len(groups) * len(words))
        pair = np.flatnonzero(n)
        c = pd.DataFrame({by: groups.take(pair // len(words)), "token": words.take(pair % len(words)),
                          "count": n[pair]})
    for col in (by, "token"):
        if isinstance(c[col].dtype, pd.CategoricalDtype):
            c[col] = c[col].astype(c[col].cat.categories.dtype)
    return c


def _frequency_table(counts: pd.DataFrame, by: str, per: int) -> pd.DataFrame:
    """:func:`frequencies` from the counts of :func:`_counts` (summed over parts of a corpus)."""
    size = counts.groupby(by)["count"].sum().rename("group_tokens")
    f = counts.merge(size, on=by)
    f[f"per_{per}"] = (f["count"] * per / f["group_tokens"]).round(2)
    return f.sort_values([by, "count", "token"], ascending=[True, False, True]).reset_index(drop=True)


def frequencies(toks: pd.DataFrame, by: str = "outlet", per: int = 1000) -> pd.DataFrame:
    """Token counts per group, with the rate per ``per`` tokens of that group.

    Args:
        toks: a token table (:func:`tokens`).
        by: the column to group by (``"outlet"``, ``"doc_id"``, ``"part"`` …).
        per: the rate's base (1000: per thousand tokens of the group).
    Returns:
        one row per group and token that occurs: ``by``, ``token``, ``count``,
        ``group_tokens`` (the group's size) and ``per_<per>``, most frequent first in each group.
    """
    return _frequency_table(_counts(toks, by), by, per)


def keyness(toks: pd.DataFrame, target, by: str = "outlet", min_count: int = 2) -> pd.DataFrame:
    """Log-likelihood (G²) keyness of each token in the target group against the rest, as
    quanteda's ``textstat_keyness(measure = "lr")`` computes it (with its sign: positive when
    the token is relatively more frequent in the target). Tokens seen fewer than ``min_count``
    times in all are left out."""
    tgt = toks[by].isin([target] if isinstance(target, str) else list(target))
    a = toks[tgt]["token"].value_counts()
    b = toks[~tgt]["token"].value_counts()
    n1, n2 = int(tgt.sum()), int((~tgt).sum())
    rows = []
    for tok in sorted(set(a.index) | set(b.index)):
        o11, o21 = int(a.get(tok, 0)), int(b.get(tok, 0))
        if o11 + o21 < min_count:
            continue
        o12, o22 = n1 - o11, n2 - o21
        n = n1 + n2
        obs = [o11, o12, o21, o22]
        exp = [(o11 + o21) * n1 / n, (o12 + o22) * n1 / n, (o11 + o21) * n2 / n, (o12 + o22) * n2 / n]
        g2 = 2 * sum(o * math.log(o / e) for o, e in zip(obs, exp) if o > 0)
        sign = 1 if o11 / n1 > o21 / n2 else -1
        rows.append({"token": tok, "target": o11, "reference": o21, "G2": round(sign * g2, 3)})
    df = pd.DataFrame(rows, columns=["token", "target", "reference", "G2"])
    return df.sort_values(["G2", "token"], ascending=[False, True]).reset_index(drop=True)


def dispersion(corpus: pd.DataFrame, pattern: str) -> pd.DataFrame:
    """Where in each text a pattern occurs: relative position (0 = start, 1 = end of the body text)."""
    k = kwic(corpus, pattern, window=0)
    pos = []
    docs = {d.doc_id: d for d in corpus.itertuples()}
    for r in k.itertuples():
        n = of_row(corpus, docs[r.doc_id])
        span = n.from_raw(r.start, r.end)
        pos.append(round(span[0] / max(1, len(n.text)), 3) if span else float("nan"))
    k["position"] = pos
    return k[_DOCVARS + ["sent_id", "keyword", "position", "start", "end"]]
