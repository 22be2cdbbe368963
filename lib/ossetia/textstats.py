"""quanteda-style verbs on the corpus: tokens, kwic, frequencies, keyness, dispersion.

Every row carries its document variables and raw-file offsets, so a table row links back
to its sentence."""

from __future__ import annotations

import math
import re

import pandas as pd

from .normalise import fold, of_row
from .segment import sentences

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


def tokens(corpus: pd.DataFrame, lower: bool = True) -> pd.DataFrame:
    """One row per token of the body text: document variables, ``sent_id``, ``part``, ``token``
    and raw ``start``/``end``. Apostrophes are folded (``Georgia’s`` -> ``georgia's``)."""
    rows = []
    raws = dict(zip(corpus["doc_id"], corpus["raw"]))
    for s in sentences(corpus).itertuples():
        raw = raws[s.doc_id]
        seg = raw[s.start:s.end]
        for m in _token_pattern(seg).finditer(seg):
            tok = fold(m.group(0))
            rows.append((s.doc_id, s.outlet, s.published, s.sent_id, s.part,
                         tok.lower() if lower else tok, s.start + m.start(), s.start + m.end()))
    return pd.DataFrame(rows, columns=_DOCVARS + ["sent_id", "part", "token", "start", "end"])


def kwic(corpus: pd.DataFrame, pattern: str, window: int = 8) -> pd.DataFrame:
    """Keyword in context: every match of the regular expression ``pattern`` (case-insensitive,
    matched on folded text so ’ and ' are alike) with ``window`` words either side, within its
    sentence. Columns: document variables, ``sent_id``, ``pre``, ``keyword``, ``post``, raw offsets."""
    rx = re.compile(pattern, re.I)
    raws = dict(zip(corpus["doc_id"], corpus["raw"]))
    rows = []
    for s in sentences(corpus).itertuples():
        seg = raws[s.doc_id][s.start:s.end]
        for m in rx.finditer(fold(seg)):
            pre = " ".join(seg[: m.start()].split()[-window:])
            post = " ".join(seg[m.end():].split()[:window])
            rows.append((s.doc_id, s.outlet, s.published, s.sent_id, s.part, pre, seg[m.start():m.end()], post,
                         s.start + m.start(), s.start + m.end()))
    return pd.DataFrame(rows, columns=_DOCVARS + ["sent_id", "part", "pre", "keyword", "post", "start", "end"])


def frequencies(toks: pd.DataFrame, by: str = "outlet", per: int = 1000) -> pd.DataFrame:
    """Token counts per group, with the rate per ``per`` tokens of that group."""
    size = toks.groupby(by).size().rename("group_tokens")
    f = toks.groupby([by, "token"]).size().rename("count").reset_index().merge(size, on=by)
    f[f"per_{per}"] = (f["count"] * per / f["group_tokens"]).round(2)
    return f.sort_values([by, "count", "token"], ascending=[True, False, True]).reset_index(drop=True)


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
