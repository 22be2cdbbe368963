"""Exercises with checkable answers: a student learns whether an answer is right without seeing it.

Answers are stored as salted SHA-256 digests of a canonical form (``data/exercises.csv``):
numbers are compared after rounding to the exercise's decimals, text without case and extra
spaces, sets in any order. Worked solutions live apart, in ``notebooks/solutions/``, and the
test suite checks every solution against its digest.

    python -m ossetia.exercises digest 03.1 94.56   # for authors: the digest of an answer
"""

from __future__ import annotations

import hashlib
import sys
from numbers import Number

from .paths import DATA_DIR
from .fileio import read_table

EXERCISES = DATA_DIR / "exercises.csv"


def table():
    """All exercises: id, notebook, question, kind, decimals, digest, hint."""
    return read_table(EXERCISES, ["exercise_id", "notebook", "question", "kind", "decimals", "digest", "hint"])


def _row(exercise_id: str) -> dict:
    t = table()
    hit = t[t["exercise_id"] == exercise_id]
    if hit.empty:
        raise KeyError(f"no exercise {exercise_id!r}; known: {', '.join(t['exercise_id'])}")
    return hit.iloc[0].to_dict()


def canonical(answer, kind: str, decimals: int = 0) -> str:
    """The form an answer is compared in."""
    if kind == "number":
        if isinstance(answer, str):
            answer = float(answer.replace(",", "").strip().rstrip("%"))
        if not isinstance(answer, Number):
            raise TypeError("expected a number")
        return f"{round(float(answer), decimals):.{decimals}f}"
    if kind == "text":
        return " ".join(str(answer).casefold().split())
    if kind == "set":
        items = [answer] if isinstance(answer, str) else list(answer)
        return "|".join(sorted({" ".join(str(a).casefold().split()) for a in items}))
    raise ValueError(f"unknown answer kind {kind!r}")


def digest(exercise_id: str, answer, kind: str | None = None, decimals: int | None = None) -> str:
    row = _row(exercise_id) if kind is None else {"kind": kind, "decimals": decimals or 0}
    canon = canonical(answer, row["kind"], int(row["decimals"] or 0))
    return hashlib.sha256(f"ossetia:{exercise_id}:{canon}".encode("utf-8")).hexdigest()


def is_correct(exercise_id: str, answer) -> bool:
    row = _row(exercise_id)
    try:
        return digest(exercise_id, answer) == row["digest"]
    except (TypeError, ValueError):
        return False


def check(exercise_id: str, answer) -> None:
    """Print whether ``answer`` is right (never the answer itself)."""
    row = _row(exercise_id)
    if answer is Ellipsis or answer is None:
        print(f"Exercise {exercise_id}: not answered yet (replace ... with your answer).")
    elif is_correct(exercise_id, answer):
        print(f"Exercise {exercise_id}: correct.")
    else:
        extra = f" ({int(row['decimals'])} decimals)" if row["kind"] == "number" and row["decimals"] not in ("", "0") else ""
        print(f"Exercise {exercise_id}: not yet{extra}. Hint: {row['hint']}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "digest":
        print(digest(sys.argv[2], sys.argv[3]))
    else:
        print(__doc__)
