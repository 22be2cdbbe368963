"""quanteda-style verbs and the framing lexicon: offsets true, statistics right, new articles counted."""

import math

import pandas as pd
import pytest

from ossetia import load_corpus
from ossetia.framing import label_hits, label_rates, leader_titles
from ossetia.textstats import dispersion, keyness, kwic, tokens

CORPUS = load_corpus()
RAW = dict(zip(CORPUS["doc_id"], CORPUS["raw"]))


def test_tokens_and_kwic_rows_point_at_their_raw_characters():
    t = tokens(CORPUS)
    for r in t.sample(200, random_state=0).itertuples():
        assert RAW[r.doc_id][r.start:r.end].replace("\u2019", "'").lower() == r.token
    k = kwic(CORPUS, r"sui generis|Pandora's box")
    assert list(k["keyword"]) == ["sui generis", "Pandora's box"]
    for r in k.itertuples():
        assert RAW[r.doc_id][r.start:r.end] == r.keyword


def test_kwic_matches_typographic_apostrophes():
    k = kwic(CORPUS, r"Georgia's breakaway")
    assert "003" in set(k["doc_id"]) or "004" in set(k["doc_id"])  # written Georgia’s there
    assert any("\u2019" in kw for kw in k["keyword"])


def test_keyness_is_the_signed_log_likelihood_g2():
    toks = pd.DataFrame({"outlet": ["A"] * 10 + ["B"] * 30,
                         "token": ["x"] * 4 + ["y"] * 6 + ["x"] * 2 + ["y"] * 28})
    k = keyness(toks, "A").set_index("token")
    # by hand: a=4, b=2, c=6, d=28 (x in A, x in B, rest of A, rest of B)
    a, b, c, d = 4, 2, 6, 28
    n = a + b + c + d
    e = [(a + b) * (a + c) / n, (a + b) * (b + d) / n, (c + d) * (a + c) / n, (c + d) * (b + d) / n]
    g2 = 2 * sum(o * math.log(o / ex) for o, ex in zip([a, b, c, d], e))
    assert k.loc["x", "G2"] == pytest.approx(g2, abs=1e-3) and k.loc["x", "G2"] > 0
    assert k.loc["y", "G2"] == pytest.approx(-g2, abs=1e-3)  # relatively rarer in A: negative


def test_label_rates_are_hits_per_thousand_tokens_of_each_voice_of_each_document():
    rates = label_rates(CORPUS)
    hits = label_hits(CORPUS)
    t = tokens(CORPUS)
    first = CORPUS[CORPUS["outlet"] == "Reuters"].iloc[0]
    col = f"Reuters {first['published']:%Y}"
    if (CORPUS["outlet"] == "Reuters").sum() > 1 and col not in rates.columns:
        col += f" ({first['doc_id']})"
    n_reuters = len(t[t["doc_id"] == first["doc_id"]])
    n_sep = len(hits[(hits["doc_id"] == first["doc_id"]) & (hits["label"] == "separatist")])
    assert rates.loc["separatist", col] == round(n_sep * 1000 / n_reuters, 2)
    assert {"Interfax 2008", "Wikipedia 2008"} <= set(rates.columns)
    assert not any(c.startswith("able2know.org") for c in rates.columns)


def test_two_articles_of_one_outlet_are_two_sources_never_pooled(seeds_copy, add_text):
    from ossetia.framing import source_labels

    add_text(seeds_copy, "Headline\n\nThe occupied Tskhinvali region was discussed again.\n", outlet="VOA",
             published="2009-05-01")
    add_text(seeds_copy, "Headline\n\nThe breakaway region was discussed once more.\n", outlet="VOA",
             published="2009-06-01")
    corpus = load_corpus(seeds_copy)
    rates = label_rates(corpus)
    voa = sorted(c for c in rates.columns if c.startswith("VOA "))
    new = corpus[(corpus["outlet"] == "VOA") & (corpus["published"].dt.year == 2009)]["doc_id"]
    assert voa == ["VOA 2006"] + [f"VOA 2009 ({d})" for d in sorted(new)]
    assert rates.loc["breakaway", "VOA 2006"] == label_rates(load_corpus())["VOA 2006"]["breakaway"]
    pooled = label_rates(corpus, by="outlet")
    assert list(c for c in pooled.columns if c.startswith("VOA")) == ["VOA"]
    t = tokens(corpus)
    t["voice"] = t["outlet"]
    assert source_labels(t).nunique() == corpus["doc_id"].nunique()


def test_leader_titles_catch_the_qualifiers():
    lt = leader_titles(CORPUS)
    titles = set(lt["title"])
    assert {"separatist leader", "incumbent President", "self-styled Abkhaz President", "De-facto leader"} <= titles
    for r in lt.itertuples():
        assert RAW[r.doc_id][r.start:r.end].startswith(r.title.split()[0])


def test_dispersion_positions_lie_in_the_text():
    d = dispersion(CORPUS, r"\bKosovo\b")
    assert d["position"].between(0, 1).all()
    assert set(d["doc_id"]) == set(CORPUS.loc[CORPUS["text"].str.contains(r"\bKosovo\b"), "doc_id"])


def test_an_added_article_is_counted_in_the_framing_tables(seeds_copy, add_text):
    add_text(seeds_copy, "Headline\n\nThe occupied Tskhinvali region and its de facto leaders were discussed.\n")
    rates = label_rates(load_corpus(seeds_copy))
    assert rates.loc["occupied", "Civil Georgia 2015"] > 0 and rates.loc["Tskhinvali region", "Civil Georgia 2015"] > 0


def test_the_fast_ascii_tokenizer_finds_exactly_what_the_unicode_one_finds():
    from hypothesis import given, settings, strategies as st
    from ossetia.textstats import TOKEN, tokenize

    alphabet = st.sampled_from(list("abcXYZ019 .,'-\u2019\u201c\u201d\n") + ["é", "ß", "Ж", "٣"])

    @settings(max_examples=400, deadline=None)
    @given(st.text(alphabet=alphabet, max_size=60))
    def same(text):
        assert tokenize(text) == TOKEN.findall(text)
    same()
    for raw in RAW.values():
        assert tokenize(raw) == TOKEN.findall(raw)
