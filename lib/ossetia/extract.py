"""Rule-based claim extraction, and its score against the curated claims table.

Sentence by sentence (:func:`ossetia.segment.sentences`), the extractor looks for stance cues
(``data/stance_lexicon.csv``: regular expressions with an action, a negated action and a
theme), finds the actors around each cue with the gazetteer (``seeds/vocab/actors.csv`` and
``actor_aliases.csv``), guesses the target from keyword cues (``data/target_cues.csv``) and
writes candidate rows in the claims schema. Everything it knows is data; it needs no model
and works unchanged on articles added with ``ossetia add``.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .corpus import load_corpus, voice
from .evidence import CLAIM_COLUMNS, anchor, load_vocab
from .manifest import published_label
from .paths import DATA_DIR, seeds_dir
from .segment import sentences

LEXICON = DATA_DIR / "stance_lexicon.csv"
TARGET_CUES = DATA_DIR / "target_cues.csv"
_NEGATION = re.compile(r"\b(?:not|never|no|n't|neither|nor)\b[^.,;]{0,25}$", re.I)
_SPEECH = re.compile(r"\b(?:said|says|say|told|stated|believes|reported|warn|warns|accuse)\b")
_LIST_GAP = re.compile(r"\s*(?:,|and|or|, and|, or|&)?\s*(?:the\s+)?", re.I)
EXTRA_COLUMNS = ["cue_id", "sent_id"]


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=1)
def _lexicon():
    return [(r["cue_id"], re.compile(r["pattern"], re.I), r["action"], r["negated_action"],
             r["polarity"], r["theme_hint"]) for r in _read(LEXICON)]


@lru_cache(maxsize=1)
def _target_cues():
    return [(re.compile(r["pattern"]), r["target"]) for r in _read(TARGET_CUES)]


def gazetteer(seeds: Path | None = None) -> tuple[re.Pattern, dict[str, str]]:
    """One regex for every actor name and alias (longest first) and the alias -> actor map.
    Cached, and rebuilt when ``vocab/actors.csv`` or ``vocab/actor_aliases.csv`` change."""
    folder = seeds_dir(seeds)
    stamp = tuple((folder / "vocab" / f).stat().st_mtime_ns for f in ("actors.csv", "actor_aliases.csv"))
    return _gazetteer(folder, stamp)


@lru_cache(maxsize=8)
def _gazetteer(seeds: Path, _stamp: tuple) -> tuple[re.Pattern, dict[str, str]]:
    names: dict[str, str] = {}
    for a in load_vocab("actors", seeds)["actor"]:
        names[a] = a
    al = load_vocab("actor_aliases", seeds)
    for alias, actor in zip(al["alias"], al["actor"]):
        names[alias] = actor
    alts = sorted(names, key=len, reverse=True)
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w-])")
    return rx, names


def _actors_for(text: str, cue: re.Match, mentions: list[re.Match], names: dict[str, str]) -> list[str]:
    """The actors a cue belongs to: the agent after 'by' (passive), else the nearest mention
    before the cue and any list it ends ("A, B and C condemned"), else the first after."""
    if re.match(r"\s+by\b", text[cue.end():cue.end() + 40]) or re.search(r"\bby\s*$", text[:cue.start()][-5:]):
        agents = [m for m in mentions if m.start() > cue.end()]
        out, prev = [], None
        for m in agents:
            if prev is not None and not _LIST_GAP.fullmatch(text[prev.end():m.start()]):
                break
            out.append(names[m.group(0)])
            prev = m
        if out:
            return list(dict.fromkeys(out))
    before = [m for m in mentions if m.end() <= cue.start()]
    if before:
        chain = [before[-1]]
        for m in reversed(before[:-1]):
            if _LIST_GAP.fullmatch(text[m.end():chain[-1].start()]):
                chain.append(m)
            else:
                break
        return list(dict.fromkeys(names[m.group(0)] for m in reversed(chain)))
    later = [m for m in mentions if m.start() >= cue.end()]
    return [names[later[0].group(0)]] if later else ["(unknown)"]


def _speaker(text: str, mentions: list[re.Match], names: dict[str, str], voice: str) -> str:
    verbs = list(_SPEECH.finditer(text))
    if not verbs or not mentions:
        return voice
    v = verbs[-1]
    near = min(mentions, key=lambda m: min(abs(m.start() - v.end()), abs(v.start() - m.end())))
    return names[near.group(0)]


def _target(text: str) -> str:
    for rx, target in _target_cues():
        if rx.search(text):
            return target
    return "south_ossetia_independence"


def _theme(action: str, target: str, hint: str) -> str:
    if target in ("kosovo_precedent", "kosovo_independence") or hint == "kosovo_precedent":
        return "kosovo_precedent"
    if target.startswith(("referendum", "alternative_election")) or hint == "referendum":
        return "referendum"
    if hint == "recognition" or action in ("recognises", "does_not_recognise", "urges_recognition",
                                           "seeks_recognition", "opposes_recognition"):
        return "recognition"
    return "context"


def extract_claims(seeds: str | Path | None = None, corpus: pd.DataFrame | None = None) -> pd.DataFrame:
    """Candidate claims for every sentence of the corpus, in the claims schema (+ cue_id, sent_id)."""
    folder = None if seeds is None else Path(seeds)
    corpus = load_corpus(folder) if corpus is None else corpus
    raws = dict(zip(corpus["doc_id"], corpus["raw"]))
    rx, names = gazetteer(folder)
    # a month-only publication date stays month-only (manifest.parse_published)
    precision = dict(zip(corpus["doc_id"], corpus["published_precision"])) if "published_precision" in corpus else {}
    rows = []
    for s in sentences(corpus).itertuples():
        raw = raws[s.doc_id]
        text = raw[s.start:s.end]  # raw sentence: offsets stay exact
        mentions = list(rx.finditer(text))
        outlet_voice = voice(s.outlet, s.part)
        taken: list[tuple[int, int]] = []
        for cue_id, crx, action, neg_action, polarity, hint in _lexicon():
            for m in crx.finditer(text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                act, pol = action, polarity
                if neg_action and _NEGATION.search(text[max(0, m.start() - 40):m.start()]):
                    act, pol = neg_action, "against"
                target = _target(text)
                for actor in _actors_for(text, m, mentions, names):
                    rows.append({
                        "doc_id": s.doc_id, "part": s.part, "speaker": _speaker(text, mentions, names, outlet_voice),
                        "actor": actor, "action": act, "target": target, "polarity": pol,
                        "event_date": published_label(s.published, precision.get(s.doc_id, "day")),
                        "date_precision": precision.get(s.doc_id, "day"),
                        "date_basis": "publication", "theme": _theme(act, target, hint),
                        **anchor(raw[: s.end], text, occurrence=raw[: s.end].count(text)),
                        "note": f"rule {cue_id}: '{m.group(0)}'", "cue_id": cue_id, "sent_id": s.sent_id,
                    })
    df = pd.DataFrame(rows, columns=[c for c in CLAIM_COLUMNS if c != "claim_id"] + EXTRA_COLUMNS)
    df = df.drop_duplicates(subset=["doc_id", "start", "actor", "action"]).reset_index(drop=True)
    # context beyond the sentence end was cut by raw[: s.end]; restore the full suffix
    df["suffix"] = [raws[d][e:e + 32] for d, e in zip(df["doc_id"], df["end"])]
    df.insert(0, "claim_id", [f"X{i:03d}" for i in range(1, len(df) + 1)])
    return df


# -- scoring ------------------------------------------------------------------------------

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
