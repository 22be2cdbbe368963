"""The extractor's rule tables (``data/stance_lexicon.csv``, ``target_cues.csv``,
``region_cues.csv``, ``boilerplate.csv``, ``actor_kind_cues.csv``, ``name_stopwords.txt``,
``name_titles.txt``), read once and compiled."""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from .paths import DATA_DIR

LEXICON = DATA_DIR / "stance_lexicon.csv"
TARGET_CUES = DATA_DIR / "target_cues.csv"
REGION_CUES = DATA_DIR / "region_cues.csv"
BOILERPLATE = DATA_DIR / "boilerplate.csv"
KIND_CUES = DATA_DIR / "actor_kind_cues.csv"
NAME_STOPWORDS = DATA_DIR / "name_stopwords.txt"
NAME_TITLES = DATA_DIR / "name_titles.txt"


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=1)
def _lexicon():
    return [(r["cue_id"], re.compile(r["pattern"], re.I), r["action"], r["negated_action"], r["polarity"],
             r["theme_hint"], re.compile(r["requires"], re.I) if r.get("requires") else None) for r in _read(LEXICON)]


@lru_cache(maxsize=1)
def _target_cues():
    return [(re.compile(r["pattern"]), r["target"], frozenset(r["actions"].split()), r["from"] or "0000",
             r["to"] or "9999") for r in _read(TARGET_CUES)]


@lru_cache(maxsize=1)
def _region_cues():
    return [(r["region"], re.compile(r["pattern"])) for r in _read(REGION_CUES)]


@lru_cache(maxsize=1)
def _boilerplate():
    return [re.compile(r["pattern"]) for r in _read(BOILERPLATE)]


@lru_cache(maxsize=1)
def _kind_cues():
    return [(r["where"], re.compile(r["pattern"]), r["kind"]) for r in _read(KIND_CUES)]


def _words(path: Path) -> frozenset[str]:
    return frozenset(w for line in path.read_text(encoding="utf-8").splitlines()
                     if not line.startswith("#") for w in line.split())


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return _words(NAME_STOPWORDS)


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return _words(NAME_TITLES)
