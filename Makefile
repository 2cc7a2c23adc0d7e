# Set-up and everyday commands. Each target builds the virtual environment first if needed.
#   make digest   download the models (first time) and digest the sample article
#   make app      open the window with the sample article
#   make test     run the test suite (what CI runs; the bundle test is left to make bundle-test)
#   make bundle   build the double-clickable app into dist/article-digest/ (packaging/README.md)
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

.PHONY: install digest app test bundle bundle-test
install: $(BIN)/article-digest

digest: install
	$(BIN)/article-digest-cli models download
	$(BIN)/article-digest-cli $(SEED) --to ru,ar --format md

app: install
	$(BIN)/article-digest $(SEED)

test: install
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m "not slow"

bundle: install
	$(BIN)/python packaging/build.py

# Builds the bundle and runs it (about 6.5 minutes on 2 cores): kept out of CI's 15-minute run.
bundle-test: install
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m slow
