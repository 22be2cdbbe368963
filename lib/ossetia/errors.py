"""One error type whose message is one line naming the file and the problem."""

from __future__ import annotations

from pathlib import Path


class OssetiaError(Exception):
    """A problem with an input file, reported as ``<file>: <problem>`` on one line."""

    def __init__(self, file: str | Path | None, problem: str):
        self.file = None if file is None else str(Path(file).as_posix())
        self.problem = " ".join(str(problem).split())  # always one line
        super().__init__(self.problem if self.file is None else f"{self.file}: {self.problem}")
