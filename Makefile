# Set-up and everyday commands. Each target builds the virtual environment first if needed.
#   make digest   download the models (first time) and digest the sample article
#   make app      open the window with the sample article
#   make test     run the test suite (what CI runs)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEED := seeds/russia-us-syria.txt

$(BIN)/article-digest: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	# The CPU build of torch first: a plain "torch" requirement could pull a multi-GB CUDA build.
	$(BIN)/pip install --quiet "torch==2.13.0"
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

.PHONY: install digest app test bench
install: $(BIN)/article-digest

digest: install
	$(BIN)/article-digest-cli models download
	$(BIN)/article-digest-cli $(SEED) --to ru,ar --format md

app: install
	$(BIN)/article-digest $(SEED)

test: install
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: install
	$(BIN)/pip install --quiet -e ".[bench]"
	$(BIN)/python bench/run.py --quick
