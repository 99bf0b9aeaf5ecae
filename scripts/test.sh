#!/usr/bin/env bash
# The whole suite on SQLite, then on PostgreSQL (127.0.0.1:5432 unless SONORES_TEST_POSTGRES_URL says otherwise).
# pytest-xdist spreads the tests over one worker per processor (SONORES_TEST_WORKERS=3 to choose, =0 for one
# process); each worker has its own database, job store and, for the browser tests, live server and Chromium.
# The browser tests stay together on one worker (--dist loadgroup) while the others share the rest.
set -euo pipefail
cd "$(dirname "$0")/.."
workers=${SONORES_TEST_WORKERS:-auto}
parallel=()
if [[ "$workers" != 0 ]]; then
  parallel=(-n "$workers" --dist loadgroup)
fi
.venv/bin/ruff check --quiet .
.venv/bin/python -m sonores_lms.i18n_check translations
echo "== SQLite =="
.venv/bin/pytest --db sqlite "${parallel[@]}" "$@"
echo "== PostgreSQL =="
.venv/bin/pytest --db postgresql "${parallel[@]}" "$@"
