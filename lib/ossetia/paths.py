"""Where the project's folders are, resolved from this package, never from the current directory."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
#: The project checkout: lib/ossetia/ -> lib/ -> project root (the package is installed editable).
PROJECT_ROOT = PACKAGE_DIR.parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
FIGURES_DIR = PROJECT_ROOT / "figures"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"


#: The environment variable naming the default seeds folder (a workspace made with ``ossetia init``).
SEEDS_ENV = "OSSETIA_SEEDS"


def seeds_dir(path: str | Path | None = None) -> Path:
    """The seeds folder to use: ``path`` if given, else the folder named by the environment
    variable ``OSSETIA_SEEDS`` (when set and not empty), else the project's own ``seeds/``."""
    if path is not None:
        return Path(path)
    env = os.environ.get(SEEDS_ENV, "").strip()
    return Path(env) if env else SEEDS_DIR


def is_reference(folder: str | Path) -> bool:
    """Whether ``folder`` is the project's own seeds/ (the reference corpus)."""
    try:
        return Path(folder).resolve() == SEEDS_DIR.resolve()
    except OSError:
        return False


def rel(path: Path) -> str:
    """A path as shown in messages: relative to the project when inside it, POSIX slashes."""
    path = Path(path)
    try:
        return path.resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def seeds_file(name: str, seeds: str | Path | None = None) -> str:
    """How a figure, caption or index names a file of a seeds folder: the folder's own name, then
    ``name`` inside it (``seeds/claims.csv`` for the reference corpus, ``W/claims.csv`` for a
    workspace ``W``; ``name`` may be a folder such as ``reference/``). Never an absolute path, so
    what a figure says does not depend on where its workspace lives (the notebooks name a
    workspace the same way)."""
    return f"{seeds_dir(seeds).resolve().name}/{name}"
