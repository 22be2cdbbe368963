"""Referendum tables: reference results with shares recomputed from the counts, and the counts
a reader must reconcile (seed figures against the commission's)."""

from __future__ import annotations

import pandas as pd


def referendum_table(reference: pd.DataFrame) -> pd.DataFrame:
    """Reference results, one row per referendum, with shares recomputed from the counts.

    Args:
        reference: ``reference/referendum_results.csv`` (:func:`ossetia.evidence.load_reference`).
    Returns:
        One row per referendum: the measures as columns plus turnout_computed,
        yes_of_valid_computed, yes_of_cast_computed and yes_of_registered_computed (percent).
    """
    wide = reference.pivot(index="referendum", columns="measure", values="value").astype(float)
    wide["turnout_computed"] = (100 * wide["votes_cast"] / wide["registered_voters"]).round(2)
    wide["yes_of_valid_computed"] = (100 * wide["yes"] / (wide["yes"] + wide["no"])).round(2)
    wide["yes_of_cast_computed"] = (100 * wide["yes"] / wide["votes_cast"]).round(2)
    wide["yes_of_registered_computed"] = (100 * wide["yes"] / wide["registered_voters"]).round(2)
    return wide.reset_index()


def referendum_year(key: str) -> str:
    """'referendum_2006' -> '2006'."""
    return key.rsplit("_", 1)[-1]


def source_check_table(numbers: pd.DataFrame, reference: pd.DataFrame) -> pd.DataFrame:
    """The counts a reader must reconcile: registered voters, votes, population; and what
    a reported yes share of the registered voters would imply, read literally.

    Args:
        numbers: the numbers table (:func:`ossetia.evidence.load_numbers`).
        reference: ``reference/referendum_results.csv``.
    Returns:
        One row per count: what, count, layer (seed, derived or reference), cite, note."""
    n = numbers.set_index("number_id")
    t = referendum_table(reference).set_index("referendum").loc["referendum_2006"]
    ref = reference[reference["referendum"] == "referendum_2006"].set_index("measure")
    year = referendum_year(t.name)
    # the seed text that gives both the registered voters and a yes share for the referendum
    reg = n.loc[(n["measure"] == "registered_voters") & (n["subject"] == t.name)].iloc[0]
    share = n.loc[(n["measure"] == "vote_share_yes") & n["value"].notna() & (n["subject"] == t.name)
                  & (n["doc_id"] == reg["doc_id"])].iloc[0]
    pop = n.loc[(n["measure"] == "population")].iloc[0]
    implied = round(share["value"] / 100 * reg["value"])
    stated = float(ref.loc["turnout_percent_stated", "value"])
    rows = [
        {"what": f"registered voters, {year} ({reg['outlet']})",
         "count": reg["value"], "layer": "seed", "cite": reg.name, "note": reg["qualifier"] or "as reported"},
        {"what": f"{share['value']:g}% of those registered voters ({reg['outlet']}'s "
                 f"{share['qualifier'] + ', ' if share['qualifier'] else ''}read literally)",
         "count": implied, "layer": "derived",
         "cite": f"{share.name} × {reg.name}",
         "note": "more than the votes actually cast" if implied > t["votes_cast"] else "no more than the votes cast"},
        {"what": f"registered voters, {year} (commission protocol)", "count": t["registered_voters"], "layer": "reference",
         "cite": ref.loc["registered_voters", "ref_id"], "note": ""},
        {"what": f"votes cast, {year} (commission protocol)", "count": t["votes_cast"], "layer": "reference",
         "cite": ref.loc["votes_cast", "ref_id"],
         "note": f"turnout {t['turnout_computed']:.2f}% (commission says {stated:g}%)"},
        {"what": f"yes votes, {year} (commission protocol)", "count": t["yes"], "layer": "reference",
         "cite": ref.loc["yes", "ref_id"],
         "note": f"{t['yes_of_registered_computed']:.2f}% of registered, {t['yes_of_valid_computed']:.2f}% of valid"},
        {"what": f"population, {str(pop['as_of'])[:4]} ({pop['outlet']})", "count": pop["value"], "layer": "seed",
         "cite": pop.name,
         "note": "population, not voters: " + ("fewer" if pop["value"] < t["registered_voters"] else "more")
                 + f" people than {year}'s registered voters"},
    ]
    return pd.DataFrame(rows)
