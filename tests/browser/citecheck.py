"""Count the citations a reader sees on a page and check that each is a link landing on its quote.

Independent of the site's own code: the ids are found in the page's text with this module's own
pattern, and the expected quotes come straight from the evidence tables.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin

from ossetia.corpus import load_corpus
from ossetia.evidence import load_claims, load_numbers, load_reference

ID = r"(?:C\d{3,}|N\d{3,}|RR\d{2,}|R\d{2,}|E\d{2,}|doc \d{3,})"
GROUP = re.compile(rf"\[\s*{ID}(?:\s*[–,;-]\s*{ID})*\s*\]")
ONE = re.compile(ID)

# the prose of the page: main article without code, cell inputs/outputs and permalink marks
PROSE_JS = """() => {
  const art = document.querySelector('article') || document.body;
  const c = art.cloneNode(true);
  c.querySelectorAll('pre, code, script, style, .cell_input, .cell_output, .headerlink').forEach(e => e.remove());
  return c.textContent;
}"""
LINKS_JS = """() => {
  const art = document.querySelector('article') || document.body;
  const skip = 'pre, code, .cell_input, .cell_output';
  return [...art.querySelectorAll('a[href]')].filter(a => !a.closest(skip))
    .map(a => ({text: a.textContent.trim(), href: a.href, title: a.title || ''}));
}"""
TARGETS_JS = """(ids) => ids.map(id => {
  const el = document.getElementById(id);
  if (!el) return {id, found: false};
  const a = el.querySelector('a[href^="http"]');
  return {id, found: true, text: el.textContent, source: a ? a.href : null,
          h1: (document.querySelector('h1') || {textContent: ''}).textContent};
})"""


def expected() -> dict[str, dict]:
    """Every citable id -> what its anchor must hold."""
    out = {}
    for df, col in ((load_claims(), "claim_id"), (load_numbers(), "number_id")):
        out |= {r[col]: {"exact": r["exact"]} for r in df.to_dict("records")}
    for t in ("recognitions", "referendum_results", "events"):
        out |= {r["ref_id"]: {"source": r["source_url"]} for r in load_reference(t).to_dict("records")}
    out |= {f"doc {d}": {"doc": d} for d in load_corpus()["doc_id"]}
    return out


@dataclass
class Result:
    page: str
    cited: Counter = field(default_factory=Counter)
    linked: Counter = field(default_factory=Counter)
    checked: int = 0
    problems: list = field(default_factory=list)

    @property
    def n(self) -> int:
        return sum(self.cited.values())


def check_page(browser_page, url: str, want: dict, cache: dict | None = None) -> Result:
    """Load ``url``; every citation in its prose must be a link whose target element holds the
    quote (claims, numbers), links the public source (reference rows) or is the document."""
    cache = {} if cache is None else cache
    res = Result(url)
    browser_page.goto(url)
    prose = browser_page.evaluate(PROSE_JS)
    res.cited = Counter(i for g in GROUP.finditer(prose) for i in ONE.findall(g.group(0)))
    links = [a for a in browser_page.evaluate(LINKS_JS) if ONE.fullmatch(a["text"])]
    res.linked = Counter(a["text"] for a in links)
    for i in sorted(set(res.cited) | set(res.linked)):
        if res.cited[i] != res.linked[i]:
            res.problems.append(f"{i}: cited {res.cited[i]} times, {res.linked[i]} links")
    by_page: dict[str, list] = {}
    for a in links:
        target_page, anchor = urldefrag(urljoin(url, a["href"]))
        by_page.setdefault(target_page, []).append((a, anchor))
    for target_page, items in by_page.items():
        anchors = sorted({anchor for _, anchor in items})
        key = (target_page, tuple(anchors))
        if key not in cache:
            browser_page.goto(target_page)
            cache[key] = {t["id"]: t for t in browser_page.evaluate(TARGETS_JS, anchors)}
        found = cache[key]
        for a, anchor in items:
            res.checked += 1
            res.problems += _problems(a, anchor, found.get(anchor, {"found": False}), want)
    return res


def _problems(a: dict, anchor: str, t: dict, want: dict) -> list[str]:
    cid = a["text"]
    w = want.get(cid)
    if w is None:
        return [f"{cid}: not an id of any table"]
    if anchor != (f"doc-{w['doc']}" if "doc" in w else cid):
        return [f"{cid}: link {a['href']} does not point at the anchor of {cid}"]
    if not t["found"]:
        return [f"{cid}: link {a['href']} lands on no element"]
    if "exact" in w:
        out = [] if t["text"] == w["exact"] else [f"{cid}: lands on text {t['text'][:60]!r}, not the quote"]
        if w["exact"] not in a["title"]:
            out.append(f"{cid}: link preview does not show the quote")
        return out
    if "source" in w:
        return [] if t["source"] == w["source"] else [f"{cid}: row does not link its source {w['source']}"]
    return [] if f"Document {w['doc']}" in t["h1"] else [f"{cid}: lands on a page that is not document {w['doc']}"]
