"""Evidence pages: each document's raw text as in the file, every claim and number span marked
and anchored by its id; the claims index and the reference tables, each row anchored by its id.

Pages are MyST Markdown with raw HTML blocks, built by Sphinx with the rest of the site.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import pandas as pd

from ..evidence import REFERENCE, load_reference
from .citations import day, doc_anchor, doc_page


def esc(text: str) -> str:
    """HTML text with every character kept: a carriage return would be folded by the parser."""
    return html.escape(str(text), quote=True).replace("\r", "&#13;")


def raw_block(body: str) -> str:
    return f"```{{raw}} html\n{body}\n```\n"


@dataclass
class Span:
    id: str
    kind: str  # "claim" | "number"
    start: int
    end: int
    codes: str
    children: list = field(default_factory=list)


def claim_codes(r: dict) -> str:
    date = r["event_date"] or "undated"
    return (f"{r['claim_id']} · {r['part']} part · speaker: {r['speaker']} · {r['actor']} {r['action']} "
            f"{r['target']} ({r['polarity']}) · date {date} ({r['date_precision']}, {r['date_basis']}) · "
            f"theme {r['theme']}")


def _num(v) -> str:
    if v is None or pd.isna(v):
        return ""
    return f"{v:g}" if isinstance(v, float) else str(v)


def number_codes(r: dict) -> str:
    value = _num(r["value"]) or (f"{_num(r['low'])}–{_num(r['high'])}" if _num(r["low"]) or _num(r["high"]) else "")
    qual = f" ({r['qualifier']})" if r["qualifier"] else ""
    as_of = f" · as of {r['as_of']} ({r['as_of_basis']})" if r["as_of"] else ""
    return (f"{r['number_id']} · {r['part']} part · {r['measure']} of {r['subject']}: "
            f"{value} {r['unit']}{qual}{as_of}").replace("  ", " ")


def spans_for(doc_id: str, claims: pd.DataFrame, numbers: pd.DataFrame) -> list[Span]:
    out = [Span(r["claim_id"], "claim", int(r["start"]), int(r["end"]), claim_codes(r))
           for r in claims[claims["doc_id"] == doc_id].to_dict("records")]
    out += [Span(r["number_id"], "number", int(r["start"]), int(r["end"]), number_codes(r))
            for r in numbers[numbers["doc_id"] == doc_id].to_dict("records")]
    return out


def nest(spans: list[Span]) -> tuple[list[Span], list[Span]]:
    """Spans as a tree (a span inside another, or equal to it, is its child); spans that cross
    another one (start inside it, end outside) cannot nest and are returned apart."""
    roots: list[Span] = []
    crossing: list[Span] = []
    stack: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, -s.end, s.kind, s.id)):
        while stack and stack[-1].end <= s.start:
            stack.pop()
        if stack and s.end > stack[-1].end:
            crossing.append(s)
            continue
        (stack[-1].children if stack else roots).append(s)
        stack.append(s)
    return roots, crossing


def mark(s: Span, inner: str) -> str:
    return (f'<mark class="ev ev-{s.kind}" id="{esc(s.id)}" tabindex="0" data-codes="{esc(s.codes)}" '
            f'title="{esc(s.codes)}">{inner}</mark>')


def render(raw: str, spans: list[Span], start: int = 0, end: int | None = None) -> str:
    """``raw[start:end]`` as HTML with the spans (already nested) marked."""
    end = len(raw) if end is None else end
    out, pos = [], start
    for s in spans:
        out.append(esc(raw[pos:s.start]))
        out.append(mark(s, render(raw, s.children, s.start, s.end)))
        pos = s.end
    out.append(esc(raw[pos:end]))
    return "".join(out)


def _meta_rows(doc: dict) -> str:
    rows = [("outlet", doc["outlet"]), ("title", doc["title"]), ("byline", doc["byline"]),
            ("published", f"{day(doc['published'])} ({doc['date_basis']})"), ("how the date is known", doc["date_note"]),
            ("genre", doc["genre"]), ("file", f"seeds/{doc['file']}"), ("sha256", doc["sha256"]),
            ("notes", doc["notes"])]
    cells = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows if str(v).strip())
    if doc.get("url"):
        cells += f'<tr><th>url</th><td><a href="{esc(doc["url"])}">{esc(doc["url"])}</a></td></tr>'
    return f'<div class="table-scroll"><table class="ev-meta">{cells}</table></div>'


def document_page(doc: dict, claims: pd.DataFrame, numbers: pd.DataFrame) -> str:
    """The evidence page of one document (MyST Markdown)."""
    did = doc["doc_id"]
    roots, crossing = nest(spans_for(did, claims, numbers))
    n_c = int((claims["doc_id"] == did).sum())
    n_n = int((numbers["doc_id"] == did).sum())
    body = [f'<div class="ev-doc" id="{doc_anchor(did)}">', _meta_rows(doc),
            f'<p class="ev-legend"><mark class="ev ev-claim">claim</mark> {n_c} claims, '
            f'<mark class="ev ev-number">number</mark> {n_n} numbers. Hover over a marked span, or reach it '
            'with the Tab key, to see its codes; the address of each span ends with its id.</p>',
            f'<pre class="ev-raw" aria-label="raw text of document {esc(did)}">{render(doc["raw"], roots)}</pre>']
    if crossing:
        body.append("<p>These spans overlap another one and are shown apart, with their offsets:</p><ul>")
        for s in crossing:
            body.append(f"<li>[{s.start}, {s.end}) {mark(s, esc(doc['raw'][s.start:s.end]))}</li>")
        body.append("</ul>")
    body.append("</div>")
    return (f"# Document {did} · {doc['outlet']}\n\n"
            f"The text exactly as saved in `seeds/{doc['file']}` (character offsets count from its first "
            "character). Back to the [claims index](../claims.md) or the [list of documents](index.md).\n\n"
            + raw_block("\n".join(body)))


def documents_index(corpus: pd.DataFrame, claims: pd.DataFrame, numbers: pd.DataFrame) -> str:
    rows = []
    for d in corpus.to_dict("records"):
        did = d["doc_id"]
        rows.append(f"<tr><td><a href=\"doc-{esc(did)}.html\">{esc(did)}</a></td><td>{esc(d['outlet'])}</td>"
                    f"<td>{esc(d['title'])}</td><td>{esc(day(d['published']))} ({esc(d['date_basis'])})</td>"
                    f"<td>{int((claims['doc_id'] == did).sum())}</td><td>{int((numbers['doc_id'] == did).sum())}</td></tr>")
    table = ('<div class="table-scroll"><table class="ev-index"><thead><tr><th>doc</th><th>outlet</th><th>title</th>'
             '<th>published</th><th>claims</th><th>numbers</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table></div>")
    return ("# The documents\n\nThe raw texts of `seeds/`, each with every quoted span marked.\n\n"
            + raw_block(table) + "\n```{toctree}\n:hidden:\n\n"
            + "\n".join(f"doc-{d}" for d in corpus["doc_id"]) + "\n```\n")


def _link(r: dict, col: str) -> str:
    """A link from a page at the site's root to the row's span on its evidence page."""
    return f'<a href="{doc_page(r["doc_id"])}.html#{esc(r[col])}">{esc(r[col])}</a>'


def claims_index(claims: pd.DataFrame, numbers: pd.DataFrame) -> str:
    """Every claim and number with its codes and its whole quote, each linking to its span."""
    def table(df, col, heads, cells):
        body = "".join("<tr><td>" + _link(r, col) + "</td>"
                       + "".join(f"<td>{esc(v)}</td>" for v in cells(r)) + "</tr>" for r in df.to_dict("records"))
        head = "".join(f"<th>{h}</th>" for h in [col.split("_")[0]] + heads)
        return f'<div class="table-scroll"><table class="ev-index"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'

    c = table(claims, "claim_id", ["doc", "speaker", "actor", "action", "target", "polarity", "date", "theme", "quote"],
              lambda r: [r["doc_id"], r["speaker"], r["actor"], r["action"], r["target"], r["polarity"],
                         r["event_date"] or "undated", r["theme"], r["exact"]])
    n = table(numbers, "number_id", ["doc", "measure", "subject", "value", "unit", "qualifier", "as of", "quote"],
              lambda r: [r["doc_id"], r["measure"], r["subject"], _num(r["value"]) or f"{_num(r['low'])}–{_num(r['high'])}",
                         r["unit"], r["qualifier"], r["as_of"], r["exact"]])
    return (f"# Claims and numbers\n\nAll {len(claims)} claims of `seeds/claims.csv` and {len(numbers)} numbers of "
            "`seeds/numbers.csv`, with their whole quotes. Each id opens the quote in its document.\n\n"
            f"## Claims\n\n{raw_block(c)}\n## Numbers\n\n{raw_block(n)}")


def references_page(seeds=None) -> str:
    """The reference tables, every row anchored by its id and linking to its public source."""
    out = ["# Reference tables\n\nFacts from public sources (`seeds/reference/`), not from the seed texts. "
           "Each row names its source and links to it.\n"]
    for name in REFERENCE:
        df = load_reference(name, seeds)
        cols = [c for c in df.columns if c not in ("ref_id", "source", "source_url")]
        head = "".join(f"<th>{esc(c)}</th>" for c in ["id"] + cols + ["source"])
        body = "".join(
            f'<tr id="{esc(r["ref_id"])}"><td>{esc(r["ref_id"])}</td>'
            + "".join(f"<td>{esc(_num(r[c]))}</td>" for c in cols)
            + f'<td><a href="{esc(r["source_url"])}">{esc(r["source"])}</a></td></tr>'
            for r in df.to_dict("records"))
        out.append(f"## {name.replace('_', ' ').capitalize()}\n\n`seeds/reference/{name}.csv`\n\n"
                   + raw_block(f'<div class="table-scroll"><table class="ev-index"><thead><tr>{head}</tr></thead>'
                               f"<tbody>{body}</tbody></table></div>"))
    return "\n".join(out)
