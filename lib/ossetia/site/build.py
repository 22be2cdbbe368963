"""Build the reading site: stage the sources, run Sphinx (myst-nb, notebooks NOT executed),
then put the result in place of ``site/`` in one rename (the old site stays until the new one is complete)."""

from __future__ import annotations

import io
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from ..corpus import load_corpus
from ..errors import OssetiaError
from ..evidence import load_claims, load_numbers
from ..notebooks import notebook_paths
from ..paths import FIGURES_DIR, NOTEBOOKS_DIR, PROJECT_ROOT
from .citations import targets
from .evidence_pages import claims_index, document_page, documents_index, references_page
from .pages import ANSWERS, gallery_page, handouts

SITE_DIR = PROJECT_ROOT / "site"
WORK_DIR = PROJECT_ROOT / "build" / "site"
GUIDE_EXTRA = ["AUTHORING.md"]  # pages the guide links to, copied as they are

REDIRECT = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ossetia notebooks</title>'
            '<meta http-equiv="refresh" content="0; url=README.html"></head>'
            '<body><p><a href="README.html">Contents and teaching guide</a></p></body></html>\n')


@dataclass
class Report:
    pages: int
    notebooks: int
    citations: int
    by_page: dict
    seconds: float
    warnings: list

    def summary(self) -> str:
        return (f"site/: {self.pages} pages ({self.notebooks} notebooks), {self.citations} citation links, "
                f"{len(self.warnings)} Sphinx warnings, built in {self.seconds:.1f} s")


def stage(src: Path, seeds=None) -> dict:
    """Write every source page of the site into ``src``; returns the citable targets."""
    known = targets(seeds)
    nbs = notebook_paths(NOTEBOOKS_DIR)
    for nb in nbs:
        shutil.copy2(nb, src / nb.name)
    for name in GUIDE_EXTRA:
        if (NOTEBOOKS_DIR / name).exists():
            shutil.copy2(NOTEBOOKS_DIR / name, src / name)
    if ANSWERS.exists():
        (src / "solutions").mkdir()
        shutil.copy2(ANSWERS, src / "solutions" / ANSWERS.name)
    corpus, claims, numbers = load_corpus(seeds), load_claims(seeds), load_numbers(seeds)
    (src / "evidence").mkdir()
    for doc in corpus.to_dict("records"):
        (src / "evidence" / f"doc-{doc['doc_id']}.md").write_text(document_page(doc, claims, numbers), encoding="utf-8")
    (src / "evidence" / "index.md").write_text(documents_index(corpus, claims, numbers), encoding="utf-8")
    (src / "claims.md").write_text(claims_index(claims, numbers), encoding="utf-8")
    (src / "references.md").write_text(references_page(seeds), encoding="utf-8")
    extra = src.parent / "extra"
    shutil.copytree(FIGURES_DIR, extra / "figures", ignore=shutil.ignore_patterns("README.md"))
    (src / "figures.md").write_text(gallery_page(known, FIGURES_DIR), encoding="utf-8")
    page, _ = handouts(extra / "handouts")
    (src / "handouts.md").write_text(page, encoding="utf-8")
    (extra / "index.html").write_text(REDIRECT, encoding="utf-8")
    # the contents page and teaching guide, with the site's table of contents
    toc = [nb.stem for nb in nbs] + ["evidence/index", "claims", "references", "figures", "handouts"]
    toc += [Path(n).stem for n in GUIDE_EXTRA if (src / n).exists()]
    toc += ["solutions/ANSWERS"] if ANSWERS.exists() else []
    guide = (NOTEBOOKS_DIR / "README.md").read_text(encoding="utf-8")
    _write(src / "README.md", guide.rstrip("\n") + "\n\n```{toctree}\n:hidden:\n:maxdepth: 1\n\n"
           + "\n".join(toc) + "\n```\n")
    _write(src / "conf.py", "from ossetia.site.sphinxconf import *  # noqa: F401,F403\n"
           f"html_extra_path = [{str(extra)!r}]\nossetia_seeds = {str(seeds or '')!r}\n")
    return known


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def build(out: Path = SITE_DIR, seeds=None, quiet: bool = True) -> Report:
    """Build the site into ``out``. Raises OssetiaError (nothing replaced) when a citation does
    not resolve or Sphinx fails."""
    from sphinx.application import Sphinx

    t0 = time.perf_counter()
    out = Path(out).resolve()
    if WORK_DIR.exists():
        shutil.rmtree(WORK_DIR)
    src, html = WORK_DIR / "src", WORK_DIR / "html"
    src.mkdir(parents=True)
    stage(src, seeds)
    status, warnings = io.StringIO(), io.StringIO()
    app = Sphinx(str(src), str(src), str(html), str(WORK_DIR / "doctrees"), "html",
                 status=status if quiet else None, warning=warnings, freshenv=True, keep_going=True)
    app.build()
    unknown = app.env.ossetia_unknown
    if unknown:
        doc, cid = unknown[0]
        more = f" (and {len(unknown) - 1} more)" if len(unknown) > 1 else ""
        raise OssetiaError(_source_name(doc), f"cites {cid}, which is in no evidence or reference table{more}")
    if app.statuscode:
        raise OssetiaError(None, f"Sphinx failed: {warnings.getvalue().strip().splitlines()[-1:]}")
    counts = dict(app.env.ossetia_counts)
    pages = sorted(p.relative_to(html).as_posix() for p in html.rglob("*.html"))
    new = out.with_name(f".{out.name}.new")
    old = out.with_name(f".{out.name}.old")
    for p in (new, old):
        if p.exists():
            shutil.rmtree(p)
    shutil.move(str(html), str(new))
    if out.exists():
        out.rename(old)
    new.rename(out)
    if old.exists():
        shutil.rmtree(old)
    warn = [w for w in warnings.getvalue().splitlines() if w.strip()]
    return Report(len(pages), len(notebook_paths(NOTEBOOKS_DIR)), sum(counts.values()), counts,
                  time.perf_counter() - t0, warn)


def _source_name(docname: str) -> str:
    nb = NOTEBOOKS_DIR / f"{docname}.ipynb"
    if nb.exists():
        return f"notebooks/{nb.name}"
    if docname == "README":
        return "notebooks/README.md"
    return f"site page {docname}"
