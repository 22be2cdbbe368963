"""The ``ossetia`` command line. Every subcommand takes ``--seeds DIR`` (default: the folder in
the environment variable OSSETIA_SEEDS, else the project's seeds/, the reference corpus)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import OssetiaError
from .paths import FIGURES_DIR, is_reference, rel, seeds_dir


def _workspace(args) -> Path:
    """The seeds folder of the command, refused with one line if any part is missing."""
    from .workspace import require_workspace

    return require_workspace(args.seeds)


def _cmd_init(args) -> int:
    from .workspace import init_workspace

    dest = init_workspace(args.dir, empty=args.empty)
    what = "empty workspace (vocabularies and reference tables, no documents)" if args.empty \
        else "workspace: a copy of the reference corpus"
    print(f"created {rel(dest)}: {what}; use it with --seeds {rel(dest)} or OSSETIA_SEEDS={rel(dest)}")
    return 0


def _cmd_check(args) -> int:
    from .check import run_check

    folder = _workspace(args)
    errs, counts = run_check(folder)
    for e in errs:
        print(e, file=sys.stderr)
    if errs:
        return 1
    what = ", ".join(f"{v} {k}" for k, v in counts.items())
    print(f"ok: {rel(folder)} is consistent ({what})")
    return 0


def _cmd_add(args) -> int:
    from .add import add_article, add_articles, read_list

    folder = _workspace(args)
    if args.from_list:
        if args.file or args.outlet or args.published or args.title:
            raise OssetiaError(rel(args.from_list), "--from takes every article from the list; "
                                                    "give no FILE, --outlet, --published or --title with it")
        rows = add_articles(read_list(args.from_list), seeds=folder)
        for row in rows:
            print(f"added doc {row['doc_id']}: {rel(folder / row['file'])} ({row['outlet']}, {row['published']})")
        print(f"added {len(rows)} documents from {rel(args.from_list)}")
        return 0
    missing = [f"--{n}" for n in ("outlet", "published", "title") if not getattr(args, n)]
    if not args.file or missing:
        raise OssetiaError(None, "give FILE with --outlet, --published and --title, or --from LIST.csv"
                                 + (f" (missing {', '.join(missing)})" if args.file else ""))
    row = add_article(args.file, outlet=args.outlet, published=args.published, title=args.title,
                      url=args.url, byline=args.byline, genre=args.genre, language=args.language,
                      date_basis=args.date_basis, date_note=args.date_note, seeds=folder)
    print(f"added doc {row['doc_id']}: {rel(folder / row['file'])} ({row['outlet']}, {row['published']})")
    return 0


def _cmd_extract(args) -> int:
    from .extract import extract_claims

    folder = _workspace(args)
    extract_claims(folder).to_csv(sys.stdout, index=False, lineterminator="\n")
    return 0


def _cmd_review(args) -> int:
    from .curate import review_table, write_review

    folder = _workspace(args)
    df = review_table(folder, docs=args.doc or None)
    write_review(df, args.out)
    ids = list(dict.fromkeys(df["doc_id"]))
    docs = f"document{'s' if len(ids) != 1 else ''} {', '.join(ids) or 'none'}"
    print(f"wrote {len(df)} candidates for review to {rel(args.out)} ({docs}); "
          f"set decision to accept or reject, then run: ossetia accept {rel(args.out)}")
    return 0


def _cmd_accept(args) -> int:
    from .curate import ReviewProblems, accept_review

    folder = _workspace(args)
    try:
        res = accept_review(args.file, seeds=folder)
    except ReviewProblems as e:
        for line in e.lines:
            print(f"error: {line}", file=sys.stderr)
        return 1
    print(res.summary(rel(args.file)))
    return 0


def figures_out(seeds: str | Path | None, out: str | Path | None) -> Path:
    """Where ``ossetia figures`` writes: ``out`` if given; else the project's figures/ for the
    reference corpus and ``DIR/figures/`` for any other seeds folder (outputs go with their
    corpus: a workspace never writes the project's figures)."""
    if out is not None:
        return Path(out)
    folder = seeds_dir(seeds)
    return FIGURES_DIR if is_reference(folder) else folder / "figures"


def _cmd_figures(args) -> int:
    from .plots.export import export_figures

    folder = _workspace(args)
    out = figures_out(folder, args.out)
    written = export_figures(out=out, formats=args.format.split(","), only=args.only or None,
                             seeds=folder, preset=args.preset, bare=args.bare, svg_text=args.svg_text)
    print(f"wrote {len(written)} files to {rel(out)}")
    return 0


def _cmd_brief(args) -> int:
    from .brief import make_brief

    folder = _workspace(args)
    out = make_brief(args.out, only=args.only or None, seeds=folder)
    print(f"wrote {rel(out)}")
    return 0


def _cmd_notebooks(args) -> int:
    from .notebooks import run_for_workspace

    folder = _workspace(args)
    if is_reference(folder):
        raise OssetiaError(rel(folder), "is the reference corpus; its notebooks are re-executed in place "
                                        "with 'make notebooks' (python -m ossetia.notebooks run)")
    paths = run_for_workspace(folder, names=args.names or None)
    print(f"executed {len(paths)} notebooks against {rel(folder)} into {rel(folder / 'notebooks')}")
    return 0


def _cmd_archive(args) -> int:
    from .scaleout import write_archive

    out = write_archive(args.workspace, args.out, docs_per_part=args.docs_per_part)
    print(f"wrote archive {rel(out)} ({len(list(out.glob('part-*.parquet')))} parts)")
    return 0


def _cmd_stats(args) -> int:
    from .scaleout import archive_stats

    if not (args.labels or args.freq or args.kwic):
        raise OssetiaError(None, "nothing to compute: give --labels, --freq and/or --kwic PATTERN")
    res = archive_stats(args.archive, labels=args.labels, freq=args.freq, kwic=args.kwic,
                        scheduler=args.scheduler, workers=args.workers)
    for name, index in (("labels", True), ("freq", False), ("kwic", False)):
        if name in res:
            print(f"# {name}")
            res[name].to_csv(sys.stdout, index=index, lineterminator="\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="ossetia", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    def with_seeds(sp):
        sp.add_argument("--seeds", metavar="DIR", default=None,
                        help="seeds folder to use (default: $OSSETIA_SEEDS, else the project's seeds/)")
        return sp

    i = sub.add_parser("init", help="create a workspace: a copy of the reference corpus (or --empty)")
    i.add_argument("dir", metavar="DIR", help="a new (or empty) folder")
    i.add_argument("--empty", action="store_true",
                   help="no documents: manifest header, vocabularies, reference tables, empty evidence tables")
    i.set_defaults(func=_cmd_init)

    c = with_seeds(sub.add_parser("check", help="validate the seed files, the manifest and the evidence tables"))
    c.set_defaults(func=_cmd_check)

    a = with_seeds(sub.add_parser("add", help="add new articles to the seeds (copy, checksum, manifest row, new outlets)"))
    a.add_argument("file", nargs="?", default=None)
    a.add_argument("--from", dest="from_list", metavar="LIST.csv", default=None,
                   help="add every article of a list (columns file, outlet, published, title, url; "
                        "files relative to the list); all or nothing")
    a.add_argument("--outlet", default=None)
    a.add_argument("--published", default=None,
                   help="publication date: YYYY-MM-DD, or YYYY-MM / YYYY when only the month or year is known")
    a.add_argument("--title", default=None)
    a.add_argument("--url", default="")
    a.add_argument("--byline", default="")
    a.add_argument("--genre", default="news report")
    a.add_argument("--language", default="en")
    a.add_argument("--date-basis", default="stated", choices=["stated", "inferred"])
    a.add_argument("--date-note", default="")
    a.set_defaults(func=_cmd_add)

    e = with_seeds(sub.add_parser("extract", help="rule-based claim candidates as CSV on stdout"))
    e.set_defaults(func=_cmd_extract)

    r = with_seeds(sub.add_parser("review", help="write extractor candidates to a CSV for review (decision: accept/reject)"))
    r.add_argument("--doc", nargs="+", metavar="ID", help="documents to review (default: those with no curated claims)")
    r.add_argument("--out", required=True, metavar="FILE.csv")
    r.set_defaults(func=_cmd_review)

    ac = with_seeds(sub.add_parser("accept", help="anchor and add the accepted rows of a review file to claims.csv"))
    ac.add_argument("file", metavar="FILE.csv")
    ac.set_defaults(func=_cmd_accept)

    f = with_seeds(sub.add_parser("figures", help="export the briefing figures"))
    f.add_argument("--out", default=None,
                   help="output folder (default: the project's figures/ for the reference corpus, DIR/figures/ "
                        "for a workspace DIR)")
    f.add_argument("--format", default="png,svg,pdf")
    f.add_argument("--only", nargs="+", metavar="NAME")
    f.add_argument("--preset", default="print", metavar="PRESET",
                   help="print (each figure's own size, the default), slide (13.33 x 7.5 in, no text under 12 pt) "
                        "or memo (6.3 in column, no text under 7 pt); a figure too full for the size is split "
                        "into NAME-1, NAME-2 ...")
    f.add_argument("--bare", action="store_true",
                   help="leave out the built-in title and source line (they are in index.csv / README.md)")
    f.add_argument("--svg-text", default="text", metavar="MODE",
                   help="text: SVG text stays text (default); path: text drawn as outlines, for machines "
                        "without the DejaVu Sans font")
    f.set_defaults(func=_cmd_figures)

    b = with_seeds(sub.add_parser("brief", help="a briefing pack of the figures: PowerPoint deck or PDF memo"))
    b.add_argument("--out", default="brief.pptx", metavar="FILE",
                   help="FILE.pptx: one slide per figure, caption and quotes in the speaker notes (needs the "
                        "'brief' extra); FILE.pdf: a memo, one page per figure (default: brief.pptx)")
    b.add_argument("--only", nargs="+", metavar="NAME")
    b.set_defaults(func=_cmd_brief)

    n = with_seeds(sub.add_parser("notebooks", help="execute the notebooks against a workspace into DIR/notebooks/"))
    n.add_argument("names", nargs="*", metavar="NAME", help="only these notebooks (e.g. 01-corpus-and-sources)")
    n.set_defaults(func=_cmd_notebooks)

    ar = sub.add_parser("archive", help="write a workspace (folder with sources.csv) as partitioned Parquet (dask extra)")
    ar.add_argument("workspace")
    ar.add_argument("--out", required=True, metavar="A.parquet")
    ar.add_argument("--docs-per-part", type=int, default=2000)
    ar.set_defaults(func=_cmd_archive)

    st = sub.add_parser("stats", help="label rates, frequencies, KWIC over a Parquet archive on Dask (dask extra)")
    st.add_argument("archive")
    st.add_argument("--labels", action="store_true", help="label rates per voice (as framing.label_rates)")
    st.add_argument("--freq", action="store_true", help="token frequencies per outlet (as textstats.frequencies)")
    st.add_argument("--kwic", metavar="PATTERN", help="keyword in context (as textstats.kwic)")
    st.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler, e.g. tcp://host:8786 "
                    "(default: a local cluster on 127.0.0.1)")
    st.add_argument("--workers", type=int, default=2, help="workers of the local cluster (default 2)")
    st.set_defaults(func=_cmd_stats)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except OssetiaError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
