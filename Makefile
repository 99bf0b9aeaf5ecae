# Sonores LMS. The two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export FLASK_APP := wsgi:app

.PHONY: run test test-sqlite test-postgresql lint format translations i18n-update i18n-check bench system-deps system-deps-test db demo clean

run: system-deps $(STAMP) instance/config.py translations db demo
	@bash scripts/serve.sh

test: system-deps-test $(STAMP) translations
	bash scripts/test.sh

test-sqlite: $(STAMP) translations
	$(BIN)/pytest --db sqlite

test-postgresql: $(STAMP) translations
	$(BIN)/pytest --db postgresql

system-deps:
	@PYTHON=$(PYTHON) bash scripts/system-deps.sh run

system-deps-test:
	@PYTHON=$(PYTHON) bash scripts/system-deps.sh test

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# A development secret, generated once and kept out of git; production sets SONORES_SECRET_KEY instead.
# SONORES_SECRET_KEY still wins when set, as instance/config.py is read after the environment.
instance/config.py:
	mkdir -p instance
	$(BIN)/python -c "import secrets; print('import os\n\nSECRET_KEY = os.environ.get(\"SONORES_SECRET_KEY\") or %r' % secrets.token_urlsafe(48))" > $@
	chmod 600 $@

# Compiles the catalogues; a translations/ folder with no messages.po yet has nothing to compile.
translations: $(STAMP)
	@if ls translations/*/LC_MESSAGES/messages.po >/dev/null 2>&1; then \
		$(BIN)/pybabel -q compile -d translations; \
	else \
		echo "translations/: no catalogue yet, nothing to compile"; \
	fi

db: $(STAMP) instance/config.py
	SONORES_ENV=development $(BIN)/flask db upgrade

demo: $(STAMP) instance/config.py
	SONORES_ENV=development $(BIN)/flask sonores demo

i18n-update: $(STAMP)
	SONORES_ENV=development SONORES_SECRET_KEY=i18n $(BIN)/flask i18n update

i18n-check: $(STAMP)
	SONORES_ENV=development SONORES_SECRET_KEY=i18n $(BIN)/flask i18n check

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
