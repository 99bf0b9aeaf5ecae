#!/usr/bin/env bash
# Serve the app on http://127.0.0.1:5000 with the job consumer beside it; Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
export FLASK_APP=wsgi:app SONORES_ENV=${SONORES_ENV:-development}
export SONORES_MAIL_OUTBOX=${SONORES_MAIL_OUTBOX:-$PWD/instance/outbox}
.venv/bin/huey_consumer sonores_lms.jobs.huey --workers 2 --quiet &
consumer=$!
trap 'kill $consumer 2>/dev/null; wait $consumer 2>/dev/null' EXIT INT TERM
echo "Sonores LMS on http://127.0.0.1:5000 (mail goes to instance/outbox/). Ctrl-C stops it."
.venv/bin/flask run --host 127.0.0.1 --port 5000
