"""Workspaces: `ossetia init`, OSSETIA_SEEDS, outputs that go with their corpus, clear errors on
folders missing a part, ids past 999, and a corpus of 1,500 documents."""

import csv
import io
import shutil

import pytest

from conftest import snapshot
from ossetia import ids
from ossetia.cli import main
from ossetia.paths import FIGURES_DIR, SEEDS_DIR


def run(capsys, *args):
    rc = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return rc, out, err


def test_init_copies_the_reference_corpus_and_check_accepts_it(tmp_path, capsys):
    w = tmp_path / "W"
    rc, out, err = run(capsys, "init", w)
    assert rc == 0, err
    for p in SEEDS_DIR.rglob("*"):
        if p.is_file():
            assert (w / p.relative_to(SEEDS_DIR)).read_bytes() == p.read_bytes()
    assert (w / "vocab" / "normalise_rules.csv").read_text(encoding="utf-8").startswith("rule_id,outlet,role")
    rc, out, err = run(capsys, "check", "--seeds", w)
    assert rc == 0 and out.startswith(f"ok: {w.as_posix()} is consistent (")


def test_init_empty_has_vocabularies_and_empty_tables(tmp_path, capsys):
    from ossetia import load_corpus
    from ossetia.workspace import init_workspace

    w = init_workspace(tmp_path / "E", empty=True)
    assert not list(w.glob("*.txt"))
    for name in ("sources.csv", "claims.csv", "numbers.csv"):
        assert (w / name).read_text(encoding="utf-8").count("\n") == 1  # the header only
    assert (w / "vocab" / "actors.csv").read_bytes() == (SEEDS_DIR / "vocab" / "actors.csv").read_bytes()
    assert run(capsys, "check", "--seeds", w)[0] == 0
    assert load_corpus(w).empty


@pytest.mark.parametrize("make", ["file", "folder with a file"])
def test_init_refuses_a_folder_that_is_not_empty(make, tmp_path, capsys):
    w = tmp_path / "W"
    if make == "file":
        w.write_text("x", encoding="utf-8")
    else:
        w.mkdir()
        (w / "notes.txt").write_text("mine", encoding="utf-8")
    before = snapshot(tmp_path)
    rc, out, err = run(capsys, "init", w)
    assert rc == 1 and out == ""
    assert err == f"error: {w.as_posix()}: already exists and is not an empty folder; choose a new folder\n"
    assert snapshot(tmp_path) == before and not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_init_into_an_existing_empty_folder(tmp_path, capsys):
    (tmp_path / "W").mkdir()
    assert run(capsys, "init", tmp_path / "W", "--empty")[0] == 0
    assert (tmp_path / "W" / "sources.csv").is_file()


def _without(w, part):
    p = w / part
    shutil.rmtree(p) if p.is_dir() else p.unlink()


@pytest.mark.parametrize("command", ["check", "extract", "figures", "add", "notebooks", "review"])
@pytest.mark.parametrize("part", ["vocab", "claims.csv", "sources.csv", "numbers.csv", "reference",
                                  "vocab/actors.csv"])
def test_every_command_names_what_a_folder_lacks_in_one_line(command, part, seeds_copy, tmp_path, capsys):
    _without(seeds_copy, part)
    before = snapshot(seeds_copy)
    extra = {"add": [SEEDS_DIR / "002_10ffbf38920ab959.txt", "--outlet", "X", "--published", "2020-01-01",
                     "--title", "T"], "review": ["--out", tmp_path / "r.csv"],
             "figures": ["--out", tmp_path / "figs"]}.get(command, [])
    rc, out, err = run(capsys, command, *extra, "--seeds", seeds_copy)
    assert rc == 1 and out == ""
    shown = part if part.endswith(".csv") else part + "/"
    assert err.count("\n") == 1 and err.startswith(f"error: {seeds_copy.as_posix()}: is not a complete seeds folder: missing ")
    assert shown in err.split("missing ", 1)[1]
    assert snapshot(seeds_copy) == before and not (tmp_path / "figs").exists()


def test_a_folder_that_does_not_exist_is_one_line(tmp_path, capsys):
    rc, out, err = run(capsys, "extract", "--seeds", tmp_path / "nowhere")
    assert rc == 1 and err == f"error: {(tmp_path / 'nowhere').as_posix()}: seeds folder not found (make one with 'ossetia init DIR')\n"


def test_figures_of_a_workspace_go_into_the_workspace(tmp_path, capsys, reference_default):
    from ossetia.cli import figures_out

    w = tmp_path / "W"
    assert run(capsys, "init", w)[0] == 0
    before = snapshot(FIGURES_DIR)
    rc, out, err = run(capsys, "figures", "--seeds", w, "--only", "corpus-timeline", "--format", "png")
    assert rc == 0, err
    assert out.endswith(f"to {(w / 'figures').as_posix()}\n")
    assert (w / "figures" / "corpus-timeline.png").is_file()
    assert snapshot(FIGURES_DIR) == before
    assert figures_out(None, None) == FIGURES_DIR  # only the reference corpus writes figures/
    assert figures_out(w, tmp_path / "x") == tmp_path / "x"


def test_ossetia_seeds_sets_the_default_folder(tmp_path, capsys, monkeypatch):
    from ossetia import load_corpus
    from ossetia.paths import seeds_dir

    w = tmp_path / "W"
    assert run(capsys, "init", w, "--empty")[0] == 0
    monkeypatch.setenv("OSSETIA_SEEDS", str(w))
    assert seeds_dir() == w and load_corpus().empty
    rc, out, err = run(capsys, "check")
    assert rc == 0 and out.startswith(f"ok: {w.as_posix()} is consistent (0 documents")
    monkeypatch.setenv("OSSETIA_SEEDS", "")
    assert seeds_dir() == SEEDS_DIR


def test_notebooks_refuse_to_rewrite_the_reference_corpus(capsys, reference_default):
    rc, out, err = run(capsys, "notebooks")
    assert rc == 1 and "is the reference corpus" in err and err.count("\n") == 1


# -- ids -------------------------------------------------------------------------------------

def test_ids_order_by_number_past_999():
    assert ids.sorted_ids(["1000", "999", "000", "010"]) == ["000", "010", "999", "1000"]
    assert ids.sorted_ids(["C1000", "C999", "C001"]) == ["C001", "C999", "C1000"]
    assert ids.next_id(["000", "999"]) == "1000" and ids.next_id([], "C", 1) == "C001"
    assert ids.is_id("1000") and ids.is_id("C1500", "C")
    assert not ids.is_id("0001") and not ids.is_id("01") and not ids.is_id("C01", "C") and not ids.is_id("1000", "C")


def test_claim_and_number_ids_past_999_pass_check(seeds_copy, capsys):
    for name, pre in (("claims.csv", "C"), ("numbers.csv", "N")):
        p = seeds_copy / name
        rows = list(csv.reader(io.StringIO(p.read_text(encoding="utf-8"), newline="")))
        rows[1][0] = f"{pre}1000"
        rows[2][0] = f"{pre}12345"
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(rows)
        p.write_text(buf.getvalue(), encoding="utf-8", newline="")
    rc, out, err = run(capsys, "check", "--seeds", seeds_copy)
    assert rc == 0, err
    p = seeds_copy / "claims.csv"
    p.write_text(p.read_text(encoding="utf-8").replace("\nC1000,", "\nC01000,", 1), encoding="utf-8", newline="")
    rc, out, err = run(capsys, "check", "--seeds", seeds_copy)
    assert rc == 1 and "claim_id 'C01000' is not like C001" in err


def _synthetic(folder, n, first_id=0):
    """A workspace (empty init) with ``n`` small distinct documents, written directly."""
    from ossetia.manifest import COLUMNS, sha256
    from ossetia.workspace import init_workspace

    init_workspace(folder, empty=True)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for k in range(first_id, first_id + n):
        did = ids.format_id(k)
        data = (f"Report {k}\n\nOfficials said on day {k} that South Ossetia is not recognised "
                f"by most states. Observer {k * 7919 % 104729} agreed.\n").encode("utf-8")
        name = f"{did}_{sha256(data)[:16]}.txt"
        (folder / name).write_bytes(data)
        w.writerow([did, name, sha256(data), f"Outlet {k % 7}", f"Report {k}", "", f"20{10 + k % 10}-0{1 + k % 9}-1{k % 10}",
                    "stated", "", "news report", "", "en", ""])
    (folder / "sources.csv").write_text(buf.getvalue(), encoding="utf-8", newline="")
    return folder


def test_a_workspace_of_1500_documents_passes_check_and_loads_in_id_order(tmp_path, capsys):
    from ossetia import load_corpus

    w = _synthetic(tmp_path / "W", 1500)
    rc, out, err = run(capsys, "check", "--seeds", w)
    assert rc == 0, err
    assert out.startswith(f"ok: {w.as_posix()} is consistent (1500 documents")
    corpus = load_corpus(w)
    assert len(corpus) == 1500
    assert list(corpus["doc_id"][998:1002]) == ["998", "999", "1000", "1001"]
    assert corpus["doc_id"].iloc[-1] == "1499"


def test_add_continues_past_999(tmp_path, capsys):
    w = _synthetic(tmp_path / "W", 3, first_id=998)
    art = tmp_path / "a.txt"
    art.write_text("A new text about South Ossetia.\n", encoding="utf-8")
    rc, out, err = run(capsys, "add", art, "--outlet", "Outlet 1", "--published", "2020-01-01", "--title", "T",
                       "--seeds", w)
    assert rc == 0, err
    assert out.startswith("added doc 1001: ")
