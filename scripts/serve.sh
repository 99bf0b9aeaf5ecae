#!/usr/bin/env bash
# Serve the app on http://127.0.0.1:5000 with the job consumer beside it; Ctrl-C (or SIGTERM) stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
export FLASK_APP=wsgi:app SONORES_ENV=${SONORES_ENV:-development}
export SONORES_MAIL_OUTBOX=${SONORES_MAIL_OUTBOX:-$PWD/instance/outbox}

# Both run in the background so that this script can stop them whatever signal it gets. TERM is the consumer's
# graceful signal: a mail being sent finishes (10 s at most); --max-delay 1 keeps new jobs waiting a second at most.
.venv/bin/huey_consumer sonores_lms.worker.huey --workers 2 --max-delay 1 --graceful-signal TERM --shutdown-timeout 10 \
  --quiet &
consumer=$!
.venv/bin/flask run --host 127.0.0.1 --port 5000 &
server=$!

stop() {
  trap - INT TERM EXIT
  kill -TERM "$server" "$consumer" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  wait "$consumer" 2>/dev/null || true
}
trap 'echo; echo "Stopping the server and the job consumer."; stop; exit 0' INT TERM
trap stop EXIT

echo "Sonores LMS on http://127.0.0.1:5000 (mail goes to instance/outbox/). Ctrl-C stops it."
# Whichever stops first (a port already in use, a crash) takes the other one down with it.
status=0
wait -n "$server" "$consumer" || status=$?
exit "$status"
