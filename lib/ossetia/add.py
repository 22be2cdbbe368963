"""``ossetia add``: add new articles to a seeds folder, all or nothing, never overwriting.

Each article becomes the next document (``NNN_<sha256[:16]>.txt`` and a manifest row); an outlet
the folder does not know yet is registered in ``vocab/actors.csv`` (kind ``outlet``, every
column of the table filled). ``add --from LIST.csv`` adds many at once (columns ``file``,
``outlet``, ``published``, ``title``, ``url``, optionally ``byline``, ``genre``, ``language``,
``date_basis``, ``date_note``, ``notes``; files relative to the list): every row is checked
before anything is written, and nothing is written if one fails.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
from pathlib import Path

from . import ids, manifest
from .errors import OssetiaError
from .fileio import atomic_write_bytes, decode_text
from .fileio import read_table
from .normalise import normalise, workspace_rules
from .paths import rel
from .workspace import require_workspace

LIST_COLUMNS = ["file", "outlet", "published", "title", "url"]
LIST_OPTIONAL = ["byline", "genre", "language", "date_basis", "date_note", "notes"]
ACTORS = Path("vocab") / "actors.csv"
LANES = Path("vocab") / "lanes.csv"
OUTLET_KIND = "outlet"


def add_article(file: str | Path, *, outlet: str, published: str, title: str, url: str = "",
                byline: str = "", genre: str = "news report", language: str = "en",
                date_basis: str = "stated", date_note: str = "", notes: str = "",
                seeds: str | Path | None = None) -> dict:
    """Copy ``file`` into the seeds folder as ``NNN_<sha256[:16]>.txt`` with a new manifest row
    (and its outlet in ``vocab/actors.csv`` if new). Returns the manifest row.

    Refuses (``OssetiaError``, nothing written) if the seeds folder has problems, the file is
    not a usable article, its text is already in the corpus, or the target name exists."""
    item = {"file": file, "outlet": outlet, "published": published, "title": title, "url": url,
            "byline": byline, "genre": genre, "language": language, "date_basis": date_basis,
            "date_note": date_note, "notes": notes}
    return add_articles([item], seeds=seeds)[0]


def read_list(path: str | Path) -> list[dict]:
    """The rows of an ``add --from`` list, with ``file`` resolved against the list's folder and
    ``where`` naming the row for messages."""
    path = Path(path)
    df = read_table(path, LIST_COLUMNS)
    if df.empty:
        raise OssetiaError(rel(path), "lists no articles")
    out = []
    for i, r in enumerate(df.to_dict("records"), start=2):
        item = {c: r.get(c, "") for c in LIST_COLUMNS + LIST_OPTIONAL if c in r}
        if not item["file"].strip():
            raise OssetiaError(rel(path), f"row {i}: file is empty")
        item["file"] = path.parent / item["file"].strip()
        item["where"] = (rel(path), i)
        out.append(item)
    return out


def _lane_rule(folder: Path) -> dict[str, str]:
    """kind -> lane: the ``default_for_kinds`` of ``vocab/lanes.csv`` (:func:`ossetia.vocab.load_lanes`);
    a kind no lane lists keeps its own name as lane."""
    from .vocab import load_lanes

    if not (folder / LANES).is_file():
        return {}
    rule: dict[str, str] = {}
    for lane, kinds in zip(*load_lanes(folder)[["lane", "kinds"]].T.values):
        for k in kinds:
            rule.setdefault(k, lane)
    return rule


def actor_row(folder: Path, header: list[str], actor: str, kind: str, description: str) -> dict:
    """A new row of ``vocab/actors.csv`` with every column of ``header`` filled: ``lane`` from
    ``kind`` by the folder's lane rule (see :func:`_lane_rule`), other columns left empty."""
    known = {"actor": actor, "kind": kind, "description": description,
             "lane": _lane_rule(folder).get(kind, kind)}
    return {c: known.get(c, "") for c in header}


def _csv_rows(header: list[str], rows: list[dict]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    for r in rows:
        w.writerow([r.get(c, "") for c in header])
    return buf.getvalue().encode("utf-8")


def _appended(old: bytes, new: bytes) -> bytes:
    return old + (b"" if not old or old.endswith(b"\n") else b"\n") + new


def add_articles(items: list[dict], seeds: str | Path | None = None) -> list[dict]:
    """Add articles (dicts with the keys of :func:`add_article`; ``where``, a (list file, row)
    pair, optionally names the item in messages). All or nothing: every article is checked, against the corpus and against
    the others, before anything is written. Returns the new manifest rows, in order."""
    folder = require_workspace(seeds)
    errs, man, texts = manifest.problems(folder)
    if errs:
        raise OssetiaError(errs[0].file, f"{errs[0].problem} (fix what 'ossetia check' reports before adding)")
    extra = workspace_rules(folder)
    known_text: dict[str, str] = {}  # normalised text -> doc id
    known_raw: dict[str, str] = {}
    by_id = dict(zip(man["doc_id"], man["file"]))
    for rec in man.to_dict("records"):
        did = rec["doc_id"]
        known_raw[texts[did]] = did
        known_text[normalise(texts[did], rec["outlet"], rec["title"], extra).text] = did
    actors_path = folder / ACTORS
    actors = read_table(actors_path, ["actor", "kind"])
    actor_names = set(actors["actor"])
    header = list(actors.columns)
    all_ids = list(man["doc_id"])
    plan: list[tuple[dict, bytes, Path]] = []
    new_actors: list[dict] = []
    for item in items:
        src = Path(item["file"])
        where = item.get("where")

        def fail(problem, file=src):
            if where:
                raise OssetiaError(where[0], f"row {where[1]} ({rel(file)}): {problem}")
            raise OssetiaError(rel(file), problem)

        if not src.is_file():
            fail("file not found")
        data = src.read_bytes()
        try:
            raw = decode_text(data, src)
        except OssetiaError as e:
            fail(e.problem)
        if not raw.strip():
            fail("is empty" if not raw else "holds only whitespace")
        outlet, title = str(item.get("outlet", "")).strip(), str(item.get("title", "")).strip()
        for name, value in (("outlet", outlet), ("title", title)):
            if not value:
                fail(f"{'--' if not where else ''}{name} is empty")
        published = str(item.get("published", "")).strip()
        try:
            _, precision = manifest.parse_published(published)
        except ValueError as e:
            fail(f"{'--' if not where else ''}published {e}")
        date_basis = item.get("date_basis") or "stated"
        if date_basis not in manifest.DATE_BASES:
            fail(f"{'--' if not where else ''}date-basis must be one of {', '.join(manifest.DATE_BASES)}")
        text = normalise(raw, outlet, title, extra).text
        if not text.strip():
            fail("holds only site chrome (no article text after normalisation)")
        if raw in known_raw or text in known_text:
            did = known_raw.get(raw) or known_text[text]
            fail(f"is already in the seeds as doc {did} ({by_id[did]}); not added")
        digest = manifest.sha256(data)
        next_id = ids.next_id(all_ids)
        target = folder / f"{next_id}_{digest[:16]}.txt"
        if target.exists() or target.is_symlink():
            raise OssetiaError(rel(target), "already exists; not overwritten")
        note = item.get("date_note", "") or ""
        if precision != "day" and not note:
            note = f"only the {precision} is known"
        row = {"doc_id": next_id, "file": target.name, "sha256": digest, "outlet": outlet,
               "title": title, "byline": str(item.get("byline", "") or "").strip(), "published": published,
               "date_basis": date_basis, "date_note": note, "genre": item.get("genre") or "news report",
               "url": str(item.get("url", "") or "").strip(), "language": item.get("language") or "en",
               "notes": item.get("notes", "") or ""}
        plan.append((row, data, target))
        all_ids.append(next_id)
        by_id[next_id] = target.name
        known_raw[raw] = known_text[text] = next_id
        if outlet not in actor_names:
            actor_names.add(outlet)
            new_actors.append(actor_row(folder, header, outlet, OUTLET_KIND,
                                        f"news outlet (registered by ossetia add with doc {next_id})"))

    mpath = folder / manifest.MANIFEST
    old_manifest = mpath.read_bytes()
    new_manifest = _appended(old_manifest, _csv_rows(manifest.COLUMNS, [r for r, _, _ in plan]))
    old_actors = actors_path.read_bytes()
    new_actors_bytes = _appended(old_actors, _csv_rows(header, new_actors)) if new_actors else None

    written: list[Path] = []
    try:
        for _, data, target in plan:  # 1) the articles, each created exclusively
            _create(folder, target, data)
            written.append(target)
        if new_actors_bytes is not None:  # 2) the new outlets
            atomic_write_bytes(actors_path, new_actors_bytes)
        atomic_write_bytes(mpath, new_manifest)  # 3) the manifest, last
    except BaseException:
        for t in written:
            with contextlib.suppress(OSError):
                os.unlink(t)
        if new_actors_bytes is not None and actors_path.read_bytes() != old_actors:
            with contextlib.suppress(OSError):
                atomic_write_bytes(actors_path, old_actors)
        raise
    return [r for r, _, _ in plan]


def _create(folder: Path, target: Path, data: bytes) -> None:
    """Write ``data`` to ``target``, never replacing a file (exclusive create), completely."""
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
