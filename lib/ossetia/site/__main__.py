"""``python -m ossetia.site [OUT]``: build the reading site (default ``site/``)."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import OssetiaError


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0
    from .build import SITE_DIR, build

    try:
        report = build(Path(argv[0]) if argv else SITE_DIR)
    except OssetiaError as e:
        print(f"ossetia site: {e}", file=sys.stderr)
        return 1
    for w in report.warnings:
        print(w, file=sys.stderr)
    print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
