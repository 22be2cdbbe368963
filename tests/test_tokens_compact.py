"""The compact token table means what the row-per-token table meant: the same tokens, offsets
into the raw file, document variables and sentences, computed here the plain way."""

import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from ossetia import load_corpus
from ossetia.normalise import fold, of_row
from ossetia.segment import sentences
from ossetia.splitting import _split
from ossetia.textstats import TOKEN, frequencies, kwic, tokens
from ossetia.tokenizer import token_spans, tokens_of

CORPUS = load_corpus()


def plain_sentences(corpus):
    """sentences() as it was written first: normalise, split each paragraph, map to raw."""
    rows = []
    for r in corpus.itertuples():
        n = of_row(corpus, r)
        k = 0
        for pi, p in enumerate(n.paragraphs, start=1):
            for a, b in _split(n.text[p.t_start:p.t_end]):
                k += 1
                ra, rb = n.to_raw(p.t_start + a, p.t_start + b)
                rows.append((r.doc_id, r.outlet, r.published, f"{r.doc_id}-s{k:02d}", pi, p.part,
                             n.text[p.t_start + a:p.t_start + b], ra, rb))
    return rows


def plain_tokens(corpus):
    """One tuple per token: every TOKEN match in each raw sentence, folded and lower-cased."""
    return [(d, o, pub, sid, part, fold(m.group(0)).lower(), a + m.start(), a + m.end())
            for d, o, pub, sid, _, part, _, a, b in plain_sentences(corpus)
            for m in TOKEN.finditer(corpus.loc[corpus["doc_id"] == d, "raw"].item()[a:b])]


def as_tuples(t):
    cols = [t[c].astype(object) if isinstance(t[c].dtype, pd.CategoricalDtype) else t[c] for c in t.columns]
    return list(zip(*(c.tolist() for c in cols)))


def test_the_compact_table_holds_every_token_with_its_offsets_and_document_variables():
    t = tokens(CORPUS)
    assert as_tuples(t) == plain_tokens(CORPUS)
    raw = dict(zip(CORPUS["doc_id"], CORPUS["raw"]))
    assert all(fold(raw[d][a:b]).lower() == w for d, w, a, b in zip(t["doc_id"], t["token"], t["start"], t["end"]))
    # compact: integer codes, not a Python object per token
    assert all(isinstance(t[c].dtype, pd.CategoricalDtype) for c in ["doc_id", "outlet", "sent_id", "part", "token"])
    assert t["start"].dtype == np.int32 and t["end"].dtype == np.int32


def test_sentences_are_those_of_the_paragraph_by_paragraph_split():
    s = sentences(CORPUS)
    assert list(s.itertuples(index=False, name=None)) == plain_sentences(CORPUS)


ODD = ("Headline of the day\n\n## A  heading\twith tabs\n\nMr. Smith said\u00a0the U.S. would act.  "
       "Then\u2013dash and rock'n'roll, 3.5 and 1990s-era 3a'b COVID19\ufeff here.\r\n"
       "\u201cQuoted,\u201d she said. \u2018No\u2019. Georgia\u2019s \u0130stanbul \u00e9t\u00e9 \U0001d400bc.\n")


def test_texts_with_odd_whitespace_marks_and_headings(seeds_copy, add_text):
    add_text(seeds_copy, ODD)
    c = load_corpus(seeds_copy)
    assert as_tuples(tokens(c)) == plain_tokens(c)
    assert list(sentences(c).itertuples(index=False, name=None)) == plain_sentences(c)
    kept_case = tokens(c, lower=False)["token"].astype(object)
    assert [w.lower() for w in kept_case] == [r[5] for r in plain_tokens(c)]
    assert "Georgia's" in set(kept_case)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abZ09 .,'-\u2019\u2013\n\t") + ["é", "ß", "Ж", "٣", "İ", "\U0001d400"]),
               max_size=80))
def test_the_numpy_tokenizer_finds_exactly_the_regex_tokens(text):
    spans = [m.span() for m in TOKEN.finditer(text)]
    s, e = token_spans(text)
    assert list(zip(s.tolist(), e.tolist())) == spans
    assert tokens_of(text)[2] == TOKEN.findall(text)


def test_frequencies_and_kwic_read_the_compact_table_as_before():
    t = tokens(CORPUS)
    f = frequencies(t)
    plain = pd.DataFrame(plain_tokens(CORPUS), columns=list(t.columns))
    want = plain.groupby(["outlet", "token"]).size()
    got = f.set_index(["outlet", "token"])["count"]
    assert got.sort_index().to_dict() == want.sort_index().to_dict()
    assert f["outlet"].dtype == object or pd.api.types.is_string_dtype(f["outlet"])
    k = kwic(CORPUS, r"\bKosovo\b")
    raw = dict(zip(CORPUS["doc_id"], CORPUS["raw"]))
    assert len(k) == sum(len(re.findall(r"\bKosovo\b", fold(s[6]), re.I)) for s in plain_sentences(CORPUS))
    assert all(raw[r.doc_id][r.start:r.end] == r.keyword for r in k.itertuples())


@pytest.mark.parametrize("n", [0, 1])
def test_tiny_corpora(n):
    t = tokens(CORPUS.iloc[:n])
    assert len(t) == (0 if n == 0 else len(plain_tokens(CORPUS.iloc[:1])))


def test_a_paragraph_edge_inside_a_word_is_respected():
    from ossetia.textstats import _batch, _Vocab

    class Lay:  # a layout whose paragraphs a rule cut inside words
        def __init__(self, pars):
            self.pars, self.parts, self.plain, self._sents = np.array(pars, dtype=np.int32), ("news",), True, None

        def sentences(self, raw):
            return self._sents

    raws = ["xx abc def", "ghi jk"]
    vocab = _Vocab()
    doc, par, start, end, codes, sents = _batch(raws, [Lay([[4, 10]]), Lay([[0, 6]])], vocab)  # "bc def", "ghi jk"
    words = [list(vocab)[c] for c in codes]
    assert words == ["bc", "def", "ghi", "jk"]
    assert [raws[d][a:b] for d, a, b in zip(doc, start, end)] == words
    assert par.tolist() == [0, 0, 1, 1]
    assert [s.tolist() for s in sents] == [[[4, 10, 0]], [[0, 6, 0]]]


def test_a_control_character_in_every_joiner_slot_still_tokenises():
    from ossetia.splitting import JOINERS

    c = CORPUS.iloc[:1].copy()
    c.loc[0, "raw"] = c.loc[0, "raw"].replace("Kosovo", "Kosovo" + JOINERS)
    assert as_tuples(tokens(c)) == plain_tokens(c)


def test_a_changed_raw_text_gets_its_own_layout():
    c = CORPUS.copy()
    c.loc[0, "raw"] = c.loc[0, "raw"].replace("Kosovo", "Kosova")
    t = tokens(c)
    assert as_tuples(t) == plain_tokens(c)


def test_a_text_of_one_letter_words_outgrows_the_first_allocation(seeds_copy, add_text):
    # tokens are allocated for about one per five characters: here there is one per two
    add_text(seeds_copy, "Headline of the day\n\n" + " ".join("abcdefghij" * 600) + ".\n")
    c = load_corpus(seeds_copy)
    toks = tokens(c)
    assert len(toks) > sum(map(len, c["raw"])) // 5  # (so the columns had to grow)
    assert as_tuples(toks) == plain_tokens(c)


def test_columns_grow_and_widen_when_the_first_guess_is_wrong():
    from ossetia.textstats import _Columns

    cols = _Columns(10, {"a": np.int16, "b": np.int32})
    rows = [np.arange(k * 700, (k + 1) * 700) for k in range(60)]  # 42,000 rows; past int16 by the end
    for r in rows:
        if r.max() > 32767:
            cols.widen("a", np.int32)
        cols.add(a=r, b=r * 2)
    got = cols.done()
    assert got["a"].dtype == np.int32 and got["b"].dtype == np.int32 and cols.cap >= 42000
    assert (got["a"] == np.concatenate(rows)).all() and (got["b"] == 2 * np.concatenate(rows)).all()
