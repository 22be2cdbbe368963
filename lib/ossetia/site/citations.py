"""Citations in prose, ``[C068]``, ``[N008, RR09]``, ``[RR01–RR07]``, ``[doc NNN]``, and where each id leads.

Every id the corpus can cite is collected from the tables themselves (claims, numbers, the
reference tables, the documents), so new rows and new notebooks need no change here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..evidence import REFERENCE, load_claims, load_numbers, load_reference
from ..corpus import load_corpus

#: one citable id: claim, number, reference row (recognitions, referendum results, events), document
ID = r"(?:C\d{3,}|N\d{3,}|RR\d{2,}|R\d{2,}|E\d{2,}|doc \d{3,})"
_ITEM = rf"{ID}(?:\s*[–-]\s*{ID})?"
#: a bracketed group of ids or id ranges, separated by commas or semicolons
GROUP = re.compile(rf"\[({_ITEM}(?:\s*[,;]\s*{_ITEM})*)\]")
_ID = re.compile(ID)
_PART = re.compile(rf"({ID})|([^\w]+)")

REF_PAGES = {"recognitions": "references", "referendum_results": "references", "events": "references"}


@dataclass(frozen=True)
class Target:
    """Where a cited id leads: a page (site-relative, no suffix) and an anchor, with a preview."""
    id: str
    page: str        # e.g. "evidence/doc-002"
    anchor: str      # element id on that page ("" for the page itself)
    preview: str     # the quote, or a one-line description of a reference row
    exact: str = ""  # the quoted characters, for claims and numbers


def day(value) -> str:
    """A date as YYYY-MM-DD (timestamps from the corpus, strings from tables)."""
    return value.strftime("%Y-%m-%d") if hasattr(value, "strftime") else str(value)


def doc_page(doc_id: str) -> str:
    return f"evidence/doc-{doc_id}"


def doc_anchor(doc_id: str) -> str:
    return f"doc-{doc_id}"


def _ref_preview(name: str, r: dict) -> str:
    if name == "recognitions":
        what = f"{r['state']} recognises {r.get('recognises', '').replace('_', ' ')} ({r['date']}, {r['status']})"
    elif name == "referendum_results":
        what = f"{r['referendum'].replace('_', ' ')} {r['date']}: {r['measure'].replace('_', ' ')} = {r['value']} {r['unit']}"
    else:
        what = f"{r['date']}: {r['event']}"
    return f"{what}. Source: {r['source']}"


def targets(seeds: str | Path | None = None) -> dict[str, Target]:
    """Every citable id of the corpus and where it leads."""
    out: dict[str, Target] = {}
    for df, col in ((load_claims(seeds), "claim_id"), (load_numbers(seeds), "number_id")):
        for r in df.to_dict("records"):
            out[r[col]] = Target(r[col], doc_page(r["doc_id"]), r[col], f"“{r['exact']}” ({r['outlet']}, {day(r['published'])})",
                                 r["exact"])
    for name in REFERENCE:
        for r in load_reference(name, seeds).to_dict("records"):
            out[r["ref_id"]] = Target(r["ref_id"], REF_PAGES[name], r["ref_id"], _ref_preview(name, r))
    for r in load_corpus(seeds).to_dict("records"):
        title = f": {r['title']}" if r.get("title") else ""
        out[f"doc {r['doc_id']}"] = Target(f"doc {r['doc_id']}", doc_page(r["doc_id"]), doc_anchor(r["doc_id"]),
                                           f"Document {r['doc_id']}, {r['outlet']}{title} ({day(r['published'])})")
    return out


def split(group: str) -> list[tuple[str, bool]]:
    """The inside of a bracketed group as (piece, is_id) pieces, separators kept verbatim."""
    return [(m.group(1), True) if m.group(1) else (m.group(2), False) for m in _PART.finditer(group)]


def cited_ids(text: str) -> list[str]:
    """Every id cited in ``text``, in order (both ends of a range)."""
    return [i for g in GROUP.finditer(text) for i in _ID.findall(g.group(1))]


def cited_frame(texts: dict[str, str], known: dict[str, Target]) -> pd.DataFrame:
    """One row per citation: page, id, and whether the id is known."""
    rows = [{"page": page, "id": i, "known": i in known} for page, t in texts.items() for i in cited_ids(t)]
    return pd.DataFrame(rows, columns=["page", "id", "known"])
