"""``make bench``: what a user calls, timed on synthetic workspaces of 1k, 10k and 100k
documents, against peers doing the same work on the same files, in the same run.

    python -m ossetia.bench [--sizes 1000,10000,100000] [--dask-sizes N,...] [--repeat 5] [--readme]

Each measurement runs in its own process (``--child``): ``load_corpus(W)``; ``load_corpus``
+ ``tokens`` + ``frequencies`` (peers: scikit-learn's ``CountVectorizer`` and spaCy's
``blank("en")`` with the sentencizer, each reading and decoding the same files and counting
per outlet); ``kwic`` on the loaded corpus (peer: a plain ``re`` scan of the decoded texts);
``ossetia extract``; and, for the Dask sizes, ``ossetia archive`` and ``ossetia stats`` with
one and with two local workers. Beside each figure: the wall and CPU seconds, and the peak
memory, as the growth of the process's peak resident set (``ru_maxrss``, which sees native
memory that ``tracemalloc`` misses) over its value once the imports are done; for ``stats``,
the largest peak resident set of a worker process (all of it, imports included). In-memory
measurements keep pandas' strings as Python objects, as a core install (without pyarrow) does. The machine's load average is recorded with every
measurement. The in-memory measurements run ``--repeat`` times (up to ``--repeat-upto``
documents), ours and the peers' interleaved, and the fastest run is shown: the machine's
noise only ever adds time. ``--readme`` rewrites the benchmark section of README.md from this output.
Documents are made from the seed paragraphs, shuffled with a fixed seed (no two alike).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import hashlib
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from .ids import format_id
from .fileio import read_table
from .manifest import COLUMNS
from .paths import DATA_DIR, PROJECT_ROOT

BENCH_DIR = PROJECT_ROOT / ".bench"
README = PROJECT_ROOT / "README.md"
MARK = ("<!-- bench:start (make bench writes this section) -->", "<!-- bench:end -->")
_WORDS = read_table(DATA_DIR / "bench_words.csv", ["kind", "value"]).to_dict("records")
#: place names for the synthetic documents' taglines, and the kwic pattern timed (data/bench_words.csv)
VARIANTS = [r["value"] for r in _WORDS if r["kind"] == "place"]
PATTERN = next(r["value"] for r in _WORDS if r["kind"] == "kwic_pattern")


def make_workspace(n: int, folder: Path, seed: int = 0) -> Path:
    """A workspace (``ossetia init --empty``) of ``n`` documents built from the seed paragraphs
    (each seed document's first three lines, a line naming the report, then its other lines
    shuffled and cut), with its manifest."""
    from .corpus import load_corpus

    rng = random.Random(seed)
    seeds = sorted((r.outlet, f"{r.published:%Y-%m-%d}", [p for p in r.raw.split("\n") if p.strip()])
                   for r in load_corpus().itertuples())
    from .workspace import init_workspace

    if folder.exists():
        shutil.rmtree(folder)
    init_workspace(folder, empty=True)  # vocabularies, reference and empty evidence tables
    rows = []
    for i in range(n):
        outlet, published, lines = seeds[i % len(seeds)]
        head, body = lines[:3], lines[3:]
        rng.shuffle(body)
        body = body[: max(4, int(len(body) * rng.uniform(0.6, 1.0)))]
        tag = f"Report {i} from {rng.choice(VARIANTS)}, day {rng.randint(1, 28)}."
        data = ("\n".join(head + [tag] + body) + "\n").encode("utf-8")
        did = format_id(i)
        (folder / f"{did}.txt").write_bytes(data)
        rows.append({"doc_id": did, "file": f"{did}.txt", "sha256": hashlib.sha256(data).hexdigest(),
                     "outlet": outlet, "published": published, "date_basis": "stated", "genre": "synthetic",
                     "language": "en"})
    with (folder / "sources.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, restval="", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return folder


def _files(folder: Path) -> list[tuple[Path, str]]:
    with (folder / "sources.csv").open(encoding="utf-8", newline="") as fh:
        return [(folder / r["file"], r["outlet"]) for r in csv.DictReader(fh)]


def _texts(folder: Path) -> tuple[list[str], list[str]]:
    from .fileio import decode_text, read_bytes

    items = _files(folder)  # (read as load_corpus reads them)
    return [decode_text(read_bytes(p), p) for p, _ in items], [o for _, o in items]


# -- the measured work: one function per measurement, each what a user (or a peer) calls ---

def run_load(w: Path):
    from .corpus import load_corpus
    load_corpus(w)


def run_tokens(w: Path):
    from .corpus import load_corpus
    from .textstats import frequencies, tokens
    frequencies(tokens(load_corpus(w)))


def run_countvec(w: Path):
    import numpy as np
    from scipy import sparse
    from sklearn.feature_extraction.text import CountVectorizer

    texts, outlets = _texts(w)
    x = CountVectorizer().fit_transform(texts)
    codes, names = np.unique(outlets, return_inverse=True)[1], sorted(set(outlets))
    group = sparse.csr_matrix((np.ones(len(codes)), (codes, np.arange(len(codes)))), shape=(len(names), len(codes)))
    return group @ x  # counts per outlet and term


def run_spacy(w: Path):
    import spacy
    from collections import Counter
    from spacy.attrs import LOWER

    texts, outlets = _texts(w)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    counts: dict[str, Counter] = {}
    for doc, outlet in zip(nlp.pipe(texts, batch_size=256), outlets):
        doc.to_array(["LOWER", "IDX", "LENGTH", "SENT_START", "IS_PUNCT", "IS_SPACE"])  # every token: offsets, sentence
        counts.setdefault(outlet, Counter()).update(doc.count_by(LOWER))
    return counts


def prepare_kwic(w: Path):
    from .corpus import load_corpus
    return load_corpus(w)


def run_kwic(corpus):
    from .textstats import kwic
    return kwic(corpus, PATTERN, window=8)


def prepare_re(w: Path):
    return _texts(w)[0]


def run_re(texts):
    rx = re.compile(PATTERN, re.I)
    return [(i, m.start(), m.end(), " ".join(t[:m.start()].split()[-8:]), m.group(0), " ".join(t[m.end():].split()[:8]))
            for i, t in enumerate(texts) for m in rx.finditer(t)]


def run_extract(w: Path):
    from .cli import main
    with open(os.devnull, "w", encoding="utf-8") as null, contextlib.redirect_stdout(null):
        assert main(["extract", "--seeds", str(w)]) == 0


def run_archive(w: Path):
    from .cli import main
    assert main(["archive", str(w), "--out", str(w.with_suffix(".parquet"))]) == 0


def _stats(workers: int):
    def run(w: Path):
        from .scaleout import archive_stats
        return archive_stats(w.with_suffix(".parquet"), labels=True, freq=True, kwic=PATTERN, workers=workers)
    return run


RUNS = {"load": run_load, "tokens": run_tokens, "countvec": run_countvec, "spacy": run_spacy,
        "kwic": (prepare_kwic, run_kwic), "re": (prepare_re, run_re), "extract": run_extract,
        "archive": run_archive, "stats1": _stats(1), "stats2": _stats(2)}
LABELS = {"load": "`load_corpus(W)`", "tokens": "`load_corpus` + `tokens` + `frequencies`",
          "countvec": "peer: CountVectorizer (read, fit_transform, per outlet)",
          "spacy": "peer: spaCy blank(\"en\") + sentencizer (tokens, offsets, sentences, per outlet)",
          "kwic": "`kwic(corpus, pattern)` on the loaded corpus", "re": "peer: plain `re` scan (with context)",
          "extract": "`ossetia extract`", "archive": "`ossetia archive W --out A.parquet`",
          "stats1": "`ossetia stats A --labels --freq --kwic`, 1 worker",
          "stats2": "`ossetia stats A --labels --freq --kwic`, 2 workers"}


def _maxrss() -> int:
    import resource
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r if sys.platform == "darwin" else r * 1024  # bytes on macOS, KiB elsewhere


def _child(kind: str, folder: str) -> None:
    import numpy  # noqa: F401  (imports are not part of the measured work)
    import pandas

    if not kind.startswith(("archive", "stats")):
        # a core install has no pyarrow, so pandas keeps strings as Python objects; the dask
        # extra's pyarrow would switch it to Arrow strings (slower to iterate, copied on access)
        pandas.options.mode.string_storage = "python"

    w = Path(folder)
    run = RUNS[kind]
    arg = w
    if isinstance(run, tuple):  # prepared outside the measurement
        prep, run = run
        arg = prep(w)
    with contextlib.suppress(ImportError):
        import sklearn.feature_extraction.text  # noqa: F401
    before = _maxrss()
    load = os.getloadavg()[0]
    c0, t0 = time.process_time(), time.perf_counter()
    result = run(arg)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = _maxrss() - before
    if kind.startswith("stats"):
        peak = max(result["worker_peak_bytes"])
    print(json.dumps({"seconds": secs, "cpu": cpu, "peak_bytes": peak, "load": load,
                      "load_after": os.getloadavg()[0]}))


def measure(kind: str, folder: Path) -> dict:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    r = subprocess.run([sys.executable, "-m", "ossetia.bench", "--child", kind, str(folder)],
                       capture_output=True, text=True, encoding="utf-8", env=env)
    if r.returncode:
        return {"error": (r.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(r.stdout.strip().splitlines()[-1])


#: measurements run once whatever --repeat says (minutes each, and not compared with a peer)
_ONCE = ("extract", "archive", "stats1", "stats2")


def _best(a: dict | None, b: dict) -> dict:
    """Of two runs of one measurement: the faster, with the larger peak memory of the two and
    how many runs there were (a failed run makes the measurement fail)."""
    if a is None:
        return {**b, "runs": 1}
    if "error" in a or "error" in b:
        return a if "error" in a else b
    best = a if a["seconds"] <= b["seconds"] else b
    return {**best, "peak_bytes": max(a["peak_bytes"], b["peak_bytes"]), "runs": a["runs"] + 1}


def _fmt(n: float, digits: int = 0) -> str:
    return f"{n:,.{digits}f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="ossetia.bench", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--dask-sizes", default=None, help="sizes at which archive/stats run (default: the largest)")
    ap.add_argument("--skip", default="", help="measurements to leave out, comma-separated: a kind (spacy) "
                                               "or a kind at one size (spacy@100000)")
    ap.add_argument("--repeat", type=int, default=5,
                    help="runs of each in-memory measurement, interleaved (ours, then the peers, then again); "
                         "the table shows the fastest (default 5)")
    ap.add_argument("--repeat-upto", type=int, default=10000,
                    help="largest size whose measurements are repeated (default 10000); larger sizes, and "
                         "archive and stats, run once")
    ap.add_argument("--readme", action="store_true", help="rewrite the benchmark section of README.md")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        _child(*args.child)
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    dask_sizes = {int(s) for s in (args.dask_sizes or str(max(sizes))).split(",") if s}
    skip = set(filter(None, args.skip.split(",")))
    for item in sorted(skip):
        kind, _, size = item.partition("@")
        if kind not in RUNS or (size and not size.isdigit()):
            print(f"ossetia.bench: --skip {item}: not a measurement ({', '.join(RUNS)}), "
                  "or not KIND@DOCUMENTS", file=sys.stderr)
            return 1
    started = datetime.now(timezone.utc)
    res: dict[int, dict] = {}
    mb: dict[int, float] = {}
    lines = ["| documents | MB | what a user calls | seconds | CPU s | docs/s | peak memory | × corpus | load avg |",
             "|---:|---:|---|---:|---:|---:|---:|---:|---:|"]
    print(lines[0])
    for n in sizes:
        BENCH_DIR.mkdir(parents=True, exist_ok=True)  # (not in a fresh clone)
        folder = BENCH_DIR / f"workspace-{n}"
        make_workspace(n, folder)
        mb[n] = sum(p.stat().st_size for p, _ in _files(folder)) / 1e6
        kinds = [k for k in RUNS if (k not in ("archive", "stats1", "stats2") or n in dask_sizes)
                 and k not in skip and f"{k}@{n}" not in skip]
        res[n] = {}
        runs = args.repeat if n <= args.repeat_upto else 1
        for rep in range(max(runs, 1)):  # interleaved, so that a slow moment of the machine hits every kind
            for kind in kinds:
                if rep and kind in _ONCE:
                    continue
                res[n][kind] = _best(res[n].get(kind), measure(kind, folder))
        for kind in kinds:
            r = res[n][kind]
            if "error" in r:
                row = f"| {_fmt(n)} | {mb[n]:.1f} | {LABELS[kind]} | failed: {r['error']} | | | | | |"
            else:
                peak = r["peak_bytes"] / 1e6
                row = (f"| {_fmt(n)} | {mb[n]:.1f} | {LABELS[kind]} | {r['seconds']:.2f} | {r['cpu']:.2f} | "
                       f"{_fmt(n / r['seconds'])} | {peak:,.0f} MB | {peak / mb[n]:.1f} | "
                       f"{r['load']:.1f}–{r['load_after']:.1f} |")
            lines.append(row)
            print(row, flush=True)
        shutil.rmtree(folder)
        shutil.rmtree(folder.with_suffix(".parquet"), ignore_errors=True)
    notes = _ratios(res, sizes)
    for line in notes:
        print(line)
    if args.readme:
        _write_readme(lines, notes, started, skip, args.repeat, args.repeat_upto)
    return 0


def _ratio(res: dict, n: int, a: str, b: str, key: str = "seconds") -> float | None:
    ra, rb = res[n].get(a, {}), res[n].get(b, {})
    return rb[key] / ra[key] if key in ra and key in rb else None


def _ratios(res: dict, sizes: list[int]) -> list[str]:
    out = []
    for a, b, what in [("tokens", "countvec", "`load_corpus` + `tokens` + `frequencies` vs CountVectorizer (target ≥ 0.8)"),
                       ("tokens", "spacy", "`load_corpus` + `tokens` + `frequencies` vs spaCy blank + sentencizer (target ≥ 2)"),
                       ("kwic", "re", "`kwic` vs a plain `re` scan"), ("stats1", "stats2", "")]:
        got = [(n, _ratio(res, n, a, b), _ratio(res, n, a, b, "cpu")) for n in sizes]
        got = [g for g in got if g[1] is not None]
        if not got:
            continue
        if a == "stats1":
            out.append("- `ossetia stats`, speed-up from one to two local workers: "
                       + ", ".join(f"{_fmt(n)} documents: {1 / r:.2f} ×" for n, r, _ in got))
            continue
        out.append(f"- Throughput, {what}: " + ", ".join(f"{_fmt(n)}: {r:.2f} × (CPU time {c:.2f} ×)" for n, r, c in got))
    tok = [(n, res[n]["tokens"]) for n in sizes if "seconds" in res[n].get("tokens", {})]
    if len(tok) > 1:
        (n0, a), (n1, b) = tok[0], tok[-1]
        out.append(f"- Per-document cost of `load_corpus` + `tokens` + `frequencies`, {_fmt(n1)} vs {_fmt(n0)} documents: "
                   f"{(b['seconds'] / n1) / (a['seconds'] / n0):.2f} × (CPU time "
                   f"{(b['cpu'] / n1) / (a['cpu'] / n0):.2f} ×; target ≤ 1.2)")
    return out


def _write_readme(lines: list[str], notes: list[str], started: datetime, skip: set[str] = frozenset(),
                  repeat: int = 1, repeat_upto: int = 0) -> None:
    from .fileio import atomic_write_text

    cpu = platform.processor() or platform.machine()
    head = (f"Run of {started:%Y-%m-%d %H:%M} UTC on {platform.system()} {platform.release()}, {cpu}, "
            f"{os.cpu_count()} cores, Python {platform.python_version()}; load average (1 min) at the start "
            "and end of each measurement in the last column."
            + (f" Seconds: the fastest of {repeat} runs, each in its own process, ours and the peers' "
               f"interleaved, up to {repeat_upto:,} documents (peak memory: the largest of those runs); "
               f"larger sizes, `ossetia extract`, `archive` and `stats` ran once." if repeat > 1 else "")
            + (f" Left out of this run: {', '.join(s.replace('@', ' at ') for s in sorted(skip))} documents."
               if skip else ""))
    text = README.read_text(encoding="utf-8")
    a, b = text.index(MARK[0]) + len(MARK[0]), text.index(MARK[1])
    atomic_write_text(README, text[:a] + "\n" + head + "\n\n" + "\n".join(lines) + "\n\n" + "\n".join(notes) + "\n" + text[b:])


if __name__ == "__main__":
    sys.exit(main())
