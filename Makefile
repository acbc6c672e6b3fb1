# Entry points: `make serve` builds the site from raw/ and serves it; `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)
N      ?=
DIR    ?=

.PHONY: site serve test lint eval bench browser system-deps clean

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	rm -f $(VENV)/.installed-* && touch $@

site: $(STAMP)
	$(PY) -m scripts build

serve: site
	$(PY) -m scripts serve --no-build

# Browser tests drive Debian's chromium; install it when missing (root on these machines).
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

# The tests also read .doc files and render the Word download, which need LibreOffice.
system-deps: browser
	@command -v soffice >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui)

# Lint: pyflakes and import order (ruff), and the stages' import order (import-linter); pyproject.toml says how.
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

test: lint system-deps
	$(PY) -m pytest -q

bench: $(STAMP) browser
	$(PY) -m scripts bench $(if $(N),--n $(N))

# The quality command: scores clean, parse and tag on the labelled corpus (../shared/corpus, or DIR=…).
# A tool for measuring, not a test: `make test` never needs the corpus.
eval: $(STAMP)
	$(PY) -m scripts eval $(DIR)

clean:
	rm -rf site build .pytest_cache .hypothesis
