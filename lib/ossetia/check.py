"""``ossetia check``: every problem of the seeds folder, one line each."""

from __future__ import annotations

from pathlib import Path

from . import manifest
from .errors import OssetiaError
from .paths import seeds_dir as _seeds_dir


def run_check(seeds: str | Path | None = None) -> tuple[list[OssetiaError], dict[str, int]]:
    """All problems of the manifest, the raw files and (when present) the evidence tables.

    Returns the problems and counts of what was checked."""
    folder = _seeds_dir(seeds)
    errs, man, texts = manifest.problems(folder)
    counts = {"documents": 0 if man is None else len(man)}
    if man is not None and not errs:
        from . import evidence  # the curated tables are checked once the documents are sound

        ev_errs, ev_counts = evidence.problems(folder, man, texts)
        errs.extend(ev_errs)
        counts.update(ev_counts)
    return errs, counts
