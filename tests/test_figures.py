"""Briefing figures: every registered figure has its furniture, styles reference facts apart,
exports byte-reproducibly, and the committed figures/ is exactly what the code makes now."""

import csv

import pytest
from matplotlib.colors import to_rgba

from ossetia import load_corpus
from ossetia.cli import main
from ossetia.evidence import load_claims, load_numbers, load_reference
from ossetia.plots.export import export_figures, registry, render
from ossetia.paths import FIGURES_DIR, SEEDS_DIR
from ossetia.plots.style import source_line
from conftest import snapshot

REG = registry()


@pytest.fixture(scope="module")
def FIGS():
    """Every registered figure, built once per test module (and per xdist worker)."""
    return {name: b.build() for name, b in REG.items()}


def test_at_least_six_briefing_figures_are_registered():
    assert len(REG) >= 6
    assert {"recognition-matrix", "recognition-timeline", "referendum-results", "referendum-source-check",
            "kosovo-argument-map", "positions-timeline"} <= set(REG)


@pytest.mark.parametrize("name", REG)
def test_each_figure_has_title_source_line_caption_and_alt_text(name, FIGS):
    b, fig = REG[name], FIGS[name]
    assert fig._suptitle is not None and fig._suptitle.get_text() == b.title
    assert len(b.title) <= 70  # a short title, fit for a slide
    src = source_line(fig)
    assert src and all(part.strip() for part in src.split(";"))
    assert len(b.caption) > 40 and len(b.alt) > 40


@pytest.mark.parametrize("name", REG)
def test_each_figure_names_evidence_that_exists(name):
    ids = REG[name].evidence()
    assert ids
    known = set(load_claims()["claim_id"]) | set(load_numbers()["number_id"])
    for t in ("recognitions", "referendum_results", "events"):
        known |= set(load_reference(t)["ref_id"])
    known |= {f"doc:{d}" for d in load_corpus()["doc_id"]}
    assert set(ids) <= known, set(ids) - known


def test_every_actor_in_the_matrix_is_labelled(FIGS):
    from ossetia.stances import stance_matrix
    fig = FIGS["recognition-matrix"]
    labels = {t.get_text() for ax in fig.axes for t in ax.get_yticklabels()}
    assert set(stance_matrix(load_claims())["actor"]) <= labels


def _artists(fig):
    for ax in fig.axes:
        yield from ax.get_children()
        yield from ax.texts


@pytest.mark.parametrize("name", ["positions-timeline", "recognition-timeline", "referendum-results",
                                  "referendum-source-check", "kosovo-sequence"])
def test_reference_layer_marks_are_styled_as_reference(name, FIGS):
    refs = [a for a in _artists(FIGS[name]) if a.get_gid() == "reference-layer"]
    assert refs, "no reference-layer artist"
    from matplotlib.path import Path
    for a in refs:
        if a.__class__.__name__ == "PathCollection":
            codes = a.get_paths()[0].codes
            if codes is None or Path.CLOSEPOLY not in codes:
                continue  # an unfilled mark (a tick, a cross): nothing to fill
        if hasattr(a, "get_facecolor") and a.__class__.__name__ in ("PathCollection", "Rectangle"):
            fc = a.get_facecolor()
            fcs = [fc] if len(fc) == 4 and not hasattr(fc[0], "__len__") else list(fc)
            hatched = getattr(a, "get_hatch", lambda: None)()
            assert hatched or all(tuple(c) == to_rgba("white") for c in fcs), (name, a)


def test_two_renders_give_identical_svg_and_pdf_bytes():
    for name in ("recognition-matrix", "referendum-results"):
        fig1, fig2 = REG[name].build(), REG[name].build()
        for fmt in ("svg", "pdf"):
            assert render(fig1, fmt) == render(fig2, fmt)


def test_svg_keeps_text_as_text_and_pdf_embeds_fonts(FIGS):
    svg = render(FIGS["kosovo-argument-map"], "svg").decode("utf-8")
    assert "<text" in svg and "generis" in svg
    pdf = render(FIGS["kosovo-argument-map"], "pdf")
    assert b"/FontFile2" in pdf  # TrueType font program embedded


def test_reference_corpus_figures_committed_are_what_the_code_makes_now(tmp_path):
    export_figures(out=tmp_path, seeds=SEEDS_DIR)
    made = snapshot(tmp_path)
    committed = snapshot(FIGURES_DIR)
    assert sorted(made) == sorted(committed), "figures/ lists other files than the export makes (run make figures)"
    stale = [n for n in made if made[n] != committed[n]]
    assert not stale, f"figures/ is stale for {stale}: run `make figures` and commit"


def test_index_lists_every_figure_with_its_files():
    with open(FIGURES_DIR / "index.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["name"] for r in rows] == list(REG)
    for r in rows:
        for f in r["files"].split():
            assert (FIGURES_DIR / f).is_file()
    readme = (FIGURES_DIR / "README.md").read_text(encoding="utf-8")
    for r in rows:
        assert f"]({r['name']}.png)" in readme and r["caption"] in readme


def test_unknown_figure_name_is_one_line_and_writes_nothing(tmp_path, capsys):
    before = snapshot(tmp_path)
    assert main(["figures", "--out", str(tmp_path / "out"), "--only", "no-such-figure"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: unknown figure name(s) no-such-figure; known: ")
    assert snapshot(tmp_path) == before and not (tmp_path / "out").exists()


def test_unwritable_output_is_one_line(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["figures", "--out", str(blocker), "--only", "corpus-timeline"]) == 1
    assert capsys.readouterr().err == f"error: {blocker.as_posix()}: is a file, not a folder\n"


def test_a_failed_render_leaves_the_old_file_whole(tmp_path, monkeypatch):
    export_figures(out=tmp_path, formats=["svg"], only=["corpus-timeline"])
    old = (tmp_path / "corpus-timeline.svg").read_bytes()
    before = snapshot(tmp_path)
    import ossetia.fileio as fio

    real = fio.os.replace

    def boom(src, dst):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(fio.os, "replace", boom)
    with pytest.raises(OSError):
        export_figures(out=tmp_path, formats=["svg"], only=["corpus-timeline"])
    monkeypatch.setattr(fio.os, "replace", real)
    assert (tmp_path / "corpus-timeline.svg").read_bytes() == old
    assert snapshot(tmp_path) == before  # every file as it was, no temp file left


def test_figures_follow_the_seeds_folder_they_are_given(seeds_copy, tmp_path, add_text):
    from ossetia.ids import next_id
    from ossetia.manifest import read_manifest

    new_id = next_id(read_manifest(seeds_copy)["doc_id"])
    add_text(seeds_copy, "Headline\n\nRussia recognised South Ossetia.\n")
    out = tmp_path / "out"
    assert main(["figures", "--seeds", str(seeds_copy), "--out", str(out), "--only", "corpus-timeline",
                 "--format", "svg"]) == 0
    svg = (out / "corpus-timeline.svg").read_text(encoding="utf-8")
    assert f"Civil Georgia ({new_id})" in svg and "Civil Georgia" not in (FIGURES_DIR / "corpus-timeline.svg").read_text(encoding="utf-8")
