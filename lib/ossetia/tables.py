"""Reading the project's CSV tables strictly, with one-line errors that name the file."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from .errors import OssetiaError
from .fileio import read_text
from .paths import rel


def read_table(path: str | Path, required: list[str]) -> pd.DataFrame:
    """Read a UTF-8 CSV as strings. Accepts a BOM and CRLF line ends (as Excel saves them);
    refuses a semicolon-separated file, missing columns and ragged rows, naming the file."""
    path = Path(path)
    name = rel(path)
    if not path.exists():
        raise OssetiaError(name, "file not found")
    text = read_text(path)
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise OssetiaError(name, "is empty")
    header = text.splitlines()[0]
    if ";" in header and "," not in header:
        raise OssetiaError(name, "is separated by semicolons (as Excel saves CSV in some locales); "
                                 "save it as comma-separated UTF-8 CSV")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    head = [h.strip() for h in rows[0]]
    missing = [c for c in required if c not in head]
    if missing:
        raise OssetiaError(name, f"missing column(s): {', '.join(missing)}")
    dup = sorted({h for h in head if head.count(h) > 1})
    if dup:
        raise OssetiaError(name, f"duplicate column(s): {', '.join(dup)}")
    body = []
    for i, r in enumerate(rows[1:], start=2):
        if not r or all(not c.strip() for c in r):
            continue
        if len(r) != len(head):
            raise OssetiaError(name, f"row {i} has {len(r)} fields, the header has {len(head)}")
        body.append(r)
    return pd.DataFrame(body, columns=head, dtype=str)
