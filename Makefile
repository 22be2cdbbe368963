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
NBVAL  := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg
# Two workers; loadscope keeps each notebook's cells (and each test module) on one worker, in order.
XDIST  := -n 2 --dist loadscope

# Same hash seed when notebooks are executed and when they are tested.
export PYTHONHASHSEED := 0
# Keep third-party caches out of the user's home folder and the tree.
export MPLCONFIGDIR := $(CURDIR)/$(VENV)/mplconfig

.PHONY: help setup figures test unit nbtest notebooks nav lab check bench clean

help:
	@echo "make figures    export every briefing figure to figures/ (the main job)"
	@echo "make test       unit tests + strict nbval over notebooks/"
	@echo "make notebooks  re-execute all notebooks in the locked environment (refreshes stored outputs)"
	@echo "make nav        regenerate the navigation cells of the notebooks"
	@echo "make check      validate seeds/ (ossetia check)"
	@echo "make lab        open JupyterLab"
	@echo "make bench      benchmark the corpus pipeline against CountVectorizer (a few minutes)"

setup: $(STAMP)

$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c $(LOCK) -e ".[test]"
	@mkdir -p $(VENV)/mplconfig
	@touch $@

$(LABSTAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c $(LOCK) -e ".[test,lab]"
	@touch $@

$(BENCHSTAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c $(LOCK) -e ".[test,bench]"
	@touch $@

figures: $(STAMP)
	$(BIN)/ossetia figures

check: $(STAMP)
	$(BIN)/ossetia check

# pytest exits 5 when it collects no tests: say so plainly, do not fail on it, do not hide it.
test: $(STAMP)
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

lab: $(LABSTAMP)
	$(BIN)/jupyter lab notebooks

# Synthetic corpora of 1k, 10k and 100k documents against scikit-learn's CountVectorizer.
bench: $(BENCHSTAMP)
	$(BIN)/python -m ossetia.bench

clean:
	rm -rf $(VENV) .hypothesis .pytest_cache build lib/*.egg-info
