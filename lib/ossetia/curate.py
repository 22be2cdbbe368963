"""``ossetia review`` and ``ossetia accept``: from extractor candidates to curated claims.

``review`` writes the candidates of some documents to a spreadsheet-friendly CSV (UTF-8 with a
byte-order mark, so Excel opens it as UTF-8): one row per candidate in the claims schema plus
``sentence`` (the whole sentence, for context), ``actor_kind`` (the kind of a proposed new
actor) and an empty ``decision``. A reviewer writes ``accept`` or ``reject``, may shorten
``exact`` to the words that carry the claim, correct any code, and add rows by hand (only
``doc_id``, ``exact``, the codes and ``decision``).

``accept`` anchors every accepted quote in its raw file (:mod:`ossetia.anchoring`), gives it
the next claim id, checks it with the checks ``ossetia check`` runs, adds new actors to the
vocabulary and appends the rows to ``claims.csv``: all or nothing, one line per problem.
"""

from __future__ import annotations

import contextlib
import csv
import io
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import evidence, ids, manifest
from .anchoring import locate, selector
from .errors import OssetiaError
from .fileio import atomic_write_bytes, read_table
from .normalise import normalise
from .paths import rel, seeds_dir as _seeds_dir

REVIEW_COLUMNS = evidence.CLAIM_COLUMNS + ["sentence", "actor_kind", "decision"]
#: What a review file must have: the decision, the document, the quote and the codes.
REQUIRED = ["decision", "doc_id", "exact", "speaker", "actor", "action", "target", "polarity",
            "event_date", "date_precision", "date_basis", "theme"]
DECISIONS = ("accept", "reject")
#: What the extractor writes where its rules find no actor or speaker: a reviewer must name one.
NO_NAME = "(unknown)"
#: An accepted row counts as already in claims.csv when these columns match a curated row.
SAME_CLAIM = ["doc_id", "start", "end", "actor", "action", "target"]


def _corpus_docs(folder: Path) -> tuple[pd.DataFrame, dict[str, str]]:
    errs, man, texts = manifest.problems(folder)
    if errs:
        raise OssetiaError(errs[0].file, f"{errs[0].problem} (fix what 'ossetia check' reports first)")
    return man, texts


# -- review -------------------------------------------------------------------------------

def review_table(seeds: str | Path | None = None, docs: list[str] | None = None) -> pd.DataFrame:
    """The candidates of ``docs`` (default: the documents with no curated claims yet) as review
    rows: the claims schema, ``sentence``, ``actor_kind`` (blank unless the extractor proposes a
    new actor) and an empty ``decision``."""
    from .corpus import load_corpus
    from .extract import extract_claims

    folder = _seeds_dir(seeds)
    man, _ = _corpus_docs(folder)
    known = list(man["doc_id"])
    if docs:
        unknown = [d for d in docs if d not in known]
        if unknown:
            raise OssetiaError(rel(folder / manifest.MANIFEST), f"no document {', '.join(unknown)}")
        wanted = list(dict.fromkeys(docs))
    else:
        path = folder / "claims.csv"
        curated = set(read_table(path, ["doc_id"])["doc_id"]) if path.exists() else set()
        wanted = [d for d in known if d not in curated]
        if not wanted:
            raise OssetiaError(rel(folder), "every document already has curated claims; "
                                            "name the documents to review with --doc ID")
    corpus = load_corpus(folder)
    cand = extract_claims(folder, corpus=corpus[corpus["doc_id"].isin(wanted)].reset_index(drop=True))
    out = cand.reindex(columns=REVIEW_COLUMNS, fill_value="")
    out["sentence"] = out["exact"]  # a candidate quotes its whole sentence
    out["decision"] = ""
    out = out.fillna("").astype(str)
    order = {d: i for i, d in enumerate(wanted)}
    return out.sort_values("doc_id", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)


def write_review(df: pd.DataFrame, path: str | Path) -> None:
    """Write review rows as UTF-8 with a BOM and CRLF line ends (what Excel writes); refuses to
    replace an existing file (it may hold a reviewer's decisions)."""
    path = Path(path)
    if path.exists():
        raise OssetiaError(path, "already exists; not overwritten (it may hold decisions): choose another name")
    if not path.parent.is_dir():
        raise OssetiaError(path.parent, "folder not found")
    buf = io.StringIO()
    df.reindex(columns=REVIEW_COLUMNS, fill_value="").to_csv(buf, index=False, lineterminator="\r\n")
    atomic_write_bytes(path, ("\ufeff" + buf.getvalue()).encode("utf-8"))


# -- accept -------------------------------------------------------------------------------

@dataclass
class Accepted:
    """What :func:`accept_review` did (or, with ``dry_run``, would do)."""
    accepted: int = 0
    rejected: int = 0
    undecided: int = 0
    already: int = 0
    claim_ids: list[str] = field(default_factory=list)
    new_actors: list[str] = field(default_factory=list)

    def summary(self, name: str) -> str:
        if not self.claim_ids and self.accepted:
            return (f"nothing added: the {self.accepted} accepted rows of {name} are already in "
                    f"claims.csv ({self.rejected} rejected)")
        span = _id_range(self.claim_ids) if self.claim_ids else "none"
        parts = [f"accepted {self.accepted}", f"rejected {self.rejected}",
                 f"new actors {len(self.new_actors)}" + (f" ({', '.join(self.new_actors)})" if self.new_actors else ""),
                 f"new claim ids {span}"]
        if self.already:
            parts.append(f"{self.already} already in claims.csv")
        if self.undecided:
            parts.append(f"{self.undecided} undecided rows left out")
        return f"{name}: " + ", ".join(parts)


def _id_range(ids: list[str]) -> str:
    return ids[0] if len(ids) == 1 else f"{ids[0]}-{ids[-1]}"


def next_claim_ids(existing, n: int) -> list[str]:
    """``n`` fresh claim ids after the highest existing one, in numeric order (C999, C1000)."""
    first = ids.number(ids.next_id(existing, "C", start=1))
    return [ids.format_id(first + k, "C") for k in range(n)]


def _lane_of(kind: str, folder: Path) -> str:
    """The lane a new actor of ``kind`` gets: the vocabulary's rule (``vocab/lanes.csv``, read
    by :func:`ossetia.vocab.lane_for_kind`), else the kind itself."""
    try:
        from .vocab import lane_for_kind
    except ImportError:  # a checkout without lanes
        return kind
    return lane_for_kind(kind, folder)


def _read_review(path: Path) -> pd.DataFrame:
    if not path.is_file():
        raise OssetiaError(path, "file not found")
    df = read_table(path, REQUIRED)
    for c in REVIEW_COLUMNS:
        if c not in df.columns:
            df[c] = ""
    # a spreadsheet may drop the leading zeros of a doc id ("007" -> "7")
    df["doc_id"] = [d.strip().zfill(3) if d.strip().isdigit() else d.strip() for d in df["doc_id"]]
    return df


def accept_review(file: str | Path, seeds: str | Path | None = None, dry_run: bool = False) -> Accepted:
    """Anchor, check and append every accepted row of the review ``file`` to ``claims.csv``
    (and new actors to ``vocab/actors.csv``). Raises :class:`ReviewProblems` listing every
    problem, one per line, and writes nothing, if any row is wrong."""
    path = Path(file)
    folder = _seeds_dir(seeds)
    name = rel(path)
    df = _read_review(path)
    man, texts = _corpus_docs(folder)
    cpath, apath = folder / "claims.csv", folder / "vocab" / "actors.csv"
    curated = read_table(cpath, evidence.CLAIM_COLUMNS) if cpath.exists() else pd.DataFrame(columns=evidence.CLAIM_COLUMNS)
    vocab, verrs = evidence._vocab(folder)
    if verrs:
        raise OssetiaError(verrs[0].file, verrs[0].problem)
    actors = read_table(apath, ["actor", "kind", "description"])
    kinds = sorted(set(actors["kind"]))
    outlets = dict(zip(man["doc_id"], man["outlet"]))
    have = {tuple(r) for r in curated[SAME_CLAIM].astype(str).itertuples(index=False)}
    res, problems, rows, new_actors = Accepted(), [], [], {}

    for i, r in enumerate(df.to_dict("records"), start=2):
        def bad(msg, i=i):
            problems.append(f"{name}: row {i}: {msg}")
        decision = r["decision"].strip().lower()
        if decision == "":
            res.undecided += 1
            continue
        if decision not in DECISIONS:
            bad(f"decision '{r['decision']}' is not accept or reject")
            continue
        if decision == "reject":
            res.rejected += 1
            continue
        doc = r["doc_id"]
        if doc not in texts:
            bad(f"doc_id '{doc}' is not in the corpus ({rel(folder / manifest.MANIFEST)})")
            continue
        raw = texts[doc]
        try:
            i0, j0 = locate(raw, r)
        except ValueError as e:
            bad(f"doc {doc}: {e}")
            continue
        row = {c: r.get(c, "").strip() for c in evidence.CLAIM_COLUMNS}
        row.update(selector(raw, i0, j0))
        row["doc_id"] = doc
        row["part"] = normalise(raw, outlets[doc]).raw_part_at(i0)
        row["note"] = r.get("note", "").strip() or f"accepted from review file {path.name}"
        kind = r.get("actor_kind", "").strip()
        blank = [c for c in ("actor", "speaker") if row[c] == NO_NAME]
        if blank:
            bad(f"{' and '.join(blank)} is {NO_NAME}: the rules found no name here; write who it is "
                f"(with actor_kind if it is new to vocab/actors.csv) or reject the row")
            continue
        known = vocab["actors"] | set(new_actors)
        missing = [row[c] for c in ("actor", "speaker") if row[c] and row[c] not in known]
        for newname in dict.fromkeys(missing):
            if not kind:
                bad(f"actor '{newname}' is not in vocab/actors.csv; give its kind in actor_kind "
                    f"({', '.join(kinds)}) to add it")
            elif kind not in kinds:
                bad(f"actor_kind '{kind}' is not one of {', '.join(kinds)}")
            elif len(set(missing)) > 1:
                bad(f"actor and speaker are both new ({', '.join(missing)}); add one of them in a row of its own")
            else:
                new_actors[newname] = {"actor": newname, "kind": kind, "lane": _lane_of(kind, folder),
                                       "description": f"first quoted in doc {doc} ({outlets[doc]}); added by ossetia accept"}
        vocab_now = dict(vocab, actors=vocab["actors"] | set(new_actors))
        for msg in evidence._claim_checks(row, vocab_now):
            if msg and not (msg.startswith(("actor '", "speaker '")) and missing):
                bad(msg)
        key = tuple(str(row[c]) for c in SAME_CLAIM)
        if key in have:
            res.already += 1
        elif key in {tuple(str(x[c]) for c in SAME_CLAIM) for x, _ in rows}:
            bad("the same claim (doc, span, actor, action, target) is accepted twice in this file")
        else:
            rows.append((row, i))
        res.accepted += 1
    if problems:
        raise ReviewProblems(problems)
    new_ids = next_claim_ids(curated["claim_id"], len(rows))
    for (row, _), cid in zip(rows, new_ids):
        row["claim_id"] = cid
    res.claim_ids, res.new_actors = new_ids, list(new_actors)
    if not rows or dry_run:
        return res
    new_claims = _appended(cpath, [r for r, _ in rows], evidence.CLAIM_COLUMNS)
    new_vocab = _appended(apath, list(new_actors.values()), list(actors.columns)) if new_actors else None
    _final_check(folder, man, texts, new_claims, new_vocab)
    _write_both(cpath, new_claims, apath, new_vocab)
    return res


class ReviewProblems(OssetiaError):
    """Every problem of a review file; ``lines`` has one line per problem."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        super().__init__(None, f"{len(lines)} problem(s)")


def _appended(path: Path, rows: list[dict], default_cols: list[str]) -> bytes:
    """The bytes of ``path`` with ``rows`` appended in the file's own column order (the old
    bytes are kept as they are)."""
    old = path.read_bytes() if path.exists() else b""
    text = old.decode("utf-8")
    cols = next(csv.reader(io.StringIO(text.lstrip("\ufeff")))) if text.strip() else default_cols
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    if not text.strip():
        w.writerow(cols)
    for r in rows:
        w.writerow([r.get(c.strip(), "") for c in cols])
    sep = b"" if not old or old.endswith(b"\n") else b"\n"
    return old + sep + buf.getvalue().encode("utf-8")


def _final_check(folder: Path, man, texts, new_claims: bytes, new_vocab: bytes | None) -> None:
    """Run ``ossetia check``'s evidence checks on the tables as they would be after writing
    (in a scratch copy of the small tables; the texts are passed in memory)."""
    with tempfile.TemporaryDirectory(prefix="ossetia-accept-") as tmp:
        t = Path(tmp)
        for sub in ("vocab", "reference"):
            if (folder / sub).is_dir():
                shutil.copytree(folder / sub, t / sub)
        if (folder / "numbers.csv").exists():
            shutil.copy2(folder / "numbers.csv", t / "numbers.csv")
        (t / "claims.csv").write_bytes(new_claims)
        if new_vocab is not None:
            (t / "vocab" / "actors.csv").write_bytes(new_vocab)
        errs, _ = evidence.problems(t, man, texts)
        if errs:
            raise ReviewProblems([str(e).replace(t.as_posix(), rel(folder)) for e in errs])


def _write_both(cpath: Path, claims: bytes, apath: Path, vocab: bytes | None) -> None:
    """Write the vocabulary, then the claims; put the vocabulary back if the claims fail."""
    old_vocab = apath.read_bytes() if vocab is not None else None
    if vocab is not None:
        atomic_write_bytes(apath, vocab)
    try:
        atomic_write_bytes(cpath, claims)
    except BaseException:
        if old_vocab is not None:
            with contextlib.suppress(OSError):
                atomic_write_bytes(apath, old_vocab)
        raise


def read_review(file: str | Path) -> pd.DataFrame:
    """A review file as a table of strings (BOM and CRLF accepted)."""
    return _read_review(Path(file))


__all__ = ["REVIEW_COLUMNS", "DECISIONS", "review_table", "write_review", "read_review",
           "accept_review", "next_claim_ids", "Accepted", "ReviewProblems"]
