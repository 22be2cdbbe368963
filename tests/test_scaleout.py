"""`ossetia archive` + `ossetia stats` on Dask give the tables of the in-memory verbs."""

import sys

import pytest
from pandas.testing import assert_frame_equal

from ossetia import load_corpus
from ossetia.bench import make_workspace
from ossetia.cli import main
from ossetia.framing import label_rates
from ossetia.paths import SEEDS_DIR
from ossetia.textstats import frequencies, kwic, tokens

PATTERN = r"\b(?:breakaway|separatists?|Kosovo)\b|Pandora's box"


def _dask():
    for m in ("dask.distributed", "pyarrow.parquet"):
        pytest.importorskip(m, reason="the dask extra is not installed (pip install -e '.[dask]')")


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    _dask()
    w = make_workspace(60, tmp_path_factory.mktemp("ws") / "w")
    # a rule of the workspace's own (it must travel with the archive): "Report" dropped from
    # the report lines
    (w / "vocab" / "normalise_rules.csv").write_text(
        "rule_id,outlet,role,where,pattern,description\n"
        "ws-report,*,heading,any,Report (?P<body>\\d+ from .*),synthetic report line\n", encoding="utf-8")
    a = w.with_name("a.parquet")
    assert main(["archive", str(w), "--out", str(a), "--docs-per-part", "16"]) == 0
    return w, a


def test_stats_on_a_two_worker_local_cluster_equal_the_in_memory_verbs(sample):
    from ossetia.scaleout import archive_stats

    w, a = sample
    assert len(list(a.glob("part-*.parquet"))) == 4  # 60 documents, 16 a part
    got = archive_stats(a, labels=True, freq=True, kwic=PATTERN, workers=2)
    c = load_corpus(w)
    assert_frame_equal(got["labels"], label_rates(c, by="voice"))  # an archive pools by voice
    assert_frame_equal(got["freq"], frequencies(tokens(c)))
    assert_frame_equal(got["kwic"], kwic(c, PATTERN))
    assert len(got["kwic"]) > 60 and got["freq"]["count"].sum() == len(tokens(c))
    report = got["freq"].loc[got["freq"]["token"] == "report", "count"].sum()
    assert report < 60  # the workspace rule applied on the workers (else 60 + the seeds' own)
    assert len(got["worker_peak_bytes"]) == 4 and min(got["worker_peak_bytes"]) > 0


def test_the_seeds_archive_and_the_cli_tables(tmp_path, capsys):
    _dask()
    a = tmp_path / "seeds.parquet"
    assert main(["archive", str(SEEDS_DIR), "--out", str(a)]) == 0
    capsys.readouterr()
    assert main(["stats", str(a), "--labels", "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# labels\n") and "# freq" not in out
    rates = label_rates(load_corpus(), by="voice")
    assert out.splitlines()[1] == "label," + ",".join(rates.columns)
    # writing again replaces the archive whole
    assert main(["archive", str(SEEDS_DIR), "--out", str(a)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seeds.parquet"]


@pytest.mark.parametrize("argv, says", [
    (["stats", "{tmp}/missing.parquet", "--freq"], "archive not found"),
    (["stats", "{tmp}/empty", "--freq"], "holds no part-*.parquet"),
    (["stats", "{tmp}/empty", "--kwic", "("], "is not a regular expression"),
    (["stats", "{tmp}/empty"], "nothing to compute"),
    (["archive", "{tmp}/nowhere", "--out", "{tmp}/x.parquet"], "seeds folder not found"),
    (["archive", "{seeds}", "--out", "{tmp}/file.txt"], "exists and is not an archive"),
])
def test_bad_input_is_one_line_and_exit_1(tmp_path, capsys, argv, says):
    (tmp_path / "empty").mkdir()
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    if "kwic" in argv or argv[0] == "archive":
        _dask()
    rc = main([x.format(tmp=tmp_path, seeds=SEEDS_DIR) for x in argv])
    err = capsys.readouterr().err
    assert rc == 1 and says in err and err.count("\n") == 1, err
    assert (tmp_path / "file.txt").read_text(encoding="utf-8") == "x"
    assert not (tmp_path / "x.parquet").exists()


def test_without_the_extra_one_line_says_how_to_install_it(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    rc = main(["archive", str(tmp_path), "--out", str(tmp_path / "a.parquet")])
    err = capsys.readouterr().err
    assert rc == 1 and "needs the dask extra" in err and err.count("\n") == 1
