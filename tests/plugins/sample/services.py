"""The plugin's one rule: a course is noted once per person. Flushes, never commits."""

from __future__ import annotations

from courses.api import published_course
from sonores_lms.extensions import db
from sonores_lms.people.models import User

from .models import SampleNote
from .queries import note_for


def note_course(user_id: int, course_uid: str) -> SampleNote | None:
    """Note the published course ``course_uid`` in ``user_id``'s log, titled in their language; the note already
    there when it was noted before (a retried job), None when the person or the course is gone."""
    note = note_for(user_id, course_uid)
    if note is not None:
        return note
    user = db.session.get(User, user_id)
    course = published_course(course_uid)
    if user is None or course is None:
        return None
    title = course.text("title", user.locale).text or course_uid
    note = SampleNote(user_id=user_id, course_uid=course_uid, title=title[:300])
    db.session.add(note)
    db.session.flush()
    return note
