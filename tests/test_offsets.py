"""Offsets survive normalisation: text spans map back to raw spans, raw quotes are found in text."""

import re

from hypothesis import given, strategies as st

from ossetia import load_corpus
from ossetia.corpus import normalised
from ossetia.normalise import fold, normalise

CORPUS = load_corpus()
DOCS = [normalised(CORPUS, d) for d in CORPUS["doc_id"]]


def _collapse(s: str) -> str:
    return " ".join(s.split())


def _para_span(n, data):
    p = data.draw(st.sampled_from(n.paragraphs))
    a = data.draw(st.integers(p.t_start, p.t_end - 1))
    b = data.draw(st.integers(a + 1, p.t_end))
    return a, b


@given(st.data())
def test_any_text_span_maps_back_to_the_raw_span_that_produced_it(data):
    n = data.draw(st.sampled_from(DOCS))
    a, b = _para_span(n, data)
    ra, rb = n.to_raw(a, b)
    assert _collapse(n.raw[ra:rb]) == _collapse(n.text[a:b])
    assert n.text[a] == n.raw[ra] or n.text[a] == " "


@given(st.data())
def test_a_raw_quote_is_found_in_the_text_and_maps_back_to_itself(data):
    n = data.draw(st.sampled_from(DOCS))
    p = data.draw(st.sampled_from(n.paragraphs))
    words = list(re.finditer(r"\S+", n.raw[p.start:p.end]))
    i = data.draw(st.integers(0, len(words) - 1))
    j = data.draw(st.integers(i, min(len(words) - 1, i + 12)))
    ra, rb = p.start + words[i].start(), p.start + words[j].end()
    quote = n.raw[ra:rb]
    span = n.find(quote)
    assert span is not None
    # the first occurrence may be an earlier equal string; it must still read as that quote
    fa, fb = n.to_raw(*span)
    assert fold(_collapse(n.raw[fa:fb])) == fold(_collapse(quote))
    assert n.from_raw(ra, rb) is not None


# -- generated articles: chrome lines, markdown, odd whitespace, CRLF, a BOM -----------
_word = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P"), exclude_characters="#-"),
                min_size=1, max_size=8)
_line = st.lists(_word, min_size=1, max_size=10).map(" ".join)
_chrome = st.sampled_from(["Accessibility links", "Breaking News", "---", "Text size Aa Aa"])
_ws = st.sampled_from([" ", "  ", "\t", " \u00a0 "])


@st.composite
def articles(draw):
    lines = draw(st.lists(st.one_of(_line, _chrome, _line.map(lambda s: "## " + s)), min_size=1, max_size=12))
    sep = draw(st.sampled_from(["\n", "\r\n", "\n\n"]))
    body = sep.join(draw(_ws).join(ln.split(" ")) if draw(st.booleans()) else ln for ln in lines)
    return draw(st.sampled_from(["", "\ufeff"])) + body


@given(articles())
def test_generated_articles_keep_every_text_character_traceable(raw):
    n = normalise(raw, "VOA")
    assert len(n.omap) == len(n.text)
    for i, ch in enumerate(n.text):
        j = n.omap[i]
        if j < 0:
            assert ch == "\n"
        elif ch == " ":
            assert n.raw[j].isspace() or n.raw[j] == "\ufeff"
        else:
            assert n.raw[j] == ch
    real = [j for j in n.omap if j >= 0]
    assert real == sorted(real)  # order is preserved


@given(articles(), st.data())
def test_generated_articles_round_trip_spans(raw, data):
    n = normalise(raw, "VOA")
    if not n.paragraphs:
        return
    a, b = _para_span(n, data)
    if n.text[a:b].strip() == "":
        return
    ra, rb = n.to_raw(a, b)
    assert _collapse(n.raw[ra:rb].replace("\ufeff", " ")) == _collapse(n.text[a:b])
    back = n.from_raw(ra, rb)
    assert back is not None and _collapse(n.text[back[0]:back[1]]) == _collapse(n.text[a:b])
