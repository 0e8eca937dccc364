# Two commands for a new user: `make run` and `make test`. Everything else is for developers.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUNTIME_STAMP := $(VENV)/.stamp-runtime
DEV_STAMP     := $(VENV)/.stamp-dev
PORT ?= 8501

.PHONY: run test lint eval bench demo-data clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is needed; set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when a requirements file changed.
$(RUNTIME_STAMP): requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

$(DEV_STAMP): requirements-dev.txt $(RUNTIME_STAMP)
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

run: $(RUNTIME_STAMP)
	$(BIN)/python -m streamlit run app.py --server.port $(PORT)

test: $(DEV_STAMP)
	$(BIN)/python -m pytest

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

eval: $(DEV_STAMP)
	$(BIN)/python -m analyzer.evaluate
	@if [ -d tests ]; then $(BIN)/python -m analyzer.evaluate --heldout-all; fi

bench: $(DEV_STAMP)
	$(BIN)/python bench/run_all.py

demo-data: $(RUNTIME_STAMP)
	$(BIN)/python data/make_demo.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
