"""The reading site's generators that need no Sphinx: citation parsing, span nesting, evidence HTML.
(The built site itself is tested in a browser by `make site-test`, tests/browser/.)"""

import html
import re
from html.parser import HTMLParser

from ossetia.corpus import load_corpus
from ossetia.evidence import load_claims, load_numbers
from ossetia.site.citations import cited_ids, split, targets
from ossetia.site.evidence_pages import Span, document_page, nest, render


def test_citation_groups_lists_and_ranges():
    text = "a [C002, C046] b [RR01–RR07] c [E07, C083–C086] d [doc 000] e ['C083', 'x'] f [C1234]"
    assert cited_ids(text) == ["C002", "C046", "RR01", "RR07", "E07", "C083", "C086", "doc 000", "C1234"]
    assert split("E07, C083–C086") == [("E07", True), (", ", False), ("C083", True), ("–", False), ("C086", True)]


def test_every_claim_number_reference_row_and_document_is_a_target():
    t = targets()
    claims, numbers = load_claims(), load_numbers()
    assert set(claims["claim_id"]) | set(numbers["number_id"]) <= set(t)
    row = claims.iloc[0]
    assert t[row["claim_id"]].exact == row["exact"] and row["exact"] in t[row["claim_id"]].preview
    assert all(f"doc {d}" in t for d in load_corpus()["doc_id"])


def test_equal_and_nested_spans_nest_and_crossing_ones_are_set_apart():
    spans = [Span("A", "claim", 0, 10, ""), Span("B", "claim", 0, 10, ""), Span("C", "number", 2, 4, ""),
             Span("D", "claim", 8, 14, "")]
    roots, crossing = nest(spans)
    assert [s.id for s in roots] == ["A"]
    assert [s.id for s in roots[0].children] == ["B"] and [s.id for s in roots[0].children[0].children] == ["C"]
    assert [s.id for s in crossing] == ["D"]


class _Marks(HTMLParser):
    """The text of every element with an id, and the whole text, from rendered HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.texts, self.all = [], {}, []

    def handle_starttag(self, tag, attrs):
        self.stack.append(dict(attrs).get("id"))
        if self.stack[-1]:
            self.texts[self.stack[-1]] = ""

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        self.all.append(data)
        for i in self.stack:
            if i:
                self.texts[i] += data


def test_rendered_text_is_the_raw_file_and_every_span_holds_its_quote():
    corpus, claims, numbers = load_corpus(), load_claims(), load_numbers()
    for doc in corpus.to_dict("records"):
        page = document_page(doc, claims, numbers)
        pre = re.search(r'<pre class="ev-raw"[^>]*>(.*?)</pre>', page, re.S).group(1)
        p = _Marks()
        p.feed(pre)
        assert "".join(p.all) == doc["raw"]
        rows = list(claims[claims["doc_id"] == doc["doc_id"]].itertuples()) + \
            list(numbers[numbers["doc_id"] == doc["doc_id"]].itertuples())
        for r in rows:
            rid = getattr(r, "claim_id", None) or r.number_id
            assert p.texts.get(rid, page.count(f'id="{rid}"') and "") == r.exact, rid


def test_carriage_returns_survive_the_html():
    out = render("a\r\nb <c>", [Span("X", "claim", 0, 3, "codes & more")])
    assert "&#13;" in out and "&lt;c&gt;" in out
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == "a\r\nb <c>"
