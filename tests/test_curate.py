"""`ossetia review` / `ossetia accept`: candidates become curated, anchored claims, all or nothing."""

import csv
import io

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from ossetia import load_corpus, sentences
from ossetia.anchoring import locate, selector
from ossetia.cli import main
from ossetia.curate import REVIEW_COLUMNS, next_claim_ids, read_review
from ossetia.evidence import CLAIM_COLUMNS, check_span
from conftest import snapshot

# An article by an outlet that is already an actor, with sentences the rules fire on.
ARTICLE = """Agenda.ge

Tbilisi, 18 March 2015 - Georgia condemned the treaty signed by Russia and South Ossetia on Wednesday.
The Georgian Foreign Ministry said the document is a step towards annexation.
Russia recognised the independence of South Ossetia in 2008, and Eduard Kokoity welcomed it.
The NATO Secretary General said the alliance does not recognise the treaty.
The Baltic Assembly also condemned the treaty and urged the international community to stand with Georgia.
"""


def run(capsys, *argv):
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


@pytest.fixture
def ws(tmp_path, add_text):
    """A workspace (``ossetia init``) with one added article (doc 005)."""
    from ossetia.workspace import init_workspace

    folder = init_workspace(tmp_path / "workspace")
    add_text(folder, ARTICLE, outlet="Agenda.ge", published="2015-03-18")
    return folder


def review_file(capsys, ws, tmp_path, *docs) -> tuple[pd.DataFrame, object]:
    path = tmp_path / "review.csv"
    rc, out, err = run(capsys, "review", "--seeds", str(ws), *(["--doc", *docs] if docs else []), "--out", str(path))
    assert rc == 0, err
    return read_review(path), path


def write(df: pd.DataFrame, path, bom=True, crlf=True, sep=",", encoding="utf-8"):
    buf = io.StringIO()
    df.to_csv(buf, index=False, sep=sep, lineterminator="\r\n" if crlf else "\n")
    path.write_bytes((("\ufeff" if bom and encoding == "utf-8" else "") + buf.getvalue()).encode(encoding))


def test_review_writes_the_new_documents_candidates_excel_friendly(ws, tmp_path, capsys):
    df, path = review_file(capsys, ws, tmp_path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    assert list(df.columns) == REVIEW_COLUMNS
    assert set(df["doc_id"]) == {"005"} and len(df) >= 3
    assert (df["decision"] == "").all() and (df["sentence"] == df["exact"]).all()
    raw = load_corpus(ws).set_index("doc_id").loc["005", "raw"]
    for r in df.to_dict("records"):
        assert raw[int(r["start"]):int(r["end"])] == r["exact"]
    # a second review never overwrites a file that may hold decisions
    before = path.read_bytes()
    rc, out, err = run(capsys, "review", "--seeds", str(ws), "--out", str(path))
    assert rc == 1 and "already exists; not overwritten" in err and path.read_bytes() == before


def _edit(df: pd.DataFrame) -> pd.DataFrame:
    """The reviewer: shorten two quotes, reject one row, accept the rest, add a row by hand
    with a new actor and its kind."""
    df = df.copy()
    df["decision"] = "accept"
    by_action = {a: i for i, a in reversed(list(enumerate(df["action"])))}
    i_cond, i_rec, i_nato = by_action["condemns"], by_action["recognises"], by_action["does_not_recognise"]
    df.loc[i_cond, "exact"] = "Georgia condemned the treaty"
    df.loc[i_rec, "exact"] = "Russia recognised the independence of South Ossetia"
    df.loc[i_nato, "decision"] = "reject"
    hand = {c: "" for c in df.columns}
    hand.update(doc_id="005", exact="The Baltic Assembly also condemned the treaty", speaker="Agenda.ge",
                actor="Baltic Assembly", actor_kind="body", action="condemns", target="alliance_treaty_2014",
                polarity="against", event_date="2015-03-18", date_precision="day", date_basis="publication",
                theme="context", decision="Accept")
    return pd.concat([df[df["actor"] != "international community"], pd.DataFrame([hand])], ignore_index=True)


def test_review_edit_accept_end_to_end(ws, tmp_path, capsys):
    df, path = review_file(capsys, ws, tmp_path)
    edited = _edit(df)
    write(edited, path)  # as a spreadsheet saves it: BOM, CRLF
    n_acc = int((edited["decision"].str.lower() == "accept").sum())
    claims_before = pd.read_csv(ws / "claims.csv", dtype=str, keep_default_na=False)
    rc, out, err = run(capsys, "accept", str(path), "--seeds", str(ws))
    assert rc == 0, err
    assert err == "" and out.count("\n") == 1
    assert f"accepted {n_acc}, rejected 1, new actors 1 (Baltic Assembly)" in out
    claims = pd.read_csv(ws / "claims.csv", dtype=str, keep_default_na=False)
    new = claims.iloc[len(claims_before):]
    assert list(claims.columns) == CLAIM_COLUMNS and len(new) == n_acc
    assert list(new["claim_id"]) == next_claim_ids(claims_before["claim_id"], n_acc)
    assert f"new claim ids {new['claim_id'].iloc[0]}-{new['claim_id'].iloc[-1]}" in out
    assert claims.iloc[: len(claims_before)].equals(claims_before)  # old rows untouched
    raw = load_corpus(ws).set_index("doc_id").loc["005", "raw"]
    for r in new.to_dict("records"):
        assert check_span(raw, r) is None
    assert {"Georgia condemned the treaty", "Russia recognised the independence of South Ossetia",
            "The Baltic Assembly also condemned the treaty"} <= set(new["exact"])
    actors = pd.read_csv(ws / "vocab" / "actors.csv", dtype=str, keep_default_na=False)
    added = actors[actors["actor"] == "Baltic Assembly"]
    assert len(added) == 1 and added["kind"].iloc[0] == "body"
    assert (added.iloc[0] != "").all()  # every column filled
    from ossetia.vocab import lane_for_kind  # the lane comes from the vocabulary's kind -> lane rule

    assert added["lane"].iloc[0] == lane_for_kind("body", ws) != "body"
    assert run(capsys, "check", "--seeds", str(ws))[0] == 0
    # the figures built from this workspace show the new claims
    from ossetia.plots.export import registry

    shown = {i for b in registry(ws).values() for i in b.evidence()}
    assert set(new["claim_id"]) & shown
    # the second accept adds nothing and says so
    before = snapshot(ws)
    rc, out, err = run(capsys, "accept", str(path), "--seeds", str(ws))
    assert rc == 0 and err == "" and out.count("\n") == 1 and "nothing added" in out
    assert snapshot(ws) == before


def _one_accepted_row(df):
    df = df.copy()
    df["decision"] = "reject"
    df.loc[0, "decision"] = "accept"
    return df


def _hand_row(df, **kw):
    row = {c: "" for c in df.columns}
    row.update(doc_id="005", speaker="Agenda.ge", actor="Georgia", action="condemns", target="alliance_treaty_2014",
               polarity="against", event_date="2015-03-18", date_precision="day", date_basis="publication",
               theme="context", decision="accept", exact="Georgia condemned the treaty")
    row.update(kw)
    return pd.concat([df, pd.DataFrame([row])], ignore_index=True)


BAD = {
    "missing decision column": (lambda d: d.drop(columns=["decision"]), "missing column(s): decision"),
    "unknown decision word": (lambda d: _one_accepted_row(d).assign(decision=["ok"] + ["reject"] * (len(d) - 1)),
                              "row 2: decision 'ok' is not accept or reject"),
    "quote not in the document": (lambda d: _hand_row(d.assign(decision="reject"), exact="Georgia applauded the treaty"),
                                  "is not in the document"),
    "ambiguous quote": (lambda d: _hand_row(d.assign(decision="reject"), exact="the treaty"),
                        "is found 3 times in the document"),
    "unknown action": (lambda d: _hand_row(d.assign(decision="reject"), action="applauds"),
                       "action 'applauds' is not in vocab/actions.csv"),
    "unknown actor without actor_kind": (lambda d: _hand_row(d.assign(decision="reject"), actor="Baltic Assembly"),
                                         "actor 'Baltic Assembly' is not in vocab/actors.csv; give its kind in actor_kind"),
    "actor the rules could not name": (lambda d: _hand_row(d.assign(decision="reject"), actor="(unknown)"),
                                       "actor is (unknown): the rules found no name here; write who it is"),
    "doc_id not in the corpus": (lambda d: _hand_row(d.assign(decision="reject"), doc_id="042"),
                                 "doc_id '042' is not in the corpus"),
    "bad date": (lambda d: _hand_row(d.assign(decision="reject"), event_date="18/3/2015"),
                 "date '18/3/2015' does not have day precision"),
    "shortened quote not in its sentence": (
        lambda d: _one_accepted_row(d).assign(exact=["Eduard Kokoity welcomed it"] + list(d["exact"][1:])),
        "is not in its sentence"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_review_file_gives_one_line_naming_the_row_and_changes_nothing(case, ws, tmp_path, capsys):
    df, path = review_file(capsys, ws, tmp_path)
    make, expected = BAD[case]
    bad = make(df)
    write(bad, path)
    before = snapshot(ws)
    rc, out, err = run(capsys, "accept", str(path), "--seeds", str(ws))
    assert rc == 1 and out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert expected in lines[0] and path.as_posix() in lines[0]
    if case != "missing decision column":
        assert f"row {len(bad) + 1 if '_hand_row' in make.__code__.co_names else 2}:" in lines[0]
    assert snapshot(ws) == before


@pytest.mark.parametrize("fmt, expected", [
    ({"sep": ";"}, "is separated by semicolons"),
    ({"encoding": "utf-16"}, "is UTF-16 encoded; save it as UTF-8"),
    ({"encoding": "utf-16-le"}, "looks UTF-16 encoded"),
])
def test_a_review_file_in_the_wrong_format_is_named_in_one_line(fmt, expected, ws, tmp_path, capsys):
    df, path = review_file(capsys, ws, tmp_path)
    write(_one_accepted_row(df), path, **fmt)
    before = snapshot(ws)
    rc, out, err = run(capsys, "accept", str(path), "--seeds", str(ws))
    assert rc == 1 and out == "" and len(err.splitlines()) == 1
    assert path.as_posix() in err and expected in err
    assert snapshot(ws) == before


def test_every_problem_is_reported_not_only_the_first(ws, tmp_path, capsys):
    df, path = review_file(capsys, ws, tmp_path)
    bad = _hand_row(_hand_row(df.assign(decision="reject"), action="applauds"), doc_id="042")
    write(bad, path)
    rc, out, err = run(capsys, "accept", str(path), "--seeds", str(ws))
    assert rc == 1 and len(err.splitlines()) == 2
    assert f"row {len(bad)}:" in err and f"row {len(bad) + 1}:" in err


def test_a_hand_row_is_found_by_prefix_and_suffix_and_typed_quotes(ws, tmp_path, capsys):
    df, path = review_file(capsys, ws, tmp_path)
    rows = _hand_row(df.assign(decision="reject"), exact="the treaty", prefix="Assembly also condemned ",
                     suffix=" and urged", actor="Georgia")
    write(rows, path, bom=False, crlf=False)
    assert run(capsys, "accept", str(path), "--seeds", str(ws))[0] == 0
    last = pd.read_csv(ws / "claims.csv", dtype=str, keep_default_na=False).iloc[-1]
    raw = load_corpus(ws).set_index("doc_id").loc["005", "raw"]
    assert raw[int(last["start"]):int(last["end"])] == "the treaty"
    assert raw[: int(last["start"])].endswith("Assembly also condemned ")


def test_ids_pass_c999_in_numeric_order():
    assert next_claim_ids(["C998", "C999"], 3) == ["C1000", "C1001", "C1002"]
    assert next_claim_ids(["C1000", "C999"], 1) == ["C1001"]
    assert next_claim_ids([], 2) == ["C001", "C002"]


def test_typographic_quotes_and_line_breaks_typed_plainly_are_stored_as_the_file_has_them():
    raw = "Intro.\nMoscow\u2019s already tense\nties with the West worsen.\n"
    i, j = locate(raw, {"exact": "Moscow's already tense ties"})
    assert raw[i:j] == "Moscow\u2019s already tense\nties"


_SENTS = sentences(load_corpus())
_RAWS = dict(zip(load_corpus()["doc_id"], load_corpus()["raw"]))


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_shortened_substring_of_a_sentence_anchors_to_exactly_its_place(data):
    s = _SENTS.iloc[data.draw(st.integers(0, len(_SENTS) - 1))]
    raw, sent = _RAWS[s["doc_id"]], _RAWS[s["doc_id"]][s["start"]:s["end"]]
    a = data.draw(st.integers(0, len(sent) - 1))
    b = data.draw(st.integers(a + 1, len(sent)))
    piece = sent[a:b]
    row = {"exact": piece, "start": str(s["start"]), "end": str(s["end"]), "sentence": sent}
    if piece != piece.strip() or not piece.strip():
        return  # a reviewer's cell is trimmed; a blank quote is refused
    n = sum(1 for k in range(len(sent)) if sent.startswith(piece, k))
    if n > 1:
        with pytest.raises(ValueError, match=f"found {n} times in its sentence"):
            locate(raw, row)
        return
    i, j = locate(raw, row)
    assert (i, j) == (s["start"] + a, s["start"] + b)
    sel = selector(raw, i, j)
    assert sel["exact"] == piece and check_span(raw, {k: str(v) for k, v in sel.items()}) is None


def test_review_rows_read_back_unharmed_from_a_spreadsheet_round_trip(ws, tmp_path, capsys):
    df, path = review_file(capsys, ws, tmp_path)
    text = path.read_bytes().decode("utf-8-sig")
    again = list(csv.reader(io.StringIO(text, newline="")))
    assert again[0] == REVIEW_COLUMNS and len(again) == len(df) + 1
    assert read_review(path).equals(df)


def test_what_a_spreadsheet_does_to_a_sheet_does_not_stop_accept(ws, tmp_path, capsys):
    """Leading zeros of doc ids dropped, line ends inside cells turned into CRLF, the context
    column altered: the quote is still found where the offsets say."""
    df, path = review_file(capsys, ws, tmp_path)
    df = _one_accepted_row(df)
    df["doc_id"] = "5"
    df["sentence"] = df["sentence"].str.replace("\n", "\r\n") + " (edited)"
    df.loc[0, "exact"] = df.loc[0, "exact"].replace("\n", "\r\n")
    write(df, path)
    rc, out, err = run(capsys, "accept", str(path), "--seeds", str(ws))
    assert rc == 0, err
    last = pd.read_csv(ws / "claims.csv", dtype=str, keep_default_na=False).iloc[-1]
    raw = load_corpus(ws).set_index("doc_id").loc["005", "raw"]
    assert last["doc_id"] == "005" and check_span(raw, last.to_dict()) is None
