"""The reading site in a real browser: offline, no console errors, every citation a link that
lands on its quote, no horizontal overflow at 1280 and 390 px, keyboard focus on every citation."""

from __future__ import annotations

import re
import shutil

import pytest

from citecheck import check_page, expected
from sitehelp import SHOTS, SITE, notebook_pages, serve, site_pages

PAGES = site_pages() if SITE.exists() else []
READING = notebook_pages() + ["README.html"]  # the pages whose prose cites: notebooks and the guide


@pytest.fixture(scope="module")
def want():
    return expected()


def test_the_site_has_every_notebook_and_the_generated_pages(site):
    pages = set(PAGES)
    assert set(notebook_pages()) <= pages
    from ossetia.corpus import load_corpus
    from ossetia.site.pages import handouts  # noqa: F401  (the module the handouts come from)
    docs = load_corpus()["doc_id"]
    assert {f"evidence/doc-{d}.html" for d in docs} <= pages
    assert {"README.html", "claims.html", "references.html", "figures.html", "handouts.html", "index.html"} <= pages


def test_the_root_opens_the_contents_page(watched, base_url):
    w = watched()
    w.page.goto(base_url)
    w.page.wait_for_url(re.compile(r"README\.html$"))
    assert "Contents" in w.page.locator("article").inner_text()


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_offline_without_console_errors(watched, base_url, path):
    w = watched()
    resp = w.page.goto(base_url + path, wait_until="load")
    assert resp is not None and resp.ok, f"{path}: HTTP {resp and resp.status}"
    w.page.wait_for_load_state("networkidle")
    assert w.outside == [], f"{path} requests from outside the machine: {w.outside}"
    assert w.errors == [], f"{path}: {w.errors}"


@pytest.mark.parametrize("path", READING)
def test_every_citation_is_a_link_landing_on_its_quote(watched, base_url, path, want):
    w = watched()
    res = check_page(w.page, base_url + path, want)
    print(f"{path}: {res.n} citations, {res.checked} links checked")
    assert res.n > 0, f"{path}: no citation found (the count would prove nothing)"
    assert res.problems == [], f"{path}: " + "; ".join(res.problems[:20])
    assert res.checked == res.n


def test_a_click_on_a_citation_opens_the_quote(watched, base_url, want):
    w = watched()
    w.page.goto(base_url + "03-referendum-results.html")
    link = w.page.locator("article a", has_text=re.compile(r"^N\d{3}$")).first
    cid = link.inner_text()
    link.click()
    w.page.wait_for_url(re.compile(rf"#{cid}$"))
    target = w.page.locator(":target")
    assert target.text_content() == want[cid]["exact"]
    assert target.is_visible()


def test_a_broken_citation_fails_the_check(tmp_path, watched, want):
    """The check above is not vacuous: break one link, or unlink one citation, in a copy of the site."""
    copy = tmp_path / "site"
    shutil.copytree(SITE, copy)
    page = copy / "03-referendum-results.html"
    html = page.read_text(encoding="utf-8")
    first = re.search(r'href="(evidence/doc-\d+\.html)#(N\d{3})"', html)
    assert first, "no number citation to break"
    broken = html.replace(first.group(0), f'href="{first.group(1)}#N999"', 1)
    page.write_text(broken, encoding="utf-8")
    with serve(copy) as url:
        w = watched()
        res = check_page(w.page, url + page.name, want)
    assert any(first.group(2) in p and "anchor" in p for p in res.problems), res.problems
    # a citation left as plain text is counted and reported too
    unlinked = re.sub(r'<a class="[^"]*cite[^"]*"[^>]*>(C\d{3})</a>', r"\1", html, count=1)
    assert unlinked != html
    page.write_text(unlinked, encoding="utf-8")
    with serve(copy) as url:
        w = watched()
        res = check_page(w.page, url + page.name, want)
    assert any("cited" in p and "links" in p for p in res.problems), res.problems


@pytest.mark.parametrize("width", [1280, 390])
def test_no_horizontal_overflow(watched, base_url, width):
    SHOTS.mkdir(parents=True, exist_ok=True)
    w = watched(width, 900)
    wide = []
    for path in PAGES:
        if path == "index.html":  # redirects to README.html
            continue
        w.page.goto(base_url + path)
        sw, cw = w.page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if sw > cw:
            wide.append(f"{path} ({sw} > {cw})")
        w.page.screenshot(path=str(SHOTS / f"{path.replace('/', '_').removesuffix('.html')}-{width}.png"))
    assert wide == [], f"pages wider than {width} px: {wide}"


@pytest.mark.parametrize("path", READING)
def test_keyboard_focus_reaches_every_citation(watched, base_url, path):
    w = watched()
    w.page.goto(base_url + path)
    n = w.page.evaluate("""() => {
      const ids = /^(C\\d{3,}|N\\d{3,}|RR\\d{2,}|R\\d{2,}|E\\d{2,}|doc \\d{3,})$/;
      const links = [...document.querySelectorAll('article a[href]')].filter(a => ids.test(a.textContent.trim()));
      links.forEach((a, i) => a.dataset.citeIndex = i);
      return links.length;
    }""")
    total = w.page.evaluate("document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]').length")
    reached = set()
    w.page.locator("body").focus()
    for _ in range(total + 20):
        w.page.keyboard.press("Tab")
        idx = w.page.evaluate("document.activeElement && document.activeElement.dataset.citeIndex")
        if idx is not None:
            reached.add(int(idx))
        if len(reached) == n:
            break
    assert n > 0
    assert len(reached) == n, f"{path}: Tab reaches {len(reached)} of {n} citation links"


def test_evidence_spans_show_their_codes_on_focus_and_hover(watched, base_url, want):
    w = watched(390, 800)
    w.page.goto(base_url + "evidence/index.html")
    first = w.page.locator("article a[href^='doc-']").first.get_attribute("href")
    w.page.goto(base_url + "evidence/" + first)
    mark = w.page.locator("mark[id][tabindex='0']").first
    w.page.locator("body").focus()
    for _ in range(400):  # Tab until the first span of the text has the focus
        w.page.keyboard.press("Tab")
        if w.page.evaluate("document.activeElement.tagName") == "MARK":
            break
    mid = w.page.evaluate("document.activeElement.id")
    assert mid == mark.get_attribute("id")
    codes = mark.get_attribute("data-codes")
    assert mid in codes
    shown = w.page.evaluate("getComputedStyle(document.activeElement, '::after').content")
    assert shown.strip('"') == codes
    w.page.screenshot(path=str(SHOTS / "evidence-focus-390.png"))
    w.page.locator("body").focus()
    mark.hover()
    assert w.page.evaluate(f"getComputedStyle(document.getElementById('{mid}'), '::after').content").strip('"') == codes
    assert mark.text_content() == want[mid]["exact"]


@pytest.mark.parametrize("sheet", sorted(p.name for p in (SITE / "handouts").glob("*.html")) if SITE.exists() else [])
def test_handout_prints_on_one_page(browser, base_url, sheet, tmp_path):
    page = browser.new_page()
    page.goto(base_url + "handouts/" + sheet)
    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    page.close()
    (SHOTS / "handouts").mkdir(parents=True, exist_ok=True)
    (SHOTS / "handouts" / sheet.replace(".html", ".pdf")).write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages == 1, f"{sheet} prints on {pages} pages"
