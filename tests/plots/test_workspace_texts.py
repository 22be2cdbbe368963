"""Figure texts of a workspace: in a grown corpus made with ``ossetia init`` (one article added
and its candidates accepted, one article added with no claims), every figure's note, title,
caption and alt text names the workspace's own tables and counts the rows drawn, and each part
of a split figure has its own caption and alt text built from the rows that part draws."""

import csv
import re

import pytest

from ossetia.add import add_article
from ossetia.cli import main
from ossetia.curate import accept_review, review_table, write_review
from ossetia.evidence import load_claims, load_reference
from ossetia.fileio import read_table
from ossetia.paths import SEEDS_DIR
from ossetia.plots.export import figure_parts, registry
from ossetia.plots.kosovo import kosovo_argument_map_texts
from ossetia.plots.recognition_texts import positions_texts, recognition_matrix_texts
from ossetia.plots.texts import counted
from ossetia.stances import position_lanes, stance_matrix

NAME = "grown-ws"  # the workspace folder: figures name its tables NAME/claims.csv …
# an article whose sentences the extraction rules fire on; its candidates by known actors are accepted
ARTICLE = """Agenda.ge

Tbilisi, 18 March 2015 - Georgia condemned the treaty signed by Russia and South Ossetia on Wednesday.
The Georgian Foreign Ministry said the document is a step towards annexation.
Russia recognised the independence of South Ossetia in 2008, and Eduard Kokoity welcomed it.
The NATO Secretary General said the alliance does not recognise the treaty.
"""
# an article added and never reviewed: a document with no claims
QUIET = "Trade talks\n\nTbilisi, 3 May 2016. Officials met in the capital to discuss trade.\n"
QUIET_OUTLET = "Caucasus Wire"
#: the figures that split at the slide size (tests/test_presets.py checks that they do)
SPLIT = ["recognition-matrix", "positions-timeline", "kosovo-argument-map"]


@pytest.fixture(scope="module")
def ws(tmp_path_factory):
    """The workspace: a copy of the reference corpus, one article with accepted claims (doc
    ``busy``), one with none (doc ``quiet``)."""
    from ossetia.workspace import init_workspace

    tmp = tmp_path_factory.mktemp("ws")
    folder = init_workspace(tmp / NAME)
    (tmp / "busy.txt").write_text(ARTICLE, encoding="utf-8")
    busy = add_article(tmp / "busy.txt", outlet="Agenda.ge", published="2015-03-18", title="Treaty", seeds=folder)
    (tmp / "quiet.txt").write_text(QUIET, encoding="utf-8")
    quiet = add_article(tmp / "quiet.txt", outlet=QUIET_OUTLET, published="2016-05-03", title="Trade talks",
                        seeds=folder)
    review = review_table(folder, [busy["doc_id"]])
    known = set(read_table(folder / "vocab" / "actors.csv", ["actor"])["actor"])
    review["decision"] = ["accept" if a in known else "reject" for a in review["actor"]]
    write_review(review, tmp / "review.csv")
    accept_review(tmp / "review.csv", folder)
    claims = load_claims(folder)
    assert (claims["doc_id"] == busy["doc_id"]).any() and not (claims["doc_id"] == quiet["doc_id"]).any()
    return {"folder": folder, "busy": busy["doc_id"], "quiet": quiet["doc_id"], "claims": claims}


@pytest.fixture(scope="module")
def whole(ws):
    reg = registry(ws["folder"])
    return reg, {name: b.build() for name, b in reg.items()}


@pytest.fixture(scope="module")
def parts(ws):
    return figure_parts(SPLIT, "slide", seeds=ws["folder"])


def foot(fig) -> str:
    """The source line and note as drawn."""
    return next(t.get_text() for t in fig.texts if t.get_gid() == "source-line")


def numbered(part) -> tuple[int, int, str]:
    """(i, n, label) of a part, from its title '… (i/n: label)'."""
    i, n, label = re.search(r" \((\d+)/(\d+): (.*)\)$", part.title).groups()
    return int(i), int(n), label


# -- notes name the tables drawn ----------------------------------------------------------

NOTES = {  # figure -> the tables its note or caption names
    "corpus-timeline": ["sources.csv"],
    "recognition-matrix": ["claims.csv"],
    "positions-timeline": ["reference/"],
    "recognition-timeline": ["reference/recognitions.csv", "claims.csv"],
    "referendum-results": ["reference/referendum_results.csv"],
    "kosovo-argument-map": ["claims.csv, theme kosovo_precedent"],
}


def test_notes_and_captions_name_the_workspace_tables_not_the_seeds(whole):
    reg, built = whole
    for name, tables in NOTES.items():
        said = foot(built[name]) + " " + reg[name].caption
        for table in tables:
            assert f"{NAME}/{table}" in said, (name, table)
    for name, b in reg.items():
        for text in (foot(built[name]), b.title, b.caption, b.alt):
            assert "seeds/" not in text, (name, text)


def test_the_reference_corpus_figures_still_name_seeds(reference_default):
    reg = registry(SEEDS_DIR)
    for name, tables in NOTES.items():
        said = foot(reg[name].build()) + " " + reg[name].caption
        for table in tables:
            assert f"seeds/{table}" in said, (name, table)


def test_the_index_of_a_workspace_export_names_the_workspace(ws, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["figures", "--seeds", str(ws["folder"]), "--only", "corpus-timeline", "--format", "svg",
                 "--out", str(out)]) == 0
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert f"`ossetia figures --seeds {NAME} --preset print`" in readme
    assert f"evidence tables in `{NAME}/`" in readme and "`seeds/`" not in readme
    with open(out / "index.csv", encoding="utf-8", newline="") as fh:
        assert f"{NAME}/sources.csv" in next(csv.DictReader(fh))["caption"]


# -- counts come from the rows drawn -------------------------------------------------------

def test_the_matrix_counts_the_documents_it_draws_not_the_corpus(ws, whole):
    reg, built = whole
    claims = ws["claims"]
    m = stance_matrix(claims, seeds=ws["folder"])
    docs = set(claims.loc[claims["claim_id"].isin(" ".join(m["claims"]).split()), "doc_id"])
    assert ws["busy"] in docs and ws["quiet"] not in docs and len(docs) == 6
    b = reg["recognition-matrix"]
    assert b.title == "Who recognises what: positions reported in six texts"
    assert built["recognition-matrix"]._suptitle.get_text() == b.title
    assert QUIET_OUTLET not in foot(built["recognition-matrix"])
    assert reg["corpus-timeline"].title.startswith("Seven texts, ")  # the corpus figure draws every document
    assert QUIET_OUTLET in foot(built["corpus-timeline"])


def test_a_count_of_one_reads_in_the_singular(ws):
    claims, folder = ws["claims"], ws["folder"]
    one = recognition_matrix_texts(claims[claims["doc_id"] == ws["busy"]], seeds=folder)
    assert one["title"] == "Who recognises what: positions reported in one text"
    lane = position_lanes(folder)[0]
    pos = positions_texts(claims, load_reference("recognitions", folder), folder, lanes=[lane])
    assert pos["caption"].startswith(f"Positions of one party ({lane}) in the seed texts")
    assert pos["alt"].startswith("One horizontal lane from ")
    amap = kosovo_argument_map_texts(claims, ["warns"])
    assert amap["alt"].startswith("One group of quotation boxes beside the question they answer. ")


def test_the_sequence_alt_text_says_where_its_time_axis_breaks(whole):
    reg, built = whole
    b = reg["kosovo-sequence"]
    assert "beyond the break" in foot(built["kosovo-sequence"])  # the accepted 2015 claim lies outside 2008
    assert ", broken for one seed claim dated outside it (18 March 2015): " in b.alt


# -- each part of a split figure has its own texts -----------------------------------------

def test_every_part_has_its_own_caption_and_alt_text_from_its_rows(parts):
    for name in SPLIT:
        mine = [p for p in parts if p.entry == name]
        assert len(mine) >= 2, name
        assert len({p.caption for p in mine}) == len(mine) and len({p.alt for p in mine}) == len(mine), name
        for k, p in enumerate(mine, 1):
            i, n, label = numbered(p)
            assert (i, n) == (k, len(mine)), p.name
            seed = p.rows[p.rows["layer"] == "seed"]
            n_claims, n_docs = int((seed["kind"] == "claim").sum()), seed["doc_id"].nunique()
            lead = f"Part {i} of {n} ({label}): {n_claims} claims from {counted(n_docs, 'document')}"
            assert p.caption.endswith(".") and lead in p.caption, (p.name, p.caption)
            assert p.alt.startswith(lead), (p.name, p.alt)


def test_the_positions_parts_describe_only_their_lanes(ws, parts):
    lanes = position_lanes(ws["folder"])
    for p in (p for p in parts if p.entry == "positions-timeline"):
        drawn = numbered(p)[2].split(", ")
        assert set(drawn) < set(lanes)
        described = p.alt.split(". ", 1)[1]  # after the part note
        assert described.startswith(f"{counted(len(drawn), 'horizontal lane', capital=True)} from "), p.alt
        for lane in lanes:
            assert (f"{lane}, " in described) == (lane in drawn), (p.name, lane)


def test_the_argument_map_parts_describe_only_their_groups(parts):
    first, second = [p for p in parts if p.entry == "kosovo-argument-map"]
    assert "who invokes" in first.caption.lower() and "who denies" not in first.caption.lower()
    assert "One group of quotation boxes" in first.alt and "denying it" not in first.alt
    assert first.caption.startswith("Who invokes Kosovo's independence as a precedent (6 claims), each with")
    assert second.caption.startswith("Who denies that Kosovo's independence is a precedent (2 claims) and who warns")
    assert "Two groups of quotation boxes" in second.alt and "invoking the precedent" not in second.alt
    assert second.alt.index("Left, below the question, warning") < second.alt.index("Right, denying it")


def test_the_matrix_parts_describe_only_their_party_groups(parts):
    matrix = [p for p in parts if p.entry == "recognition-matrix"]
    groups = {g for p in matrix for g in numbered(p)[2].split(", ")}
    assert len(groups) >= 3
    for p in matrix:
        mine = numbered(p)[2].split(", ")
        cells = p.alt.split("Cells by group and stance: ", 1)[1]
        for g in groups:
            assert (f"{g} (" in cells) == (g in mine), (p.name, g)
