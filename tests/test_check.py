"""`ossetia check`: one line per problem naming the file, exit 1; one summary line and exit 0 when clean."""

import os
import subprocess
import sys

import pytest

from ossetia.cli import main
from conftest import snapshot

DOC1 = "001_1a81dd5421d60a60.txt"
DOC2 = "002_10ffbf38920ab959.txt"


def run(capsys, *args):
    rc = main(list(args))
    out, err = capsys.readouterr()
    return rc, out, err


def test_reference_corpus_passes_check_with_a_one_line_summary(capsys, reference_default):
    rc, out, err = run(capsys, "check")
    assert rc == 0 and err == ""
    assert out.count("\n") == 1 and out.startswith("ok: seeds is consistent (5 documents")


def test_check_runs_from_any_directory_as_a_module(tmp_path):
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    r = subprocess.run([sys.executable, "-m", "ossetia", "check"], cwd=tmp_path, capture_output=True,
                       text=True, encoding="utf-8", env=env)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("ok: ")


def _edit_manifest(seeds, old, new):
    p = seeds / "sources.csv"
    text = p.read_text(encoding="utf-8")
    assert old in text
    p.write_text(text.replace(old, new, 1), encoding="utf-8", newline="")


CASES = {
    "missing file": (lambda s: (s / DOC1).unlink(),
                     f"{{s}}/{DOC1}: listed in {{s}}/sources.csv row 3 but missing"),
    "unlisted file": (lambda s: (s / "999_extra.txt").write_bytes(b"Some article text.\n"),
                      "{s}/999_extra.txt: is in the seeds folder but not listed in sources.csv"),
    "checksum drift": (lambda s: (s / DOC1).write_bytes((s / DOC1).read_bytes() + b" "),
                       f"{{s}}/{DOC1}: checksum drift: sha256 is "),
    "latin-1": (lambda s: (s / DOC2).write_bytes("Caf\u00e9 news".encode("latin-1")),
                f"{{s}}/{DOC2}: is not valid UTF-8 (byte 0xe9 at offset 3); re-save it as UTF-8"),
    "empty": (lambda s: (s / DOC2).write_bytes(b""), f"{{s}}/{DOC2}: is empty"),
    "ambiguous date": (lambda s: _edit_manifest(s, "2008-03-05,stated", "5/3/2008,stated"),
                       "{s}/sources.csv: row 3 (doc 001): published date '5/3/2008' is ambiguous "
                       "(day/month or month/day?); write it as YYYY-MM-DD"),
    "outside path": (lambda s: _edit_manifest(s, f"001,{DOC1}", "001,../" + DOC1),
                     f"{{s}}/sources.csv: row 3 (doc 001): file '../{DOC1}' points outside the seeds folder; give a plain file name"),
}


@pytest.mark.parametrize("case", CASES)
def test_each_problem_is_one_line_naming_the_file(case, seeds_copy, capsys):
    damage, expected = CASES[case]
    damage(seeds_copy)
    before = snapshot(seeds_copy)
    rc, out, err = run(capsys, "check", "--seeds", str(seeds_copy))
    assert rc == 1 and out == ""
    lines = err.splitlines()
    want = expected.format(s=seeds_copy.as_posix())
    assert any(ln.startswith(want) for ln in lines), lines
    assert snapshot(seeds_copy) == before  # check never writes


def test_duplicate_text_is_reported(seeds_copy, capsys):
    from ossetia.manifest import sha256
    data = (seeds_copy / DOC2).read_bytes()
    (seeds_copy / "005_dup.txt").write_bytes(data)
    with open(seeds_copy / "sources.csv", "a", encoding="utf-8", newline="") as fh:
        fh.write(f"005,005_dup.txt,{sha256(data)},VOA,Dup,,2006-11-13,stated,,news,,en,\n")
    rc, out, err = run(capsys, "check", "--seeds", str(seeds_copy))
    assert rc == 1
    assert f"{seeds_copy.as_posix()}/005_dup.txt: the same file as {DOC2} (duplicate text)" in err.splitlines()


def test_load_corpus_raises_the_same_one_line_error(seeds_copy):
    from ossetia import OssetiaError, load_corpus
    (seeds_copy / DOC1).unlink()
    with pytest.raises(OssetiaError, match=r"001_1a81dd5421d60a60\.txt: listed in .*sources\.csv row 3 but missing$"):
        load_corpus(seeds_copy)
