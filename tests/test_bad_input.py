"""What users really do: bad files get one clear line naming the file, exit 1, nothing changed."""

import hashlib
import os

import pytest
from hypothesis import given, settings, strategies as st

from ossetia import OssetiaError, load_corpus, sentences
from ossetia.cli import main
from ossetia.fileio import decode_text
from ossetia.normalise import normalise
from ossetia.paths import FIGURES_DIR
from ossetia.fileio import read_table
from conftest import snapshot

DOC = "002_10ffbf38920ab959.txt"  # VOA: its outlet rules remove "Accessibility links" / "Breaking News"

BAD_FILES = {
    "empty": (b"", "is empty"),
    "whitespace only": (b"  \n\t\r\n  ", "holds only whitespace"),
    "only site chrome": (b"Accessibility links\n\nBreaking News\n---\n",
                         "holds only site chrome (no article text after normalisation)"),
    "latin-1": ("Caf\u00e9 society in Tskhinvali.".encode("latin-1"),
                "is not valid UTF-8 (byte 0xe9 at offset 3); re-save it as UTF-8"),
    "windows-1252 quotes": ("\u201cQuoted\u201d text.".encode("cp1252"),
                            "is not valid UTF-8 (byte 0x93 at offset 0); re-save it as UTF-8"),
    "utf-16 with BOM": ("South Ossetia voted.".encode("utf-16"), "is UTF-16 encoded; save it as UTF-8"),
    "utf-16 without BOM": ("South Ossetia voted.".encode("utf-16-le"),
                           "looks UTF-16 encoded (every other byte is NUL); save it as UTF-8"),
    "binary": (bytes(range(256)) * 4, "contains NUL bytes; it is binary, not a text file"),
}


def _put(seeds, data: bytes, name=DOC):
    """Replace a seed's bytes and fix its checksum, so the content is the only problem."""
    (seeds / name).write_bytes(data)
    man = seeds / "sources.csv"
    text = man.read_text(encoding="utf-8")
    old = next(ln for ln in text.splitlines() if ln.split(",")[1] == name).split(",")[2]
    man.write_text(text.replace(old, hashlib.sha256(data).hexdigest()), encoding="utf-8", newline="")


def _all(seeds):
    return {**{f"seeds/{k}": v for k, v in snapshot(seeds).items()},
            **{f"figures/{k}": v for k, v in snapshot(FIGURES_DIR).items()}}


@pytest.mark.parametrize("case", BAD_FILES)
@pytest.mark.parametrize("entry", ["check", "extract", "load_corpus"])
def test_a_bad_seed_file_is_one_line_for_every_entry_point(case, entry, seeds_copy, capsys):
    data, problem = BAD_FILES[case]
    _put(seeds_copy, data)
    want = f"{(seeds_copy / DOC).as_posix()}: {problem}"
    before = _all(seeds_copy)
    if entry == "load_corpus":
        with pytest.raises(OssetiaError) as e:
            load_corpus(seeds_copy)
        assert str(e.value) == want
    else:
        assert main([entry, "--seeds", str(seeds_copy)]) == 1
        out, err = capsys.readouterr()
        assert out == ""
        assert err == (f"{want}\n" if entry == "check" else f"error: {want}\n")
    assert _all(seeds_copy) == before


@pytest.mark.parametrize("case", BAD_FILES)
def test_add_refuses_a_bad_article_and_changes_nothing(case, seeds_copy, tmp_path, capsys):
    data, problem = BAD_FILES[case]
    src = tmp_path / "article.txt"
    src.write_bytes(data)
    before = _all(seeds_copy)
    rc = main(["add", str(src), "--outlet", "VOA", "--published", "2020-01-01", "--title", "T",
               "--seeds", str(seeds_copy)])
    assert rc == 1
    assert capsys.readouterr().err == f"error: {src.as_posix()}: {problem}\n"
    assert _all(seeds_copy) == before


@pytest.mark.parametrize("prefix,newline", [("\ufeff", "\n"), ("", "\r\n"), ("\ufeff", "\r\n")],
                         ids=["bom", "crlf", "bom+crlf"])
def test_bom_and_crlf_are_accepted_and_offsets_stay_true_to_the_file(prefix, newline, seeds_copy, tmp_path, capsys):
    text = prefix + newline.join(["Accessibility links", "", "A Headline Without Stop", "",
                                  "Russia recognised South Ossetia in 2008.  Georgia condemned it.",
                                  "", "Tbilisi said it was illegal."]) + newline
    src = tmp_path / "article.txt"
    src.write_bytes(text.encode("utf-8"))
    assert main(["add", str(src), "--outlet", "VOA", "--published", "2020-01-01", "--title", "T",
                 "--seeds", str(seeds_copy)]) == 0
    capsys.readouterr()
    corpus = load_corpus(seeds_copy)
    new = corpus.iloc[-1]
    assert new["raw"] == text and new["headline"] == "A Headline Without Stop"
    assert new["text"].startswith("Russia recognised") and "\r" not in new["text"]
    s = sentences(corpus)
    s = s[s["doc_id"] == new["doc_id"]]
    assert list(s["text"]) == ["Russia recognised South Ossetia in 2008.", "Georgia condemned it.",
                               "Tbilisi said it was illegal."]
    for r in s.itertuples():
        assert text[r.start:r.end] == r.text  # offsets into the file's characters, BOM and CR counted


def _edit(path, old, new):
    t = path.read_text(encoding="utf-8")
    assert old in t
    path.write_text(t.replace(old, new, 1), encoding="utf-8", newline="")


def _link_outside(seeds):
    (seeds.parent / "outside.txt").write_bytes((seeds / DOC).read_bytes())
    (seeds / DOC).unlink()
    os.symlink(seeds.parent / "outside.txt", seeds / DOC)


MANIFEST_CASES = {
    "absolute path": (lambda s: _edit(s / "sources.csv", f"002,{DOC}", "002,/etc/passwd"),
                      "{s}/sources.csv: row 4 (doc 002): file '/etc/passwd' points outside the seeds folder; give a plain file name"),
    "parent path": (lambda s: _edit(s / "sources.csv", f"002,{DOC}", "002,../x.txt"),
                    "{s}/sources.csv: row 4 (doc 002): file '../x.txt' points outside the seeds folder; give a plain file name"),
    "symlink outside": (lambda s: _link_outside(s),
                        "{s}/sources.csv: row 4 (doc 002): file '" + DOC + "' is a link to {p}/outside.txt, outside the seeds folder"),
    "excel semicolons": (lambda s: (s / "sources.csv").write_text(
                            (s / "sources.csv").read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8"),
                         "{s}/sources.csv: is separated by semicolons (as Excel saves CSV in some locales); save it as comma-separated UTF-8 CSV"),
    "missing column": (lambda s: _edit(s / "sources.csv", "doc_id,file,sha256", "id,file,sha256"),
                       "{s}/sources.csv: missing column(s): doc_id"),
}


@pytest.mark.parametrize("case", MANIFEST_CASES)
def test_manifest_problems_are_one_line(case, seeds_copy, capsys):
    if case == "symlink outside" and not hasattr(os, "symlink") or os.name == "nt" and case == "symlink outside":
        pytest.skip("creating symbolic links needs privileges on Windows")
    damage, want = MANIFEST_CASES[case]
    damage(seeds_copy)
    before = _all(seeds_copy)
    assert main(["check", "--seeds", str(seeds_copy)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert want.format(s=seeds_copy.as_posix(), p=seeds_copy.parent.resolve().as_posix()) in err
    assert _all(seeds_copy) == before


@pytest.mark.parametrize("table", ["sources.csv", "claims.csv"])
def test_a_csv_saved_by_excel_with_bom_and_crlf_is_accepted(table, seeds_copy, capsys):
    import csv
    p = seeds_copy / table
    with open(p, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    with open(p, "w", encoding="utf-8-sig", newline="") as fh:  # as Excel writes it: BOM, CRLF rows
        csv.writer(fh, lineterminator="\r\n").writerows(rows)
    assert p.read_bytes().startswith(b"\xef\xbb\xbf") and b"\r\n" in p.read_bytes()
    assert main(["check", "--seeds", str(seeds_copy)]) == 0, capsys.readouterr().err


def test_html_in_an_article_stays_text_and_is_escaped_in_html_output(seeds_copy, add_text):
    add_text(seeds_copy, "Saved page\n\n<script>alert('x')</script> Russia recognised <b>South Ossetia</b>.\n",
             outlet="Web")
    corpus = load_corpus(seeds_copy)
    assert "<script>alert('x')</script>" in corpus.iloc[-1]["text"]
    html = corpus[["doc_id", "text"]].to_html()
    assert "<script>" not in html and "&lt;script&gt;" in html


# -- fuzzing: random bytes and text never crash the readers -------------------------------

@given(st.binary(max_size=400))
def test_decoding_random_bytes_gives_text_or_one_clear_error(data):
    try:
        out = decode_text(data, "x.txt")
    except OssetiaError as e:
        assert str(e).startswith("x.txt: ") and "\n" not in str(e)
    else:
        assert out.encode("utf-8") == data


@given(st.text(max_size=400), st.sampled_from(["VOA", "Reuters", "Euronews", "Agenda.ge", "able2know.org", "X"]))
def test_normalising_random_text_keeps_the_offset_map_consistent(raw, outlet):
    n = normalise(raw, outlet)
    assert len(n.omap) == len(n.text)
    for i, j in enumerate(n.omap):
        if j >= 0:
            assert n.text[i] == n.raw[j] or (n.text[i] == " " and (n.raw[j].isspace() or n.raw[j] == "\ufeff"))


@settings(max_examples=60)
@given(st.binary(max_size=300))
def test_table_loader_on_random_bytes_never_tracebacks(tmp_path_factory, data):
    p = tmp_path_factory.mktemp("t") / "t.csv"
    p.write_bytes(data)
    try:
        read_table(p, ["a"])
    except OssetiaError as e:
        assert "\n" not in str(e) and str(e).startswith(p.as_posix())


@settings(max_examples=30)
@given(st.binary(min_size=1, max_size=300))
def test_load_corpus_on_a_random_seed_file_loads_or_says_why(tmp_path_factory, data):
    import shutil
    from ossetia.paths import SEEDS_DIR
    seeds = tmp_path_factory.mktemp("s") / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    _put(seeds, data)
    try:
        load_corpus(seeds)
    except OssetiaError as e:
        assert "\n" not in str(e) and seeds.as_posix() in str(e)
