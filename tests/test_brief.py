"""`ossetia brief`: a PowerPoint deck (one slide per figure, picture on the slide, caption and
quotes in the notes) and a PDF memo (one page per figure), reproducible, with clear errors."""

import re
import sys

import pytest

from ossetia.brief import PIC_TOP, SLIDE_H, SLIDE_W, make_brief
from ossetia.cli import main
from ossetia.plots import presets
from ossetia.plots.export import figure_parts
from conftest import snapshot

ONLY = ["recognition-matrix", "referendum-results"]


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    out = tmp_path_factory.mktemp("deck") / "brief.pptx"
    assert main(["brief", "--out", str(out), "--only", *ONLY]) == 0
    return out


def test_the_deck_has_one_slide_per_figure_with_picture_title_credit_and_notes(deck):
    from pptx import Presentation
    from pptx.util import Emu

    parts = figure_parts(ONLY, presets.SLIDE.with_size(SLIDE_W, SLIDE_H - PIC_TOP), bare=True)
    prs = Presentation(str(deck))
    assert len(prs.slides) == len(parts) >= 3  # the matrix is split at the slide size
    for slide, part in zip(prs.slides, parts, strict=True):
        assert slide.shapes.title.text == part.title
        texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        assert part.credit in texts
        pics = [s for s in slide.shapes if s.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
        assert len(pics) == 1
        p = pics[0]
        assert 0 <= p.left and p.left + p.width <= prs.slide_width
        assert 0 <= p.top and p.top + p.height <= prs.slide_height
        # placed at scale 1: the picture is as large as the figure drawn for it, so 12 pt stays 12 pt
        w, h = part.fig.get_size_inches()
        assert abs(Emu(p.width).inches - w) < 0.01 and abs(Emu(p.height).inches - h) < 0.01
        notes = slide.notes_slide.notes_text_frame.text
        assert part.caption in notes
        quoted = part.rows[part.rows["kind"].isin(["claim", "number"])]
        assert len(quoted) and all(f"\u201c{q}\u201d" in notes for q in quoted["exact"])


def test_the_memo_has_one_page_per_figure_and_is_reproducible(tmp_path):
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    make_brief(a, only=ONLY)
    make_brief(b, only=ONLY)
    data = a.read_bytes()
    assert data == b.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages == len(figure_parts(ONLY, presets.MEMO, bare=True))


@pytest.mark.parametrize("argv, message", [
    (["--out", "{d}/brief.docx"], "unknown briefing format '.docx'; use .pptx (deck) or .pdf (memo)"),
    (["--out", "{d}/missing/brief.pdf"], "output folder does not exist"),
    (["--out", "{d}/brief.pdf", "--only", "no-such-figure"], "unknown figure name(s) no-such-figure; known: "),
    (["--out", "{d}"], "is a folder; give a file name ending in .pptx or .pdf"),
])
def test_bad_brief_options_are_one_line_and_write_nothing(argv, message, tmp_path, capsys):
    before = snapshot(tmp_path)
    assert main(["brief", *[a.format(d=tmp_path) for a in argv]]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ") and message in err
    assert snapshot(tmp_path) == before


def test_a_deck_without_the_extra_installed_is_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "pptx", None)  # import pptx now raises ImportError
    out = tmp_path / "brief.pptx"
    assert main(["brief", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "needs python-pptx: pip install -e '.[brief]'" in err
    assert not out.exists() and list(tmp_path.iterdir()) == []
