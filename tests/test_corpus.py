"""The corpus loader: the reference corpus's five documents, chrome removed and logged, parts, fields, from any directory."""

import re

import pytest

from ossetia import load_corpus, removals, parts, sentences
from ossetia.corpus import normalised

CHROME = ["Accessibility links", "Breaking News", "Euronews is no longer accessible on Internet Explorer",
          "Euronews logo", "Text size Aa Aa"]


def test_reference_corpus_loads_five_documents_from_any_directory(tmp_path, monkeypatch, reference_default):
    monkeypatch.chdir(tmp_path)
    df = load_corpus()
    assert list(df["doc_id"]) == ["000", "001", "002", "003", "004"]
    assert {"outlet", "published", "url", "raw", "text", "date_basis"} <= set(df.columns)


def test_raw_column_is_the_file_exactly():
    df = load_corpus()
    from ossetia.paths import seeds_dir
    for r in df.itertuples():
        assert r.raw == (seeds_dir() / r.file).read_bytes().decode("utf-8")


@pytest.mark.parametrize("chrome", CHROME)
def test_no_chrome_line_survives_in_text_and_each_is_logged(chrome):
    df = load_corpus()
    assert not any(chrome in t for t in df["text"])
    log = removals(df)
    hits = log[log["removed"].str.startswith(chrome)]
    assert len(hits) >= 1 and (hits["role"] == "chrome").all()


def test_markdown_rules_and_heading_marks_are_removed():
    df = load_corpus()
    reuters = df.loc[df["doc_id"] == "001", "text"].item()
    assert "---" not in reuters and not re.search(r"(^|\n)#", reuters)
    assert "KOSOVO PRECEDENT" in reuters  # the heading's words stay
    log = removals(df)
    assert set(log.loc[log["doc_id"] == "001", "rule_id"]) >= {"md-rule", "md-title", "md-heading", "byline"}


def test_repeated_headline_is_removed_once_and_title_kept():
    df = load_corpus()
    eur = df.loc[df["doc_id"] == "003"].iloc[0]
    assert eur["headline"] == "Russian MPs back Georgia's breakaway regions"
    assert eur["headline"] not in eur["text"]
    log = removals(df)
    assert (log.loc[log["doc_id"] == "003", "rule_id"] == "repeat-title").sum() == 1


def test_title_byline_and_dateline_are_recognised():
    df = load_corpus().set_index("doc_id")
    assert df.loc["001", "headline"] == "Georgia Rebel Region Seeks Recognition After Kosovo"
    assert df.loc["001", "byline_found"] == "Guy Faulconbridge"
    assert df.loc["001", "dateline"] == "MOSCOW, March 5 (Reuters)"
    assert not df.loc["001", "text"].startswith("MOSCOW")
    assert df.loc["004", "dateline"].startswith("Agenda.ge, 11 Dec 2014")
    assert df.loc["004", "caption"] == "South Ossetia's de facto President Leonid Tibilov."
    assert df.loc["000", "headline"] == ""  # the forum post has none: nothing is invented


def test_the_forum_post_has_a_news_part_and_an_encyclopedia_part():
    df = load_corpus()
    p = parts(df)
    doc0 = p[p["doc_id"] == "000"].set_index("part")
    assert list(doc0.index) == ["news", "encyclopedia"]
    assert "Interfax reported" in doc0.loc["news", "text"]
    assert "Interfax" not in doc0.loc["encyclopedia", "text"]
    assert doc0.loc["encyclopedia", "text"].startswith("The United Nations, European Union, OSCE")
    assert (p[p["doc_id"] != "000"]["part"] == "news").all()


def test_sentences_carry_raw_offsets_and_document_variables():
    df = load_corpus()
    s = sentences(df)
    assert {"doc_id", "outlet", "published", "sent_id", "part"} <= set(s.columns)
    raws = dict(zip(df["doc_id"], df["raw"]))
    for r in s.itertuples():
        assert " ".join(raws[r.doc_id][r.start:r.end].split()) == r.text
    # abbreviations do not end a sentence
    assert any(t.startswith("U.S. Secretary of State Condoleezza Rice") for t in s["text"])
    assert not any(t == "U.S." for t in s["text"])


def test_normalised_text_keeps_typographic_quotes_but_find_folds_them():
    df = load_corpus()
    n = normalised(df, "003")
    assert "’" in n.text
    span = n.find("separatists' drive for independence")
    assert span is not None
    a, b = n.to_raw(*span)
    assert n.raw[a:b] == "separatists’ drive for independence"
