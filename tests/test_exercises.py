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
    assert out.startswith("Exercise 03.2: the form is right, the value is not yet. Hint: ")
    assert "1710" not in out and "1,710" not in out
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


def test_check_names_a_wrong_form_apart_from_a_wrong_value(capsys):
    import pandas as pd
    from ossetia.exercises import form_problem
    check("03.2", "many")
    assert "not the right form: the answer is one number, and you gave the text 'many'" in capsys.readouterr().out
    check("03.2", pd.Series([1, 2, 3]))
    assert "one number, and you gave a Series of 3 values" in capsys.readouterr().out
    check("03.3", 70)
    assert "one claim id such as 'C044' (text), and you gave the number 70" in capsys.readouterr().out
    check("03.3", "C999")
    assert "there is no claim C999 in seeds/claims.csv" in capsys.readouterr().out
    check("04.2", 2)
    assert "a list of names or ids, and you gave the number 2" in capsys.readouterr().out
    check("04.2", ["C001"])
    assert "the form is right, the answer is not yet" in capsys.readouterr().out
    assert form_problem(pd.Series([1710]), "number") is None  # a one-value Series is its value
    assert is_correct("03.2", pd.Series([1710.0]))


def test_the_hint_of_03_2_works_on_the_reference_table():
    """Following the hint (registered voters minus votes cast) must not raise: values are numbers."""
    from ossetia.evidence import load_reference
    r = load_reference("referendum_results")
    v = r[r["referendum"] == "referendum_1992"].set_index("measure")["value"]
    assert is_correct("03.2", v["registered_voters"] - v["votes_cast"])


def test_every_notebook_asks_for_more_than_a_number_at_least_once():
    for nb in {p.stem for p in notebook_paths()}:
        kinds = set(EX.loc[EX["notebook"] == nb, "kind"])
        assert kinds - {"number"}, f"{nb}: every exercise asks for one number"


def test_no_two_exercises_ask_the_same_question():
    assert EX["question"].is_unique and EX["hint"].is_unique
