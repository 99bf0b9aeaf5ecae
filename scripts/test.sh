#!/usr/bin/env bash
# The whole suite on SQLite, then on PostgreSQL (127.0.0.1:5432 unless SONORES_TEST_POSTGRES_URL says otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/ruff check --quiet .
.venv/bin/python -m sonores_lms.i18n_check translations
echo "== SQLite =="
.venv/bin/pytest --db sqlite "$@"
echo "== PostgreSQL =="
.venv/bin/pytest --db postgresql "$@"
