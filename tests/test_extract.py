"""Rule-based extraction: claim-shaped candidates with exact offsets, scored honestly, new articles too."""

import io

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
    from ossetia.manifest import read_manifest

    x = extract_claims(seeds_copy)
    new = x[x["doc_id"] == read_manifest(seeds_copy)["doc_id"].iloc[-1]]
    assert {("Georgia", "condemns"), ("Russia", "recognises"), ("Georgia", "opposes_recognition")} <= \
        set(zip(new["actor"], new["action"]))
    assert set(new["speaker"]) <= {"Civil Georgia", "Georgia"}


# -- the failure classes seen on unseen articles, each on invented sentences ----------------

import csv  # noqa: E402
import re  # noqa: E402

from ossetia.evidence import load_vocab  # noqa: E402
from ossetia.extract import BOILERPLATE, KIND_CUES, LEXICON, REGION_CUES, TARGET_CUES  # noqa: E402


def _new(seeds, add_text, text, published="2009-06-10"):
    add_text(seeds, text, published=published)
    x = extract_claims(seeds)
    return x[x["doc_id"] == x["doc_id"].max()]


def _pairs(x):
    return set(zip(x["actor"], x["action"], x["target"]))


def test_rule_tables_parse_and_use_only_the_vocabulary():
    actions = set(load_vocab("actions")["action"])
    targets = set(load_vocab("targets")["target"])
    kinds = set(load_vocab("actors")["kind"])
    for path in (LEXICON, TARGET_CUES, REGION_CUES, BOILERPLATE, KIND_CUES):
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        for r in rows:
            assert None not in r and None not in r.values(), f"{path.name}: wrong number of fields in {r}"
            re.compile(r["pattern"])
    with LEXICON.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            assert {r["action"], r["negated_action"]} - {""} <= actions, r["cue_id"]
    with TARGET_CUES.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            assert r["target"] in targets and set(r["actions"].split()) <= actions, r["cue_id"]
    with KIND_CUES.open(encoding="utf-8", newline="") as fh:
        assert {r["kind"] for r in csv.DictReader(fh)} <= kinds


def test_appeals_are_not_recognitions(seeds_copy, add_text):
    x = _new(seeds_copy, add_text,
             "The parliament of South Ossetia appealed to the United Nations to recognise its independence.\n\n"
             "Venezuela urged Belarus to recognise South Ossetia as an independent state.\n")
    assert "recognises" not in set(x["action"])
    assert {"seeks_recognition", "urges_recognition"} <= set(x["action"])
    assert set(x.loc[x["action"] == "seeks_recognition", "actor"]) == {"South Ossetia"}


def test_noun_forms_of_recognition_and_support(seeds_copy, add_text):
    x = _new(seeds_copy, add_text, "Ruritania's recognition of South Ossetia angered Tbilisi.\n\n"
                                   "Moscow expressed its support for the decision.\n")
    rec = x[x["action"] == "recognises"]
    assert set(rec["actor"]) == {"Ruritania"} and set(rec["actor_kind"]) == {"state"}
    assert ("Russia", "supports") in set(zip(x["actor"], x["action"]))


def test_vote_results_as_percentages_of_votes_or_turnout(seeds_copy, add_text):
    x = _new(seeds_copy, add_text, "Some 99 percent of voters backed independence in the referendum.\n\n"
                                   "Turnout was 95 percent, the election commission said.\n\n"
                                   "Prices rose by 12 percent last year.\n", published="2006-11-14")
    res = x[x["action"] == "reports_result"]
    assert len(res["sent_id"].unique()) == 2 and set(res["target"]) == {"referendum_2006"}


def test_condemnation_and_criticism_in_other_words(seeds_copy, add_text):
    x = _new(seeds_copy, add_text, "The European Union slammed the vote.\n\n"
                                   "NATO was critical of the decision.\n\n"
                                   "The United States called the move unfortunate.\n")
    cond = x[x["action"] == "condemns"]
    assert set(cond["actor"]) == {"European Union", "NATO", "United States"}


def test_inverted_frames_are_the_integrity_of_georgia(seeds_copy, add_text):
    x = _new(seeds_copy, add_text, "Ruritania recognises the territorial integrity of Georgia within its "
                                   "internationally recognised borders, including South Ossetia and Abkhazia.\n")
    assert _pairs(x) == {("Ruritania", "recognises", "georgian_territorial_integrity")}


def test_unknown_people_and_states_are_proposed_not_given_to_a_known_actor(seeds_copy, add_text):
    x = _new(seeds_copy, add_text, "The Ruritanian President Jan Novak has officially recognised the "
                                   "independence of South Ossetia.\n")
    rec = x[x["action"] == "recognises"]
    assert list(zip(rec["actor"], rec["actor_kind"])) == [("Jan Novak", "person")]
    assert "South Ossetia" not in set(x["actor"]) | set(x["speaker"])


def test_a_recognition_citing_kosovo_targets_the_independence(seeds_copy, add_text):
    x = _new(seeds_copy, add_text, "Ruritania recognised Abkhazia and South Ossetia, citing the Kosovo precedent.\n")
    assert {("Ruritania", "recognises", "south_ossetia_independence"),
            ("Ruritania", "recognises", "abkhazia_independence")} <= _pairs(x)
    assert set(x.loc[x["action"] == "recognises", "target"]) == {"south_ossetia_independence", "abkhazia_independence"}
    assert "invokes_precedent" in set(x["action"])


def test_site_boilerplate_fires_no_rule(seeds_copy, add_text):
    x = _new(seeds_copy, add_text, "Georgia condemned the vote.\n\n"
                                   "Sign up for our newsletter to get the news that Russia recognised first.\n\n"
                                   "page 1 of 110 go to page\n\n"
                                   "The opinions expressed in the article do not reflect the position of the editors who support it.\n")
    assert set(x["action"]) == {"condemns"}


def test_a_proposed_new_actor_goes_through_review_and_accept_into_the_vocabulary(seeds_copy, add_text, tmp_path):
    from ossetia import curate

    add_text(seeds_copy, "The Ruritanian President Jan Novak has officially recognised the independence of South Ossetia.\n")
    doc = extract_claims(seeds_copy)["doc_id"].max()
    sheet = curate.review_table(seeds_copy, docs=[doc])
    row = sheet.index[(sheet["action"] == "recognises") & (sheet["actor"] == "Jan Novak")]
    assert len(row) == 1 and sheet.loc[row[0], "actor_kind"] == "person"
    sheet["decision"] = "reject"
    sheet.loc[row, "decision"] = "accept"
    path = tmp_path / "review.csv"
    curate.write_review(sheet, path)
    result = curate.accept_review(path, seeds=seeds_copy)
    assert result.new_actors == ["Jan Novak"]
    actors = load_vocab("actors", seeds_copy)
    assert actors.set_index("actor").loc["Jan Novak", "kind"] == "person"
