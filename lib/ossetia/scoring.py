"""Scoring extracted claims against the curated ones: which curated claims a run finds (recall)
and which of its candidates are right (precision), under the project rule (same sentence,
action and actor or target) and the strict rule (overlapping span, same action and target).
The extractor itself is :mod:`ossetia.extract`."""

from __future__ import annotations

import pandas as pd

from .segment import sentences


def _units(df: pd.DataFrame) -> pd.DataFrame:
    return df.drop_duplicates(subset=["doc_id", "start", "end", "action"])


def match(extracted: pd.DataFrame, curated: pd.DataFrame, sents: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Mark which curated claims were found and which extracted rows are right.

    The unit is (document, sentence, action): a curated claim counts as found when a candidate
    in the sentence that contains it has the same action. Actors are compared separately.
    Curated claims outside body sentences (headlines, captions) are left out."""
    def sent_of(doc, start):
        s = sents[(sents["doc_id"] == doc) & (sents["start"] <= start) & (sents["end"] > start)]
        return s["sent_id"].iloc[0] if len(s) else None

    cur = _units(curated).copy()
    cur["sent_id"] = [sent_of(d, s) for d, s in zip(cur["doc_id"], cur["start"])]
    cur = cur[cur["sent_id"].notna()]  # headline and caption claims: the extractor reads body sentences
    ext = _units(extracted).copy()
    found_keys = set(zip(ext["sent_id"], ext["action"]))
    cur_keys = set(zip(cur["sent_id"], cur["action"]))
    cur["found"] = [(s, a) in found_keys for s, a in zip(cur["sent_id"], cur["action"])]
    ext["correct"] = [(s, a) in cur_keys for s, a in zip(ext["sent_id"], ext["action"])]
    return cur, ext


def score(extracted: pd.DataFrame, curated: pd.DataFrame, corpus: pd.DataFrame, by: str = "theme") -> pd.DataFrame:
    """Precision and recall of the extractor per ``by`` (theme or action), with an overall row.

    Scored on body sentences: curated claims quoted from a headline or caption are left out."""
    cur, ext = match(extracted, curated, sentences(corpus))
    keys = sorted(set(cur[by]) | set(ext[by]))
    rows = []
    for k in keys + ["(all)"]:
        c = cur if k == "(all)" else cur[cur[by] == k]
        e = ext if k == "(all)" else ext[ext[by] == k]
        rows.append({by: k, "curated": len(c), "found": int(c["found"].sum()), "extracted": len(e),
                     "correct": int(e["correct"].sum()),
                     "recall": round(c["found"].mean(), 2) if len(c) else float("nan"),
                     "precision": round(e["correct"].mean(), 2) if len(e) else float("nan")})
    return pd.DataFrame(rows)


# -- the strict rule and a tidy table of both rules -----------------------------------------

RULES = ("project", "strict")


def _in_body(curated: pd.DataFrame, sents: pd.DataFrame) -> pd.DataFrame:
    """Curated rows whose quote starts inside a body sentence (the population both rules score)."""
    spans = {}
    for d, s, e in zip(sents["doc_id"], sents["start"], sents["end"]):
        spans.setdefault(d, []).append((s, e))
    keep = [any(a <= s < b for a, b in spans.get(d, ())) for d, s in zip(curated["doc_id"], curated["start"])]
    return curated[keep]


def _sentence_of(df: pd.DataFrame, sents: pd.DataFrame) -> list:
    spans: dict[str, list] = {}
    for d, i, s, e in zip(sents["doc_id"], sents["sent_id"], sents["start"], sents["end"]):
        spans.setdefault(d, []).append((s, e, i))
    return [next((i for a, b, i in spans.get(d, ()) if a <= int(s) < b), None)
            for d, s in zip(df["doc_id"], df["start"])]


def match_strict(extracted: pd.DataFrame, curated: pd.DataFrame, sents: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The strict rule: a curated claim is found when a candidate's span overlaps its quote and
    has the same action and the same target; a candidate is right when it so matches a curated
    claim. Units are (document, span, action, target); claims outside body sentences are left
    out, as under :func:`match`."""
    key = ["doc_id", "start", "end", "action", "target"]
    cur = _in_body(curated.drop_duplicates(subset=key), sents).copy()
    ext = extracted.drop_duplicates(subset=key).copy()

    def index(df):
        out: dict[tuple, list[tuple[int, int]]] = {}
        for d, s, e, a, t in zip(df["doc_id"], df["start"].astype(int), df["end"].astype(int), df["action"], df["target"]):
            out.setdefault((d, a, t), []).append((s, e))
        return out

    def hits(df, other):
        return [any(s < f and r < e for r, f in other.get((d, a, t), ()))
                for d, s, e, a, t in zip(df["doc_id"], df["start"].astype(int), df["end"].astype(int), df["action"], df["target"])]

    cur["found"] = hits(cur, index(ext))
    ext["correct"] = hits(ext, index(cur))
    return cur, ext


def score_rules(extracted: pd.DataFrame, curated: pd.DataFrame, corpus: pd.DataFrame, set_name: str = "") -> pd.DataFrame:
    """Recall and precision under the project rule (:func:`match`: same sentence, same action)
    and the strict rule (:func:`match_strict`: overlapping span, same action, same target).

    One row per rule: set, rule, recall, precision, n (curated units scored), n_extracted,
    found, correct. Only the documents that have curated claims are scored: candidates in
    other documents count neither way."""
    docs = set(curated["doc_id"])
    extracted = extracted[extracted["doc_id"].isin(docs)]
    sents = sentences(corpus[corpus["doc_id"].isin(docs)])
    if "sent_id" not in extracted.columns:  # rows from elsewhere (a curated table): place them
        extracted = extracted.assign(sent_id=_sentence_of(extracted, sents))
        extracted = extracted[extracted["sent_id"].notna()]  # the extractor reads body sentences only
    rows = []
    for rule, fn in (("project", match), ("strict", match_strict)):
        cur, ext = fn(extracted, curated, sents)
        rows.append({"set": set_name, "rule": rule,
                     "recall": round(cur["found"].mean(), 2) if len(cur) else float("nan"),
                     "precision": round(ext["correct"].mean(), 2) if len(ext) else float("nan"),
                     "n": len(cur), "n_extracted": len(ext),
                     "found": int(cur["found"].sum()), "correct": int(ext["correct"].sum())})
    return pd.DataFrame(rows)
