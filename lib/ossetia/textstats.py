"""quanteda-style verbs on the corpus: tokens, kwic, frequencies, keyness, dispersion.

Every row carries its document variables and raw-file offsets, so a table row links back
to its sentence."""

from __future__ import annotations

import math
import re
from itertools import compress

import numpy as np
import pandas as pd

from .layout import column, layouts
from .normalise import fold, of_row
from .tokenizer import tokens_of

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
    """token -> code, a new code for each new token (``map(vocab.__getitem__, tokens)``)."""

    def __missing__(self, key):
        code = self[key] = len(self)
        return code


def _small(codes: np.ndarray) -> np.ndarray:
    """Integer codes in the smallest type a categorical of that many values uses (so that
    indexing with them makes no int64 array of the table's length)."""
    n = int(codes.max()) + 1 if len(codes) else 0
    return codes.astype(np.int8 if n < 127 else np.int16 if n < 32767 else np.int32)


def _categorical(codes: np.ndarray, categories) -> pd.Categorical:
    return pd.Categorical.from_codes(codes, categories=pd.Index(categories), validate=False)


#: Documents tokenised together (their paragraphs joined by newlines, which no token crosses).
_BATCH = 64


def _batch_tokens(raws: list[str], pars: list[np.ndarray]):
    """The body tokens of some documents: document (index into ``raws``), raw start and end,
    token. The raw texts are scanned joined by newlines (no token crosses one), and the
    tokens outside the paragraphs ``pars`` (document rows of raw start, end) left out; if a
    token crosses a paragraph's edge (a rule cut a word), the paragraphs are scanned alone."""
    off = np.zeros(len(raws) + 1, dtype=np.int64)
    off[1:] = np.cumsum(np.fromiter(map(len, raws), dtype=np.int64, count=len(raws)) + 1)
    p = np.concatenate(pars).astype(np.int64) + np.repeat(off[:-1], [len(x) for x in pars])[:, None]
    starts, ends, words = tokens_of("\n".join(raws))
    k = np.searchsorted(p[:, 0], starts, side="right") - 1
    inside = (k >= 0) & (starts < p[k, 1])
    nxt = np.minimum(k + 1, len(p) - 1)
    if (inside & (ends > p[k, 1])).any() or (~inside & (k + 1 < len(p)) & (ends > p[nxt, 0])).any():
        segs = [r[a:b] for r, ps in zip(raws, pars) for a, b in ps.tolist()]
        seg_off = np.zeros(len(segs) + 1, dtype=np.int64)
        seg_off[1:] = np.cumsum(np.fromiter(map(len, segs), dtype=np.int64, count=len(segs)) + 1)
        starts, ends, words = tokens_of("\n".join(segs))
        seg = np.searchsorted(seg_off, starts, side="right") - 1
        shift = p[seg, 0] - seg_off[seg]
        starts, ends = starts + shift, ends + shift
    else:
        starts, ends, words = starts[inside], ends[inside], list(compress(words, inside.tolist()))
    doc = np.searchsorted(off, starts, side="right") - 1
    return doc, starts - off[doc], ends - off[doc], words


def tokens(corpus: pd.DataFrame, lower: bool = True) -> pd.DataFrame:
    """One row per token of the body text: document variables, ``sent_id``, ``part``, ``token``
    and raw ``start``/``end``. Apostrophes are folded (``state’s`` -> ``state's``).

    The table is compact: ``doc_id``, ``outlet``, ``sent_id``, ``part`` and ``token`` are
    categoricals (integer codes into their sorted values), ``start``/``end`` int32, so a token
    costs about 25 bytes, not a row of Python objects."""
    doc_ids = pd.Index(corpus["doc_id"])
    vocab = _Vocab()
    lookup = vocab.__getitem__
    sent_names: list[str] = []
    sent_parts: list[str] = []
    out: dict[str, list[np.ndarray]] = {"doc": [], "sent": [], "token": [], "start": [], "end": []}
    docs = list(zip(column(corpus, "raw"), layouts(corpus), column(corpus, "doc_id")))
    for b0 in range(0, len(docs), _BATCH):
        raws, pars, sents = [], [], []
        for raw, lay, did in docs[b0:b0 + _BATCH]:
            s = lay.sentences(raw)
            raws.append(raw)
            pars.append(lay.pars)
            sents.append(s)
            sent_names += [f"{did}-s{j:02d}" for j in range(1, len(s) + 1)]
            sent_parts += [lay.parts[p] for p in s[:, 2].tolist()]
        doc, start, end, words = _batch_tokens(raws, pars)
        # the sentence of each token: the last one of its document starting at or before it
        n_sents = [len(s) for s in sents]
        key_s = np.repeat(np.arange(len(sents), dtype=np.int64), n_sents) << 32 | np.concatenate(sents)[:, 0]
        sent = np.searchsorted(key_s, doc << 32 | start, side="right") - 1 + (len(sent_names) - len(key_s))
        out["doc"].append((doc + b0).astype(np.int32))
        out["sent"].append(sent.astype(np.int32))
        out["token"].append(np.fromiter(map(lookup, words), dtype=np.int32, count=len(words)))
        out["start"].append(start.astype(np.int32))
        out["end"].append(end.astype(np.int32))
    cols = {}
    for k in list(out):  # one column at a time, its chunks freed as it is joined (peak memory)
        cols[k] = np.concatenate(out.pop(k)) if len(corpus) else np.zeros(0, np.int32)
    shown = [fold(w).lower() if lower else fold(w) for w in vocab]
    words, remap = np.unique(np.array(shown, dtype=object), return_inverse=True)
    outlet_codes, outlets = pd.factorize(corpus["outlet"], sort=True)
    part_codes, parts = pd.factorize(pd.Index(sent_parts, dtype="str"), sort=True)
    doc = cols["doc"]
    sent = cols["sent"]
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
        "part": _categorical(_small(part_codes)[sent], parts),
        "token": _categorical(_small(remap)[cols["token"]] if len(words) else cols["token"],
                              pd.Index(words, dtype="str")),
        "start": cols["start"],
        "end": cols["end"],
    }, copy=False)


def kwic(corpus: pd.DataFrame, pattern: str, window: int = 8) -> pd.DataFrame:
    """Keyword in context: every match of the regular expression ``pattern`` (case-insensitive,
    matched on folded text so ’ and ' are alike) with ``window`` words either side, within its
    sentence. Columns: document variables, ``sent_id``, ``pre``, ``keyword``, ``post``, raw offsets."""
    rx = re.compile(pattern, re.I)
    rows = []
    for raw, lay, outlet, did, pub in zip(column(corpus, "raw"), layouts(corpus), column(corpus, "outlet"),
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
    """Token counts per group, with the rate per ``per`` tokens of that group."""
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
