"""The development set: standoff annotations that re-read from the texts, valid codes, a split
made before tuning, and both scoring rules counting what they say."""

import pandas as pd
import pytest

from ossetia import devset
from ossetia.corpus import load_corpus
from ossetia.evidence import load_claims
from ossetia.extract import extract_claims, score_rules

needs_texts = pytest.mark.skipif(not devset.available(), reason=devset.missing_reason() or "texts present")


def test_split_names_every_annotated_file_and_holds_back_some():
    split = devset.load_split()
    assert set(split["split"]) == set(devset.SPLITS)
    assert split["file"].is_unique
    ann = pd.read_csv(devset.CLAIMS, dtype=str)
    assert set(ann["file"]) <= set(split["file"])
    held = split[split["split"] == "heldback"]
    assert len(held) >= 4 and held["outlet"].nunique() == len(held)
    # the held-back outlets do not appear in the tuning part
    assert not set(held["outlet"]) & set(split.loc[split["split"] == "dev", "outlet"])


@needs_texts
def test_every_standoff_row_rereads_to_a_quote_and_uses_valid_codes():
    ann = devset.load_annotations()
    assert len(ann) >= 80 and ann["exact"].str.strip().str.len().gt(0).all()
    assert set(ann["file"]) == set(devset.load_split()["file"])  # all twelve are coded
    assert devset.problems(ann) == []


@needs_texts
def test_bad_codes_and_bad_spans_are_reported():
    ann = devset.load_annotations()
    bad = ann.copy()
    bad.loc[0, "action"] = "hails"
    bad.loc[1, "actor"] = "Atlantis"
    msgs = devset.problems(bad)
    assert len(msgs) == 2 and "hails" in msgs[0] and "row 2" in msgs[0] and "Atlantis" in msgs[1]


def test_absent_texts_give_one_clear_reason(tmp_path):
    assert not devset.available(tmp_path / "nowhere")
    assert "absent" in devset.missing_reason(tmp_path / "nowhere")


def test_both_rules_score_the_curated_table_perfectly_and_nothing_as_zero():
    corpus, cur = load_corpus(), load_claims()
    t = score_rules(cur, cur, corpus, "self").set_index("rule")
    assert (t["recall"] == 1).all() and (t["precision"] == 1).all()
    z = score_rules(extract_claims().iloc[0:0], cur, corpus, "none").set_index("rule")
    assert (z["recall"] == 0).all() and (z["n_extracted"] == 0).all()


def test_strict_rule_needs_the_same_target_and_an_overlapping_span():
    corpus, cur = load_corpus(), load_claims()
    one = cur[cur["claim_id"] == "C004"].copy()  # "calling on the European Union, Russia and the UN to recognise"
    wrong_target = one.assign(target="kosovo_precedent")
    t = score_rules(wrong_target, cur, corpus).set_index("rule")
    assert t.loc["project", "correct"] == 1 and t.loc["strict", "correct"] == 0
    elsewhere = one.assign(start=one["start"] - 30, end=one["start"] - 5)  # same sentence, no overlap
    t = score_rules(elsewhere, cur, corpus).set_index("rule")
    assert t.loc["project", "correct"] == 1 and t.loc["strict", "correct"] == 0


@needs_texts
def test_evaluate_gives_a_tidy_table_for_the_tuning_part(tmp_path, reference_default):
    t = devset.evaluate(("dev",))
    assert list(t.columns[:5]) == ["set", "rule", "recall", "precision", "n"]
    assert set(t["rule"]) == {"project", "strict"} and set(t["set"]) == {"dev"}
    assert (t["found"] <= t["n"]).all() and (t["correct"] <= t["n_extracted"]).all()
    with pytest.raises(ValueError, match="unknown set"):
        devset.evaluate(("test",))


@needs_texts
def test_stored_report_is_what_the_texts_give_now(reference_default):
    # notebook 05 shows the stored tables; they must be what scoring the articles gives today
    scores, misses = devset.report()
    pd.testing.assert_frame_equal(devset.stored_scores(), scores, check_dtype=False)
    pd.testing.assert_frame_equal(devset.stored_misses(), misses, check_dtype=False)


def test_stored_report_reads_without_the_texts():
    scores = devset.stored_scores()
    assert set(scores["set"]) == set(devset.SET_NAMES) and set(scores["rule"]) == {"project", "strict"}
    assert scores[["recall", "precision"]].apply(lambda c: c.between(0, 1)).all().all()
    counts = devset.annotation_counts()
    assert set(counts.index) == set(devset.SPLITS) and counts["claims"].sum() == len(devset._read(devset.CLAIMS))
