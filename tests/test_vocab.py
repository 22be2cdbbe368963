"""Who is what, as data: stance, lane and voice columns and tables are validated by `ossetia check`
and reach the tables the figures draw."""

import csv
import io

import pytest

from ossetia.cli import main
from ossetia.evidence import load_claims
from ossetia.vocab import lane_for_kind, load_lanes, load_voices, outlets


def _edit(path, fn):
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    rows = fn(rows)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def _set(path, key, col, value):
    def fn(rows):
        i = rows[0].index(col)
        for r in rows[1:]:
            if r and r[0] == key:
                r[i] = value
                break  # the first row with that key only
        return rows
    _edit(path, fn)


def _check(capsys, seeds):
    rc = main(["check", "--seeds", str(seeds)])
    return rc, capsys.readouterr().err


CASES = {
    "unknown stance": (lambda s: _set(s / "vocab" / "actions.csv", "warns", "stance", "maybe"),
                       "vocab/actions.csv: row ", "action 'warns' has stance 'maybe'; use one of recognises, urges"),
    "missing lane": (lambda s: _set(s / "vocab" / "actors.csv", "NATO", "lane", ""),
                     "vocab/actors.csv: row ", "actor 'NATO' has no lane"),
    "lane not in lanes.csv": (lambda s: _set(s / "vocab" / "actors.csv", "NATO", "lane", "West"),
                              "vocab/actors.csv: row ", "lane 'West' of actor 'NATO' is not in vocab/lanes.csv"),
    "voice of an unknown part": (lambda s: _set(s / "voices.csv", "000", "part", "appendix"),
                                 "voices.csv: row 2", "has no part 'appendix'"),
    "voice not an actor": (lambda s: _set(s / "voices.csv", "000", "voice", "Pravda"),
                           "voices.csv: row 2", "voice 'Pravda' is not in vocab/actors.csv"),
    "matrix not a number": (lambda s: _set(s / "vocab" / "targets.csv", "referendum_2006", "matrix", "two"),
                            "vocab/targets.csv: row ", "matrix 'two' of target 'referendum_2006'"),
    "selection of an unknown actor": (lambda s: _set(s / "selections.csv", "kosovo-sequence", "value", "Atlantis"),
                                      "selections.csv: row 2", "actor 'Atlantis' is not in vocab/actors.csv"),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_vocab_data_is_one_line_naming_file_and_row(case, seeds_copy, capsys):
    damage, where, what = CASES[case]
    damage(seeds_copy)
    rc, err = _check(capsys, seeds_copy)
    assert rc == 1
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert where in lines[0] and what in lines[0], lines[0]


def test_a_folder_without_voices_or_lanes_is_valid_and_falls_back(seeds_copy, capsys):
    (seeds_copy / "voices.csv").unlink()
    (seeds_copy / "vocab" / "lanes.csv").unlink()
    rc, err = _check(capsys, seeds_copy)
    assert rc == 0, err
    assert load_voices(seeds_copy).empty
    claims = load_claims(seeds_copy)
    # without voices.csv every part speaks in its outlet's voice
    assert (claims["voice"] == claims["outlet"]).all()
    lanes = load_lanes(seeds_copy)
    # lanes in order of first appearance in actors.csv; a lane holding outlets is not drawn
    with open(seeds_copy / "vocab" / "actors.csv", encoding="utf-8", newline="") as fh:
        first_seen = list(dict.fromkeys(r["lane"] for r in csv.DictReader(fh)))
    assert list(lanes["lane"]) == first_seen
    assert not lanes.set_index("lane").loc["outlets", "positions"]
    assert lanes.set_index("lane").loc["Russia", "positions"]


def test_claims_carry_stance_lane_kind_and_voice_from_the_tables(seeds_copy):
    _set(seeds_copy / "vocab" / "actions.csv", "warns", "stance", "condemns")
    _set(seeds_copy / "voices.csv", "000", "voice", "Reuters")
    c = load_claims(seeds_copy)
    assert set(c.loc[c["action"] == "warns", "stance"]) == {"condemns"}
    assert set(c.loc[(c["doc_id"] == "000") & (c["part"] == "news"), "voice"]) == {"Reuters"}
    assert set(c.loc[c["actor_kind"] == "outlet", "lane"]) <= {"outlets"}


def test_lane_for_kind_follows_lanes_csv(seeds_copy):
    assert lane_for_kind("outlet", seeds_copy) == "outlets"
    assert lane_for_kind("person", seeds_copy) == "other actors"
    assert lane_for_kind("spaceship", seeds_copy) == "spaceship"
    _edit(seeds_copy / "vocab" / "lanes.csv", lambda rows: [r if r[0] != "outlets" else
                                                             [r[0], r[1], "outlet person", r[3]] for r in rows])
    assert lane_for_kind("person", seeds_copy) == "other actors"  # first lane listing the kind wins
    assert "Reuters" in outlets(seeds_copy)


def test_a_new_actor_reaches_the_positions_and_a_new_outlet_stays_out_of_the_matrix(seeds_copy):
    from ossetia.stances import positions, stance_matrix

    before = positions(load_claims(seeds_copy), seeds=seeds_copy)
    moved = before.loc[before["lane"] == "Russia", "claim_id"].iloc[0]
    in_matrix = stance_matrix(load_claims(seeds_copy), seeds=seeds_copy)
    outlet_claim = in_matrix["claims"].iloc[0].split()[0]
    _edit(seeds_copy / "vocab" / "actors.csv",
          lambda rows: rows + [["Sergey Lavrov", "person", "a new actor", "Russia"],
                               ["Civil Georgia", "outlet", "a new outlet", "outlets"]])

    def reassign(rows):
        i = rows[0].index("actor")
        for r in rows[1:]:
            if r and r[0] == moved:
                r[i] = "Sergey Lavrov"
            if r and r[0] == outlet_claim:
                r[i] = "Civil Georgia"
        return rows
    _edit(seeds_copy / "claims.csv", reassign)
    claims = load_claims(seeds_copy)
    after = positions(claims, seeds=seeds_copy)
    assert after.set_index("claim_id").loc[moved, "actor"] == "Sergey Lavrov"
    assert after.set_index("claim_id").loc[moved, "lane"] == "Russia"
    assert "Civil Georgia" not in set(stance_matrix(claims, seeds=seeds_copy)["actor"])


def test_date_windows_and_hedges_come_from_the_library():
    import pandas as pd

    from ossetia.stances import date_window, hedges, with_windows

    pub = pd.Timestamp("2014-12-11")
    assert date_window("2008", "year", pub) == (pd.Timestamp("2008-01-01"), pd.Timestamp("2008-12-31"))
    assert date_window("2008-08", "month", pub) == (pd.Timestamp("2008-08-01"), pd.Timestamp("2008-08-31"))
    assert date_window("", "unknown", pub)[1] == pub
    c = load_claims()
    w = with_windows(c)
    assert (w["earliest"].dropna() <= w.loc[w["earliest"].notna(), "latest"]).all()
    h = hedges(pd.DataFrame({"note": ["according to a spokeswoman", "plain", "early results only"]}))
    assert list(h["hedges"]) == ["reported or second-hand speech", "", "preliminary"]
