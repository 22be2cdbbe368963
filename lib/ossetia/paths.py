"""Where the project's folders are, resolved from this package, never from the current directory."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
#: The project checkout: lib/ossetia/ -> lib/ -> project root (the package is installed editable).
PROJECT_ROOT = PACKAGE_DIR.parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
FIGURES_DIR = PROJECT_ROOT / "figures"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"


def seeds_dir(path: str | Path | None = None) -> Path:
    """The seeds folder to use: ``path`` if given, else the project's own ``seeds/``."""
    return Path(path) if path is not None else SEEDS_DIR


def rel(path: Path) -> str:
    """A path as shown in messages: relative to the project when inside it, POSIX slashes."""
    path = Path(path)
    try:
        return path.resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return path.as_posix()
