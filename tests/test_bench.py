"""The benchmark's corpus builder and pipeline (the timing itself is `make bench`, not a test)."""

from ossetia.bench import make_corpus, ours, ours_parallel


def test_synthetic_documents_are_all_different_and_counted_the_same_in_parallel(tmp_path):
    items = make_corpus(40, tmp_path / "c")
    texts = [p.read_bytes() for p, _ in items]
    assert len(set(texts)) == len(texts) == 40
    serial = ours(items)
    assert sum(sum(c.values()) for c in serial.values()) > 40 * 100
    assert ours_parallel(items, workers=2) == serial
