"""The certificates plugin's jobs: issuing after a completion, bulk issue, the ZIP of a course, expiry reminders.

Completion receivers only queue a job (with ``enqueue_after_commit``): the request that completed the last lesson
does not wait for a certificate, and a completion that rolls back issues nothing. Every job is idempotent: issuing
is (one certificate per completion), a bulk run skips what is issued, a reminder is marked as sent.
"""

from __future__ import annotations

from typing import Any

from flask import current_app
from huey import crontab

from sonores_lms.extensions import db
from sonores_lms.jobs import enqueue_after_commit
from sonores_lms.people.models import User
from sonores_lms.plugins import Plugin

from . import plugin
from .models import SubjectKind


def _finish() -> None:
    # In the consumer a job owns its transaction; run at once (JOBS_IMMEDIATE), the caller's request commits.
    if not current_app.config["JOBS_IMMEDIATE"]:
        db.session.commit()


@plugin.task(retries=3, retry_delay=30)
def issue_for_completion(*, user_id: int, kind: str, subject_uid: str) -> None:
    """Issue the certificate of one completion when its template says so. Idempotent."""
    from .issuing import IssueError, issue, template_for

    user = db.session.get(User, user_id)
    if user is None:
        return
    subject = SubjectKind(kind)
    track_uid = None
    if subject is SubjectKind.COURSE:
        from courses.api import published_course, track_of

        course = published_course(subject_uid)
        track_uid = track_of(course).uid if course is not None else None
    template = template_for(subject, subject_uid, track_uid=track_uid)
    if template is None or not template.auto_issue:
        return
    try:
        issue(user, subject, subject_uid, actor=None, template=template)
    except IssueError:
        current_app.logger.warning("No certificate for %s %s of person %s", kind, subject_uid, user_id)
        return
    _finish()


@plugin.task(retries=2, retry_delay=60)
def run_bulk(*, run_uid: str) -> None:
    """Issue a course's certificates to everyone who completed it, with progress on the run. Rerunning it (after a
    crash) issues only what is missing."""
    from .bulk import run_issue

    run_issue(run_uid, commit=not current_app.config["JOBS_IMMEDIATE"])
    _finish()


@plugin.task(retries=2, retry_delay=60)
def build_zip(*, run_uid: str) -> None:
    """Build the ZIP of a course's certificates (the holders' languages) for the admin who asked."""
    from .bulk import run_zip

    run_zip(run_uid)
    _finish()


@plugin.periodic_task(crontab(hour="4", minute="40"))
def remind_expiring() -> None:
    """Once a day: mail holders whose certificate expires within 60 days, once per certificate."""
    from .expiry import send_reminders

    send_reminders()
    _finish()


# -- receivers --------------------------------------------------------------------------------------------------


def on_course_completed(_enrolment: Any, *, user: Any, course: Any, **_kwargs: Any) -> None:
    enqueue_after_commit(issue_for_completion, user_id=user.id, kind=SubjectKind.COURSE.value, subject_uid=course.uid)


def on_track_completed(_completion: Any, *, user: Any, track: Any, **_kwargs: Any) -> None:
    enqueue_after_commit(issue_for_completion, user_id=user.id, kind=SubjectKind.TRACK.value, subject_uid=track.uid)


def connect(plugin: Plugin) -> None:
    from courses.api import course_completed, track_completed

    plugin.connect(course_completed, on_course_completed)
    plugin.connect(track_completed, on_track_completed)
