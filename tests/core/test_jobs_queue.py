"""Jobs are queued when the transaction commits, never for one that rolls back; Huey is created on first use; a
plugin's job does nothing where the plugin is disabled.

These run on the suite's database (``--db``), with the real Huey storage of the test process (a SQLite file), and
with ``JOBS_IMMEDIATE`` off unless a test says otherwise.
"""

from __future__ import annotations

import ast
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from sonores_lms.extensions import db as _db
from sonores_lms.jobs import enqueue_after_commit, get_huey, pending_jobs, send_mail, task
from sonores_lms.plugins import Plugin
from sonores_lms.settings.models import Setting
from tests.fixtures.app import test_config

ROOT = Path(__file__).resolve().parents[2]


@task()
def note(*, value: str) -> None:
    """A core job for these tests: writes a settings row, so that its effect is visible in the database."""
    _db.session.add(Setting(key=f"test.{value}", value=value))
    _db.session.flush()


@pytest.fixture
def queue(app, db, monkeypatch):
    """The real queue, emptied before and after; jobs go to it instead of running at once."""
    monkeypatch.setitem(app.config, "JOBS_IMMEDIATE", False)
    huey = get_huey()
    huey.flush()
    yield huey
    huey.flush()


def queued(huey):
    return [(task.name, task.kwargs) for task in huey.pending()]


def test_a_job_is_queued_once_the_transaction_commits(queue, db):
    enqueue_after_commit(note, value="one")
    enqueue_after_commit(note, value="two")
    assert queued(queue) == []  # a worker must not read what the transaction has not committed yet
    db.session.commit()
    assert queued(queue) == [("note", {"value": "one"}), ("note", {"value": "two"})]
    db.session.commit()  # a later transaction queues nothing again
    assert len(queued(queue)) == 2


def test_a_job_asked_for_in_a_transaction_that_rolls_back_is_never_queued(queue, db):
    db.session.add(Setting(key="test.kept", value=1))
    enqueue_after_commit(note, value="lost")
    db.session.rollback()
    db.session.commit()
    assert queued(queue) == []
    assert db.session.get(Setting, "test.kept") is None


def test_a_savepoint_rolled_back_drops_only_its_own_jobs(queue, db):
    enqueue_after_commit(note, value="before")
    with pytest.raises(RuntimeError), db.session.begin_nested():
        enqueue_after_commit(note, value="inside-refused")
        raise RuntimeError("refused")
    with db.session.begin_nested():
        enqueue_after_commit(note, value="inside-kept")
    assert queued(queue) == []  # a savepoint's release is not the commit
    db.session.commit()
    assert [kwargs["value"] for _name, kwargs in queued(queue)] == ["before", "inside-kept"]


def test_a_savepoint_released_then_rolled_back_with_its_transaction_queues_nothing(queue, db):
    with db.session.begin_nested():
        enqueue_after_commit(note, value="inside")
    db.session.rollback()
    db.session.commit()
    assert queued(queue) == []


def test_calls_of_one_job_merge_their_list_argument(queue, db):
    from courses.jobs import refresh_delivered_people

    enqueue_after_commit(refresh_delivered_people, merge="user_ids", user_ids=[3, 1])
    enqueue_after_commit(refresh_delivered_people, merge="user_ids", user_ids=[2, 3])
    assert pending_jobs(db.session()) == [(refresh_delivered_people, {"user_ids": [1, 2, 3]})]
    db.session.commit()
    assert queued(queue) == [("refresh_delivered_people", {"user_ids": [1, 2, 3]})]


def test_a_request_queues_its_mail_after_its_commit(queue, client, dummy_user):
    response = client.post("/password/forgot", data={"email": dummy_user.email})
    assert response.status_code == 302
    jobs = queued(queue)
    assert [name for name, _kwargs in jobs] == ["send_mail"]
    assert jobs[0][1]["to"] == dummy_user.email


def test_a_request_that_fails_queues_no_mail(queue, app, db, dummy_user):
    from sonores_lms.mail import send_templated_mail

    with app.test_request_context():
        send_templated_mail(dummy_user.email, "mail/password_reset", locale="es", user=dummy_user, link="http://x/y")
        db.session.rollback()  # what the end of a request answering 4xx or 5xx does
        db.session.commit()
    assert queued(queue) == []


def test_immediate_jobs_run_at_once_inside_the_callers_transaction(app, db):
    assert app.config["JOBS_IMMEDIATE"]
    enqueue_after_commit(note, value="now")
    assert db.session.get(Setting, "test.now") is not None  # ran before any commit
    db.session.rollback()
    assert db.session.scalars(select(Setting).where(Setting.key == "test.now")).first() is None
    enqueue_after_commit(note, value="kept")
    db.session.commit()
    assert db.session.get(Setting, "test.kept").value == "kept"


def test_immediate_mail_is_sent_at_once(app, outbox):
    with app.test_request_context():
        enqueue_after_commit(send_mail, key="immediate-1", to="a@example.org", subject="Hola", body="Cuerpo")
    assert [message.subject for message in outbox] == ["Hola"]


# -- plugin jobs ------------------------------------------------------------------------------------------------

ran: list[str] = []
demo = Plugin(name="courses", title="Courses")  # a plugin object under an installed plugin's name


@demo.task()
def courses_probe(*, value: str) -> str:
    ran.append(value)
    return value


def test_a_plugin_job_runs_only_where_its_plugin_is_enabled(app, caplog):
    from sonores_lms import create_app

    ran.clear()
    with app.app_context():
        assert courses_probe.call_local(value="enabled") == "enabled"
    safe = create_app(test_config("sqlite://", SAFE_MODE=True))
    with caplog.at_level(logging.INFO, logger="sonores_lms.plugins"), safe.app_context():
        assert courses_probe.call_local(value="disabled") is None
    assert ran == ["enabled"]
    assert "plugin 'courses' is not enabled" in caplog.text


def test_plugin_jobs_are_registered_under_their_module_names():
    from courses.jobs import rebuild_delivered, rebuild_delivered_nightly, refresh_delivered_people

    registry = get_huey()._registry
    for job in (rebuild_delivered, rebuild_delivered_nightly, refresh_delivered_people):
        assert registry.string_to_task(job.name) is job.wrapper.task_class
    assert rebuild_delivered.name == "courses.jobs.rebuild_delivered"
    assert rebuild_delivered_nightly.wrapper.task_class in {type(t) for t in get_huey().read_periodic(_nightly())}


def _nightly():
    from datetime import datetime

    return datetime(2026, 3, 1, 3, 15)


def test_the_courses_jobs_have_no_hand_written_plugin_guard():
    source = (ROOT / "courses" / "jobs.py").read_text()
    assert "is_enabled" not in source


def test_the_delivered_summary_does_not_import_its_jobs():
    """``courses.jobs`` imports ``courses.delivered``; the other way round would be a circle."""
    tree = ast.parse((ROOT / "courses" / "delivered.py").read_text())
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    assert not {"jobs", "courses.jobs", "sonores_lms.jobs"} & imported


# -- Huey is created on first use -------------------------------------------------------------------------------

LAZY_SCRIPT = """
import os, sys
import sonores_lms.jobs as jobs
import courses.jobs
from sonores_lms import create_app

app = create_app({"ENV": "testing", "SECRET_KEY": "x", "DATABASE_URL": "sqlite://"})
assert jobs._huey is None, "importing the job modules or creating the app opened the queue"
assert not os.path.exists(os.environ["SONORES_JOBS_DB"])
from sonores_lms.worker import huey
names = sorted(huey._registry._registry)
print(jobs._huey is huey, os.path.exists(os.environ["SONORES_JOBS_DB"]), ",".join(names))
"""


def test_importing_the_jobs_opens_no_queue_and_the_worker_registers_every_task(tmp_path):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("SONORES_", "FLASK_"))}
    env.update(SONORES_JOBS_DB=str(tmp_path / "jobs.db"), PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", LAZY_SCRIPT], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    same, created, names = result.stdout.strip().split(" ")
    assert same == "True" and created == "True"
    assert {
        "sonores_lms.jobs.send_mail",
        "courses.jobs.refresh_delivered_people",
        "courses.jobs.rebuild_delivered",
        "courses.jobs.rebuild_delivered_nightly",
    } <= set(names.split(","))


def test_a_closed_session_forgets_what_its_transaction_asked_for(queue, db):
    enqueue_after_commit(note, value="forgotten")
    db.session.close()
    db.session.commit()
    assert queued(queue) == []


def test_a_queue_that_fails_after_the_commit_loses_that_job_only(queue, db, monkeypatch, caplog):
    from sonores_lms.jobs import LazyTask

    real_call = LazyTask.__call__

    def flaky(job, **kwargs):
        if kwargs.get("value") == "unlucky":
            raise ConnectionError("queue unreachable")
        return real_call(job, **kwargs)

    monkeypatch.setattr(LazyTask, "__call__", flaky)
    db.session.add(Setting(key="test.saved", value=1))
    enqueue_after_commit(note, value="unlucky")
    enqueue_after_commit(note, value="lucky")
    with caplog.at_level(logging.ERROR, logger="sonores_lms.jobs"):
        db.session.commit()
    assert [kwargs["value"] for _name, kwargs in queued(queue)] == ["lucky"]
    assert db.session.get(Setting, "test.saved") is not None
    assert "Could not queue job" in caplog.text
