# The two commands a new machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# The suite runs in parallel processes (pytest-xdist): one per core, at most four.
TEST_WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 2); [ $$n -gt 4 ] && n=4; echo $$n)

.PHONY: run test lint chromium bench clean train-checker train-generality

$(BIN)/nextround: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: $(BIN)/nextround
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

run: $(BIN)/nextround
	$(BIN)/nextround init
	$(BIN)/nextround demo
	@echo ""
	@echo "  nextround is running at http://$(HOST):$(PORT)/"
	@echo "  Log in as the demo user: demo / nextround-demo"
	@echo ""
	$(BIN)/nextround serve --host $(HOST) --port $(PORT)

# Debian's Chromium drives the browser tests; Playwright never downloads a browser.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; }

test: $(VENV)/.test-installed chromium
	$(BIN)/ruff check src tests bench
	NEXTROUND_DATA_DIR=$(CURDIR)/.test-data $(BIN)/pytest -n $(TEST_WORKERS)

lint: $(VENV)/.test-installed
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

# Retrain the checker's classifier from training/checker/*.jsonl and rewrite its committed model files.
train-checker: $(VENV)/.test-installed
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/python -m nextround.checker.train

train-generality: $(VENV)/.test-installed
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/python -m nextround.checker.train_generality

bench: $(VENV)/.test-installed
	$(BIN)/python bench/web.py

clean:
	rm -rf $(VENV) .test-data
