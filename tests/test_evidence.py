"""The evidence tables: every quote sits at its offsets, vocabularies are closed, lookups keep evidence."""

import csv

import pytest

from ossetia.cli import main
from ossetia.evidence import (THEMES, check_span, claims, load_claims, load_numbers, load_reference,
                              numbers)
from ossetia.paths import SEEDS_DIR
from conftest import snapshot


def _rows(name):
    with open(SEEDS_DIR / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _raw(doc_id):
    man = {r["doc_id"]: r["file"] for r in _rows("sources.csv")}
    return (SEEDS_DIR / man[doc_id]).read_bytes().decode("utf-8")


@pytest.mark.parametrize("table", ["claims.csv", "numbers.csv"])
def test_every_quote_equals_the_raw_text_at_its_offsets(table):
    rows = _rows(table)
    assert rows
    for r in rows:
        raw = _raw(r["doc_id"])
        assert raw[int(r["start"]):int(r["end"])] == r["exact"], r
        assert check_span(raw, r) is None


@pytest.mark.parametrize("shift", [-1, 1])
def test_a_quote_moved_by_one_character_fails_the_check(seeds_copy, capsys, shift):
    path = seeds_copy / "claims.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    victim = rows[40]
    victim["start"], victim["end"] = str(int(victim["start"]) + shift), str(int(victim["end"]) + shift)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    before = snapshot(seeds_copy)
    assert main(["check", "--seeds", str(seeds_copy)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [f"{path.as_posix()}: {victim['claim_id']} (row 42): quote does not match the text at "
                   f"[{victim['start']}, {victim['end']}) (the quote is at {int(victim['start']) - shift})"]
    assert snapshot(seeds_copy) == before


def test_a_word_outside_a_vocabulary_is_reported(seeds_copy, capsys):
    path = seeds_copy / "claims.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(",condemns,", ",denounces,", 1), encoding="utf-8", newline="")
    assert main(["check", "--seeds", str(seeds_copy)]) == 1
    err = capsys.readouterr().err
    assert "action 'denounces' is not in vocab/actions.csv" in err


def test_every_seed_and_every_theme_has_claims():
    c = load_claims()
    assert set(c["doc_id"]) == {"000", "001", "002", "003", "004"}
    assert set(c["theme"]) == set(THEMES)


def test_the_forum_posts_encyclopedia_voice_is_attributed_to_wikipedia():
    c = load_claims()
    enc = c[(c["doc_id"] == "000") & (c["part"] == "encyclopedia")]
    news = c[(c["doc_id"] == "000") & (c["part"] == "news")]
    assert len(enc) and len(news)
    assert "Interfax" not in set(enc["speaker"])
    assert "Wikipedia" not in set(news["speaker"])


def test_lookups_return_rows_with_their_evidence():
    k = claims(theme="kosovo_precedent")
    assert len(k) and set(k["theme"]) == {"kosovo_precedent"}
    assert {"exact", "start", "end", "doc_id", "outlet", "published"} <= set(k.columns)
    r = claims(actor="Russia", action="recognises")
    assert set(r["actor"]) == {"Russia"}
    with pytest.raises(KeyError, match="no claims with actor Atlantis"):
        claims(actor="Atlantis")
    n = numbers(measure="registered_voters")
    assert list(n["value"]) == [55000.0] and n["exact"].item() == "55,000 registered voters"


def test_numbers_hold_what_the_referendum_and_recognition_notebooks_chart():
    n = load_numbers()
    need = {"vote_share_yes", "registered_voters", "population", "referendum_count"}
    assert need <= set(n["measure"])
    vague = n[n["value"].isna()]
    assert (vague["qualifier"] != "").all()  # a vague amount keeps its words


def test_reference_rows_each_cite_a_public_source():
    rec = load_reference("recognitions")
    assert list(rec["state"]) == ["Russia", "Nicaragua", "Venezuela", "Nauru", "Tuvalu", "Syria"]
    assert rec.set_index("state").loc["Tuvalu", "status"] == "withdrawn"
    for name in ("recognitions", "referendum_results", "events"):
        t = load_reference(name)
        assert t["source_url"].str.startswith("http").all() and (t["source"] != "").all()
