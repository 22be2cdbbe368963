"""The development set: real articles the rules were not written on, hand-coded as standoff rows.

The texts live outside the project, in ``../shared/dev-articles/`` (beside the checkout, see
:func:`texts_dir`); the project keeps only the annotations (``data/devset/claims.csv``: file,
start, end and the claim codes, in the claims schema), the split (``data/devset/split.csv``:
which articles tune the rules and which are held back, scored once) and the vocabulary the
annotations needed beyond ``seeds/vocab`` (``data/devset/actors.csv``, ``targets.csv``).
The quote of every row (``exact``) is re-read from the text at load time.

To score the extractor, :func:`build_workspace` copies the seeds to a folder and adds the
articles with :func:`ossetia.add.add_article`, as a user would; the annotations then become
claims rows of the new documents (:func:`curated_for`).
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pandas as pd

from .add import add_article
from .errors import OssetiaError
from .evidence import CLAIM_COLUMNS, CONTEXT, DATE_BASES, POLARITIES, THEMES, _date_problem, load_vocab
from .paths import DATA_DIR, PROJECT_ROOT, SEEDS_DIR, rel, seeds_dir

DEVSET_DIR = DATA_DIR / "devset"
CLAIMS = DEVSET_DIR / "claims.csv"
SPLIT = DEVSET_DIR / "split.csv"
ACTORS = DEVSET_DIR / "actors.csv"
TARGETS = DEVSET_DIR / "targets.csv"
SPLITS = ("dev", "heldback")
CODE_COLUMNS = ["part", "speaker", "actor", "action", "target", "polarity", "event_date",
                "date_precision", "date_basis", "theme", "note"]


def texts_dir() -> Path:
    """Where the development texts are: ``shared/dev-articles`` beside the project checkout."""
    return PROJECT_ROOT.parent / "shared" / "dev-articles"


def available(folder: Path | None = None) -> bool:
    """True when every article of the split is present (the scores need all of them)."""
    folder = texts_dir() if folder is None else Path(folder)
    return folder.is_dir() and all((folder / f).is_file() for f in load_split()["file"])


def missing_reason(folder: Path | None = None) -> str:
    """One line saying why the development set cannot be scored here ('' when it can)."""
    folder = texts_dir() if folder is None else Path(folder)
    if not folder.is_dir():
        return f"the development texts are not here ({folder.as_posix()} is absent)"
    gone = [f for f in load_split()["file"] if not (folder / f).is_file()]
    return f"{len(gone)} development texts are missing from {folder.as_posix()} (first: {gone[0]})" if gone else ""


def _read(path: Path) -> pd.DataFrame:
    with path.open(encoding="utf-8", newline="") as fh:
        return pd.DataFrame(list(csv.DictReader(fh)), dtype=str)


def load_split() -> pd.DataFrame:
    """One row per article: file, split (dev | heldback), outlet, published, date_basis, event, reason."""
    return _read(SPLIT)


def load_annotations(folder: Path | None = None) -> pd.DataFrame:
    """The hand-coded claims, with ``exact``, ``prefix`` and ``suffix`` re-read from the texts.

    Raises :class:`OssetiaError` naming the row when a span does not re-read to a non-empty,
    whitespace-trimmed quote, or when the texts are absent."""
    folder = texts_dir() if folder is None else Path(folder)
    ann = _read(CLAIMS)
    split = dict(zip(load_split()["file"], load_split()["split"]))
    raws: dict[str, str] = {}
    exact, prefix, suffix, sets = [], [], [], []
    for i, r in enumerate(ann.to_dict("records"), start=2):
        where = f"row {i}"
        if r["file"] not in split:
            raise OssetiaError(rel(CLAIMS), f"{where}: file '{r['file']}' is not in {SPLIT.name}")
        if r["file"] not in raws:
            path = folder / r["file"]
            if not path.is_file():
                raise OssetiaError(path.as_posix(), "development text not found")
            raws[r["file"]] = path.read_text(encoding="utf-8")
        raw = raws[r["file"]]
        try:
            s, e = int(r["start"]), int(r["end"])
        except ValueError:
            raise OssetiaError(rel(CLAIMS), f"{where}: start/end are not whole numbers") from None
        q = raw[s:e] if 0 <= s < e <= len(raw) else ""
        if not q or q != q.strip():
            raise OssetiaError(rel(CLAIMS), f"{where}: span [{s}, {e}) of {r['file']} does not re-read "
                                             "to a trimmed, non-empty quote")
        exact.append(q)
        prefix.append(raw[max(0, s - CONTEXT):s])
        suffix.append(raw[e:e + CONTEXT])
        sets.append(split[r["file"]])
    ann.insert(1, "set", sets)
    ann["exact"], ann["prefix"], ann["suffix"] = exact, prefix, suffix
    ann["start"], ann["end"] = ann["start"].astype(int), ann["end"].astype(int)
    return ann


def vocabulary(seeds: str | Path | None = None) -> dict[str, set[str]]:
    """The codes the annotations may use: the seeds' vocabularies plus the dev-set additions."""
    folder = seeds_dir(seeds)
    return {
        "actors": set(load_vocab("actors", folder)["actor"]) | set(_read(ACTORS)["actor"]),
        "targets": set(load_vocab("targets", folder)["target"]) | set(_read(TARGETS)["target"]),
        "actions": set(load_vocab("actions", folder)["action"]),
    }


def problems(ann: pd.DataFrame, seeds: str | Path | None = None) -> list[str]:
    """One line per annotation code that is not in the vocabulary (empty list: all valid)."""
    v = vocabulary(seeds)
    out = []
    for i, r in enumerate(ann.to_dict("records"), start=2):
        def bad(msg):
            out.append(f"{rel(CLAIMS)} row {i}: {msg}")
        for col, voc in (("actor", "actors"), ("speaker", "actors"), ("target", "targets"), ("action", "actions")):
            if r[col] not in v[voc]:
                bad(f"{col} '{r[col]}' is in neither seeds/vocab nor data/devset")
        for col, allowed in (("theme", THEMES), ("polarity", POLARITIES), ("date_basis", DATE_BASES),
                             ("part", ("news", "headline", "caption"))):
            if r[col] not in allowed:
                bad(f"{col} '{r[col]}' is not one of {', '.join(allowed)}")
        msg = _date_problem(r["event_date"], r["date_precision"])
        if msg:
            bad(msg)
    return out


def build_workspace(dest: str | Path, seeds: str | Path | None = None, folder: Path | None = None) -> dict[str, str]:
    """Copy the seeds to ``dest`` and add every development article to it with ``add_article``.

    Returns the map file -> doc_id. The vocabulary stays the seeds' own: the extractor meets the
    dev articles' people and states as unknown names, as it would on any new article."""
    folder = texts_dir() if folder is None else Path(folder)
    dest = Path(dest)
    # the dev articles go into a copy of the reference corpus unless told otherwise: a workspace
    # that already holds them (ossetia add --from) could not take them again
    shutil.copytree(SEEDS_DIR if seeds is None else seeds_dir(seeds), dest)
    ids = {}
    for r in load_split().to_dict("records"):
        row = add_article(folder / r["file"], outlet=r["outlet"], published=r["published"], title=r["file"],
                          date_basis=r["date_basis"], seeds=dest, notes="development article")
        ids[r["file"]] = row["doc_id"]
    return ids


def curated_for(ann: pd.DataFrame, ids: dict[str, str]) -> pd.DataFrame:
    """The annotations as claims rows of the workspace documents (claim ids D001 ..., plus ``set``)."""
    df = ann.copy()
    df["doc_id"] = df["file"].map(ids)
    df.insert(0, "claim_id", [f"D{i:03d}" for i in range(1, len(df) + 1)])
    return df[CLAIM_COLUMNS + ["set", "file"]]


SET_NAMES = ("in-sample", "dev", "heldback")


def evaluate(sets: tuple[str, ...] = ("in-sample", "dev"), seeds: str | Path | None = None,
             folder: Path | None = None) -> pd.DataFrame:
    """Score ``ossetia extract`` under both rules on each of ``sets``: ``in-sample`` (the seeds
    and their curated claims), ``dev`` (the tuning articles) and ``heldback`` (the articles
    held back; ask for them only to report the final score). A tidy table from
    :func:`ossetia.extract.score_rules`, one row per set and rule."""
    from .corpus import load_corpus
    from .evidence import load_claims
    from .extract import extract_claims, score_rules

    unknown = [s for s in sets if s not in SET_NAMES]
    if unknown:
        raise ValueError(f"unknown set {unknown[0]!r}: choose from {', '.join(SET_NAMES)}")
    parts = []
    if "in-sample" in sets:
        parts.append(score_rules(extract_claims(seeds), load_claims(seeds), load_corpus(seeds), "in-sample"))
    wanted = [s for s in sets if s != "in-sample"]
    if wanted:
        corpus, x, cur = extracted_workspace(seeds, folder)
        for s in wanted:
            parts.append(score_rules(x, cur[cur["set"] == s], corpus, s))
    return pd.concat(parts, ignore_index=True)


def extracted_workspace(seeds: str | Path | None = None, folder: Path | None = None
                        ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The seeds plus the twelve articles in a temporary workspace, as a user would add them:
    returns its corpus, the extractor's candidates and the hand-coded claims of the new
    documents (column ``set`` names each claim's part of the split)."""
    import tempfile

    from .corpus import load_corpus
    from .extract import extract_claims

    ann = load_annotations(folder)
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp) / "seeds"
        ids = build_workspace(ws, seeds, folder)
        corpus = load_corpus(ws)
        return corpus, extract_claims(ws, corpus), curated_for(ann, ids)


HELDBACK_LOG = DEVSET_DIR / "heldback_log.csv"


def rules_fingerprint() -> str:
    """A short hash of the extractor's code and rule tables, to tell whether the rules changed
    since the held-back part was scored (``heldback_log.csv`` records it with each scoring)."""
    import hashlib

    from . import extract

    h = hashlib.sha256()
    from . import extract_rules

    for path in (Path(extract.__file__), Path(extract_rules.__file__), extract.LEXICON, extract.TARGET_CUES, extract.REGION_CUES,
                 extract.BOILERPLATE, extract.KIND_CUES, extract.NAME_STOPWORDS, extract.NAME_TITLES):
        h.update(path.name.encode("utf-8") + b"\0" + path.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return h.hexdigest()[:12]


def heldback_log() -> pd.DataFrame:
    """Every scoring of the held-back part: when, with which rules (fingerprint), and the scores."""
    return _read(HELDBACK_LOG)


SCORES = DEVSET_DIR / "scores.csv"
MISSES = DEVSET_DIR / "dev_misses.csv"
_SCORE_COLUMNS = ["set", "rule", "recall", "precision", "n"]


def dev_misses(folder: Path | None = None, seeds: str | Path | None = None) -> pd.DataFrame:
    """What the rules miss in the tuning part (never the held-back part) under the strict rule,
    grouped by action: ``missed`` (count) and ``example`` (the first quote missed)."""
    from .extract import match_strict
    from .segment import sentences

    corpus, x, cur = extracted_workspace(seeds, folder)
    cur = cur[cur["set"] == "dev"]
    matched, _ = match_strict(x[x["doc_id"].isin(set(cur["doc_id"]))], cur, sentences(corpus))
    missed = matched[~matched["found"]]
    out = (missed.groupby("action").agg(missed=("exact", "size"), example=("exact", "first"))
           .reset_index().sort_values(["missed", "action"], ascending=[False, True], kind="stable"))
    return out.reset_index(drop=True)


def annotation_counts() -> pd.DataFrame:
    """Articles and hand-coded claims per part of the split (read from the standoff table, so
    it needs no texts)."""
    ann = _read(CLAIMS).merge(load_split()[["file", "split"]], on="file")
    return (ann.groupby("split").agg(articles=("file", "nunique"), claims=("file", "size"))
            .rename_axis("set"))


def report(folder: Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Compute the development-set report from the texts: the scores of :func:`evaluate` on all
    three sets (rounded to 4 places) and :func:`dev_misses`."""
    scores = evaluate(SET_NAMES, folder=folder)[_SCORE_COLUMNS].copy()
    scores[["recall", "precision"]] = scores[["recall", "precision"]].astype(float).round(4)
    scores["n"] = scores["n"].astype(int)
    return scores.reset_index(drop=True), dev_misses(folder)


def stored_scores() -> pd.DataFrame:
    """The scores as last written by ``python -m ossetia.devset`` (``data/devset/scores.csv``).
    ``tests/test_devset.py`` recomputes them from the texts and fails when they are stale, so
    notebooks can show them where the texts are absent."""
    df = _read(SCORES)
    df[["recall", "precision"]] = df[["recall", "precision"]].astype(float)
    df["n"] = df["n"].astype(int)
    return df


def stored_misses() -> pd.DataFrame:
    """The tuning part's misses as last written by ``python -m ossetia.devset`` (see
    :func:`stored_scores`)."""
    df = _read(MISSES)
    df["missed"] = df["missed"].astype(int)
    return df


def write_report(folder: Path | None = None) -> list[Path]:
    """Recompute the report from the texts and write ``scores.csv`` and ``dev_misses.csv``
    (both or neither). Returns the paths written."""
    from .fileio import atomic_write_text

    scores, misses = report(folder)
    texts = [scores.to_csv(index=False, lineterminator="\n"), misses.to_csv(index=False, lineterminator="\n")]
    for path, text in zip((SCORES, MISSES), texts):
        atomic_write_text(path, text)
    return [SCORES, MISSES]


def main() -> int:
    """``python -m ossetia.devset``: rewrite the stored development-set report from the texts."""
    import sys

    if not available():
        print(f"ossetia.devset: {missing_reason()}", file=sys.stderr)
        return 1
    for p in write_report():
        print(f"wrote {rel(p)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
