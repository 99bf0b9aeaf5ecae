"""Signals of the courses plugin. Other plugins listen (certificates); courses never imports them."""

from __future__ import annotations

from blinker import Namespace

_signals = Namespace()

course_completed = _signals.signal(
    "courses.course-completed",
    doc="""Event: a person completed a course (all required lessons done, its minimum score reached on lessons of
    a kind that scores).

    sender: the :class:`courses.models.Enrolment`; keywords ``user`` and ``course`` (the published
    :class:`courses.models.Course`). Sent once per enrolment. Receivers return nothing; they may flush, never
    commit.""",
)

track_completed = _signals.signal(
    "courses.track-completed",
    doc="""Event: a person completed every course of a track.

    sender: the :class:`courses.models.TrackCompletion`; keywords ``user`` and ``track``. Sent once per person and
    track. Receivers return nothing; they may flush, never commit.""",
)

enrolment_changed = _signals.signal(
    "courses.enrolment-changed",
    doc="""Event: an enrolment was created or changed status.

    sender: the :class:`courses.models.Enrolment`; keyword ``actor`` (who did it) and ``previous`` (the previous
    status, or None for a new enrolment). Receivers return nothing.""",
)

lesson_kinds = _signals.signal(
    "courses.lesson-kinds",
    doc="""Collector for the kinds of lesson (text, video, file, link, live session, an embedded item; a quiz from
    the quizzes plugin, ...).

    sender: None. Each receiver returns a :class:`courses.api.LessonKind` or an iterable of them: its editor
    fields, how they load and save into ``Lesson.data``, its publish checks, learner template and completion
    (see the class). Names must be unique (see :func:`courses.kinds.lesson_kinds_registry`). A plugin connects its
    receiver in its ``init`` with ``plugin.connect``, so its kinds exist only while it is enabled.""",
)
