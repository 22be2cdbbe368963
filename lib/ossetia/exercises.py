"""Exercises with checkable answers: a student learns whether an answer is right without seeing it.

Answers are stored as salted SHA-256 digests of a canonical form (``data/exercises.csv``):
numbers are compared after rounding to the exercise's decimals, text without case and extra
spaces, sets in any order. Worked solutions live apart, in ``notebooks/solutions/``, and the
test suite checks every solution against its digest.

    python -m ossetia.exercises digest 03.1 94.56   # for authors: the digest of an answer
"""

from __future__ import annotations

import hashlib
import re
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


KINDS = ("number", "text", "set", "claim")
_CLAIM_ID = re.compile(r"C\d{3,}")


def _describe(answer) -> str:
    """What a student handed in, in words (never the expected answer)."""
    if isinstance(answer, bool):
        return f"True/False ({answer})"
    if isinstance(answer, str):
        return f"the text {answer[:40]!r}"
    if isinstance(answer, Number):
        return f"the number {answer!r}"
    shape = getattr(answer, "shape", None)
    kind = type(answer).__name__
    if shape is not None:
        return f"a {kind} of shape {tuple(shape)}" if len(shape) > 1 else f"a {kind} of {shape[0]} values"
    try:
        return f"a {kind} of {len(answer)} items"
    except TypeError:
        return f"a {kind}"


def form_problem(answer, kind: str) -> str | None:
    """Why ``answer`` does not have the form the exercise asks for (None when the form is right)."""
    if kind == "number":
        if isinstance(answer, bool) or not isinstance(answer, (Number, str)):
            size = getattr(answer, "size", None)
            if size == 1:
                return None  # a one-value Series/array: compared as its value
            return f"the answer is one number, and you gave {_describe(answer)}"
        if isinstance(answer, str):
            try:
                float(answer.replace(",", "").strip().rstrip("%"))
            except ValueError:
                return f"the answer is one number, and you gave {_describe(answer)}"
        return None
    if kind == "set":
        if isinstance(answer, (Number, bool)):
            return f"the answer is a list of names or ids, and you gave {_describe(answer)}"
        if getattr(answer, "ndim", 1) > 1:
            return f"the answer is a list (one column), and you gave {_describe(answer)}"
        return None
    if kind == "claim":
        if not isinstance(answer, str):
            return f"the answer is one claim id such as 'C044' (text), and you gave {_describe(answer)}"
        if not _CLAIM_ID.fullmatch(answer.strip().upper()):
            return f"the answer is one claim id such as 'C044', and you gave {_describe(answer)}"
        return None
    if kind == "text":
        return None if isinstance(answer, str) else f"the answer is a short text, and you gave {_describe(answer)}"
    raise ValueError(f"unknown answer kind {kind!r}; known: {', '.join(KINDS)}")


def canonical(answer, kind: str, decimals: int = 0) -> str:
    """The form an answer is compared in."""
    if kind == "number":
        if getattr(answer, "size", None) == 1 and not isinstance(answer, (str, Number)):
            answer = answer.squeeze() if hasattr(answer, "squeeze") else list(answer)[0]
            answer = answer.item() if hasattr(answer, "item") else answer
        if isinstance(answer, str):
            answer = float(answer.replace(",", "").strip().rstrip("%"))
        if isinstance(answer, bool) or not isinstance(answer, Number):
            raise TypeError("expected a number")
        return f"{round(float(answer), decimals):.{decimals}f}"
    if kind == "text":
        return " ".join(str(answer).casefold().split())
    if kind == "claim":
        return str(answer).strip().upper()
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
    if form_problem(answer, row["kind"]):
        return False
    try:
        return digest(exercise_id, answer) == row["digest"]
    except (TypeError, ValueError):
        return False


def _unknown_claim(answer) -> str | None:
    from .evidence import load_claims

    cid = str(answer).strip().upper()
    return None if cid in set(load_claims()["claim_id"]) else f"there is no claim {cid} in seeds/claims.csv"


def check(exercise_id: str, answer) -> None:
    """Print whether ``answer`` is right (never the answer itself). A wrong form (a table where
    one number is asked for, text that is not a number, a number where a list of ids is asked
    for) is named as such; a right form with a wrong value gets the exercise's hint."""
    row = _row(exercise_id)
    if answer is Ellipsis or answer is None:
        print(f"Exercise {exercise_id}: not answered yet (replace ... with your answer).")
        return
    form = form_problem(answer, row["kind"])
    if form is None and row["kind"] == "claim":
        form = _unknown_claim(answer)
    if form:
        print(f"Exercise {exercise_id}: not the right form: {form}.")
    elif is_correct(exercise_id, answer):
        print(f"Exercise {exercise_id}: correct.")
    else:
        extra = f" ({int(row['decimals'])} decimals)" if row["kind"] == "number" and row["decimals"] not in ("", "0") else ""
        print(f"Exercise {exercise_id}: the form is right, the {'value' if row['kind'] == 'number' else 'answer'} "
              f"is not yet{extra}. Hint: {row['hint']}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "digest":
        print(digest(sys.argv[2], sys.argv[3]))
    else:
        print(__doc__)
