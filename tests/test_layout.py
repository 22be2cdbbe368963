"""The package's shape: no import cycle, no module over 400 lines, and no fact about the
corpus (a seed document id, an outlet, an actor or alias) written into library code."""

import ast
import csv
import io
import re
import tokenize
from pathlib import Path

import pytest

from ossetia.paths import PROJECT_ROOT, SEEDS_DIR

PKG = PROJECT_ROOT / "lib" / "ossetia"
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    out = {}
    for p in sorted(PKG.rglob("*.py")):
        rel = p.relative_to(PKG.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = p
    return out


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The package modules ``name`` imports (any depth: inside functions too)."""
    pkg = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = pkg
            for _ in range(node.level - 1):
                base = base.rsplit(".", 1)[0]
            mod = (f"{base}.{node.module}" if node.module else base) if node.level else node.module
            out.add(mod)
            out |= {f"{mod}.{a.name}" for a in node.names}  # from . import corpus
    return {m for m in out if m in known and m != name}


def test_no_import_cycle_in_the_package():
    mods = _modules()
    graph = {m: _imports(m, p, set(mods)) for m, p in mods.items()}
    # a module's parent packages run first; an edge to the parent package is not a dependency we draw
    graph = {m: {d for d in deps if not m.startswith(d + ".")} for m, deps in graph.items()}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m):
        state[m] = 1
        stack.append(m)
        for d in sorted(graph[m]):
            if state.get(d) == 1:
                raise AssertionError("import cycle: " + " -> ".join(stack[stack.index(d):] + [d]))
            if d not in state:
                visit(d)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)


def test_the_cycle_test_sees_a_cycle(tmp_path):
    """The walker is not blind: two modules importing each other are reported."""
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    a.write_text("from . import b\n", encoding="utf-8")
    b.write_text("from .a import x\n", encoding="utf-8")
    assert _imports("ossetia.a", a, {"ossetia.a", "ossetia.b"}) == {"ossetia.b"}
    assert _imports("ossetia.b", b, {"ossetia.a", "ossetia.b"}) == {"ossetia.a"}


@pytest.mark.parametrize("name", sorted(_modules()))
def test_no_module_over_400_lines(name):
    n = len(_modules()[name].read_text(encoding="utf-8").splitlines())
    assert n <= MAX_LINES, f"{name} has {n} lines (at most {MAX_LINES}): split it by idea"


def _seed_names() -> tuple[set[str], set[str]]:
    """Doc ids, and outlet/actor/alias names, as the project's seeds tables list them."""
    def rows(p):
        return list(csv.DictReader(io.StringIO((SEEDS_DIR / p).read_text(encoding="utf-8"), newline="")))
    ids = {r["doc_id"] for r in rows("sources.csv")}
    names = {r["outlet"] for r in rows("sources.csv")} | {r["actor"] for r in rows("vocab/actors.csv")}
    names |= {r["alias"] for r in rows("vocab/actor_aliases.csv")}
    return ids, {n for n in names if n.strip()}


def _literals_and_comments(path: Path):
    """(line, text) of every string literal and comment of a Python file."""
    with open(path, encoding="utf-8") as fh:
        for tok in tokenize.generate_tokens(fh.readline):
            if tok.type in (tokenize.STRING, tokenize.COMMENT) or tok.type == getattr(tokenize, "FSTRING_MIDDLE", -1):
                yield tok.start[0], tok.string


def _hits(path: Path, ids: set[str], names: set[str]) -> list[str]:
    id_rx = re.compile(r"(?<![\w.,\-/}])(" + "|".join(sorted(map(re.escape, ids))) + r")(?![\w.\-/])")
    name_rx = re.compile(r"(?<![\w'])(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")(?![\w])")
    out = []
    for line, text in _literals_and_comments(path):
        for m in list(id_rx.finditer(text)) + list(name_rx.finditer(text)):
            out.append(f"{path.relative_to(PKG)}:{line}: {m.group(1)!r}")
    return out


def test_library_code_names_no_seed_document_outlet_or_actor():
    ids, names = _seed_names()
    bad = []
    for p in sorted(PKG.rglob("*.py")):
        if "data" in p.relative_to(PKG).parts:
            continue
        bad += _hits(p, ids, names)
    assert not bad, f"{len(bad)} corpus facts typed into library code (move them to seeds/ tables): {bad[:40]}"


def test_the_name_test_sees_a_name(tmp_path):
    p = PKG / "__probe__.py"
    try:
        p.write_text('# the forum post 000\nX = ("Reuters", "Russia")\n', encoding="utf-8")
        hits = _hits(p, {"000"}, {"Reuters", "Russia"})
        assert len(hits) == 3, hits
    finally:
        p.unlink()
