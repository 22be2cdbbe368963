"""Workspaces: working corpora beside the project's reference corpus (``seeds/``).

``ossetia init DIR`` makes one: a copy of the project's seeds, or (``--empty``) the manifest's
header, the vocabularies, the public reference tables and empty evidence tables. Every command
takes ``--seeds DIR``; the environment variable ``OSSETIA_SEEDS`` sets the default for the
library and the notebooks. Outputs go with their corpus (``DIR/figures/``, ``DIR/notebooks/``).
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import shutil
import tempfile
from pathlib import Path

from .errors import OssetiaError
from .paths import SEEDS_DIR, rel, seeds_dir

#: What a workspace holds, as the messages name it: the manifest, the two evidence tables and
#: the two folders of tables (each table listed in evidence.VOCAB / evidence.REFERENCE).
PARTS = ("sources.csv", "claims.csv", "numbers.csv", "vocab/", "reference/")
#: The workspace's own normalisation rules (optional; same columns as the package's).
RULES = Path("vocab") / "normalise_rules.csv"


def missing_parts(folder: str | Path) -> list[str]:
    """The parts of a workspace that ``folder`` lacks (``vocab/actors.csv`` …), in PARTS order."""
    from .evidence import REFERENCE, VOCAB

    folder = Path(folder)
    out = []
    for part in PARTS:
        if part.endswith("/"):
            sub = folder / part.rstrip("/")
            names = VOCAB if part == "vocab/" else REFERENCE
            if not sub.is_dir():
                out.append(part)
            else:
                out += [f"{part}{n}.csv" for n in names if not (sub / f"{n}.csv").is_file()]
        elif not (folder / part).is_file():
            out.append(part)
    return out


def require_workspace(seeds: str | Path | None = None) -> Path:
    """The seeds folder, if it is a complete workspace; else one :class:`OssetiaError` naming
    the folder and everything it lacks."""
    folder = seeds_dir(seeds)
    if not folder.is_dir():
        raise OssetiaError(rel(folder), "seeds folder not found (make one with 'ossetia init DIR')")
    missing = missing_parts(folder)
    if missing:
        raise OssetiaError(rel(folder), f"is not a complete seeds folder: missing {', '.join(missing)} "
                                        "(a folder made by 'ossetia init DIR' has every part)")
    return folder


def _header(path: Path) -> bytes:
    """The first line of a CSV file (its header), as stored."""
    with path.open("rb") as fh:
        return fh.readline()


def init_workspace(dest: str | Path, empty: bool = False) -> Path:
    """Create a workspace at ``dest`` (a new or empty folder) and return its path.

    A copy of the project's seeds (documents, manifest, evidence, vocabularies, reference
    tables), or with ``empty=True`` the manifest header, the vocabularies, the reference tables
    and evidence tables holding only their headers. Either way an empty
    ``vocab/normalise_rules.csv`` (header only) is there for the workspace's own rules.
    All or nothing: built in a temporary folder beside ``dest``, then renamed into place."""
    dest = Path(dest)
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise OssetiaError(rel(dest), "already exists and is not an empty folder; choose a new folder")
    parent = dest.absolute().parent
    if not parent.is_dir():
        raise OssetiaError(rel(parent), "folder not found (the workspace's parent folder must exist)")
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", dir=parent))
    except OSError as e:
        raise OssetiaError(rel(parent), f"cannot write here ({e.strerror})") from None
    try:
        build = tmp / "w"
        if empty:
            build.mkdir()
            for name in ("sources.csv", "claims.csv", "numbers.csv"):
                (build / name).write_bytes(_header(SEEDS_DIR / name))
            if (SEEDS_DIR / "voices.csv").is_file():
                (build / "voices.csv").write_bytes(_header(SEEDS_DIR / "voices.csv"))
            for sub in ("vocab", "reference"):
                shutil.copytree(SEEDS_DIR / sub, build / sub)
        else:
            shutil.copytree(SEEDS_DIR, build, ignore=shutil.ignore_patterns(".*", "__pycache__"))
        rules = build / RULES
        if not rules.exists():
            from .normalise import RULE_COLUMNS

            buf = io.StringIO()
            csv.writer(buf, lineterminator="\n").writerow(RULE_COLUMNS)
            rules.write_text(buf.getvalue(), encoding="utf-8")
        if dest.exists():
            dest.rmdir()  # empty (checked above)
        os.replace(build, dest)
    except OSError as e:
        raise OssetiaError(rel(dest), f"cannot create the workspace ({e.strerror})") from None
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(tmp)
    return dest
