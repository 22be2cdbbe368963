"""The vectorised sentence splitter and token coder against plain one-at-a-time references."""

from __future__ import annotations

import re

import numpy as np
from hypothesis import given, settings, strategies as st

from ossetia import splitting
from ossetia.splitting import ABBREVIATIONS, _BOUNDARY, code_points, sentence_spans
from ossetia.textstats import _Vocab
from ossetia.tokenizer import token_spans

_RUN = re.compile(r"[A-Za-z.]*")


def reference_split(text: str, bounds) -> list[tuple[int, int]]:
    """The rule as a loop: each paragraph scanned alone with ``finditer(text, a, b)``; a full
    stop after an abbreviation or a single capital (the run of letters and full stops before
    it, within the sentence, trailing stops dropped) ends nothing; spaces after a boundary
    are skipped."""
    spans = []
    for a, b in bounds:
        start = a
        for m in _BOUNDARY.finditer(text, a, b):
            j = m.start()
            if text[j] == ".":
                k = 0
                while j - k - 1 >= start and _RUN.fullmatch(text[j - k - 1]):
                    k += 1
                w = text[j - k:j].rstrip(".")
                if k and (w in ABBREVIATIONS or (len(w) == 1 and "A" <= w <= "Z")):
                    continue
            spans.append((start, m.end()))
            start = m.end()
            while start < b and text[start] == " ":
                start += 1
        if start < b:
            spans.append((start, b))
    return spans


PIECES = list("aAbZz .!?\"'\u201d\u2019)]([\u201c\u2018\t\n\u00a009\u2003\U0001F600-,") + [
    "U.S.", "Mr.", "approx.", "Sept.", " A. ", "No. 5", "..", "e.g. Then", "U.K.'s", "\x00", "\x01",
    # runs longer than the splitter steps over before it looks the rest up
    " " * 7, "\u201d" * 6, ")]'\"\u2019)", "abcdefghijklmnopqrstuvwxyz.", "x.y.z.w.v.u.t.s.r.q.p.o.n."]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts, st.data())
def test_sentences_are_those_of_the_one_paragraph_at_a_time_rule(text, data):
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6, unique=True)))
    bounds = list(zip(cuts[0::2], cuts[1::2]))
    got = sentence_spans(text, bounds)
    assert [(a, b) for a, b, _ in got.tolist()] == reference_split(text, bounds)
    # and each sentence names the paragraph it lies in
    for a, b, p in got.tolist():
        assert bounds[p][0] <= a < b <= bounds[p][1]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_boundary_candidates_are_what_finditer_finds(text):
    j, e, _ = splitting._candidates(code_points(text))
    assert list(zip(j.tolist(), e.tolist())) == [m.span() for m in _BOUNDARY.finditer(text)]


def test_every_joiner_in_the_text_falls_back_to_one_paragraph_at_a_time():
    text = "One. Two" + splitting.JOINERS + ". Three. Four"
    bounds = [(0, 8), (8, len(text))]
    assert [(a, b) for a, b, _ in sentence_spans(text, bounds).tolist()] == reference_split(text, bounds)


WORDS = st.lists(st.sampled_from(["a", "recognition", "referendums", "Tskhinvali's", "state\u2019s", "1,000",
                                  "1990s", "\u0426\u0445\u0438\u043d\u0432\u0430\u043b", "abcdefgh",
                                  "abcdefghi", "abcdefghijklmnop", "abcdefghijklmnopq", "caf\u00e9",
                                  "x\U0001F600y", "Kosovo", "kosovo", "-", " ", "\n"]), max_size=60)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS.map(" ".join), min_size=1, max_size=3))
def test_token_codes_name_the_tokens_at_their_spans(texts):
    vocab = _Vocab()
    names = []
    for text in texts:  # several texts through one vocabulary: codes carry over
        starts, ends = token_spans(text)
        codes = vocab.codes(text, code_points(text), starts, ends)
        names = list(vocab)
        assert [names[c] for c in codes.tolist()] == [text[a:b] for a, b in zip(starts.tolist(), ends.tolist())]
    assert len(set(names)) == len(names)  # one code per token


def test_a_text_with_no_sentence_or_token():
    assert sentence_spans("", []).shape == (0, 3)
    assert _Vocab().codes("", code_points(""), np.zeros(0, np.int64), np.zeros(0, np.int64)).size == 0
