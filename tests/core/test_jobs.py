"""The job path for real: a web process queues a mail, a separate ``huey_consumer`` process sends it.

Each test runs two subprocesses against temporary files: one that queues a password-reset mail as the app does,
then the consumer, which must write that mail into the outbox within a bounded time.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from email import message_from_bytes
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/15"
DEADLINE = 60  # seconds for the consumer to start and send; it usually takes two or three

# Runs in the "web" process: create a person, ask for a password reset (which queues the mail), commit.
QUEUE_SCRIPT = """
from sonores_lms import create_app
from sonores_lms.auth.services import request_password_reset
from sonores_lms.extensions import db
from sonores_lms.jobs import huey
from sonores_lms.people.models import User

app = create_app()
assert not huey.immediate
with app.test_request_context():
    user = User(email="juliana.pereira@example.org", first_name="Juliana", last_name="Pereira", locale="pt")
    user.set_password("a long enough password")
    db.session.add(user)
    db.session.flush()
    request_password_reset(user.email)
    db.session.commit()
print("queued", huey.pending_count())
"""


@pytest.fixture
def job_env(tmp_path):
    """Environment for both processes: a migrated SQLite database, an outbox and a job store, all temporary."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("SONORES_", "FLASK_"))}
    env.update(
        SONORES_ENV="development",
        SONORES_SECRET_KEY="jobs-test-secret",
        SONORES_DATABASE_URL="sqlite:///" + str(tmp_path / "sonores.db"),
        SONORES_MAIL_OUTBOX=str(tmp_path / "outbox"),
        SONORES_JOBS_DB=str(tmp_path / "jobs.db"),
        SONORES_BASE_URL="http://sonores.test",
        PYTHONPATH=str(ROOT),
    )
    upgrade = [sys.executable, "-m", "flask", "--app", "wsgi:app", "db", "upgrade"]
    result = subprocess.run(upgrade, env=env, cwd=ROOT, capture_output=True, text=True, timeout=DEADLINE)
    assert result.returncode == 0, result.stderr
    return env


def _queue_mail(env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "-c", QUEUE_SCRIPT], env=env, cwd=ROOT, capture_output=True, text=True, timeout=DEADLINE
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "queued 1"  # waiting for a consumer, not sent in the web process


def _consume(env: dict[str, str], log: Path) -> list[Path]:
    """Run ``huey_consumer`` until a mail lands in the outbox (or the deadline passes), then stop it gracefully."""
    outbox = Path(env["SONORES_MAIL_OUTBOX"])
    assert not outbox.exists() or not any(outbox.iterdir())
    command = [sys.executable, "-m", "huey.bin.huey_consumer", "sonores_lms.worker.huey"]
    command += ["--workers", "1", "--delay", "0.05", "--max-delay", "0.5", "--no-periodic", "--simple"]
    with log.open("wb") as output:
        consumer = subprocess.Popen(command, env=env, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + DEADLINE
            while time.monotonic() < deadline and not list(outbox.glob("*.eml")):
                assert consumer.poll() is None, log.read_text()
                time.sleep(0.1)
            time.sleep(0.2)  # a duplicate delivery would show up now
        finally:
            consumer.send_signal(signal.SIGINT)
            try:
                consumer.wait(timeout=15)
            except subprocess.TimeoutExpired:
                consumer.kill()
                consumer.wait()
    return sorted(outbox.glob("*.eml"))


def _assert_reset_mail(files: list[Path], log: Path) -> None:
    assert len(files) == 1, log.read_text()
    message = message_from_bytes(files[0].read_bytes())
    assert message["To"] == "juliana.pereira@example.org"
    body = message.get_payload(decode=True).decode(message.get_content_charset() or "utf-8")
    assert "http://sonores.test/password/reset/" in body
    assert "[mail] to juliana.pereira@example.org" in log.read_text()  # echoed on the consumer's console


def test_sqlite_huey_round_trip_through_a_real_consumer(job_env, tmp_path):
    _queue_mail(job_env)
    assert (tmp_path / "jobs.db").exists()
    log = tmp_path / "consumer.log"
    _assert_reset_mail(_consume(job_env, log), log)


def _clear_jobs(connection, keep: str) -> None:
    for key in connection.scan_iter():
        if key != keep.encode():
            connection.delete(key)


@pytest.fixture
def redis_db():
    """Database 15, emptied; a lock there keeps simultaneous test runs (their queue has one name) apart."""
    redis = pytest.importorskip("redis")
    connection = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        connection.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    lock_name = "sonores-tests:jobs-lock"
    lock = connection.lock(lock_name, timeout=2 * DEADLINE + 30, blocking_timeout=2 * DEADLINE + 30)
    assert lock.acquire(), "another test run kept Redis database 15 too long"
    _clear_jobs(connection, keep=lock_name)
    try:
        yield connection
    finally:
        _clear_jobs(connection, keep=lock_name)
        lock.release()
        connection.close()


def test_redis_huey_round_trip_through_a_real_consumer(job_env, redis_db, tmp_path):
    env = {**job_env, "SONORES_REDIS_URL": REDIS_URL}
    del env["SONORES_JOBS_DB"]
    _queue_mail(env)
    assert redis_db.dbsize() > 1  # the job waits in Redis (beside the lock)
    assert not (tmp_path / "jobs.db").exists()
    log = tmp_path / "consumer.log"
    _assert_reset_mail(_consume(env, log), log)
