"""The ``ossetia`` command line. Every subcommand takes ``--seeds DIR`` (default: the project's seeds/)."""

from __future__ import annotations

import argparse
import sys

from .errors import OssetiaError
from .paths import rel, seeds_dir


def _cmd_check(args) -> int:
    from .check import run_check

    errs, counts = run_check(args.seeds)
    for e in errs:
        print(e, file=sys.stderr)
    if errs:
        return 1
    what = ", ".join(f"{v} {k}" for k, v in counts.items())
    print(f"ok: {rel(seeds_dir(args.seeds))} is consistent ({what})")
    return 0


def _cmd_add(args) -> int:
    from .add import add_article

    row = add_article(args.file, outlet=args.outlet, published=args.published, title=args.title,
                      url=args.url, byline=args.byline, genre=args.genre, language=args.language,
                      date_basis=args.date_basis, date_note=args.date_note, seeds=args.seeds)
    print(f"added doc {row['doc_id']}: {rel(seeds_dir(args.seeds) / row['file'])} ({row['outlet']}, {row['published']})")
    return 0


def _cmd_extract(args) -> int:
    from .extract import extract_claims

    extract_claims(args.seeds).to_csv(sys.stdout, index=False, lineterminator="\n")
    return 0


def _cmd_review(args) -> int:
    from .curate import review_table, write_review

    df = review_table(args.seeds, docs=args.doc or None)
    write_review(df, args.out)
    docs = ", ".join(dict.fromkeys(df["doc_id"])) or "none"
    print(f"wrote {len(df)} candidates for review to {rel(args.out)} (documents {docs}); "
          f"set decision to accept or reject, then run: ossetia accept {rel(args.out)}")
    return 0


def _cmd_accept(args) -> int:
    from .curate import ReviewProblems, accept_review

    try:
        res = accept_review(args.file, seeds=args.seeds)
    except ReviewProblems as e:
        for line in e.lines:
            print(f"error: {line}", file=sys.stderr)
        return 1
    print(res.summary(rel(args.file)))
    return 0


def _cmd_figures(args) -> int:
    from .plots.export import export_figures

    written = export_figures(out=args.out, formats=args.format.split(","), only=args.only or None,
                             seeds=args.seeds)
    print(f"wrote {len(written)} files to {rel(args.out) if args.out else 'figures/'}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="ossetia", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    def with_seeds(sp):
        sp.add_argument("--seeds", metavar="DIR", default=None,
                        help="seeds folder to use (default: the project's seeds/)")
        return sp

    c = with_seeds(sub.add_parser("check", help="validate the seed files, the manifest and the evidence tables"))
    c.set_defaults(func=_cmd_check)

    a = with_seeds(sub.add_parser("add", help="add a new article to the seeds (copy, checksum, manifest row)"))
    a.add_argument("file")
    a.add_argument("--outlet", required=True)
    a.add_argument("--published", required=True, help="publication date, YYYY-MM-DD")
    a.add_argument("--title", required=True)
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
    f.add_argument("--out", default=None, help="output folder (default: the project's figures/)")
    f.add_argument("--format", default="png,svg,pdf")
    f.add_argument("--only", nargs="+", metavar="NAME")
    f.set_defaults(func=_cmd_figures)
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
