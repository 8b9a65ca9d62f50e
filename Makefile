# Two commands for a fresh machine: `make run` (SQLite, seeds imported, http://127.0.0.1:8000/)
# and `make test`. Everything is installed into .venv from pyproject.toml.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# The seed documents, filed in a collection (story) so that the README's examples of
# collections return something (tests/test_readme.py runs them on this).
SEED := import_documents --collection Chicago seeds/

.PHONY: install run test lint migrate seed clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# Development server: DEBUG on, SQLite unless DATABASE_URL is set.
run: export DEBUG ?= 1
run: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py $(SEED)
	$(BIN)/python manage.py runserver 127.0.0.1:8000

migrate: install
	$(BIN)/python manage.py migrate --no-input

seed: install
	$(BIN)/python manage.py $(SEED)

# The test suite; set DATABASE_URL to run it on PostgreSQL.
test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DEBUG=1 $(BIN)/mypy

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
