"""The notebook collection: skeleton, generated navigation, citations that resolve, clean stored runs."""

import json
import re

import pytest

from ossetia.evidence import load_claims, load_numbers, load_reference
from ossetia.notebooks import nav_problems, notebook_paths
from ossetia.paths import NOTEBOOKS_DIR

NOTEBOOKS = notebook_paths()
SKELETON = ["Overview", "Prerequisites", "Imports and set-up", "Summary", "What this analysis cannot show",
            "Discussion questions", "Sources"]
ID = re.compile(r"\b(?:C\d{3}|N\d{3}|RR\d{2}|R\d{2}|E\d{2}|doc \d{3})\b")


def _nb(path):
    return json.loads(path.read_text(encoding="utf-8"))


def _known_ids():
    known = set(load_claims()["claim_id"]) | set(load_numbers()["number_id"])
    for t in ("recognitions", "referendum_results", "events"):
        known |= set(load_reference(t)["ref_id"])
    return known | {f"doc {d}" for d in ("000", "001", "002", "003", "004")}


def test_there_are_notebooks_named_nn_short_title():
    assert NOTEBOOKS, "no notebooks"
    nums = [p.name[:2] for p in NOTEBOOKS]
    assert nums == sorted(set(nums))


def test_navigation_is_generated_and_every_link_resolves():
    assert nav_problems() == []


def test_navigation_check_notices_a_stale_cell(tmp_path):
    import shutil
    for p in NOTEBOOKS:
        shutil.copy(p, tmp_path / p.name)
    victim = tmp_path / NOTEBOOKS[0].name
    victim.write_text(victim.read_text(encoding="utf-8").replace("[Contents](README.md)", "[Contents](README.md) extra", 1),
                      encoding="utf-8")
    assert any("stale" in p for p in nav_problems(tmp_path))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_follows_the_skeleton(path):
    heads = [ln[3:].strip() for c in _nb(path)["cells"] if c["cell_type"] == "markdown"
             for ln in "".join(c["source"]).splitlines() if ln.startswith("## ")]
    positions = [next((i for i, h in enumerate(heads) if h.startswith(s)), None) for s in SKELETON]
    assert None not in positions, f"missing sections: {[s for s, p in zip(SKELETON, positions) if p is None]}"
    assert positions[:3] == sorted(positions[:3]) and positions[3:] == sorted(positions[3:])
    numbered = [h for h in heads if re.match(r"\d+\. ", h)]
    assert numbered and [int(h.split(".")[0]) for h in numbered] == list(range(1, len(numbered) + 1))
    text = "".join("".join(c["source"]) for c in _nb(path)["cells"] if c["cell_type"] == "markdown")
    assert "Time to learn" in text


def _cited(markdown: str) -> set[str]:
    """Every evidence id inside square brackets: [C044], [C083, C084], [RR01–RR07], [doc 002]."""
    out = set()
    for group in re.findall(r"\[([^\]]+)\]", markdown):
        out |= set(ID.findall(group))
    return out


@pytest.mark.parametrize("path", NOTEBOOKS + [NOTEBOOKS_DIR / "README.md"], ids=lambda p: p.name)
def test_every_cited_id_in_markdown_exists(path):
    if path.suffix == ".md":
        text = path.read_text(encoding="utf-8")
    else:
        text = "\n".join("".join(c["source"]) for c in _nb(path)["cells"] if c["cell_type"] == "markdown")
    cited = _cited(text)
    assert cited, "no citations at all"
    assert cited <= _known_ids(), f"unknown ids cited: {sorted(cited - _known_ids())}"


def test_citation_check_catches_an_unknown_id():
    assert _cited("as reported [C999] and [RR01–RR07], [doc 002]") == {"C999", "RR01", "RR07", "doc 002"}
    assert "C999" not in _known_ids()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_run_is_clean_and_top_to_bottom(path):
    code = [c for c in _nb(path)["cells"] if c["cell_type"] == "code"]
    counts = [c["execution_count"] for c in code if "nbval-skip" not in c.get("metadata", {}).get("tags", [])]
    assert counts == list(range(1, len(counts) + 1))
    for c in code:
        for o in c["outputs"]:
            assert o["output_type"] != "error"
            assert not (o["output_type"] == "stream" and o["name"] == "stderr"), "".join(o["text"])[:200]
            assert "image/svg+xml" not in o.get("data", {})  # inline figures stay PNG
    first = "".join(code[0]["source"])
    assert first.startswith("%matplotlib inline") and "figure_formats = ['png']" in first
    for c in code:
        for line in "".join(c["source"]).splitlines():
            if line.startswith("%") or line.startswith("!"):
                assert line.startswith(("%matplotlib", "%config")), line
