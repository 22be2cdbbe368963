"""Browser tests of the built site: Playwright for Python driving Debian's Chromium (no browser
download), pages served on 127.0.0.1 by the tests themselves. Run with `make site-test`."""

from __future__ import annotations

import pytest

from sitehelp import ARGS, CHROMIUM, SITE, Watched, serve


@pytest.fixture(scope="session")
def site():
    if not (SITE / "README.html").exists():
        pytest.fail("site/ is not built: run `make site` first")
    return SITE


@pytest.fixture(scope="session")
def base_url(site):
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail("/usr/bin/chromium is missing: `make site-test` installs it (apt-get install chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def watched(browser):
    made = []

    def make(width: int = 1280, height: int = 900) -> Watched:
        w = Watched(browser, width, height)
        made.append(w)
        return w

    yield make
    for w in made:
        w.close()
