"""Rule-based extraction: claim-shaped candidates with exact offsets, scored honestly, new articles too."""

import io
import subprocess
import sys

import pandas as pd

from ossetia import load_corpus
from ossetia.cli import main
from ossetia.evidence import CLAIM_COLUMNS, check_span, load_claims
from ossetia.extract import extract_claims, score


def test_candidates_are_in_the_claims_schema_with_true_offsets():
    x = extract_claims()
    assert list(x.columns[: len(CLAIM_COLUMNS)]) == CLAIM_COLUMNS
    raws = dict(zip(load_corpus()["doc_id"], load_corpus()["raw"]))
    for r in x.astype(str).to_dict("records"):
        assert check_span(raws[r["doc_id"]], r) is None


def test_negation_and_hedges_are_read():
    x = extract_claims()
    notrec = x[x["exact"].str.contains("not recognized by the international community, or Russia")]
    assert "does_not_recognise" in set(notrec["action"]) and "recognises" not in set(notrec["action"])
    assert set(notrec["actor"]) == {"international community", "Russia"}  # "A, or B" is a list
    rice = x[x["exact"].str.contains("sui generis")]
    # the action is read; the actor is not (Rice is named in the paragraph before: no coreference)
    assert set(rice["action"]) == {"denies_precedent"}
    urged = x[x["exact"].str.contains("unanimously approved resolutions urging")]
    assert "urges_recognition" in set(urged["action"])


def test_a_list_of_actors_yields_one_candidate_each():
    x = extract_claims()
    cond = x[x["exact"].str.startswith("The European Union, OSCE, NATO and the USA condemned")]
    assert set(cond["actor"]) == {"European Union", "OSCE", "NATO", "United States"}


def test_score_counts_what_it_says():
    corpus = load_corpus()
    x, c = extract_claims(), load_claims()
    s = score(x, c, corpus).set_index("theme")
    overall = s.loc["(all)"]
    assert overall["found"] <= overall["curated"] and overall["correct"] <= overall["extracted"]
    assert overall["recall"] == round(overall["found"] / overall["curated"], 2)
    # an extractor that finds nothing scores zero recall; the curated table scores itself perfectly
    empty = x.iloc[0:0]
    assert score(empty, c, corpus).set_index("theme").loc["(all)", "recall"] == 0
    from ossetia.segment import sentences
    sents = sentences(corpus)
    self_x = c.copy()
    self_x["sent_id"] = [next(iter(sents[(sents.doc_id == d) & (sents.start <= s) & (sents.end > s)].sent_id), None)
                         for d, s in zip(c.doc_id, c.start)]
    self_x = self_x[self_x["sent_id"].notna()]  # the extractor reads body sentences only
    perfect = score(self_x, c, corpus).set_index("theme").loc["(all)"]
    assert perfect["recall"] == 1 and perfect["precision"] == 1


def test_extract_cli_writes_csv_to_stdout(capsys):
    assert main(["extract"]) == 0
    df = pd.read_csv(io.StringIO(capsys.readouterr().out), dtype=str)
    assert len(df) == len(extract_claims()) and df["claim_id"].iloc[0] == "X001"


def test_an_added_article_flows_through_extraction_without_code_change(seeds_copy, add_text):
    add_text(seeds_copy, "Georgia condemned the treaty. Russia recognised the independence of South Ossetia, "
                         "and Tbilisi said it will never permit it.\n", published="2015-03-18")
    x = extract_claims(seeds_copy)
    new = x[x["doc_id"] == "005"]
    assert {("Georgia", "condemns"), ("Russia", "recognises"), ("Georgia", "opposes_recognition")} <= \
        set(zip(new["actor"], new["action"]))
    assert set(new["speaker"]) <= {"Civil Georgia", "Georgia"}
