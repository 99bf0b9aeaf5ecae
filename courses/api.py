"""The public API of courses: the one module other plugins import (sessions, quizzes, certificates, ...).

Everything named in ``__all__`` is stable: its name, arguments and meaning change only with a note to every
plugin that requires courses. Everything else in the package (models' other columns, queries, views, services
not listed here) may change at any time; ``tests/core/test_plugin_boundaries.py`` fails when a plugin imports it.

What a plugin may do through it:

- find what learners see, by ``uid`` (uids survive plan revisions; ids do not): :func:`published_course`,
  :func:`published_lesson`;
- read a person's enrolment and progress: :func:`enrolment_of`, :func:`course_progress_of`,
  :func:`learner_state`;
- complete a lesson from elsewhere (a session attended, a quiz passed, with its score): :func:`complete_lesson`,
  with a :class:`CompletionSource`;
- declare lesson kinds (:class:`LessonKind`, answered to the :data:`lesson_kinds` collector from the plugin's
  ``init``) with the :func:`http_url` validator for address fields;
- listen to the completion events: :data:`course_completed`, :data:`track_completed`, :data:`enrolment_changed`;
- read what a completion attests (certificates): :func:`published_track`, :func:`track_of`, :func:`minutes_of`,
  :func:`course_completers`, :func:`track_completed_at`, and list the latest plan's :func:`published_tracks`.

The objects returned are the ORM rows; read their documented attributes (``uid``, ``kind``, ``data``,
``required``, ``text(field, language)`` on courses and lessons; ``status``, ``course_uid``, ``user_id``,
``started_at``, ``completed_at`` on enrolments) and never change them: changes go through these functions.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from sonores_lms.extensions import db

from . import learning as _learning
from .kinds import LessonKind, http_url, lesson_kinds_registry
from .learning import LearningError, learner_state
from .models import (
    Axis,
    CompletionSource,
    Course,
    Enrolment,
    EnrolmentStatus,
    Lesson,
    LessonCompletion,
    Module,
    Plan,
    PlanStatus,
    Track,
    TrackCompletion,
)
from .progress import LearnerState, Progress
from .progress import course_progress as _course_progress
from .signals import course_completed, enrolment_changed, lesson_kinds, track_completed

__all__ = [
    "CompletionSource",
    "Course",
    "Enrolment",
    "EnrolmentStatus",
    "LearnerState",
    "LearningError",
    "Lesson",
    "LessonCompletion",
    "LessonKind",
    "LessonNotFound",
    "Progress",
    "Track",
    "complete_lesson",
    "course_completers",
    "course_completed",
    "course_progress_of",
    "enrolment_changed",
    "enrolment_of",
    "http_url",
    "learner_state",
    "minutes_of",
    "lesson_kinds",
    "lesson_kinds_registry",
    "published_course",
    "published_lesson",
    "published_track",
    "published_tracks",
    "track_completed",
    "track_completed_at",
    "track_of",
]


class LessonNotFound(LearningError):
    """No published lesson has this uid (a draft's lesson, a mistyped or deleted one)."""

    def __init__(self, uid: str) -> None:
        super().__init__(f"No published lesson {uid!r}", status=404)
        self.uid = uid


def published_course(uid: str) -> Course | None:
    """The course ``uid`` in the latest published plan that has it, with its modules and lessons; None for a draft's
    or an unknown course."""
    return _learning.published_course(uid)


def published_lesson(uid: str) -> Lesson | None:
    """The lesson ``uid`` in a published plan (its course at ``lesson.module.course``); None otherwise."""
    return _learning.published_lesson(uid)


def enrolment_of(user: Any, course_uid: str) -> Enrolment | None:
    """``user``'s enrolment in the course ``course_uid`` (whatever its status), or None when they never started it."""
    return db.session.scalars(
        select(Enrolment).where(Enrolment.user_id == user.id, Enrolment.course_uid == course_uid)
    ).first()


def course_progress_of(user: Any, course_uid: str) -> Progress | None:
    """Required lessons ``user`` has done in the published course ``course_uid`` (``done``, ``total``,
    ``percent``, ``complete``); None when no published course has that uid."""
    course = published_course(course_uid)
    if course is None:
        return None
    return _course_progress(course, learner_state(user, course_uids=[course_uid]))


def complete_lesson(
    user: Any,
    lesson_uid: str,
    *,
    source: CompletionSource,
    score: int | None = None,
    actor: Any = None,
) -> LessonCompletion:
    """Mark the published lesson ``lesson_uid`` done for ``user``, by ``source`` (``ATTENDED`` for a session,
    ``QUIZ`` with a ``score`` in percent for a quiz, ...), as ``actor`` (default: the user). Idempotent: again,
    it only keeps a better score. Completes the course and the track when their rule is met, which sends
    :data:`course_completed` and :data:`track_completed` once. Raises :class:`LessonNotFound` for an unknown
    uid, :class:`LearningError` when the lesson is locked, reserved to other roles, or its kind refuses that
    source, and ``ValueError`` for a score outside 0-100. Flushes, never commits."""
    if not isinstance(source, CompletionSource):
        raise ValueError(f"source must be a CompletionSource, not {source!r}")
    if score is not None and not 0 <= score <= 100:
        raise ValueError(f"score must be a percent, not {score!r}")
    lesson = published_lesson(lesson_uid)
    if lesson is None:
        raise LessonNotFound(lesson_uid)
    return _learning.complete_lesson(user, lesson, source=source, score=score, actor=actor)


def published_track(uid: str) -> Track | None:
    """The track ``uid`` in the latest published plan that has it, with its courses, their modules and lessons;
    None for a draft's or an unknown track."""
    query = (
        select(Track)
        .join(Track.axis)
        .join(Axis.plan)
        .where(Track.uid == uid, Plan.status == PlanStatus.PUBLISHED)
        .options(selectinload(Track.courses).selectinload(Course.modules).selectinload(Module.lessons))
        .order_by(Plan.year.desc())
        .limit(1)
    )
    return db.session.scalars(query).first()


def track_of(course: Course) -> Track:
    """The track a published course belongs to (``title`` and ``uid`` readable as on courses)."""
    return course.track


def minutes_of(subject: Course | Track) -> int:
    """The announced duration, in minutes, of a published course (its lessons' durations) or of a track (its
    courses'), as loaded by :func:`published_course` or :func:`published_track`."""
    courses = subject.courses if isinstance(subject, Track) else [subject]
    return sum(lesson.duration_minutes for course in courses for module in course.modules for lesson in module.lessons)


def course_completers(course_uid: str) -> list[tuple[int, datetime]]:
    """``(user_id, completed_at)`` of everyone who completed the course ``course_uid``, by completion date."""
    rows = db.session.execute(
        select(Enrolment.user_id, Enrolment.completed_at)
        .where(Enrolment.course_uid == course_uid, Enrolment.status == EnrolmentStatus.COMPLETED)
        .order_by(Enrolment.completed_at, Enrolment.user_id)
    )
    return [(user_id, completed_at) for user_id, completed_at in rows]


def track_completed_at(user: Any, track_uid: str) -> datetime | None:
    """When ``user`` completed every course of the track ``track_uid``; None when they have not."""
    return db.session.scalar(
        select(TrackCompletion.completed_at).where(
            TrackCompletion.user_id == user.id, TrackCompletion.track_uid == track_uid
        )
    )


def published_tracks() -> list[Track]:
    """The tracks of the latest published plan with their courses, in the plan's order (for choosing a course or a
    track in another plugin's forms); empty when nothing is published."""
    plan = _learning.catalogue_plan(prerequisites=False)
    return [track for axis in plan.axes for track in axis.tracks] if plan is not None else []
