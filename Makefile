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

LANGUAGES = Arabic Chinese French Russian Spanish
preview: build
	@command -v pdftoppm >/dev/null || { echo "pdftoppm missing: apt-get install poppler-utils" >&2; exit 4; }
	mkdir -p $(BUILD)/preview $(BUILD)/languages
	for pdf in $(BUILD)/*.pdf; do pdftoppm -r 80 -png "$$pdf" "$(BUILD)/preview/$$(basename "$$pdf" .pdf)"; done
	# 38/3 with its front matter in each other language (the body stays English): page 1 and the last.
	for lang in $(LANGUAGES); do \
	  sed -e "s/^language: English$$/language: $$lang/" -e "s/^meeting: 37th meeting$$/meeting: 37/" \
	    source/A_HRC_RES_38_3.md > $(BUILD)/languages/A_HRC_RES_38_3_$$lang.md; done
	$(BIN)/unres build $(BUILD)/languages/*.md -o $(BUILD)/languages -f pdf -q
	for pdf in $(BUILD)/languages/*.pdf; do \
	  name=$$(basename "$$pdf" .pdf); last=$$(pdfinfo "$$pdf" | awk '/^Pages:/ {print $$2}'); \
	  pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$$pdf" "$(BUILD)/preview/$$name-first"; \
	  pdftoppm -r 80 -png -f $$last -l $$last -singlefile "$$pdf" "$(BUILD)/preview/$$name-last"; done
	@echo "pages rendered to $(BUILD)/preview/"

BENCH_ARGS ?=
bench: $(BIN)/unres system-deps bytecode
	PYTHONPATH=scripts $(BIN)/python -m bench.run --output $(BUILD)/bench.md $(BENCH_ARGS)

check-clients: $(BIN)/unres system-deps
	bash scripts/install-system-deps.sh --clients
	UNRES_REQUIRE_CLIENTS=1 $(BIN)/pytest -q tests/test_docx_clients.py

# One bag per resolution (every language version of one symbol) in build/bags/.
package: $(BIN)/unres system-deps bytecode
	$(BIN)/unres package $(SOURCES) --build-dir $(BUILD) -o $(BUILD)/bags -j $(JOBS)
