"""``ossetia add``: add a new article to the seeds, all or nothing, never overwriting."""

from __future__ import annotations

import contextlib
import csv
import io
import os
from pathlib import Path

from . import manifest
from .errors import OssetiaError
from .fileio import atomic_write_bytes, decode_text
from .normalise import normalise
from .paths import rel, seeds_dir as _seeds_dir


def add_article(file: str | Path, *, outlet: str, published: str, title: str, url: str = "",
                byline: str = "", genre: str = "news report", language: str = "en",
                date_basis: str = "stated", date_note: str = "", notes: str = "",
                seeds: str | Path | None = None) -> dict:
    """Copy ``file`` into the seeds folder as ``NNN_<sha256[:16]>.txt`` with a new manifest row.

    Refuses (``OssetiaError``, nothing written) if the seeds folder has problems, the file is
    not a usable article, its text is already in the corpus, or the target name exists."""
    folder = _seeds_dir(seeds)
    src = Path(file)
    errs, man, texts = manifest.problems(folder)
    if errs:
        raise OssetiaError(errs[0].file, f"{errs[0].problem} (fix what 'ossetia check' reports before adding)")
    if not src.is_file():
        raise OssetiaError(src, "file not found")
    data = src.read_bytes()
    raw = decode_text(data, src)
    if not raw.strip():
        raise OssetiaError(src, "is empty" if not raw else "holds only whitespace")
    for name, value in (("outlet", outlet), ("title", title)):
        if not value.strip():
            raise OssetiaError(src, f"--{name} is empty")
    try:
        manifest.parse_date(published)
    except ValueError as e:
        raise OssetiaError(src, f"--published {e}") from None
    if date_basis not in manifest.DATE_BASES:
        raise OssetiaError(src, f"--date-basis must be one of {', '.join(manifest.DATE_BASES)}")
    text = normalise(raw, outlet).text
    if not text.strip():
        raise OssetiaError(src, "holds only site chrome (no article text after normalisation)")
    digest = manifest.sha256(data)
    by_id = dict(zip(man["doc_id"], man["file"]))
    for did, other in texts.items():
        orow = man.loc[man["doc_id"] == did].iloc[0]
        if other == raw or normalise(other, orow["outlet"]).text == text:
            raise OssetiaError(src, f"is already in the seeds as doc {did} ({by_id[did]}); not added")
    next_id = f"{max((int(d) for d in man['doc_id']), default=-1) + 1:03d}"
    target = folder / f"{next_id}_{digest[:16]}.txt"
    if target.exists() or target.is_symlink():
        raise OssetiaError(rel(target), "already exists; not overwritten")
    row = {"doc_id": next_id, "file": target.name, "sha256": digest, "outlet": outlet.strip(),
           "title": title.strip(), "byline": byline.strip(), "published": published.strip(),
           "date_basis": date_basis, "date_note": date_note, "genre": genre, "url": url.strip(),
           "language": language, "notes": notes}
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow([row[c] for c in manifest.COLUMNS])
    mpath = folder / manifest.MANIFEST
    old = mpath.read_bytes()
    new = old + (b"" if old.endswith(b"\n") else b"\n") + buf.getvalue().encode("utf-8")

    # 1) the article, created exclusively (never replaces a file), written completely
    tmp = folder / f".{target.name}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except OSError as e:
        raise OssetiaError(rel(folder), f"cannot write here ({e.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, target)  # fails if the target appeared meanwhile: never overwrites
        except FileExistsError:
            raise OssetiaError(rel(target), "already exists; not overwritten") from None
        except OSError:  # a file system without hard links (FAT, some network drives)
            with open(target, "xb") as fh:  # exclusive create: still never overwrites
                fh.write(data)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    # 2) the manifest, replaced atomically; undo step 1 if that fails
    try:
        atomic_write_bytes(mpath, new)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(target)
        raise
    return row
