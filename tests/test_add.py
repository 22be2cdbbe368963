"""`ossetia add`: a new article becomes the next document; duplicates and clashes change nothing."""

from ossetia import ids, load_corpus
from ossetia.cli import main
from ossetia.manifest import read_manifest
from conftest import snapshot

ARTICLE = """Sample News

Tskhinvali, 1 Jan 2020 - An example article written for this test mentions South Ossetia and
Kosovo. It says the region is not recognized by most states.
"""


def _add(capsys, seeds, path, *extra):
    rc = main(["add", str(path), "--outlet", "Sample News", "--published", "2020-01-01",
               "--title", "An example", "--seeds", str(seeds), *extra])
    return rc, *capsys.readouterr()


def _next(seeds):
    return ids.next_id(read_manifest(seeds)["doc_id"])


def test_add_makes_the_next_document_that_check_accepts(seeds_copy, tmp_path, capsys):
    art = tmp_path / "article.txt"
    art.write_text(ARTICLE, encoding="utf-8", newline="")
    n, new_id = len(read_manifest(seeds_copy)), _next(seeds_copy)
    rc, out, err = _add(capsys, seeds_copy, art)
    assert rc == 0, err
    assert out.startswith(f"added doc {new_id}: ")
    df = load_corpus(seeds_copy)
    assert len(df) == n + 1 and df.iloc[-1]["doc_id"] == new_id
    new = df.iloc[-1]
    assert new["raw"] == ARTICLE and "South Ossetia" in new["text"]
    assert main(["check", "--seeds", str(seeds_copy)]) == 0


def test_adding_the_same_article_twice_fails_and_changes_nothing(seeds_copy, tmp_path, capsys):
    art = tmp_path / "article.txt"
    art.write_text(ARTICLE, encoding="utf-8", newline="")
    new_id = _next(seeds_copy)
    assert _add(capsys, seeds_copy, art)[0] == 0
    before = snapshot(seeds_copy)
    rc, out, err = _add(capsys, seeds_copy, art)
    assert rc == 1 and out == ""
    assert err == (f"error: {art.as_posix()}: is already in the seeds as doc {new_id} "
                   f"({new_id}_{_sha(art)[:16]}.txt); not added\n")
    assert snapshot(seeds_copy) == before


def test_an_existing_seed_is_refused(seeds_copy, capsys):
    before = snapshot(seeds_copy)
    rc, out, err = _add(capsys, seeds_copy, seeds_copy / "002_10ffbf38920ab959.txt")
    assert rc == 1 and "is already in the seeds as doc 002" in err
    assert snapshot(seeds_copy) == before


def test_an_ambiguous_date_is_refused_with_the_reason(seeds_copy, tmp_path, capsys):
    art = tmp_path / "article.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    before = snapshot(seeds_copy)
    rc = main(["add", str(art), "--outlet", "X", "--published", "5/3/2008", "--title", "T",
               "--seeds", str(seeds_copy)])
    err = capsys.readouterr().err
    assert rc == 1
    assert err.strip().endswith("--published date '5/3/2008' is ambiguous (day/month or month/day?); write it as YYYY-MM-DD")
    assert snapshot(seeds_copy) == before


def test_an_existing_target_name_is_never_overwritten(seeds_copy, tmp_path, capsys):
    art = tmp_path / "article.txt"
    art.write_text(ARTICLE, encoding="utf-8", newline="")
    target = seeds_copy / f"{_next(seeds_copy)}_{_sha(art)[:16]}.txt"
    target.write_bytes(b"precious")  # an unlisted file already holds the name
    before = snapshot(seeds_copy)
    rc, out, err = _add(capsys, seeds_copy, art)
    assert rc == 1 and "not listed in sources.csv" in err
    assert snapshot(seeds_copy) == before and target.read_bytes() == b"precious"


def _sha(p):
    import hashlib
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_add_works_where_the_file_system_has_no_hard_links(seeds_copy, tmp_path, capsys, monkeypatch):
    import os
    import ossetia.add as add_mod

    def no_links(src, dst):
        raise OSError(1, "Operation not permitted")
    monkeypatch.setattr(add_mod.os, "link", no_links)
    art = tmp_path / "article.txt"
    art.write_text(ARTICLE, encoding="utf-8", newline="")
    new_id = _next(seeds_copy)
    rc, out, err = _add(capsys, seeds_copy, art)
    assert rc == 0, err
    new = seeds_copy / f"{new_id}_{_sha(art)[:16]}.txt"
    assert new.read_bytes() == art.read_bytes()
    assert not [p for p in os.listdir(seeds_copy) if p.endswith(".tmp")]
