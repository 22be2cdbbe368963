# Ossetia notebooks. The two commands: `make figures` (the main job) and `make test`.
# Each sets up a local .venv with the locked versions on first use. Plain commands for
# machines without make (Windows) are in README.md.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
LOCK   := requirements/lock.txt
STAMP  := $(VENV)/.installed-test
LABSTAMP := $(VENV)/.installed-lab
BENCHSTAMP := $(VENV)/.installed-bench
SITESTAMP := $(VENV)/.installed-site
CHROMIUM := /usr/bin/chromium
PDFTOPPM := /usr/bin/pdftoppm
DASKSTAMP := $(VENV)/.installed-dask
NBVAL  := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg
# Two workers; loadscope keeps each notebook's cells (and each test module) on one worker, in order.
XDIST  := -n 2 --dist loadscope

# Same hash seed when notebooks are executed and when they are tested.
export PYTHONHASHSEED := 0
# Keep third-party caches out of the user's home folder and the tree.
export MPLCONFIGDIR := $(CURDIR)/$(VENV)/mplconfig

.PHONY: help setup figures test unit nbtest notebooks nav lab check bench site site-test test-dask test-pdf clean

help:
	@echo "make figures    export every briefing figure to figures/ (the main job)"
	@echo "make test       ruff, unit tests + strict nbval over notebooks/"
	@echo "make notebooks  re-execute all notebooks in the locked environment (refreshes stored outputs)"
	@echo "make nav        regenerate the navigation cells of the notebooks"
	@echo "make check      validate seeds/ (ossetia check)"
	@echo "make lab        open JupyterLab at the project root, on the contents page"
	@echo "make site       build the reading site into site/ from the committed notebooks (not executed)"
	@echo "make site-test  browser tests of site/ (Chromium; installed with apt-get when missing)"
	@echo "make bench      benchmark the public API against CountVectorizer, spaCy, re; Dask (several minutes)"
	@echo "make test-dask  the Dask scale-out test (installs the dask extra)"
	@echo "make test-pdf   the print figures' PDFs in two renderers (poppler-utils; installed with apt-get when missing)"

setup: $(STAMP)

$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c $(LOCK) -e ".[test,brief]"
	@mkdir -p $(VENV)/mplconfig
	@touch $@

$(LABSTAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c $(LOCK) -e ".[test,lab]"
	@mkdir -p $(VENV)/share/jupyter/lab/settings
	@# Markdown files (the contents page) open rendered, not as source
	@printf '%s\n' '{"@jupyterlab/docmanager-extension:plugin": {"defaultViewers": {"markdown": "Markdown Preview"}}}' \
	  > $(VENV)/share/jupyter/lab/settings/overrides.json
	@touch $@

$(BENCHSTAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c $(LOCK) -e ".[test,bench,dask]"
	@touch $@ $(DASKSTAMP)

$(DASKSTAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c $(LOCK) -e ".[test,dask]"
	@touch $@

$(SITESTAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c $(LOCK) -e ".[test,site]"
	@touch $@

figures: $(STAMP)
	$(BIN)/ossetia figures

check: $(STAMP)
	$(BIN)/ossetia check

# pytest exits 5 when it collects no tests: say so plainly, do not fail on it, do not hide it.
test: $(STAMP)
	$(BIN)/ruff check lib tests conftest.py
	@rc=0; $(BIN)/python -m pytest -p no:cacheprovider $(XDIST) tests notebooks $(NBVAL) || rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected NO tests (exit 5)"; exit 0; fi; exit $$rc

unit: $(STAMP)
	$(BIN)/python -m pytest -p no:cacheprovider tests

nbtest: $(STAMP)
	$(BIN)/python -m pytest -p no:cacheprovider notebooks $(NBVAL)

notebooks: $(STAMP)
	$(BIN)/python -m ossetia.notebooks run

nav: $(STAMP)
	$(BIN)/python -m ossetia.notebooks nav

# JupyterLab at the project root (seeds/, figures/ and notebooks/ all reachable), on the contents page.
lab: $(LABSTAMP)
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" notebooks/README.md

# Synthetic workspaces of 1k, 10k and 100k documents: the public API against CountVectorizer,
# spaCy and re, and Dask with 1 and 2 workers; rewrites the README's benchmark section.
# BENCH_ARGS: more options, e.g. make bench BENCH_ARGS="--skip spacy@100000"
BENCH_ARGS ?=
bench: $(BENCHSTAMP)
	$(BIN)/python -m ossetia.bench --readme $(BENCH_ARGS)

# The Dask scale-out test (installs the dask extra): tables equal to the in-memory verbs.
test-dask: $(DASKSTAMP)
	$(BIN)/python -m pytest -p no:cacheprovider tests/test_scaleout.py

# The reading site: Sphinx + myst-nb over the committed, executed notebooks (never executed here).
site: $(SITESTAMP)
	$(BIN)/python -m ossetia.site

# Debian's Chromium, driven by Playwright (no browser download). Installed as root when missing.
$(CHROMIUM):
	@if [ "$$(id -u)" != 0 ]; then echo "make site-test needs $(CHROMIUM): run 'sudo apt-get install chromium'"; exit 1; fi
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

# poppler-utils (pdftoppm, pdftocairo) for the check that the print figures' PDFs look the same
# in two renderers; installed as root when missing, like Chromium.
$(PDFTOPPM):
	@if [ "$$(id -u)" != 0 ]; then echo "make test-pdf needs $(PDFTOPPM): run 'sudo apt-get install poppler-utils'"; exit 1; fi
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils

# The PDF renderer check (in `make test` too, where it is skipped when poppler-utils is missing); exit 5 is said, not hidden.
test-pdf: $(STAMP) $(PDFTOPPM)
	@rc=0; $(BIN)/python -m pytest -p no:cacheprovider tests/test_presets.py -k two_pdf_renderers -q || rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test-pdf: pytest collected NO tests (exit 5)"; exit 0; fi; exit $$rc

# Browser tests (tests/browser, not part of `make test`; JupyterLab for the open-and-save test); exit 5 (no tests collected) is said, not hidden.
site-test: $(SITESTAMP) $(LABSTAMP) $(CHROMIUM)
	@test -f site/README.html || { echo "site/ is not built: run make site first"; exit 1; }
	@rc=0; $(BIN)/python -m pytest -p no:cacheprovider tests/browser --site -q || rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make site-test: pytest collected NO tests (exit 5)"; exit 0; fi; exit $$rc

clean:
	rm -rf $(VENV) .hypothesis .pytest_cache build site lib/*.egg-info
