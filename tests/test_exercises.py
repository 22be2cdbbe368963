"""Exercises: the check tells right from wrong without revealing; every worked solution passes."""

import importlib.util

import pytest

from ossetia.exercises import check, is_correct, table
from ossetia.notebooks import notebook_paths
from ossetia.paths import NOTEBOOKS_DIR

spec = importlib.util.spec_from_file_location("solutions", NOTEBOOKS_DIR / "solutions" / "solutions.py")
solutions = importlib.util.module_from_spec(spec)
spec.loader.exec_module(solutions)
EX = table()


@pytest.fixture(autouse=True)
def _reference(reference_default):
    """The answer key is the reference corpus's: solutions run on seeds/, whatever $OSSETIA_SEEDS says."""


@pytest.mark.parametrize("ex_id", list(EX["exercise_id"]))
def test_each_worked_solution_passes_its_check(ex_id):
    assert ex_id in solutions.SOLUTIONS, f"no solution for {ex_id}"
    assert is_correct(ex_id, solutions.SOLUTIONS[ex_id]())


def test_wrong_answers_fail_and_the_message_does_not_leak_the_answer(capsys):
    assert not is_correct("03.2", 53441)     # votes cast, not the voters who stayed away
    assert is_correct("03.2", "1,710")        # formats a student may type are accepted
    assert is_correct("01.2", " 5 ") and is_correct("01.2", 5.0)
    assert not is_correct("01.2", 4)
    assert not is_correct("03.2", "many")     # not a number: wrong, not a crash
    check("03.2", 53441)
    out = capsys.readouterr().out
    assert out.startswith("Exercise 03.2: not yet. Hint: ") and "1710" not in out and "1,710" not in out
    check("03.2", ...)
    assert capsys.readouterr().out == "Exercise 03.2: not answered yet (replace ... with your answer).\n"


def test_canonical_forms_round_numbers_and_ignore_order_and_case():
    from ossetia.exercises import canonical
    assert canonical("94.561%", "number", 2) == canonical(94.56, "number", 2) == "94.56"
    assert canonical(["VOA", " reuters"], "set") == canonical({"Reuters", "voa"}, "set")
    assert canonical("Condoleezza  RICE", "text") == "condoleezza rice"


def test_every_notebook_has_two_or_three_exercises_and_each_exercise_a_notebook():
    names = {p.stem for p in notebook_paths()}
    assert set(EX["notebook"]) <= names | {"06-framing-and-naming"}
    for nb in names:
        n = (EX["notebook"] == nb).sum()
        assert 2 <= n <= 3, f"{nb}: {n} exercises"


def test_exercise_cells_in_notebooks_call_check_with_known_ids():
    import json
    import re
    ids = set(EX["exercise_id"])
    for p in notebook_paths():
        src = "".join("".join(c["source"]) for c in json.loads(p.read_text(encoding="utf-8"))["cells"]
                      if c["cell_type"] == "code")
        used = set(re.findall(r"check\(\"(\d\d\.\d)\"", src))
        assert used == set(EX.loc[EX["notebook"] == p.stem, "exercise_id"]), p.name
        assert used <= ids


def test_the_committed_answer_key_is_current():
    committed = (NOTEBOOKS_DIR / "solutions" / "ANSWERS.md").read_text(encoding="utf-8")
    assert committed == solutions.answer_key(), "run: python notebooks/solutions/solutions.py --markdown > notebooks/solutions/ANSWERS.md"
