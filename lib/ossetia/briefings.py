"""The briefing figures: name, title, caption, alt text, builder and the evidence each shows.

The builders call the same plotting functions as the notebooks (:mod:`ossetia.plots`) on the
validated tables, so a figure in a briefing and the one in the notebook are one code path.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import plots
from .corpus import load_corpus
from .evidence import load_claims, load_numbers, load_reference
from .figures import Briefing


@lru_cache(maxsize=4)
def _load(seeds: Path | None) -> dict:
    return {"corpus": load_corpus(seeds), "claims": load_claims(seeds), "numbers": load_numbers(seeds),
            "recognitions": load_reference("recognitions", seeds),
            "results": load_reference("referendum_results", seeds), "events": load_reference("events", seeds)}



def _ids(*cols) -> list[str]:
    out: list[str] = []
    for col in cols:
        for v in col:
            out += str(v).replace("×", " ").split()
    return list(dict.fromkeys(out))


def _days(data: dict, a: str, b: str) -> int:
    """Days between two reference rows (events or recognitions), from the tables."""
    dates = {**dict(zip(data["events"]["ref_id"], data["events"]["date"])),
             **dict(zip(data["recognitions"]["ref_id"], data["recognitions"]["date"]))}
    return (pd.Timestamp(dates[b]) - pd.Timestamp(dates[a])).days


def briefings(seeds: str | Path | None = None) -> list[Briefing]:
    """The exported figures, in gallery order."""
    key = None if seeds is None else Path(seeds).resolve()

    def d() -> dict:  # the tables, loaded on first use by a builder
        return _load(key)
    return [
        Briefing(
            "corpus-timeline", "Five texts, 2006–2014: who published what, when",
            "The five seed documents by publication date and outlet; filled markers mark dates stated in "
            "the text, hollow markers dates inferred (reasons in seeds/sources.csv, date_note). Marker area "
            "shows the length of the normalised text in words.",
            "Timeline from 2006 to 2016 with five markers: VOA in November 2006, the forum post quoting "
            "Interfax and Reuters in March 2008, Euronews in August 2008 and Agenda.ge in December 2014, "
            "each labelled with its word count and date basis.",
            lambda: plots.corpus_timeline_figure(d()["corpus"]),
            lambda: [f"doc:{x}" for x in d()["corpus"]["doc_id"]]),
        Briefing(
            "recognition-matrix", "Who recognises what: positions reported in five texts",
            "Actors (rows) against what their position is about (columns): recognising, urging, refusing or "
            "condemning, as reported in the seed texts. Colour and shape both code the stance towards the column's "
            "topic; each cell is labelled with the voice (the outlet, or the agency or encyclopedia a forum post "
            "quotes) and publication date of its first evidence, '+n' for more claims.",
            "A grid of actors against topics such as South Ossetian independence, the 2006 referendum and "
            "Kosovo's independence. International bodies and Georgia refuse or condemn the referendum; "
            "South Ossetian bodies urge recognition; Russia refuses the 2006 referendum and Kosovo's "
            "independence but recognises South Ossetia by 2008.",
            lambda: plots.recognition_matrix_figure(d()["claims"], d()["corpus"]),
            lambda: _ids(plots.stance_matrix(d()["claims"])["claims"])),
        Briefing(
            "positions-timeline", "Positions over time, as reported",
            "Positions of Russia (government and parliament), Georgia, South Ossetia and Western actors in the "
            "seed texts, where the text dates them to the day or month; each label is a topic and the marker the "
            "stance towards it. Russia's recognition (R01) comes from the reference layer, drawn hollow and dashed.",
            "Four horizontal lanes from 2005 to 2015. Russia's lane moves from not recognising the 2006 "
            "referendum and opposing Kosovo's independence (March 2008) to its parliament urging recognition in "
            "August 2008, beside a hollow reference marker for Russia's recognition on 26 August 2008.",
            lambda: plots.positions_timeline_figure(d()["claims"], d()["corpus"], d()["recognitions"]),
            lambda: _ids(plots.positions(d()["claims"])["claim_id"], ["R01"])),
        Briefing(
            "recognition-timeline", "UN members recognising South Ossetia, 2008–2018",
            "Recognitions by UN member states from public reference sources (hollow, dashed: not seed "
            "evidence), with Tuvalu's 2014 withdrawal, beside the one seed statement that dates Russia's "
            "recognition ('after the 2008 Russia-Georgia war', Agenda.ge 2014).",
            "Six reference rows: Russia 26 Aug 2008, Nicaragua 5 Sep 2008, Venezuela 10 Sep 2009, Nauru "
            "16 Dec 2009, Tuvalu Sep 2011 withdrawn 31 Mar 2014, Syria 29 May 2018; a band for 2008 marks "
            "the seed text's year-only statement.",
            lambda: plots.recognition_timeline_figure(d()["recognitions"], d()["claims"], d()["corpus"]),
            lambda: _ids(d()["recognitions"]["ref_id"],
                         d()["claims"].query("action == 'recognises' and target == 'south_ossetia_independence'")["claim_id"])),
        Briefing(
            "referendum-results", "Referendum results: reference counts vs what the news said",
            "Turnout and yes shares of the 1992 and 2006 referendums recomputed from the published counts "
            "(hatched), beside the vote shares the seed texts report, with their qualifiers ('early results', "
            "'a majority', 'overwhelmingly').",
            "Bars for 1992 (turnout 96.9%, yes 99.9% of valid votes) and 2006 (turnout 94.6%, yes 99.9% of "
            "valid votes, 93.5% of registered voters); VOA's preliminary 99 percent and the encyclopedia's "
            "'a majority' drawn as a point and a range.",
            lambda: plots.referendum_results_figure(d()["numbers"], d()["results"], d()["corpus"]),
            lambda: _ids(d()["numbers"].query("measure == 'vote_share_yes' and subject.str.startswith('referendum')")["number_id"],
                         d()["results"]["ref_id"])),
        Briefing(
            "referendum-source-check", "Do the numbers add up? Voters, votes and people",
            "VOA's '99 percent of the region's 55,000 registered voters', read literally, is more yes votes "
            "than the commission says were cast; Reuters' 50,000 people (2008) is fewer than the 2006 "
            "registered voters. Seed figures (blue), reference counts (hatched) and our arithmetic (yellow).",
            "Horizontal bars from 40,000 to 66,000: VOA 55,000 registered voters; 99% of that, 54,450; "
            "commission 55,163 registered, 52,163 votes cast, 51,565 yes; Reuters 50,000 people.",
            lambda: plots.referendum_source_check_figure(d()["numbers"], d()["results"], d()["corpus"]),
            lambda: _ids(plots.source_check_table(d()["numbers"], d()["results"])["cite"])),
        Briefing(
            "kosovo-argument-map", "The 'Kosovo precedent': who invokes it, who denies it",
            "Who invokes Kosovo's independence as a precedent for South Ossetia, who denies it ('sui "
            "generis') and who warns against recognising Kosovo ('Pandora's box'), each with the exact quote.",
            "Three groups of quotation boxes around a central question. Left, invoking the precedent: South "
            "Ossetia and its parliament (via Interfax and Reuters), Eduard Kokoity through his spokeswoman, and "
            "the ex-Soviet rebel regions calling its denial hypocrisy. Right, denying it: Western backers and "
            "Condoleezza Rice ('sui generis'). Below: Russia opposing Kosovo's independence as a 'Pandora's box'.",
            lambda: plots.kosovo_argument_map_figure(d()["claims"], d()["corpus"]),
            lambda: _ids(plots.argument_map(d()["claims"])["claim_id"])),
        Briefing(
            "kosovo-sequence", "From Kosovo to recognition: February to August 2008",
            "Kosovo's declaration (17 February 2008), South Ossetia's appeal citing it (4–5 March), Russia's "
            "'Pandora's box' warning, the Russian parliament's call (25 August) and Russia's recognition (26 "
            f"August): {_days(d(), 'E01', 'E04')} days from Kosovo to recognition (E01 to E04). Reference events hollow and "
            "dashed, seed evidence filled.",
            "A time line from February to September 2008. Above the axis: Kosovo's declaration (17 February) and "
            "the start of the war (8 August), both reference events. Below: the appeals citing Kosovo, Rice's "
            "denial and Russia's warning (4-5 March), then the parliament's call (25 August) and, beside it, "
            "Russia's recognition (26 August, reference).",
            lambda: plots.kosovo_sequence_figure(d()["claims"], d()["events"], d()["corpus"]),
            lambda: _ids(plots.kosovo_sequence(d()["claims"], d()["events"])["cite"])),
    ]
