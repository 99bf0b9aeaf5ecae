"""Readable names of the courses plugin's audit actions, offered to the audit log through a collector signal."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

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


def audit_labels(_sender: Any) -> dict[str, Any]:
    return LABELS
