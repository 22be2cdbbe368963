"""Cached tables and gazetteer notice edits to their files (a notebook session sees the new data)."""

import csv

from ossetia.evidence import load_claims
from ossetia.extract import gazetteer


def test_editing_the_alias_list_is_seen_without_restarting(seeds_copy):
    rx, names = gazetteer(seeds_copy)
    assert "Ruritania" not in names
    with open(seeds_copy / "vocab" / "actor_aliases.csv", "a", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerow(["Ruritania", "Georgia", "test alias"])
    rx, names = gazetteer(seeds_copy)
    assert names["Ruritania"] == "Georgia" and rx.search("in Ruritania today")


def test_editing_the_claims_table_is_seen_without_restarting(seeds_copy):
    before = load_claims(seeds_copy)
    path = seeds_copy / "claims.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(",condemns,", ",rejects,", 1), encoding="utf-8", newline="")
    after = load_claims(seeds_copy)
    assert (after["action"] == "condemns").sum() == (before["action"] == "condemns").sum() - 1
