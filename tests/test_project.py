"""Project hygiene that users on other machines depend on."""

import re
import tomllib

from ossetia.paths import PROJECT_ROOT, SEEDS_DIR

ROOT = PROJECT_ROOT


def _names(reqs):
    return {re.split(r"[<>=!~ \[]", r, maxsplit=1)[0].strip().lower() for r in reqs}


def test_environment_yml_and_pyproject_list_the_same_dependencies():
    py = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    want = _names(py["dependencies"] + [d for extra in py["optional-dependencies"].values() for d in extra])
    env = (ROOT / "environment.yml").read_text(encoding="utf-8").split("dependencies:", 1)[1]
    got = {m.group(1).lower() for m in re.finditer(r"^\s+-\s+([A-Za-z0-9_.-]+)\s*(?:[<>=]|$)", env, re.M)}
    got -= {"python", "pip"}
    assert got == want, f"only in environment.yml: {got - want}; only in pyproject: {want - got}"


def test_every_dependency_is_pinned_in_the_lock_file():
    py = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    want = _names(py["dependencies"] + [d for extra in py["optional-dependencies"].values() for d in extra])
    lock = (ROOT / "requirements" / "lock.txt").read_text(encoding="utf-8")
    pinned = {ln.split("==")[0].strip().lower() for ln in lock.splitlines() if "==" in ln}
    assert want <= pinned, f"not pinned: {want - pinned}"


def test_seeds_are_marked_binary_safe_in_gitattributes():
    lines = [ln.split() for ln in (ROOT / ".gitattributes").read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    seeds_rules = [i for i, ln in enumerate(lines) if ln[0] in ("seeds/**", "seeds/*")]
    assert seeds_rules and "-text" in lines[seeds_rules[-1]]
    # no later rule may switch text conversion back on for files under seeds/
    assert all(ln[0].startswith("seeds") or not any(a.startswith(("text", "eol")) for a in ln[1:])
               for ln in lines[seeds_rules[-1] + 1:])


def test_library_reads_and_writes_text_with_an_explicit_encoding():
    bad = []
    for p in (ROOT / "lib" / "ossetia").rglob("*.py"):
        for no, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(r"\.(read_text|write_text)\(", line) and "encoding=" not in line or \
               re.search(r"(?<![\w.])open\(|(?<!\bos)\.open\(", line) and not re.search(r"encoding=|\"[rwax]b\"|'[rwax]b'", line):
                bad.append(f"{p.name}:{no}: {line.strip()}")
    assert not bad, bad


def test_ci_script_runs_make_test():
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in run and "set -e" in run


def test_seed_texts_match_the_manifest_checksums():
    import hashlib
    import csv
    with open(SEEDS_DIR / "sources.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) >= 5
    for r in rows:
        assert hashlib.sha256((SEEDS_DIR / r["file"]).read_bytes()).hexdigest() == r["sha256"], r["file"]


def test_ci_script_builds_and_browser_tests_the_site():
    cmds = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")]
    assert cmds.index("make test") < cmds.index("make site") < cmds.index("make site-test")
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    site_test = make[make.index("\nsite-test:"):]
    assert "--site" in site_test and "-eq 5" in site_test  # exit 5 (no tests) said in words, not hidden
