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
from ossetia.referendums import referendum_table
from ossetia.stances import stance_matrix
from ossetia.textstats import kwic


def ex_01_1():
    """How many sentences does the encyclopedia part of document 000 have?"""
    s = sentences(load_corpus())
    return int(((s["doc_id"] == "000") & (s["part"] == "encyclopedia")).sum())


def ex_01_2():
    """How many pieces of text did normalisation remove from the Euronews document (doc 003), headline included?"""
    r = removals(load_corpus())
    return int((r["doc_id"] == "003").sum())


def ex_01_3():
    """Which documents have an inferred publication date? Answer with their doc ids, a list of text such as ["001"]."""
    c = load_corpus()
    return set(c.loc[c["date_basis"] == "inferred", "doc_id"])


def ex_02_1():
    """Which actors refuse or condemn the 2006 referendum in the stance matrix? Answer with the list of their names."""
    m = stance_matrix(load_claims())
    return set(m.loc[(m["target"] == "referendum_2006") & m["stance"].isin(["refuses", "condemns"]), "actor"])


def ex_02_2():
    """According to the reference table, how many UN member states had recognised South Ossetia by 1 January 2012?"""
    r = load_reference("recognitions")
    when = pd.to_datetime([d if len(d) == 10 else d + "-01" for d in r["date"]])
    return int((when < pd.Timestamp("2012-01-01")).sum())


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
    """In 1992, how many registered voters did not vote?"""
    r = load_reference("referendum_results")
    r = r[r["referendum"] == "referendum_1992"].set_index("measure")["value"].astype(float)
    return int(r["registered_voters"] - r["votes_cast"])


def ex_03_3():
    """Which claim reports that the OSCE boycotted the 2006 vote? Answer with its claim id, as text such as "C044"."""
    c = claims(actor="OSCE", action="boycotts", target="referendum_2006")
    return c["claim_id"].iloc[0]


def ex_04_1():
    """How many of the claims with theme kosovo_precedent come from the Reuters text (doc 001)?"""
    c = claims(theme="kosovo_precedent")
    return int((c["doc_id"] == "001").sum())


def ex_04_2():
    """Which claims does the argument map place on the side that denies the precedent? Answer with their claim ids, as a list."""
    from ossetia.stances import argument_map
    m = argument_map(load_claims())
    return set(m.loc[m["side"] == "denies", "claim_id"])


def ex_04_3():
    """How many days passed between Kosovo's declaration (E01) and the start of the war (E02)?"""
    ev = load_reference("events").set_index("ref_id")
    return (pd.Timestamp(ev.loc["E02", "date"]) - pd.Timestamp(ev.loc["E01", "date"])).days


def ex_05_1():
    """How many candidate rows does the extractor produce for the VOA text (doc 002)?"""
    return int((extract_claims()["doc_id"] == "002").sum())


def ex_05_2():
    """Which action occurs most often in the curated claims table? Answer with the action's name."""
    counts = load_claims()["action"].value_counts()
    assert counts.iloc[0] > counts.iloc[1], "two actions tie: the question has no single answer"
    return counts.index[0]


def ex_06_1():
    """Which labels of the lexicon does Agenda.ge use at least once? Answer with the list of labels."""
    rates = label_rates(load_corpus())
    return set(rates.index[rates["Agenda.ge 2014"] > 0])


def ex_06_2():
    """How many label hits (rows of label_hits) does the Euronews text have in all?"""
    return int((label_hits(load_corpus())["outlet"] == "Euronews").sum())


def ex_07_1():
    """Which curated claims of the Agenda.ge text (doc 004) have Leonid Tibilov as their actor? Answer with their claim ids, as a list."""
    return set(claims(doc_id="004", actor="Leonid Tibilov")["claim_id"])


def ex_07_2():
    """Kereselidze's quoted sentence in doc 004, shortened to 'Official Tbilisi condemns': at which offset does accept anchor it?"""
    from ossetia.anchoring import locate

    corpus = load_corpus()
    raw = corpus.set_index("doc_id").loc["004", "raw"]
    s = sentences(corpus)
    s = s[s["doc_id"] == "004"]
    s = s[[("the proposed treaty" in raw[a:b]) for a, b in zip(s["start"], s["end"])]].iloc[0]
    return locate(raw, {"exact": "Official Tbilisi condemns", "start": str(s["start"]), "end": str(s["end"]),
                        "sentence": raw[s["start"]:s["end"]]})[0]


SOLUTIONS = {name[3:].replace("_", "."): fn for name, fn in sorted(globals().items()) if name.startswith("ex_")}

def answer_key() -> str:
    """The answers as a Markdown table (ANSWERS.md is this, committed and tested)."""
    lines = ["# Answer key (for teachers)", "",
             "Generated by `python notebooks/solutions/solutions.py --markdown`; the tests fail if it is stale.",
             "How each answer is computed: the function of the same id in `solutions.py`.", "",
             "| exercise | question | answer |", "|---|---|---|"]
    for ex_id, fn in SOLUTIONS.items():
        ans = fn()
        ans = ", ".join(sorted(ans)) if isinstance(ans, set) else ans
        lines.append(f"| {ex_id} | {fn.__doc__.strip()} | {ans} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["--markdown"]:
        sys.stdout.write(answer_key())
    else:
        for ex_id, fn in SOLUTIONS.items():
            print(f"{ex_id}: {fn.__doc__.strip()}\n   -> {fn()!r}")
