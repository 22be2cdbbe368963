"""The figure gallery and the printable handouts (exercises with hints; answer keys for teachers)."""

from __future__ import annotations

import re
from pathlib import Path

from .. import exercises
from ..notebooks import notebook_paths, title
from ..paths import FIGURES_DIR, NOTEBOOKS_DIR
from ..fileio import read_table
from .citations import Target
from .evidence_pages import esc, raw_block

ANSWERS = NOTEBOOKS_DIR / "solutions" / "ANSWERS.md"
_ID_WORD = re.compile(r"\S+")


def _evidence_links(ids: str, known: dict[str, Target]) -> str:
    out = []
    for w in _ID_WORD.findall(ids):
        key = w.replace("doc:", "doc ")
        t = known.get(key)
        out.append(f'<a class="cite" href="{esc(t.page)}.html{"#" + esc(t.anchor) if t.anchor else ""}" '
                   f'title="{esc(t.preview)}">{esc(key)}</a>' if t else esc(w))
    return " ".join(out)


def gallery_page(known: dict[str, Target], figures: Path = FIGURES_DIR) -> str:
    """The briefing figures of ``figures/index.csv``, with their captions, sources, evidence and files."""
    index = read_table(figures / "index.csv", ["name", "title", "caption", "alt_text", "files"])
    parts = ["# Figures\n\nThe briefing figures made by `make figures`, from the evidence tables. "
             "Each comes as PNG (300 dpi) for slides, SVG and PDF for print; the ids under a figure open "
             "the quotes it draws.\n"]
    for r in index.to_dict("records"):
        files = [f for f in r["files"].split() if (figures / f).exists()]
        extra = [p.name for p in sorted(figures.glob(f"{r['name']}.*")) if p.name not in files and p.suffix == ".csv"]
        png = next((f for f in files if f.endswith(".png")), None)
        img = (f'<a href="figures/{esc(png)}"><img class="gallery-img" src="figures/{esc(png)}" '
               f'alt="{esc(r["alt_text"])}" loading="lazy"></a>') if png else ""
        dl = " · ".join(f'<a href="figures/{esc(f)}" download>{esc(f.rsplit(".", 1)[1].upper())}</a>'
                        for f in files + extra)
        ev = _evidence_links(r.get("evidence", ""), known)
        parts.append(f"## {r['title']}\n\n" + raw_block(
            f'<figure class="gallery" id="fig-{esc(r["name"])}">{img}<figcaption><p>{esc(r["caption"])}</p>'
            + (f'<p><em>Sources:</em> {esc(r.get("sources", ""))}</p>' if r.get("sources") else "")
            + (f'<p class="gallery-ev"><em>Evidence shown:</em> {ev}</p>' if ev else "")
            + f'<p class="gallery-dl">Download <code>{esc(r["name"])}</code>: {dl}</p></figcaption></figure>'))
    return "\n".join(parts)


def answers(path: Path = ANSWERS) -> dict[str, str]:
    """Exercise id -> answer, from the teachers' answer key (a generated Markdown table)."""
    out = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) >= 3 and re.fullmatch(r"\d{2}\.\d+", cells[0]):
                out[cells[0]] = cells[-1]
    return out


HANDOUT_CSS = """
@page { size: A4; margin: 16mm 16mm 14mm; }
html { font: 11pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #111; }
body { max-width: 46rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.35rem; margin: 0 0 .2rem; } .sub { margin: 0 0 1rem; color: #444; }
.ex { border-top: 1px solid #999; padding: .5rem 0 .3rem; break-inside: avoid; }
.ex h2 { font-size: 1rem; margin: 0 0 .2rem; } .ex p { margin: .2rem 0; overflow-wrap: anywhere; }
.hint { color: #333; font-style: italic; }
.answer-box { border: 1px solid #bbb; height: 4.5rem; margin-top: .35rem; border-radius: 3px; }
.answer { font-weight: bold; }
.foot { margin-top: .8rem; font-size: .85rem; color: #444; }
.screen-only { background: #eef3f8; padding: .4rem .6rem; border-radius: 4px; font-size: .9rem; }
@media print { .screen-only { display: none; } body { margin: 0; max-width: none; padding: 0; } }
"""


def handout(nb: Path, rows: list[dict], key: dict[str, str] | None) -> str:
    """One notebook's exercises as a one-page printable sheet; with ``key``, the teachers' answer key."""
    name = title(nb)
    kind = "Answer key (for teachers)" if key is not None else "Exercises"
    items = []
    for r in rows:
        body = f'<p>{esc(r["question"])}</p><p class="hint">Hint: {esc(r["hint"])}</p>'
        if key is None:
            body += '<div class="answer-box" aria-label="space for your answer"></div>'
        else:
            body += f'<p class="answer">Answer: {esc(key.get(r["exercise_id"], "(not in solutions/ANSWERS.md)"))}</p>'
        items.append(f'<section class="ex" id="ex-{esc(r["exercise_id"])}"><h2>Exercise {esc(r["exercise_id"])}</h2>{body}</section>')
    other = (f'<a href="{nb.stem[:2]}-answers.html">answer key (teachers)</a>' if key is None
             else f'<a href="{nb.stem[:2]}.html">student sheet</a>')
    foot = ("In the notebook, type your answer in place of <code>...</code> and run "
            "<code>check(&quot;id&quot;, answer)</code>: it says whether it is right without showing it."
            if key is None else "How each answer is computed: notebooks/solutions/solutions.py.")
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(kind)} · {esc(name)}</title><style>{HANDOUT_CSS}</style></head><body>"
            f'<p class="screen-only">Printable sheet (one page): use your browser\'s Print. '
            f'<a href="../{nb.stem}.html">Notebook</a> · {other} · <a href="../handouts.html">all handouts</a></p>'
            f"<h1>{esc(name)}</h1><p class=\"sub\">{esc(kind)} · notebook {esc(nb.stem[:2])}"
            f"{'' if key is not None else ' · Name: ____________________'}</p>"
            + "".join(items) + f'<p class="foot">{foot}</p></body></html>\n')


def handouts(out: Path, folder: Path = NOTEBOOKS_DIR) -> tuple[str, list[str]]:
    """Write ``NN.html`` and ``NN-answers.html`` per notebook with exercises into ``out``;
    returns the handouts page (MyST) and the names written."""
    ex = exercises.table()
    key = answers()
    out.mkdir(parents=True, exist_ok=True)
    written, lines = [], []
    for nb in notebook_paths(folder):
        rows = ex[ex["notebook"] == nb.stem].to_dict("records")
        if not rows:
            continue
        n = nb.stem[:2]
        for fname, k in ((f"{n}.html", None), (f"{n}-answers.html", key)):
            (out / fname).write_text(handout(nb, rows, k), encoding="utf-8")
            written.append(fname)
        lines.append(f'<li><a href="handouts/{n}.html">{esc(title(nb))}</a>: {len(rows)} exercises '
                     f'(<a href="handouts/{n}-answers.html">answer key, for teachers</a>)</li>')
    page = ("# Handouts\n\nOne printable sheet per notebook: its exercises and hints, with room for the "
            "answers. Open one and print it (one A4 page). The answer keys are separate, for teachers.\n\n"
            + raw_block("<ul>" + "".join(lines) + "</ul>"))
    return page, written
