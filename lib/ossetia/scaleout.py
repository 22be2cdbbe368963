"""Scale-out on Dask: a workspace as partitioned Parquet, and the corpus verbs over it.

``write_archive(W, A)`` (``ossetia archive W --out A.parquet``) writes the corpus of a
workspace (``load_corpus(W)``: manifest columns, ``raw``, ``text`` …) as a folder of Parquet
files of ``docs_per_part`` documents each, in ``doc_id`` order. ``archive_stats(A, …)``
(``ossetia stats A.parquet``) computes label rates, frequencies and KWIC with
``dask.distributed``: a ``LocalCluster`` on 127.0.0.1 by default, or the cluster of a
scheduler address. Each task reads one part and runs on it the same per-document functions
as the in-memory verbs (``label_hits``, ``tokens``, ``kwic``); the client adds the counts up
as parts finish, so a worker holds one part at a time. Needs the ``dask`` extra."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd

from .errors import OssetiaError
from .paths import rel, seeds_dir as _seeds_dir

DOCS_PER_PART = 2000
_PART = "part-{:05d}.parquet"
_EXTRA = "needs the dask extra (pip install -e '.[dask]')"


def _need(module: str):
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise OssetiaError(None, f"{_EXTRA}: {module} is not installed") from None


def write_archive(workspace: str | Path | None, out: str | Path, docs_per_part: int = DOCS_PER_PART) -> Path:
    """Write the corpus of ``workspace`` as partitioned Parquet in the folder ``out``: all
    or nothing (the parts are written next to it, then put in its place)."""
    from .corpus import load_corpus

    pa, pq = _need("pyarrow"), _need("pyarrow.parquet")
    out = Path(out)
    if out.exists() and not (out.is_dir() and all(p.suffix == ".parquet" or p.name == "vocab" for p in out.iterdir())):
        raise OssetiaError(rel(out), "exists and is not an archive; choose another --out")
    corpus = load_corpus(workspace)
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        for k, i in enumerate(range(0, len(corpus), max(1, docs_per_part))):
            part = pa.Table.from_pandas(corpus.iloc[i:i + docs_per_part], preserve_index=False)
            pq.write_table(part, tmp / _PART.format(k))
        rules = _seeds_dir(workspace) / "vocab" / "normalise_rules.csv"
        if rules.is_file():  # the workspace's own normalisation rules travel with the archive
            (tmp / "vocab").mkdir()
            shutil.copyfile(rules, tmp / "vocab" / rules.name)
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        if out.exists():
            out.rename(old)
        tmp.rename(out)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def read_part(path: str | Path) -> pd.DataFrame:
    """One part of an archive as a corpus frame (what ``load_corpus`` returns for its documents)."""
    pq = _need("pyarrow.parquet")
    corpus = pq.read_table(path).to_pandas()
    corpus.attrs["seeds"] = str(Path(path).resolve().parent)  # its vocab/normalise_rules.csv, if any
    return corpus


def part_stats(path: str, labels: bool, freq: bool, kwic: str | None) -> dict:
    """The counts of one part: what a worker computes (the in-memory verbs' own functions)."""
    from .framing import _label_counts
    from .textstats import _counts, kwic as kwic_, tokens

    corpus = read_part(path)
    out: dict = {}
    if labels:
        out["labels"] = _label_counts(corpus)
    if freq:
        out["freq"] = _counts(tokens(corpus), "outlet")
    if kwic:
        out["kwic"] = kwic_(corpus, kwic)
    try:
        import resource
        out["peak"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
    except ImportError:  # (Windows)
        out["peak"] = 0
    return out


def _parts(archive: Path) -> list[str]:
    if not archive.is_dir():
        raise OssetiaError(rel(archive), "archive not found (make one with: ossetia archive W --out A.parquet)")
    parts = sorted(str(p) for p in archive.glob("part-*.parquet"))
    if not parts:
        raise OssetiaError(rel(archive), "holds no part-*.parquet files; not an archive of ossetia archive")
    return parts


def _client(scheduler: str | None, workers: int):
    distributed = _need("dask.distributed")
    if scheduler:
        try:
            return distributed.Client(scheduler, timeout="10s"), None
        except (OSError, TimeoutError) as e:
            raise OssetiaError(None, f"cannot reach the Dask scheduler at {scheduler} ({e})") from None
    import logging

    cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address=None, silence_logs=logging.ERROR)
    return distributed.Client(cluster), cluster


def archive_stats(archive: str | Path, labels: bool = True, freq: bool = True, kwic: str | None = None,
                  scheduler: str | None = None, workers: int = 2) -> dict:
    """Label rates (``framing.label_rates(corpus, by="voice")``: an archive pools each voice's
    documents, since the default grouping by source needs the whole corpus), frequencies per outlet (``textstats.frequencies``)
    and KWIC (``textstats.kwic``) over an archive, on Dask. Returns the tables asked for
    (``labels``, ``freq``, ``kwic``) and ``worker_peak_bytes`` (each task's worker's peak
    resident memory)."""
    from .framing import _label_table
    from .textstats import _frequency_table

    if kwic:
        import re
        try:
            re.compile(kwic)
        except re.error as e:
            raise OssetiaError(None, f"--kwic {kwic!r} is not a regular expression ({e})") from None
    parts = _parts(Path(archive))
    client, cluster = _client(scheduler, workers)
    hits, sizes, freqs, kwics, peaks = [], [], [], {}, []
    try:
        futures = client.map(part_stats, parts, labels=labels, freq=freq, kwic=kwic, pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        for fut, res in _distributed().as_completed(futures, with_results=True):
            if labels:
                hits.append(res["labels"][0])
                sizes.append(res["labels"][1])
            if freq:
                freqs.append(res["freq"])
            if kwic:
                kwics[index[fut.key]] = res["kwic"]
            peaks.append(res["peak"])
            fut.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    out: dict = {"worker_peak_bytes": peaks}
    if labels:
        counts = pd.concat(hits).groupby(level=[0, 1]).sum()
        out["labels"] = _label_table(counts, pd.concat(sizes).groupby(level=0).sum())
    if freq:
        f = pd.concat(freqs, ignore_index=True)
        f = f.groupby(["outlet", "token"], sort=False)["count"].sum().reset_index()
        out["freq"] = _frequency_table(f, "outlet", 1000)
    if kwic:
        out["kwic"] = pd.concat([kwics[i] for i in sorted(kwics)], ignore_index=True)
    return out


def _distributed():
    return _need("dask.distributed")
