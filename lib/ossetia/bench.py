"""``make bench``: the corpus pipeline on synthetic corpora of 1k, 10k and 100k documents,
against scikit-learn's CountVectorizer on the same files, in the same run.

    python -m ossetia.bench [--sizes 1000,10000,100000] [--out DIR]

Each size is measured in its own subprocess (timed once, then run again under tracemalloc for its peak memory): our pipeline
(read, decode strictly, normalise with the offset map, sentences, tokens, term counts per
outlet) and the peer (read, decode, ``CountVectorizer().fit_transform``, counts summed per
outlet). Documents are made from the seed paragraphs, shuffled and varied with a fixed seed so
that no two are identical.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from .corpus import load_corpus
from .fileio import decode_text
from .paths import PROJECT_ROOT
from .segment import _split_text
from .textstats import tokenize

BENCH_DIR = PROJECT_ROOT / ".bench"
VARIANTS = ["Tskhinvali", "Moscow", "Tbilisi", "Sukhumi", "Brussels", "Vienna", "Geneva", "Sochi"]


def make_corpus(n: int, folder: Path, seed: int = 0) -> list[tuple[Path, str]]:
    """Write ``n`` varied documents built from the seed paragraphs; return (path, outlet) pairs."""
    rng = random.Random(seed)
    corpus = load_corpus()
    by_outlet = {r.outlet: [p for p in r.raw.split("\n") if p.strip()] for r in corpus.itertuples()}
    outlets = sorted(by_outlet)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    out = []
    for i in range(n):
        outlet = outlets[i % len(outlets)]
        lines = by_outlet[outlet][:]
        head, body = lines[:3], lines[3:]
        rng.shuffle(body)
        body = body[: max(4, int(len(body) * rng.uniform(0.6, 1.0)))]
        tag = f"Report {i} from {rng.choice(VARIANTS)}, day {rng.randint(1, 28)}."
        text = "\n".join(head + [tag] + body) + "\n"
        path = folder / f"{i:06d}.txt"
        path.write_bytes(text.encode("utf-8"))
        out.append((path, outlet))
    (folder / "index.json").write_text(json.dumps([(p.name, o) for p, o in out]), encoding="utf-8")
    return out


def _load_index(folder: Path) -> list[tuple[Path, str]]:
    return [(folder / name, outlet) for name, outlet in json.loads((folder / "index.json").read_text(encoding="utf-8"))]


def ours(items: list[tuple[Path, str]]) -> dict[str, Counter]:
    """The project's pipeline, document by document (nothing kept but the counts): read,
    decode strictly, normalise with the offset map, split sentences and map each to its raw
    span, tokenise, count per outlet."""
    from .normalise import normalise

    norm = normalise.__wrapped__  # no cache: every document is new
    counts: dict[str, Counter] = {}
    for path, outlet in items:
        raw = decode_text(path.read_bytes(), path)
        n = norm(raw, outlet)
        spans = _split_text(n.text, [(p.t_start, p.t_end) for p in n.paragraphs])
        if spans:  # every sentence's raw span, in one gather from the offset map
            firsts, ends = zip(*spans)
            n.omap[list(firsts)], n.omap[[e - 1 for e in ends]] + 1  # noqa: B018  (the work being measured)
        c = counts.get(outlet)
        if c is None:  # (setdefault would build a Counter for every document)
            c = counts[outlet] = Counter()
        c.update(tokenize(n.text.lower()))
    return counts


def ours_parallel(items: list[tuple[Path, str]], workers: int = 2) -> dict[str, Counter]:
    """The same pipeline over ``workers`` processes (documents are independent), counts merged."""
    from concurrent.futures import ProcessPoolExecutor

    size = max(1, len(items) // (workers * 8))
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    counts: dict[str, Counter] = {}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for part in pool.map(ours, chunks):
            for outlet, c in part.items():
                counts.setdefault(outlet, Counter()).update(c)
    return counts


def peer(items: list[tuple[Path, str]]) -> dict[str, int]:
    """scikit-learn's CountVectorizer on the same files, counts summed per outlet."""
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer

    texts = [decode_text(p.read_bytes(), p) for p, _ in items]
    X = CountVectorizer().fit_transform(texts)
    outlets = np.array([o for _, o in items])
    return {o: int(X[outlets == o].sum()) for o in sorted(set(outlets))}


def _child(kind: str, folder: str) -> None:
    import tracemalloc

    import numpy  # noqa: F401  (imports are not part of the measured work)
    import sklearn.feature_extraction.text  # noqa: F401

    items = _load_index(Path(folder))
    run = {"ours": ours, "ours2": ours_parallel, "peer": peer}[kind]
    t = time.perf_counter()
    run(items)
    secs = time.perf_counter() - t
    if kind == "ours2":  # memory lives in the worker processes; measured for the 1-process run
        print(json.dumps({"seconds": secs, "peak_bytes": None}))
        return
    # a second run measures memory: tracemalloc sees every allocation (numpy's included) but
    # slows the run, so it is not timed; works on every platform
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    run(items)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(json.dumps({"seconds": secs, "peak_bytes": peak - base}))


def measure(kind: str, folder: Path) -> dict:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    r = subprocess.run([sys.executable, "-m", "ossetia.bench", "--child", kind, str(folder)],
                       capture_output=True, text=True, env=env, check=True)
    return json.loads(r.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="ossetia.bench", description=__doc__)
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        _child(*args.child)
        return 0
    rows = []
    print(f"{'docs':>8} {'MB':>6} {'ours/s':>7} {'MB/s':>5} {'peer/s':>7} {'ratio':>6} {'2 proc/s':>9} "
          f"{'ratio':>6} {'us/doc':>7} {'peak MB':>8} {'x corpus':>9}")
    for n in [int(s) for s in args.sizes.split(",")]:
        folder = BENCH_DIR / f"corpus-{n}"
        items = make_corpus(n, folder)
        mb = sum(p.stat().st_size for p, _ in items) / 1e6
        a, a2, b = measure("ours", folder), measure("ours2", folder), measure("peer", folder)
        over = a["peak_bytes"] / 1e6
        row = {"docs": n, "mb": mb, "ours_dps": n / a["seconds"], "ours2_dps": n / a2["seconds"],
               "peer_dps": n / b["seconds"], "ratio": b["seconds"] / a["seconds"],
               "ratio2": b["seconds"] / a2["seconds"], "us_per_doc": 1e6 * a["seconds"] / n,
               "peak_mb": over, "x_corpus": over / mb}
        rows.append(row)
        print(f"{n:>8} {mb:>6.1f} {row['ours_dps']:>7.0f} {mb / a['seconds']:>5.2f} {row['peer_dps']:>7.0f} "
              f"{row['ratio']:>6.2f} {row['ours2_dps']:>9.0f} {row['ratio2']:>6.2f} {row['us_per_doc']:>7.0f} "
              f"{over:>8.1f} {row['x_corpus']:>9.2f}")
        shutil.rmtree(folder)
    if len(rows) > 1:
        print(f"per-document cost, largest vs smallest size: {rows[-1]['us_per_doc'] / rows[0]['us_per_doc']:.2f}x "
              "(target <= 1.2)")
    print("throughput ratio to CountVectorizer (target >= 1.0), one process: "
          + ", ".join(f"{r['docs']}: {r['ratio']:.2f}" for r in rows)
          + "; two processes: " + ", ".join(f"{r['docs']}: {r['ratio2']:.2f}" for r in rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
