"""Figure presets (print, slide, memo): every text drawn is at least the preset's minimum size,
nothing reaches past the canvas, figures too full for a size are split, and the outputs of
every preset are byte-reproducible. Exports carry NAME.csv and an index with paste-ready text."""

import csv
import os
import re
import shutil
import subprocess

import numpy as np
import pytest

from ossetia.brief import PIC_TOP, SLIDE_H, SLIDE_W
from ossetia.cli import main
from ossetia.evidence import load_claims
from ossetia.fileio import read_text
from ossetia.paths import SEEDS_DIR
from ossetia.plots import presets
from ossetia.plots.export import ENTRIES, figure_parts, render
from ossetia.plots.index import CREDIT_PREFIX, SHORT_CAPTION_MAX
from ossetia.plots.measure import drawn_texts, problems

NAMES = [e.name for e in ENTRIES]
#: (preset, bare): what `ossetia figures` and `ossetia brief` draw
CONFIGS = {
    "print": (presets.PRINT, False),
    "slide": (presets.SLIDE, False),
    "memo": (presets.MEMO, False),
    "deck": (presets.SLIDE.with_size(SLIDE_W, SLIDE_H - PIC_TOP), True),  # the area under a slide's title
    "memo-bare": (presets.MEMO, True),
}
SVG_SIZE = re.compile(r"font(?:-size)?:\s*(?:(?:bold|italic|oblique|normal)\s+)*([\d.]+)px")


@pytest.fixture(scope="module")
def PARTS():
    """Every figure drawn for every configuration, once per test module."""
    return {c: figure_parts(NAMES, p, bare) for c, (p, bare) in CONFIGS.items()}


@pytest.mark.parametrize("config", CONFIGS)
def test_every_text_is_at_least_the_minimum_and_on_the_canvas(config, PARTS):
    p, _ = CONFIGS[config]
    bad = {part.name: problems(part.fig, p.min_pt) for part in PARTS[config]}
    assert not {k: v for k, v in bad.items() if v}, bad
    for part in PARTS[config]:
        w, h = part.fig.get_size_inches()
        if not p.is_print:
            assert abs(w - p.width) < 1e-9 and (p.height is None or abs(h - p.height) < 1e-9)
            assert p.height is not None or h <= p.max_height + 1e-9
        assert drawn_texts(part.fig), part.name  # the measurement saw the figure's text


@pytest.mark.parametrize("config", ["slide", "memo"])
def test_the_saved_svg_has_no_type_under_the_minimum(config, PARTS):
    p, _ = CONFIGS[config]
    for part in PARTS[config]:
        svg = render(part.fig, "svg").decode("utf-8")
        sizes = [float(x) for x in SVG_SIZE.findall(svg)]
        assert sizes and min(sizes) >= p.min_pt - 0.01, (part.name, min(sizes))


def test_the_measurement_catches_small_and_overflowing_text():
    from matplotlib.figure import Figure

    fig = Figure(figsize=(4, 3))
    fig.text(0.5, 0.5, "small", fontsize=6)
    fig.text(0.9, 0.1, "this label runs well past the right edge", fontsize=12)
    found = problems(fig, 7)
    assert any("6 pt < 7 pt" in x for x in found) and any("off the canvas" in x for x in found)


def test_crowded_figures_split_at_the_slide_size_and_print_stays_whole(PARTS):
    names = {c: [part.name for part in PARTS[c]] for c in CONFIGS}
    assert names["print"] == NAMES
    for c in ("slide", "deck"):
        assert "recognition-matrix" not in names[c] and "recognition-matrix-1" in names[c]
        assert "recognition-matrix-2" in names[c]
    # the parts of a split figure together draw exactly the whole figure's evidence
    whole = {part.entry: set(part.evidence) for part in PARTS["print"]}
    for c in ("slide", "memo", "deck"):
        for entry in whole:
            got = [set(part.evidence) for part in PARTS[c] if part.entry == entry]
            assert set().union(*got) == whole[entry], (c, entry)


def test_bare_figures_draw_no_title_or_source_line_but_keep_them_for_the_index(PARTS):
    for part in PARTS["deck"]:
        drawn = {t.text for t in drawn_texts(part.fig)}
        assert part.fig._suptitle.get_text() not in drawn
        assert not any(t.startswith("Sources: ") for t in drawn)
        assert part.sources  # still known, for the index
    for part in PARTS["slide"]:
        drawn = " ".join(t.text for t in drawn_texts(part.fig))
        assert "Sources: " in drawn


@pytest.mark.parametrize("preset", ["print", "slide", "memo"])
def test_svg_and_pdf_are_byte_reproducible_at_every_preset(preset):
    for name in ("recognition-matrix", "referendum-results", "kosovo-argument-map"):
        a, b = figure_parts([name], preset), figure_parts([name], preset)
        for pa, pb in zip(a, b, strict=True):
            for fmt in ("svg", "pdf"):
                assert render(pa.fig, fmt) == render(pb.fig, fmt), (preset, pa.name, fmt)


def test_svg_text_as_paths():
    a, b = (figure_parts(["corpus-timeline"], "slide")[0].fig for _ in range(2))
    as_text = render(a, "svg").decode("utf-8")
    as_paths = render(b, "svg", svg_text="path").decode("utf-8")
    assert "<text" in as_text and "<text" not in as_paths and "<path" in as_paths
    c = figure_parts(["corpus-timeline"], "slide")[0].fig
    assert render(c, "svg", svg_text="path").decode("utf-8") == as_paths  # reproducible too


# -- the export: figures, NAME.csv and the index -------------------------------------------

def test_matrix_at_slide_size_as_svg_writes_parts_data_and_index(tmp_path, capsys):
    out = tmp_path / "D"
    assert main(["figures", "--only", "recognition-matrix", "--preset", "slide", "--format", "svg",
                 "--out", str(out)]) == 0
    files = sorted(p.name for p in out.iterdir())
    parts = sorted({f.rsplit(".", 1)[0] for f in files if f.endswith(".svg")})
    assert len(parts) >= 2 and all(re.fullmatch(r"recognition-matrix-\d", p) for p in parts)
    assert files == sorted([f"{p}.{x}" for p in parts for x in ("svg", "csv")] + ["README.md", "index.csv"])
    with open(out / "index.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["name"] for r in rows] == parts
    readme = (out / "README.md").read_text(encoding="utf-8")
    for r in rows:
        assert 0 < len(r["short_caption"]) <= SHORT_CAPTION_MAX
        assert r["credit"].startswith(CREDIT_PREFIX + " Sources: ") and r["preset"] == "slide"
        assert r["short_caption"] in readme and r["credit"] in readme
        assert r["files"].split() == [f"{r['name']}.svg", f"{r['name']}.csv"]


def test_every_export_writes_an_index_and_the_data_behind_each_figure(tmp_path):
    assert main(["figures", "--only", "referendum-results", "--format", "pdf", "--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md", "index.csv", "referendum-results.csv",
                                                          "referendum-results.pdf"]
    # a later partial export keeps the folder's other figures in the index
    assert main(["figures", "--only", "corpus-timeline", "--format", "png", "--out", str(tmp_path)]) == 0
    with open(tmp_path / "index.csv", encoding="utf-8", newline="") as fh:
        assert [r["name"] for r in csv.DictReader(fh)] == ["referendum-results", "corpus-timeline"]


def test_figure_data_rows_are_the_evidence_drawn_with_exact_quotes(PARTS):
    claims = load_claims().set_index("claim_id")
    for part in PARTS["print"]:
        rows = part.rows
        assert list(rows["id"]) == part.evidence
        for _, r in rows.iterrows():
            if r["kind"] in ("claim", "number"):  # provenance: the quote is at its offsets in the raw file
                raw = read_text(SEEDS_DIR / r["file"])
                assert raw[int(r["start"]):int(r["end"])] == r["exact"], r["id"]
                assert r["source"].endswith(r["published"]) and r["source_url"]
            elif r["layer"] == "reference":
                assert r["source"] and r["source_url"].startswith("http"), r["id"]
        assert set(rows.loc[rows["kind"] == "claim", "id"]) <= set(claims.index)


def test_short_captions_and_credit_lines_of_every_figure(PARTS):
    for part in PARTS["print"]:
        assert 0 < len(part.short_caption) <= SHORT_CAPTION_MAX
        assert part.caption.startswith(part.short_caption.rstrip("…"))
        assert part.credit.startswith(CREDIT_PREFIX + " Sources: ") and part.credit.endswith(".")
        seed_years = {p[:4] for p in part.rows.loc[part.rows["layer"] == "seed", "published"]}
        assert all(y in part.credit for y in seed_years)
        if (part.rows["layer"] == "reference").any():
            assert "reference: " in part.credit


def test_the_licence_statement_is_consistent():
    from ossetia.paths import PROJECT_ROOT
    from ossetia.plots.index import FIGURE_LICENCE

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    cff = (PROJECT_ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert FIGURE_LICENCE == "CC BY 4.0"
    assert "figures: CC BY 4.0" in readme
    assert "CC-BY-4.0" in cff and "MIT" in cff


# -- bad input: one line, exit 1, nothing written ------------------------------------------

@pytest.mark.parametrize("argv, message", [
    (["--preset", "poster"], "error: unknown preset 'poster'; choose from print, slide, memo\n"),
    (["--bare", "--only", "no-such-figure"], "error: unknown figure name(s) no-such-figure; known: "),
    (["--svg-text", "curves"], "error: unknown SVG text mode 'curves'; choose from text, path\n"),
])
def test_bad_figure_options_are_one_line_and_write_nothing(argv, message, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["figures", "--out", str(out), *argv]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(message)
    assert not out.exists()


def test_an_unwritable_output_folder_is_one_line(tmp_path, capsys):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who may write anywhere (root)")
        assert main(["figures", "--out", str(locked / "figs"), "--only", "corpus-timeline"]) == 1
        assert capsys.readouterr().err == f"error: {(locked / 'figs').as_posix()}: output folder is not writable\n"
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


# -- hatching that renders the same in every PDF viewer ------------------------------------

def _pattern_fills_with_dashes(pdf: bytes) -> int:
    """How many hatch-pattern fills in the PDF's page streams run with a dash pattern in force."""
    import zlib

    bad = 0
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            s = zlib.decompress(m.group(1)).decode("latin-1")
        except zlib.error:
            continue
        dash, stack = "[] 0", []
        for tok in re.finditer(r"\[([^\]]*)\]\s+(\S+)\s+d\b|\bq\b|\bQ\b|/(H\d+)\s+scn", s):
            t = tok.group(0)
            if t == "q":
                stack.append(dash)
            elif t == "Q":
                dash = stack.pop() if stack else "[] 0"
            elif tok.group(3):
                bad += dash.split("]")[0].strip("[ ") != ""
            else:
                dash = f"[{tok.group(1)}] {tok.group(2)}"
    return bad


@pytest.mark.parametrize("name", ["referendum-results", "referendum-source-check"])
def test_hatched_reference_bars_carry_no_dash_into_their_hatch(name, PARTS):
    fig = next(p.fig for p in PARTS["print"] if p.name == name)
    pdf = render(fig, "pdf")
    assert b"/Pattern" in pdf  # hatched
    assert _pattern_fills_with_dashes(pdf) == 0


def test_the_check_finds_the_old_dashed_hatch():
    from matplotlib.figure import Figure

    fig = Figure(figsize=(3, 2))
    fig.add_subplot().bar([0, 1], [1, 2], facecolor="white", edgecolor="black", hatch="///", ls="--")
    assert _pattern_fills_with_dashes(render(fig, "pdf")) == 2


@pytest.mark.skipif(not (shutil.which("pdftoppm") and shutil.which("pdftocairo")), reason="poppler-utils not installed")
def test_every_hatched_bar_has_the_same_ink_in_two_pdf_renderers(tmp_path, PARTS):
    from PIL import Image

    fig = next(p.fig for p in PARTS["print"] if p.name == "referendum-results")
    (tmp_path / "f.pdf").write_bytes(render(fig, "pdf"))
    fig.draw_without_rendering()
    bars = [a for ax in fig.axes for a in ax.patches if a.get_gid() == "reference-layer"]
    dpi, (_, h) = 100, fig.get_size_inches()
    for tool in ("pdftoppm", "pdftocairo"):
        subprocess.run([tool, "-r", str(dpi), "-png", "-singlefile", str(tmp_path / "f.pdf"), str(tmp_path / tool)],
                       check=True)
        img = np.asarray(Image.open(tmp_path / f"{tool}.png").convert("L"), float)
        ink = []
        for b in bars:
            e = b.get_window_extent()  # display pixels at the figure's dpi, origin bottom left
            x0, x1 = int(e.x0 / fig.dpi * dpi) + 4, int(e.x1 / fig.dpi * dpi) - 4
            y0, y1 = int((h - e.y1 / fig.dpi) * dpi) + 4, int((h - e.y0 / fig.dpi) * dpi) - 4
            ink.append((img[y0:y1, x0:x1] < 128).mean())
        assert max(ink) / min(ink) < 1.15, (tool, ink)
