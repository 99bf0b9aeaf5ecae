"""The courses plugin's words for the audit log (action names, what an entry is about, its details), offered
through the ``audit-action-labels`` collector signal."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from sonores_lms.audit.present import AuditVocabulary
from sonores_lms.extensions import db
from sonores_lms.multilingual import pick

LABELS: dict[str, Any] = {
    "courses.plan-created": _l("Plan created"),
    "courses.plan-revision-started": _l("New revision of a plan started"),
    "courses.plan-published": _l("Plan published"),
    "courses.plan-copied": _l("Plan copied to another year"),
    "courses.plan-updated": _l("Plan title changed"),
    "courses.axis-updated": _l("Axis updated"),
    "courses.target-added": _l("Target added"),
    "courses.target-changed": _l("Target changed"),
    "courses.target-removed": _l("Target removed"),
    "courses.track-created": _l("Track created"),
    "courses.track-updated": _l("Track updated"),
    "courses.track-moved": _l("Track moved"),
    "courses.track-deleted": _l("Track deleted"),
    "courses.course-created": _l("Course created"),
    "courses.course-updated": _l("Course updated"),
    "courses.course-moved": _l("Course moved"),
    "courses.course-deleted": _l("Course deleted"),
    "courses.module-created": _l("Module created"),
    "courses.module-updated": _l("Module updated"),
    "courses.module-moved": _l("Module moved"),
    "courses.module-deleted": _l("Module deleted"),
    "courses.lesson-created": _l("Lesson created"),
    "courses.lesson-updated": _l("Lesson updated"),
    "courses.lesson-moved": _l("Lesson moved"),
    "courses.lesson-deleted": _l("Lesson deleted"),
    "courses.file-uploaded": _l("File uploaded"),
    "courses.trainer-assigned": _l("Trainer assigned"),
    "courses.trainer-unassigned": _l("Trainer unassigned"),
    "courses.enrolled": _l("Enrolled in a course"),
    "courses.course-completed": _l("Course completed"),
    "courses.track-completed": _l("Track completed"),
}


TARGETS: dict[str, Any] = {
    "Plan": _l("Training plan"),
    "Axis": _l("Axis"),
    "Track": _l("Track"),
    "Course": _l("Course"),
    "Module": _l("Module"),
    "Lesson": _l("Lesson"),
    "Enrolment": _l("Enrolment"),
    "TrackCompletion": _l("Track completed"),
    "Target": _l("Target"),
    "Assignment": _l("Trainer assignment"),
    "StoredFile": _l("File"),
}
KEYS: dict[str, Any] = {
    "course_uid": _l("Course"),
    "track_uid": _l("Track"),
    "plan_id": _l("Plan"),
    "revision": _l("Revision"),
    "from_year": _l("From the year"),
    "to_year": _l("To the year"),
    "languages": _l("Languages"),
    "kind": _l("Kind"),
    "direction": _l("Direction"),
    "position": _l("Position"),
    "trainer": _l("Trainer"),
    "code": _l("Code"),
    "content_type": _l("File type"),
    "size": _l("Size (bytes)"),
    "uid": _l("Identifier"),
}
ENROLMENT_STATUSES: dict[str, Any] = {
    "active": _l("in progress"),
    "completed": _l("completed"),
    "withdrawn": _l("withdrawn"),
}
DIRECTIONS: dict[str, Any] = {"up": _l("up"), "down": _l("down")}


def _titles(model: Any, uids: set[Any]) -> dict[Any, str]:
    """The title, in the reader's language, of the latest revision's item with each uid (uids live on across
    revisions)."""
    wanted = sorted(uid for uid in uids if isinstance(uid, str))
    rows = db.session.execute(select(model.uid, model.id, model.texts).where(model.uid.in_(wanted)).order_by(model.id))
    found: dict[Any, str] = {}
    for uid, _id, texts in rows:
        title = pick({lang: values.get("title") for lang, values in (texts or {}).items()}).text
        if title:
            found[uid] = title
    return found


def _courses(uids: set[Any]) -> dict[Any, str]:
    from .models import Course

    return _titles(Course, uids)


def _tracks(uids: set[Any]) -> dict[Any, str]:
    from .models import Track

    return _titles(Track, uids)


def _plans(ids: set[Any]) -> dict[Any, str]:
    from .models import Plan

    wanted = sorted(i for i in ids if isinstance(i, int))
    rows = db.session.execute(select(Plan.id, Plan.year, Plan.revision).where(Plan.id.in_(wanted)))
    return {row.id: str(_l("%(year)s, revision %(revision)s", year=row.year, revision=row.revision)) for row in rows}


def _words(words: dict[str, Any]) -> Any:
    return lambda values: {value: str(words[value]) for value in values if value in words}


def audit_labels(_sender: Any) -> AuditVocabulary:
    return AuditVocabulary(
        actions=LABELS,
        targets=TARGETS,
        keys=KEYS,
        resolvers={
            "course_uid": _courses,
            "track_uid": _tracks,
            "plan_id": _plans,
            "previous": _words(ENROLMENT_STATUSES),
            "direction": _words(DIRECTIONS),
        },
    )
