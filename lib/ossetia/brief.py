"""A briefing pack of the figures: a PowerPoint deck (``.pptx``, needs the ``brief`` extra) or a
PDF memo (``.pdf``), as made by ``ossetia brief``.

The deck has one slide per figure, drawn bare at the slide preset for the area under the slide's
own title (placed at scale 1, so no text is under 12 pt on the slide), the credit line under the
title, and the caption with the quotes behind the figure in the speaker notes. The memo has one
A4 page per figure at the memo preset (6.3 in column), with its title, caption and credit line.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from .errors import OssetiaError
from .fileio import atomic_write_bytes
from .paths import rel

SLIDE_W, SLIDE_H = 13.333, 7.5  # inches, 16:9
TITLE_TOP, TITLE_H, CREDIT_H = 0.15, 0.85, 0.4  # inches: title (two lines at 24 pt), credit line
PIC_TOP = TITLE_TOP + TITLE_H + CREDIT_H + 0.03
PAGE_W, PAGE_H, MARGIN = 8.27, 11.69, (8.27 - 6.3) / 2  # A4 portrait, a 6.3 in column
DECK_DPI, MEMO_DPI = 200, 300
FORMATS = (".pptx", ".pdf")


def _check_out(out: Path) -> None:
    """Refuse an output that cannot be written, before anything is drawn."""
    if out.is_dir():
        raise OssetiaError(rel(out), "is a folder; give a file name ending in .pptx or .pdf")
    if out.suffix.lower() not in FORMATS:
        raise OssetiaError(rel(out), f"unknown briefing format {out.suffix or '(none)'!r}; use .pptx (deck) or .pdf (memo)")
    parent = out.parent
    if not parent.is_dir():
        raise OssetiaError(rel(parent), "output folder does not exist")
    if not os.access(parent, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise OssetiaError(rel(out), "is not writable")
    if out.suffix.lower() == ".pptx":
        try:
            import pptx  # noqa: F401
        except ImportError:
            raise OssetiaError(rel(out), "a PowerPoint deck needs python-pptx: pip install -e '.[brief]' "
                                         "(or write a PDF memo: --out brief.pdf)") from None


def make_brief(out: str | Path, only: list[str] | None = None, seeds: str | Path | None = None) -> Path:
    """Write the briefing pack ``out`` (``.pptx`` deck or ``.pdf`` memo) of the figures ``only``
    (default: all), drawing on ``seeds``. Validates everything before drawing; writes atomically.

    Returns:
        The path written.
    Raises:
        OssetiaError: unknown figure name, unknown format, unwritable output, missing extra.
    """
    from .plots.export import check_names, figure_parts
    from .plots.presets import MEMO, SLIDE

    out = Path(out)
    names = check_names(only, seeds)
    _check_out(out)
    if out.suffix.lower() == ".pptx":
        preset = SLIDE.with_size(SLIDE_W, SLIDE_H - PIC_TOP)
        data = _deck(figure_parts(names, preset, bare=True, seeds=seeds))
    else:
        data = _memo(figure_parts(names, MEMO, bare=True, seeds=seeds))
    atomic_write_bytes(out, data)
    return out


def notes_text(part) -> str:
    """Speaker notes of a slide: caption, credit line and the quotes behind the figure."""
    from .plots.index import quotes

    lines = [part.caption, "", part.credit, "", "Quotes and reference rows behind this figure:"]
    return "\n".join(lines + quotes(part.rows))


def _png(fig, dpi: int) -> bytes:
    from .plots.export import render

    return render(fig, "png", dpi=dpi)


def _deck(parts) -> bytes:
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Inches, Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(SLIDE_W), Inches(SLIDE_H)
    prs.core_properties.title = "Ossetia notebooks: briefing figures"
    layout = next(lay for lay in prs.slide_layouts if lay.name == "Title Only")
    for part in parts:
        slide = prs.slides.add_slide(layout)
        title = slide.shapes.title
        title.left, title.top, title.width, title.height = Inches(0.4), Inches(TITLE_TOP), Inches(SLIDE_W - 0.8), Inches(TITLE_H)
        title.text = part.title
        title.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM
        title.text_frame.word_wrap = True
        para = title.text_frame.paragraphs[0]
        para.font.size, para.font.bold, para.alignment = Pt(24), True, PP_ALIGN.LEFT
        credit = slide.shapes.add_textbox(Inches(0.4), Inches(TITLE_TOP + TITLE_H), Inches(SLIDE_W - 0.8), Inches(CREDIT_H))
        credit.text_frame.word_wrap = True
        credit.text_frame.text = part.credit
        cp = credit.text_frame.paragraphs[0]
        cp.font.size, cp.font.color.rgb = Pt(12), RGBColor(0x55, 0x55, 0x55)
        w, h = part.fig.get_size_inches()
        pic = slide.shapes.add_picture(io.BytesIO(_png(part.fig, DECK_DPI)), Inches((SLIDE_W - w) / 2), Inches(PIC_TOP),
                                       Inches(w), Inches(h))
        pic._element.nvPicPr.cNvPr.set("descr", part.alt)  # alt text for screen readers
        slide.notes_slide.notes_text_frame.text = notes_text(part)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def _memo(parts) -> bytes:
    import matplotlib.image as mimage
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    from .plots.style import house_style, wrap_text

    buf = io.BytesIO()
    with house_style(), PdfPages(buf, metadata={"CreationDate": None, "Title": "Ossetia notebooks: briefing memo"}) as pdf:
        for part in parts:
            page = Figure(figsize=(PAGE_W, PAGE_H))
            y = PAGE_H - MARGIN
            title = wrap_text(part.title, 12, 6.3 * 72, "bold")
            page.text(MARGIN / PAGE_W, y / PAGE_H, "\n".join(title), ha="left", va="top", fontsize=12, fontweight="bold")
            y -= len(title) * 12 * 1.3 / 72 + 0.12
            w, h = part.fig.get_size_inches()
            img = mimage.imread(io.BytesIO(_png(part.fig, MEMO_DPI)), format="png")
            ax = page.add_axes(((PAGE_W - w) / 2 / PAGE_W, (y - h) / PAGE_H, w / PAGE_W, h / PAGE_H))
            ax.imshow(img, interpolation="none", aspect="auto")
            ax.set_axis_off()
            y -= h + 0.15
            for text, size, colour in ((part.caption, 9, "#222222"), (part.credit, 8, "#555555")):
                lines = wrap_text(text, size, 6.3 * 72)
                page.text(MARGIN / PAGE_W, y / PAGE_H, "\n".join(lines), ha="left", va="top", fontsize=size, color=colour)
                y -= len(lines) * size * 1.3 / 72 + 0.1
            pdf.savefig(page)
    return buf.getvalue()
