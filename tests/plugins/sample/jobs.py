"""The plugin's job: the log line is written by the job consumer, after the completion has committed.

The consumer imports this module (``sonores_lms.worker`` imports every installed plugin's ``jobs``); declaring the
job opens no queue.
"""

from __future__ import annotations

from typing import Any

from flask import current_app

from sonores_lms.extensions import db
from sonores_lms.jobs import enqueue_after_commit

from . import plugin
from .services import note_course


@plugin.task(retries=3, retry_delay=10)
def note_completed_course(*, user_id: int, course_uid: str) -> None:
    """Write the log line. Idempotent: a retried job finds the line and writes nothing."""
    note_course(user_id, course_uid)
    # In the consumer the job owns its transaction; run at once (JOBS_IMMEDIATE), the caller's request commits.
    if not current_app.config["JOBS_IMMEDIATE"]:
        db.session.commit()


def on_course_completed(_enrolment: Any, *, user: Any, course: Any, **_kwargs: Any) -> None:
    """Receiver of ``courses.course-completed``: ask for the job, which is queued only if the completion commits."""
    enqueue_after_commit(note_completed_course, user_id=user.id, course_uid=course.uid)
