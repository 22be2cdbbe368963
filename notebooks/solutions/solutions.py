"""Worked solutions to the notebooks' exercises, computed from the evidence tables.

Teachers: each function answers one exercise (the id is in its name). Run
``python notebooks/solutions/solutions.py`` to print them all. The test suite checks each
answer against the digest in lib/ossetia/data/exercises.csv.
"""

import pandas as pd

from ossetia import load_corpus, parts, removals, sentences
from ossetia.evidence import claims, load_claims, load_reference
from ossetia.extract import extract_claims, score
from ossetia.framing import label_hits, label_rates
from ossetia.plots import referendum_table, stance_matrix
from ossetia.textstats import kwic


def ex_01_1():
    """How many sentences does the encyclopedia part of document 000 have?"""
    s = sentences(load_corpus())
    return int(((s["doc_id"] == "000") & (s["part"] == "encyclopedia")).sum())


def ex_01_2():
    """Which rule (rule_id) removed the line 'Text size Aa Aa'?"""
    r = removals(load_corpus())
    return r.loc[r["removed"] == "Text size Aa Aa", "rule_id"].item()


def ex_01_3():
    """Which documents' publication dates are inferred rather than stated? (a set of doc ids)"""
    c = load_corpus()
    return set(c.loc[c["date_basis"] == "inferred", "doc_id"])


def ex_02_1():
    """How many distinct actors refuse or condemn the 2006 referendum in the stance matrix?"""
    m = stance_matrix(load_claims())
    return int(m.loc[(m["target"] == "referendum_2006") & m["stance"].isin(["refuses", "condemns"]), "actor"].nunique())


def ex_02_2():
    """Which UN member state withdrew its recognition, according to the reference table?"""
    r = load_reference("recognitions")
    return r.loc[r["status"] == "withdrawn", "state"].item()


def ex_02_3():
    """How many days after the war began (E02) did Russia recognise South Ossetia (R01)?"""
    ev = load_reference("events").set_index("ref_id")
    rec = load_reference("recognitions").set_index("ref_id")
    return (pd.Timestamp(rec.loc["R01", "date"]) - pd.Timestamp(ev.loc["E02", "date"])).days


def ex_03_1():
    """How many ballots cast in 2006 were not 'yes' votes (no votes plus invalid ballots)?"""
    r = load_reference("referendum_results")
    r = r[r["referendum"] == "referendum_2006"].set_index("measure")["value"].astype(float)
    return int(r["votes_cast"] - r["yes"])


def ex_03_2():
    """How many yes votes would '99 percent of the region's 55,000 registered voters' be?"""
    from ossetia.evidence import numbers
    share = numbers(measure="vote_share_yes").query("doc_id == '002' and value.notna()")["value"].item()
    reg = numbers(measure="registered_voters")["value"].item()
    return round(share / 100 * reg)


def ex_03_3():
    """How many votes would the commission's stated 95.1% turnout imply, beyond the votes it counted? (whole votes)"""
    r = load_reference("referendum_results")
    r = r[r["referendum"] == "referendum_2006"].set_index("measure")["value"].astype(float)
    return round(r["turnout_percent_stated"] / 100 * r["registered_voters"] - r["votes_cast"])


def ex_04_1():
    """In how many sentences of the corpus does the word 'precedent' occur?"""
    return int(kwic(load_corpus(), r"\bprecedent\b")["sent_id"].nunique())


def ex_04_2():
    """Who (actor) says Kosovo is 'sui generis'?"""
    c = claims(theme="kosovo_precedent")
    return c.loc[c["exact"].str.contains("sui generis"), "actor"].item()


def ex_04_3():
    """How many days passed between the South Ossetian parliament's declaration citing Kosovo (C002) and Russia's recognition (R01)?"""
    c = load_claims().set_index("claim_id")
    rec = load_reference("recognitions").set_index("ref_id")
    return (pd.Timestamp(rec.loc["R01", "date"]) - pd.Timestamp(c.loc["C002", "event_date"])).days


def ex_05_1():
    """The extractor's overall recall against the curated claims (2 decimals)."""
    corpus = load_corpus()
    s = score(extract_claims(corpus=corpus), load_claims(), corpus).set_index("theme")
    return float(s.loc["(all)", "recall"])


def ex_05_2():
    """Which action has the most curated claims?"""
    return load_claims()["action"].value_counts().sort_index().idxmax()


def ex_06_1():
    """Which voice uses 'self-declared' most often per 1,000 tokens?"""
    return label_rates(load_corpus()).loc["self-declared"].idxmax()


def ex_06_2():
    """Which outlets use the label 'separatist'? (a set)"""
    h = label_hits(load_corpus())
    return set(h.loc[h["label"] == "separatist", "outlet"])


SOLUTIONS = {name[3:].replace("_", "."): fn for name, fn in sorted(globals().items()) if name.startswith("ex_")}

if __name__ == "__main__":
    for ex_id, fn in SOLUTIONS.items():
        print(f"{ex_id}: {fn.__doc__.strip()}\n   -> {fn()!r}")
