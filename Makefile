# Two commands do everything on a fresh machine: `make` builds every source, `make test` runs the tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SOURCES := $(sort $(wildcard source/*.md))
BUILD  := build
# -j follows make's own -jN when given, else the number of cores.
JOBS = $(or $(patsubst -j%,%,$(filter -j%,$(MAKEFLAGS))),$(shell nproc 2>/dev/null || echo 2))

.PHONY: all build bytecode test clean preview bench check-clients system-deps package

all: build

$(BIN)/unres: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

system-deps:
	@bash scripts/install-system-deps.sh

# Bytecode is written here once, so that no run compiles the package again (pip leaves an
# editable install uncompiled, and PYTHONDONTWRITEBYTECODE stops Python writing it on import).
bytecode: $(BIN)/unres
	@$(BIN)/python -m compileall -q scripts/unres

build: $(BIN)/unres system-deps bytecode
	$(BIN)/unres build $(SOURCES) -o $(BUILD) -j $(JOBS)

test: $(BIN)/unres system-deps
	$(BIN)/pytest -q

clean:
	rm -rf $(BUILD)

preview: build
	@command -v pdftoppm >/dev/null || { echo "pdftoppm missing: apt-get install poppler-utils" >&2; exit 4; }
	mkdir -p $(BUILD)/preview
	for pdf in $(BUILD)/*.pdf; do pdftoppm -r 80 -png "$$pdf" "$(BUILD)/preview/$$(basename "$$pdf" .pdf)"; done
	@echo "pages rendered to $(BUILD)/preview/"

BENCH_ARGS ?=
bench: $(BIN)/unres system-deps bytecode
	$(BIN)/python -m unres.bench --output $(BUILD)/bench.md $(BENCH_ARGS)

check-clients: $(BIN)/unres system-deps
	bash scripts/install-system-deps.sh --clients
	UNRES_REQUIRE_CLIENTS=1 $(BIN)/pytest -q tests/test_docx_clients.py

# One bag per resolution (every language version of one symbol) in build/bags/.
package: $(BIN)/unres system-deps bytecode
	$(BIN)/unres package $(SOURCES) --build-dir $(BUILD) -o $(BUILD)/bags -j $(JOBS)
