"""Figure text follows the data: on a copy of the seeds with one more article (a new outlet, a
new date, one new claim), every figure's title, caption, alt text and source line states the
counts and date ranges of that copy."""

import csv

import pandas as pd
import pytest

from ossetia import load_corpus
from ossetia.add import add_article
from ossetia.corpus import normalised
from ossetia.evidence import CLAIM_COLUMNS, anchor, load_claims, load_reference
from ossetia.plots.export import registry
from ossetia.plots.style import source_line
from ossetia.stances import argument_map, position_lanes, positions, stance_matrix

OUTLET, PUBLISHED = "Caucasus Wire", "2016-05-03"
QUOTE = "does not recognise the 2006 referendum"
TEXT = (f"Moscow, 3 May 2016. Russia {QUOTE}, its foreign ministry said on Tuesday.\n\n"
        "The ministry repeated its position in a statement to reporters in the capital.\n")


@pytest.fixture(scope="module")
def grown(tmp_path_factory):
    """A copy of the seeds with one invented article by a new outlet and one claim anchored in it."""
    import shutil
    from ossetia.paths import SEEDS_DIR

    seeds = tmp_path_factory.mktemp("grown") / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    art = seeds.parent / "article.txt"
    art.write_text(TEXT, encoding="utf-8")
    row = add_article(art, outlet=OUTLET, published=PUBLISHED, title="Russia on the 2006 vote", seeds=seeds)
    corpus = load_corpus(seeds)
    doc = row["doc_id"]
    raw = corpus.set_index("doc_id").loc[doc, "raw"]
    span = anchor(raw, QUOTE)
    claims = load_claims(seeds)
    new_id = f"C{max(int(c[1:]) for c in claims['claim_id']) + 1:03d}"
    claim = {c: "" for c in CLAIM_COLUMNS}
    claim.update(span, claim_id=new_id, doc_id=doc, part=normalised(corpus, doc).raw_part_at(span["start"]),
                 speaker="Russia", actor="Russia", action="does_not_recognise", target="referendum_2006",
                 polarity="against", event_date=PUBLISHED, date_precision="day", date_basis="stated",
                 theme="recognition", note="invented article for a test")
    with open(seeds / "claims.csv", "a", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerow([claim[c] for c in CLAIM_COLUMNS])
    return seeds, doc, new_id


@pytest.fixture(scope="module")
def figs(grown):
    seeds = grown[0]
    reg = registry(seeds)
    return reg, {name: b.build() for name, b in reg.items()}


def _all_text(b, fig):
    return " ".join([b.title, b.caption, b.alt, source_line(fig)])


def test_every_drawn_title_is_the_registered_title(figs):
    reg, built = figs
    for name, b in reg.items():
        assert built[name]._suptitle.get_text() == b.title, name


def test_corpus_timeline_counts_the_new_article(grown, figs):
    reg, built = figs
    corpus = load_corpus(grown[0])
    b = reg["corpus-timeline"]
    years = corpus["published"].dt.year
    assert len(corpus) == 6
    assert b.title.startswith(f"Six texts, {years.min()}–{years.max()}:")
    assert "The six seed documents" in b.caption
    assert f"Timeline from {years.min()} to {years.max() + 2} with six markers" in b.alt
    assert f"{OUTLET} in May 2016" in b.alt
    assert f"{OUTLET} {PUBLISHED}" in source_line(built["corpus-timeline"])


def test_recognition_matrix_counts_texts_actors_and_topics(grown, figs):
    reg, built = figs
    seeds = grown[0]
    claims = load_claims(seeds)
    m = stance_matrix(claims, seeds=seeds)
    drawn = set(" ".join(m["claims"]).split())
    assert grown[2] in drawn
    docs = claims.loc[claims["claim_id"].isin(drawn), "doc_id"].nunique()
    b = reg["recognition-matrix"]
    assert b.title.endswith(f"positions reported in {['', 'one', 'two', 'three', 'four', 'five', 'six'][docs]} texts")
    assert f"A grid of {m['actor'].nunique()} actors" in b.alt
    assert f"against {m['target'].nunique()} topics" in b.alt
    assert f"{OUTLET} {PUBLISHED}" in source_line(built["recognition-matrix"])


def test_positions_state_each_lanes_count_and_date_range(grown, figs):
    reg, built = figs
    seeds = grown[0]
    pos = positions(load_claims(seeds), seeds=seeds)
    b = reg["positions-timeline"]
    ref = load_reference("recognitions", seeds)
    years = list(pos["date"].dt.year) + [int(d[:4]) for d in ref.loc[ref["state"] == "Russia", "date"]]
    assert f"from {min(years) - 1} to {max(years) + 1} with {len(pos)} dated positions" in b.alt
    for lane in position_lanes(seeds):
        p = pos[pos["lane"] == lane]
        assert (f"{lane}, {len(p)} position{'s' if len(p) != 1 else ''} from {p['date'].min():%B %Y} "
                f"to {p['date'].max():%B %Y}") in b.alt, lane
    assert "to May 2016" in b.alt  # the new article's claim reaches the Russia lane
    assert f"{OUTLET} {PUBLISHED}" in source_line(built["positions-timeline"])


def test_recognition_timeline_years_and_rows(grown, figs):
    reg, _ = figs
    rec = load_reference("recognitions", grown[0])
    b = reg["recognition-timeline"]
    years = [int(d[:4]) for d in rec["date"]]
    assert b.title.endswith(f", {min(years)}–{max(years)}")
    assert b.alt.startswith(f"{['', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven'][len(rec)]} reference rows")
    for state in rec["state"]:
        assert state in b.alt


def test_argument_map_counts_each_side(grown, figs):
    reg, _ = figs
    am = argument_map(load_claims(grown[0]))
    b = reg["kosovo-argument-map"]
    for side, n in am["side"].value_counts().items():
        assert f"({n} claim{'s' if n != 1 else ''})" in b.caption, side
    for actor in am["actor"]:
        assert actor in b.alt


def test_kosovo_sequence_states_its_span_and_days(grown, figs):
    reg, _ = figs
    from ossetia.stances import kosovo_sequence

    seeds = grown[0]
    seq = kosovo_sequence(load_claims(seeds), load_reference("events", seeds), seeds)
    ref = pd.to_datetime(seq.loc[seq["layer"] == "reference", "date"])
    b = reg["kosovo-sequence"]
    assert f"{(ref.max() - ref.min()).days} days" in b.caption
    assert f"{ref.min():%B}" in b.title and f"{ref.max():%B %Y}" in b.title
    assert f"{len(seq) - len(ref)}" in b.alt or ["", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                                 "nine", "ten"][len(seq) - len(ref)] in b.alt


def test_referendum_texts_state_the_recomputed_shares(grown, figs):
    reg, _ = figs
    from ossetia.referendums import referendum_table, source_check_table
    from ossetia.evidence import load_numbers

    res = load_reference("referendum_results", grown[0])
    t = referendum_table(res)
    b = reg["referendum-results"]
    for _, r in t.iterrows():
        assert f"turnout {r['turnout_computed']:.1f}%" in b.alt
    check = source_check_table(load_numbers(grown[0]), res)
    alt = reg["referendum-source-check"].alt
    for _, r in check.iterrows():
        assert f"{r['count']:,.0f}" in alt


def test_every_text_of_every_figure_is_built_for_this_copy(grown, figs):
    """No figure text still says 'five' texts/documents/markers once there are six."""
    reg, built = figs
    for name, b in reg.items():
        text = _all_text(b, built[name])
        for stale in ("Five texts", "five texts", "five seed documents", "five markers"):
            assert stale not in text, (name, stale)
