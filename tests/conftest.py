import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from ossetia.paths import SEEDS_DIR, seeds_dir

settings.register_profile("project", deadline=None, max_examples=200)
settings.load_profile("project")


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    """A private copy of the seeds folder in use (seeds/, or $OSSETIA_SEEDS: the unit tests run
    against a grown corpus too) that a test may damage."""
    dst = tmp_path / "seeds"
    shutil.copytree(seeds_dir(), dst, ignore=shutil.ignore_patterns("figures", "notebooks"))
    return dst


@pytest.fixture
def reference_default(monkeypatch):
    """The default seeds folder is the project's reference corpus, whatever $OSSETIA_SEEDS says
    (for tests that pin the reference corpus's content)."""
    monkeypatch.delenv("OSSETIA_SEEDS", raising=False)


@pytest.fixture
def reference_copy(tmp_path) -> Path:
    """A private copy of the project's reference corpus (seeds/), whatever $OSSETIA_SEEDS says,
    for tests that pin its content."""
    dst = tmp_path / "reference"
    shutil.copytree(SEEDS_DIR, dst)
    return dst


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` with its bytes, to prove that nothing changed."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def add_text(tmp_path, capsys):
    """Add an article with this text to a seeds folder through the real CLI; returns its path."""
    from ossetia.cli import main

    def add(seeds: Path, text: str, outlet: str = "Civil Georgia", published: str = "2015-01-01") -> Path:
        src = tmp_path / f"article-{len(list(tmp_path.glob('article-*')))}.txt"
        src.write_text(text, encoding="utf-8")
        rc = main(["add", str(src), "--outlet", outlet, "--published", published, "--title", "T",
                   "--seeds", str(seeds)])
        out, err = capsys.readouterr()
        assert rc == 0, err
        return src

    return add
