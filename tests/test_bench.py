"""The benchmark's workspaces, child measurements and README section (the timing itself is
`make bench`, not a test)."""

import pytest

from ossetia import bench, load_corpus


def test_synthetic_workspaces_load_past_doc_999_and_no_two_documents_are_alike(tmp_path):
    w = bench.make_workspace(1001, tmp_path / "w")
    c = load_corpus(w)
    assert len(c) == 1001 and c["doc_id"].iloc[-1] == "1000" and c["doc_id"].is_unique
    assert c["raw"].is_unique and c["text"].is_unique
    assert set(c["outlet"]) == set(load_corpus()["outlet"])


def test_a_child_measures_the_public_call_in_its_own_process(tmp_path):
    w = bench.make_workspace(30, tmp_path / "w")
    r = bench.measure("tokens", w)
    assert r["seconds"] > 0 and r["cpu"] > 0 and r["peak_bytes"] >= 0 and r["load"] >= 0
    assert "error" in bench.measure("tokens", tmp_path / "missing")


def test_the_readme_section_is_rewritten_from_the_output(tmp_path, monkeypatch):
    readme = tmp_path / "README.md"
    readme.write_text(f"intro\n{bench.MARK[0]}\nold numbers\n{bench.MARK[1]}\nafter\n", encoding="utf-8")
    monkeypatch.setattr(bench, "README", readme)
    res = {1000: {"tokens": {"seconds": 2.0, "cpu": 1.0}, "countvec": {"seconds": 1.0, "cpu": 1.0}},
           10000: {"tokens": {"seconds": 25.0, "cpu": 12.0}, "countvec": {"seconds": 10.0, "cpu": 10.0}}}
    notes = bench._ratios(res, [1000, 10000])
    assert notes[0].startswith("- Throughput, `load_corpus` + `tokens` + `frequencies` vs CountVectorizer")
    assert "1,000: 0.50 ×" in notes[0] and "10,000: 0.40 ×" in notes[0]
    assert "1.25 ×" in notes[-1]  # per-document cost, 10k vs 1k
    from datetime import datetime, timezone
    bench._write_readme(["| a |", "|---|"], notes, datetime(2026, 1, 2, 3, 4, tzinfo=timezone.utc))
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("intro\n" + bench.MARK[0]) and text.endswith(bench.MARK[1] + "\nafter\n")
    assert "old numbers" not in text and "Run of 2026-01-02 03:04 UTC" in text and "| a |" in text


@pytest.mark.parametrize("kind", ["load", "kwic"])
def test_every_measurement_runs(tmp_path, kind):
    w = bench.make_workspace(12, tmp_path / "w")
    assert "seconds" in bench.measure(kind, w)


def test_skip_leaves_out_a_kind_at_one_size_and_says_so(tmp_path, monkeypatch, capsys):
    assert bench.main(["--skip", "nonsense@10", "--sizes", "10"]) == 1
    assert "--skip nonsense@10: not a measurement" in capsys.readouterr().err
    readme = tmp_path / "README.md"
    readme.write_text(f"{bench.MARK[0]}\n{bench.MARK[1]}\n", encoding="utf-8")
    monkeypatch.setattr(bench, "README", readme)
    monkeypatch.setattr(bench, "BENCH_DIR", tmp_path / "bench")
    ran = []
    monkeypatch.setattr(bench, "measure", lambda kind, folder: ran.append(kind) or {"seconds": 1.0, "cpu": 1.0,
                                                                                  "peak_bytes": 0, "load": 0.0,
                                                                                  "load_after": 0.0})
    assert bench.main(["--sizes", "12", "--skip", "spacy@12,extract", "--readme"]) == 0
    assert "spacy" not in ran and "extract" not in ran and "tokens" in ran and "stats2" in ran
    assert "Left out of this run: extract, spacy at 12 documents." in readme.read_text(encoding="utf-8")


def test_repeated_runs_keep_the_fastest_and_the_largest_peak():
    runs = [{"seconds": 3.0, "cpu": 3.0, "peak_bytes": 10}, {"seconds": 2.0, "cpu": 2.5, "peak_bytes": 7},
            {"seconds": 2.5, "cpu": 2.0, "peak_bytes": 12}]
    best = None
    for r in runs:
        best = bench._best(best, r)
    assert (best["seconds"], best["cpu"], best["peak_bytes"], best["runs"]) == (2.0, 2.5, 12, 3)
    assert "error" in bench._best(best, {"error": "failed"})


def test_a_small_run_repeats_each_measurement(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(bench, "BENCH_DIR", tmp_path)
    calls = []
    monkeypatch.setattr(bench, "measure", lambda kind, folder: calls.append(kind) or
                        {"seconds": 1.0 + len(calls), "cpu": 1.0, "peak_bytes": 1, "load": 0.0, "load_after": 0.0})
    assert bench.main(["--sizes", "12", "--repeat", "2", "--skip", "spacy,archive,stats1,stats2"]) == 0
    # interleaved: every kind once, then again (extract only once)
    assert calls == ["load", "tokens", "countvec", "kwic", "re", "extract", "load", "tokens", "countvec", "kwic", "re"]
    out = capsys.readouterr().out
    assert "| 12 | " in out and "| `load_corpus(W)` | 2.00 |" in out  # the first, fastest run
