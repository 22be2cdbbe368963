import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from ossetia.paths import SEEDS_DIR

settings.register_profile("project", deadline=None, max_examples=200)
settings.load_profile("project")


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    """A private copy of seeds/ that a test may damage."""
    dst = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, dst)
    return dst


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` with its bytes, to prove that nothing changed."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
