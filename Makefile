# saylav-archive: fetch, load, serve, release, publish, test, bench.
# Every target bootstraps .venv itself, so `make serve` and `make test` work on a fresh clone.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8001
RAW ?= data/raw
DB ?= data/saylav.db
RELEASE ?= dist/release
PUBLISH ?= dist/publish

.PHONY: help install load fetch serve test bench browser axe clean

help: ## list targets
	@grep -E '^[a-z]+:.*## ' Makefile | sed -E 's/:.*## /\t/'

$(BIN)/saylav: pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/saylav ## create .venv and install the project with its test dependencies

browser: ## install Debian's chromium for the browser tests (needs root and apt)
	@if [ -x /usr/bin/chromium ]; then echo "chromium present"; \
	elif command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	else echo "cannot install chromium here (not root or no apt): browser tests will skip"; fi

axe: node_modules/axe-core/axe.min.js ## install axe-core from npm (package.json) for the browser tests' accessibility checks

node_modules/axe-core/axe.min.js: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the accessibility checks of the browser tests will skip"; fi

load: install ## rebuild data/saylav.db from the captures in data/raw
	$(BIN)/saylav load --raw $(RAW) --db $(DB)

fetch: install ## crawl saylav.gov.tm politely into data/raw (needs internet)
	$(BIN)/saylav fetch --raw $(RAW)

# ---- release and publish (the dataset release and the deployable container context)
.PHONY: release publish distclean

release: load ## write the dataset release to dist/release (CSV, datapackage.json, Popolo, CITATION.cff, sums)
	$(BIN)/saylav release --db $(DB) -o $(RELEASE)

publish: load ## build a deployable container context in dist/publish (IF_CHANGED=1: only when the data changed)
	$(BIN)/saylav publish --db $(DB) -o $(PUBLISH) $(if $(IF_CHANGED),--if-changed,)

distclean: ## remove dist/ (releases and publish contexts)
	rm -rf dist

serve: load ## load the bundled captures and serve the archive on 127.0.0.1:$(PORT)
	$(BIN)/saylav serve --db $(DB) -p $(PORT)

test: install browser axe ## run the whole test suite
	$(BIN)/pytest -q

bench: install ## benchmarks on synthetic corpora (temp folders, never data/)
	$(BIN)/python -m bench.load_bench && $(BIN)/python -m bench.site_bench && $(BIN)/python -m bench.vanilla_bench && $(BIN)/python -m bench.slug_bench

clean: ## remove the built database and the venv
	rm -rf $(VENV) $(DB) data/inspect.json node_modules
