# Two commands set everything up on a fresh machine:
#   make run    create .venv, install, open the app on the default project
#   make test   create .venv, install with the test tools, lint, type-check, test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench bench-scaling clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall whenever pyproject.toml changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# The check first: on a machine that lacks a library the window needs, it names the
# packages (and, run as root at a terminal, offers to install them). The modules are
# byte-compiled as an installed copy's are (quick when they are up to date): where
# PYTHONDONTWRITEBYTECODE is set, each start would compile them all from source.
run: $(STAMP)
	@$(BIN)/python -m factcheck.preflight --offer-install
	@$(BIN)/python -m compileall -q factcheck
	$(BIN)/factcheck

lint: $(STAMP)
	$(BIN)/ruff check factcheck tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# make bench                      every benchmark, full size (the README's table)
# make bench BENCH_ARGS=--quick    smaller workloads, a few minutes
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py $(BENCH_ARGS)

bench-scaling: $(STAMP)
	$(BIN)/python bench/scaling.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache
