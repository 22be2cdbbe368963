"""Strict reading of text files and CSV tables (one-line errors that name the file), and atomic
writing: a file is the old one or the complete new one."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import tempfile
from pathlib import Path

import pandas as pd

from .errors import OssetiaError
from .paths import rel


def decode_text(data: bytes, file: str | Path) -> str:
    """Decode bytes as strict UTF-8, keeping every character (a BOM and CR stay, so offsets
    into the returned string are offsets into the file's text). Refuses what is not text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise OssetiaError(file, "is UTF-16 encoded; save it as UTF-8")
    if b"\x00" in data:
        even, odd = data[0::2], data[1::2]
        if len(data) >= 4 and (odd.count(0) > 0.4 * len(odd) or even.count(0) > 0.4 * len(even)):
            raise OssetiaError(file, "looks UTF-16 encoded (every other byte is NUL); save it as UTF-8")
        raise OssetiaError(file, "contains NUL bytes; it is binary, not a text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise OssetiaError(
            file,
            f"is not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); "
            "re-save it as UTF-8",
        ) from None


def read_bytes(path: str | os.PathLike) -> bytes:
    """A file's bytes, with the operating system's calls alone (no buffered file object: a
    third of the cost of ``open(path, "rb").read()`` for the many small files of a corpus).
    Raises OSError as ``open`` does."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        data = os.read(fd, os.fstat(fd).st_size + 1)
        more = [data]
        while more[-1]:  # (to the end of the file, however large it has become)
            more.append(os.read(fd, 1 << 20))
    finally:
        os.close(fd)
    return data if len(more) == 2 else b"".join(more)  # (no copy of the usual single read)


def read_text(path: str | Path) -> str:
    """Read a text file exactly as stored (strict UTF-8, no newline translation)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise OssetiaError(path, "file not found") from None
    except IsADirectoryError:
        raise OssetiaError(path, "is a folder, not a file") from None
    except OSError as e:
        raise OssetiaError(path, f"cannot be read ({e.strerror})") from None
    return decode_text(data, path)


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and an atomic rename."""
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise OssetiaError(path.parent, f"cannot write here ({e.strerror})") from None
    try:
        os.chmod(tmp, _file_mode(path))
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _file_mode(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual rw-r--r-- (less umask)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write text as UTF-8 with LF line ends, atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


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
